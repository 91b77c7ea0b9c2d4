"""The wall display against a real hub: calls appear, are announced in order, survive restarts.

pytest-qt drives the real `DisplayApp` (offscreen); the hub is uvicorn on 127.0.0.1 over a
SQLite file. The sound output is the one fake: it records the WAV files queued, in order.
"""

from __future__ import annotations

import json
import threading
import wave
from concurrent.futures import ThreadPoolExecutor
from dataclasses import fields
from pathlib import Path
from queue import Empty, Queue
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from websockets.sync.client import connect

from display.qt.announcer import CHIME
from display.qt.app import DisplayApp, DisplayOptions
from shared.board import BoardCall
from shared.pairing import TokenStore
from tests.display.conftest import E2EHub, RecordingSounds

WAIT_MS = 20_000
PUBLIC_FIELDS = {
    *("type", "seq", "at", "number", "counter_id", "counter_name", "location", "recall"),
    *("floor", "room", "direction", "language", "waiting", "calls"),
}


def _ready(qtbot: QtBot, app: DisplayApp) -> None:
    """Wait until the display has its setup and the hub's first snapshot on its stream."""
    qtbot.waitUntil(
        lambda: app.model.setup is not None and app.model.board.version > 0, timeout=WAIT_MS
    )


def _numbers(app: DisplayApp) -> list[str]:
    state = app.model.view_state(app.options.monotonic())
    return [c.number for c in (*state.calls, *state.history)]


def _recorded(app: DisplayApp) -> list[Path]:
    paths: list[Path] = getattr(app.announcer.sounds, "paths")  # noqa: B009 (the recording fake)
    return paths


def test_a_call_appears_is_painted_and_acknowledged(
    qtbot: QtBot, e2e_hub: E2EHub, display_app: DisplayApp
) -> None:
    _ready(qtbot, display_app)
    with e2e_hub.clerk() as clerk:
        e2e_hub.issue(clerk)
        with qtbot.waitSignal(display_app.window.calls.painted, timeout=WAIT_MS):
            called = e2e_hub.call(clerk, "c1")
    number = called["ticket"]["number"]
    qtbot.waitUntil(lambda: number in _numbers(display_app), timeout=WAIT_MS)
    state = display_app.model.view_state(display_app.options.monotonic())
    assert state.calls[0].place == "1. OG · Raum 1.12"
    assert state.highlighted == number
    assert state.waiting == 0
    qtbot.waitUntil(lambda: display_app.acked >= display_app.model.board.seq, timeout=WAIT_MS)


def test_five_calls_within_10_ms_all_appear_and_are_announced_in_order(
    qtbot: QtBot, e2e_hub: E2EHub, display_app: DisplayApp
) -> None:
    _ready(qtbot, display_app)
    counters = ["c1", "c2", "c4", "c5", "c6"]
    queued: list[tuple[BoardCall, tuple[Path, ...]]] = []
    display_app.announcer.queued.connect(lambda call, paths: queued.append((call, paths)))
    with e2e_hub.clerk() as clerk:
        for counter in counters:
            e2e_hub.issue(clerk)
            clerk.post(f"/counters/{counter}/open")
        start = threading.Barrier(len(counters))

        def call(counter: str) -> str:
            start.wait()  # all five requests leave within a few ms of each other
            answer = clerk.post(f"/counters/{counter}/call-next")
            assert answer.status_code == 200, answer.text
            return str(answer.json()["ticket"]["number"])

        with ThreadPoolExecutor(len(counters)) as pool:
            numbers = list(pool.map(call, counters))
    qtbot.waitUntil(lambda: len(queued) == len(counters), timeout=WAIT_MS)
    assert sorted(_numbers(display_app)) == sorted(numbers)
    announced = [c for c, _ in queued]
    assert [c.seq for c in announced] == sorted(c.seq for c in announced)  # in call order
    assert sorted(c.number for c in announced) == sorted(numbers)  # each once, none dropped
    recorded = _recorded(display_app)
    assert recorded == [p for _, paths in queued for p in paths]  # queued whole, in order
    assert recorded.count(CHIME) == len(counters)
    for path in set(recorded):
        with wave.open(str(path)) as wav:
            assert wav.getnframes() / wav.getframerate() > 0.3  # a real, whole sound


