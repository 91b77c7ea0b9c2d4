"""A click whose answer is lost after the hub acted: the app asks again with the same key, the
hub answers with its first answer, and the window shows the true state (one ticket called)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from counter.actions import Verb
from tests.counter.conftest import QT_NOISE, start_app
from tests.counter.cutproxy import CuttingProxy

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from tests.api.conftest import Hub

pytestmark = pytest.mark.qt_log_ignore(QT_NOISE)


def _called(hub: Hub) -> list[str]:
    events = hub.store.events_since(0) or []
    return [e.ticket.number for e in events if e.type == "ticket.called"]  # type: ignore[union-attr]


def _answered(app: object) -> bool:
    state = app.model.view_state()  # type: ignore[attr-defined]
    return state.current is not None and not state.busy


def test_next_whose_answer_is_cut_calls_one_ticket_and_shows_it(
    qtbot: QtBot, hub: Hub, tmp_path: Path
) -> None:
    proxy = CuttingProxy(hub.port)
    try:
        app = start_app(qtbot, proxy.url, tmp_path)
        first = hub.issue("general")["ticket"]["number"]
        second = hub.issue("general")["ticket"]["number"]
        qtbot.waitUntil(lambda: app.model.view_state().waiting.total == 2)
        proxy.cut_answer_to(b"POST /api/v1/counters/c1/call-next")
        app.window.desk.verbs.buttons[Verb.NEXT].click()
        # The stream may show the call first; the click is done when the hub answered it.
        qtbot.waitUntil(lambda: _answered(app), timeout=15000)
        state = app.model.view_state()
        assert proxy.cut == 1  # the first answer never reached the app
        heads = proxy.seen
        assert len(heads) >= 2  # the click went out again ...
        keys = {
            line
            for head in heads
            for line in head.split(b"\r\n")
            if b"idempotency-key" in line.lower()
        }
        assert len(keys) == 1  # ... with the same key
        assert _called(hub) == [first]  # the hub called one ticket, once
        assert state.current is not None
        assert state.current.number == first
        assert state.message is None  # the first answer, not a refusal
        qtbot.waitUntil(lambda: app.model.view_state().waiting.total == 1)
        assert [t.number for t in app.model.view_state().waiting.next_tickets] == [second]
        assert app.window.desk.number.text() == first
        app.stop()
    finally:
        proxy.close()
