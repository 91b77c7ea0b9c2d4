"""The staff alarm over HTTP and the stream: every staff stream within 1 s, no display ever."""

from __future__ import annotations

import json
import logging
import time
from typing import TYPE_CHECKING, Any

import pytest
from websockets.sync.client import ClientConnection, connect

if TYPE_CHECKING:
    from tests.api.conftest import Hub


def _open(hub: Hub, role: str, since: int = 0) -> ClientConnection:
    return connect(hub.ws_url(since), additional_headers=hub.auth(role), open_timeout=5)


def _next_of(ws: ClientConnection, kind: str) -> dict[str, Any]:
    while True:
        frame: dict[str, Any] = json.loads(ws.recv(timeout=5))
        if frame["type"] == kind:
            return frame


def _all_until(ws: ClientConnection, kind: str) -> list[str]:
    texts = []
    while True:
        text = str(ws.recv(timeout=5))
        texts.append(text)
        if json.loads(text)["type"] == kind:
            return texts


def test_the_alarm_reaches_every_staff_stream_within_a_second_and_no_display(
    hub: Hub, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    with (
        _open(hub, "supervisor") as boss,
        _open(hub, "admin") as colleague,
        _open(hub, "display") as display,
    ):
        for ws in (boss, colleague):
            assert _next_of(ws, "snapshot")["alarms"] == []
        _next_of(display, "public.snapshot")
        with hub.client("clerk") as clerk:
            started = time.perf_counter()
            answer = clerk.post("/alarms", json={"counter_id": "c1"})
            assert answer.status_code == 200, answer.text
            seen = [_next_of(ws, "alarm.raised") for ws in (boss, colleague)]
            elapsed = time.perf_counter() - started
            alarm = answer.json()
            seq = alarm.pop("seq")  # the answer's stream position: the event's own seq
            assert (alarm["counter_name"], alarm["raised_by"]) == ("Schalter 1", "clerk")
            assert all(frame["alarm"] == alarm and frame["seq"] == seq for frame in seen)
            assert elapsed < 1.0, f"alarm took {elapsed:.3f} s"

            with hub.client("supervisor") as helper:
                done = helper.post(f"/alarms/{alarm['id']}/acknowledge")
                assert done.status_code == 200, done.text
                assert done.json()["acknowledged_by"] == "supervisor"
                again = helper.post(f"/alarms/{alarm['id']}/acknowledge")
                assert again.status_code == 409
                assert "already acknowledged" in again.json()["detail"]
            assert _next_of(colleague, "alarm.acknowledged")["alarm"]["id"] == alarm["id"]

            hub.issue()
            clerk.post("/counters/c1/open")
            assert clerk.post("/counters/c1/call-next").status_code == 200
        shown = _all_until(display, "public.call")
    assert not any("alarm" in text or "clerk" in text for text in shown), shown
    with _open(hub, "display", since=1) as replay:
        replayed = _all_until(replay, "public.call")
    assert not any("alarm" in text for text in replayed), replayed
    messages = [r.getMessage() for r in caplog.records if "alarm" in r.getMessage()]
    assert messages, "the hub logs the alarm"
    assert not any("clerk" in m or "supervisor" in m for m in messages), messages


def test_an_open_alarm_is_in_the_staff_snapshot_only(hub: Hub) -> None:
    with hub.client("clerk") as clerk:
        alarm = clerk.post("/alarms", json={"counter_id": "c2"}).json()
        again = clerk.post("/alarms", json={"counter_id": "c2"}).json()
        assert again == alarm  # already open: the same alarm, no event, the same seq
        del alarm["seq"]
        assert clerk.post("/alarms", json={"counter_id": "nope"}).status_code == 404
        assert clerk.post("/alarms/999/acknowledge").status_code == 404
        assert clerk.get("/queue").json()["alarms"] == [alarm]
    with _open(hub, "clerk") as staff:
        assert _next_of(staff, "snapshot")["alarms"] == [alarm]
    with _open(hub, "display") as display:
        board = str(display.recv(timeout=5))
    assert "alarm" not in board
    with hub.client("display") as device:
        assert device.post("/alarms", json={"counter_id": "c2"}).status_code == 403
