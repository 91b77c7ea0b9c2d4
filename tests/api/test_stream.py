"""The event stream over a real WebSocket: replay, live, no gap, public form, snapshot."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import ClientConnection, connect

from server.app import ServerOptions
from server.store import StoreSettings

if TYPE_CHECKING:
    from tests.api.conftest import Hub, Template

PUBLIC_KEYS = {
    "public.snapshot": {"type", "seq", "at", "calls", "waiting"},
    "public.call": {
        "type",
        "seq",
        "at",
        "number",
        "counter_id",
        "counter_name",
        "location",
        "recall",
        "floor",
        "room",
        "direction",
        "language",
        "waiting",
    },
    "public.clear": {"type", "seq", "at", "number", "counter_id", "waiting"},
    "public.waiting": {"type", "seq", "at", "waiting"},
    "heartbeat": {"type", "seq", "at"},
}


def _open(hub: Hub, role: str, since: int = 0) -> ClientConnection:
    return connect(hub.ws_url(since), additional_headers=hub.auth(role), open_timeout=5)


def _frames_until(
    ws: ClientConnection, last_seq: int, skip_heartbeats: bool = True
) -> list[dict[str, Any]]:
    frames = []
    while True:
        frame = json.loads(ws.recv(timeout=5))
        if skip_heartbeats and frame["type"] == "heartbeat":
            continue
        frames.append(frame)
        if frame["seq"] >= last_seq:
            return frames


def test_replays_from_since_then_goes_live(hub: Hub) -> None:
    for _ in range(3):
        hub.issue()
    with _open(hub, "clerk", since=1) as ws:
        replayed = _frames_until(ws, 3)
        assert [(f["type"], f["seq"]) for f in replayed] == [
            ("ticket.issued", 2),
            ("ticket.issued", 3),
        ]
        hub.issue("passport")
        live = _frames_until(ws, 4)
    assert [(f["seq"], f["ticket"]["number"]) for f in live] == [(4, "P001")]


def test_no_gap_and_no_duplicate_while_tickets_are_issued_during_the_connect(hub: Hub) -> None:
    hub.issue()
    writer = threading.Thread(
        target=lambda: [hub.issue("passport", role="clerk") for _ in range(40)]
    )
    writer.start()
    try:
        with _open(hub, "clerk", since=1) as ws:
            writer.join()
            frames = _frames_until(ws, hub.store.last_seq())
    finally:
        writer.join()
    assert [f["seq"] for f in frames] == list(range(2, 42))


def test_a_display_sees_only_public_events(hub: Hub) -> None:
    with _open(hub, "display") as ws:
        first = json.loads(ws.recv(timeout=5))
        assert first == {
            "type": "public.snapshot",
            "seq": 0,
            "at": first["at"],
            "calls": [],
            "waiting": 0,
        }
        tid = hub.issue()["ticket"]["id"]
        with hub.client("clerk") as clerk:
            clerk.post("/counters/c1/open")
            clerk.post("/counters/c1/call-next")
            clerk.post(f"/tickets/{tid}/start")
            clerk.post(f"/tickets/{tid}/finish")
            frames = _frames_until(ws, hub.store.last_seq(), skip_heartbeats=False)
            clerk.post("/counters/c1/pause")  # not for the waiting room: no frame
        beat = json.loads(ws.recv(timeout=5))
    kinds = [f["type"] for f in frames if f["type"] != "heartbeat"]
    assert kinds == ["public.waiting", "public.call", "public.clear"]
    assert [f["waiting"] for f in frames if f["type"] != "heartbeat"] == [1, 0, 0]
    call = next(f for f in frames if f["type"] == "public.call")
    assert (call["number"], call["counter_name"], call["location"]) == (
        "A001",
        "Schalter 1",
        "Raum 1.12",
    )
    for frame in [first, *frames, beat]:
        assert set(frame) == PUBLIC_KEYS[frame["type"]], frame
    assert beat["type"] == "heartbeat"
    assert beat["seq"] == hub.store.last_seq()  # the heartbeat still carries the newest seq


def test_a_display_that_reconnects_gets_the_board_with_the_current_call(hub: Hub) -> None:
    hub.issue()
    hub.issue()
    with hub.client("clerk") as clerk:
        clerk.post("/counters/c2/open")
        clerk.post("/counters/c2/call-next")
    with _open(hub, "counter") as ws:
        board = json.loads(ws.recv(timeout=5))
    assert board["type"] == "public.snapshot"
    assert board["waiting"] == 1
    assert [(c["number"], c["counter_name"]) for c in board["calls"]] == [("A001", "Schalter 2")]


def test_a_client_too_far_behind_gets_a_snapshot(tmp_path: Path, template: Template) -> None:
    from tests.api.conftest import start_hub  # noqa: PLC0415

    hub = start_hub(tmp_path, template, ServerOptions(), StoreSettings(replay_limit=3))
    try:
        for _ in range(6):
            hub.issue()
        with _open(hub, "clerk", since=1) as ws:
            snapshot = json.loads(ws.recv(timeout=5))
        assert snapshot["type"] == "snapshot"
        assert snapshot["seq"] == 6
        assert [t["number"] for t in snapshot["tickets"]] == [f"A00{i}" for i in range(1, 7)]
        with _open(hub, "clerk", since=4) as ws:
            assert [f["seq"] for f in _frames_until(ws, 6)] == [5, 6]
        with _open(hub, "clerk", since=999) as ws:  # a client from a database that was reset
            assert json.loads(ws.recv(timeout=5))["type"] == "snapshot"
    finally:
        hub.stop()


def test_shutdown_closes_open_streams_promptly(tmp_path: Path, template: Template) -> None:
    from tests.api.conftest import start_hub  # noqa: PLC0415

    hub = start_hub(tmp_path, template, ServerOptions())
    with _open(hub, "display") as ws:
        assert json.loads(ws.recv(timeout=5))["type"] == "public.snapshot"
        started = time.monotonic()
        hub.stop()
        assert time.monotonic() - started < 3
        with pytest.raises(ConnectionClosed) as closed:
            ws.recv(timeout=5)
    assert closed.value.rcvd is not None
    assert closed.value.rcvd.code in (1001, 1012)


def _closed_by_server(ws: ClientConnection) -> tuple[int | None, float]:
    """Read (heartbeats) until the server closes; its close code and how long it took."""
    started = time.monotonic()
    while time.monotonic() - started < 5:
        try:
            frame = json.loads(ws.recv(timeout=5))
        except ConnectionClosed as closed:
            received = closed.rcvd
            return (received.code if received else None), time.monotonic() - started
        assert frame["type"] == "heartbeat"
    raise AssertionError("the server kept the stream open")


def test_a_revoked_display_is_cut_off_within_a_period(hub: Hub) -> None:
    device_id = next(d.id for d in hub.store.list_devices() if d.role.value == "display")
    with _open(hub, "display") as ws:
        assert json.loads(ws.recv(timeout=5))["type"] == "public.snapshot"
        hub.store.revoke_device(device_id)
        code, took = _closed_by_server(ws)
    assert code == 4001
    assert took < 0.3 + 1.0  # one re-check period (the hub's heartbeat period), and slack