def test_a_hub_restart_in_the_middle_of_calls_loses_none_and_repeats_none(
    qtbot: QtBot, e2e_hub: E2EHub, display_app: DisplayApp
) -> None:
    _ready(qtbot, display_app)
    announced: list[str] = []
    display_app.model.call_arrived.connect(lambda call: announced.append(call.number))
    numbers = []
    with e2e_hub.clerk() as clerk:
        for counter in ("c1", "c2"):
            e2e_hub.issue(clerk)
            numbers.append(e2e_hub.call(clerk, counter)["ticket"]["number"])
    qtbot.waitUntil(lambda: len(announced) == 2, timeout=WAIT_MS)
    e2e_hub.stop()
    qtbot.waitUntil(lambda: display_app.model.reconnecting, timeout=WAIT_MS)
    e2e_hub.start()
    with e2e_hub.clerk() as clerk:
        for counter in ("c4", "c5"):
            e2e_hub.issue(clerk)
            numbers.append(e2e_hub.call(clerk, counter)["ticket"]["number"])
    qtbot.waitUntil(lambda: len(announced) == 4, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not display_app.model.reconnecting, timeout=WAIT_MS)
    assert announced == numbers
    assert sorted(_numbers(display_app)) == sorted(numbers)  # on the board once each


def test_the_display_shows_only_its_counters(
    qtbot: QtBot, e2e_hub: E2EHub, display_app: DisplayApp
) -> None:
    _ready(qtbot, display_app)
    with e2e_hub.clerk() as clerk:
        e2e_hub.issue(clerk)
        e2e_hub.issue(clerk)
        other = e2e_hub.call(clerk, "c3")["ticket"]["number"]  # the ground floor's counter
        mine = e2e_hub.call(clerk, "c1")["ticket"]["number"]
    qtbot.waitUntil(lambda: mine in _numbers(display_app), timeout=WAIT_MS)
    assert other not in _numbers(display_app)
    assert [c.id for c in display_app.model.setup.counters] == ["c1", "c2", "c4", "c5", "c6"]


def _staff_frames(
    hub: E2EHub, stop: threading.Event
) -> tuple[Queue[dict[str, Any]], threading.Thread]:
    """Frames of the staff stream, read on a thread (the Qt loop must keep running)."""
    frames: Queue[dict[str, Any]] = Queue()
    url = f"ws://127.0.0.1:{hub.port}/api/v1/events?since=0"
    headers = {"Authorization": f"Bearer {hub.tokens['clerk']}"}

    def read() -> None:
        with connect(url, additional_headers=headers, open_timeout=5) as ws:
            while not stop.is_set():
                try:
                    frames.put(json.loads(ws.recv(timeout=0.2)))
                except TimeoutError:
                    continue

    reader = threading.Thread(target=read, daemon=True, name="staff-stream")
    reader.start()
    return frames, reader


def _alert(frames: Queue[dict[str, Any]], qtbot: QtBot, step: Any) -> dict[str, Any]:
    for _ in range(100):
        step()
        try:
            while True:
                frame = frames.get(timeout=0.1)
                if frame["type"] == "device.alert":
                    return frame
        except Empty:
            qtbot.wait(10)
    raise AssertionError("no display alert")


def test_a_display_that_goes_away_raises_the_alert_and_clears_it_on_return(
    qtbot: QtBot, e2e_hub: E2EHub, display_app: DisplayApp, tmp_path: Path
) -> None:
    _ready(qtbot, display_app)
    stop = threading.Event()
    frames, reader = _staff_frames(e2e_hub, stop)
    try:
        display_app.shutdown()
        raised = _alert(frames, qtbot, lambda: e2e_hub.clock.advance(31))
        assert (raised["raised"], raised["problem"], raised["name"]) == (
            True,
            "no_stream",
            "og1",
        )
        store = TokenStore("display", tmp_path / "config")
        again = DisplayApp(
            DisplayOptions(
                server_url=e2e_hub.url,
                windowed=True,
                token_store=store,
                silent=True,
                sounds=RecordingSounds(),
            )
        )
        again.start()
        cleared = _alert(frames, qtbot, lambda: None)
        assert (cleared["raised"], cleared["problem"]) == (False, "no_stream")
        again.shutdown()
    finally:
        stop.set()
        reader.join(timeout=10)


@pytest.mark.parametrize("language", ["ar", "en"])
def test_nothing_personal_reaches_the_display(
    qtbot: QtBot, e2e_hub: E2EHub, display_app: DisplayApp, language: str
) -> None:
    _ready(qtbot, display_app)
    assert display_app.client is not None
    seen: list[object] = []
    display_app.client.event_received.connect(seen.append)
    with e2e_hub.clerk() as clerk:
        issued = e2e_hub.issue(clerk, language)
        ticket = e2e_hub.call(clerk, "c1")["ticket"]
        clerk.post(f"/tickets/{ticket['id']}/park", json={"note": "Dolmetscher Frau Yilmaz"})
    qtbot.waitUntil(
        lambda: any(getattr(e, "type", "") == "public.clear" for e in seen), timeout=WAIT_MS
    )
    for event in seen:
        assert {f.name for f in fields(event)} <= PUBLIC_FIELDS, event  # type: ignore[arg-type]
    state = display_app.model.view_state(display_app.options.monotonic())
    screen = repr(state) + display_app.window.title.text() + display_app.window.info.text()
    for secret in ("Yilmaz", "Dolmetscher", "Allgemein", "General", issued["status_url"]):
        assert secret not in screen
