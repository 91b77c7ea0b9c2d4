"""A click whose answer is lost after the hub acted, or that a gateway answered 503 for the
hub: the app asks again with the same key, the hub answers (a repeat with its first answer),
and the window shows the true state (one ticket called). A 500 is shown at once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from counter.actions import Verb
from counter.state import Note
from tests.counter.conftest import QT_NOISE, start_app
from tests.tcpproxy import TcpProxy

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from tests.api.conftest import Hub

pytestmark = pytest.mark.qt_log_ignore(QT_NOISE)
NEXT = b"POST /api/v1/counters/c1/call-next"


def _called(hub: Hub) -> list[str]:
    events = hub.store.events_since(0) or []
    return [e.ticket.number for e in events if e.type == "ticket.called"]  # type: ignore[union-attr]


def _keys(heads: list[bytes]) -> set[bytes]:
    """The Idempotency-Key lines of request heads."""
    return {
        line for head in heads for line in head.split(b"\r\n") if b"idempotency-key" in line.lower()
    }


def _answered(app: object) -> bool:
    state = app.model.view_state()  # type: ignore[attr-defined]
    return state.current is not None and not state.busy


@pytest.fixture
def proxy(hub: Hub) -> Iterator[TcpProxy]:
    """The TCP proxy in front of the test's hub."""
    running = TcpProxy(hub.port)
    yield running
    running.close()


def _working(
    qtbot: QtBot, proxy: TcpProxy, hub: Hub, tmp_path: Path, waiting: int
) -> tuple[Any, list[str]]:
    """A counter app behind the proxy, and the numbers of the `waiting` tickets in its list."""
    app = start_app(qtbot, proxy.url, tmp_path)
    issued = [hub.issue("general")["ticket"]["number"] for _ in range(waiting)]
    qtbot.waitUntil(lambda: app.model.view_state().waiting.total == waiting)
    return app, issued


def test_next_whose_answer_is_cut_calls_one_ticket_and_shows_it(
    qtbot: QtBot, hub: Hub, proxy: TcpProxy, tmp_path: Path
) -> None:
    app, (first, second) = _working(qtbot, proxy, hub, tmp_path, 2)
    proxy.cut_answer_to(NEXT)
    app.window.desk.verbs.buttons[Verb.NEXT].click()
    # The stream may show the call first; the click is done when the hub answered it.
    qtbot.waitUntil(lambda: _answered(app), timeout=15000)
    state = app.model.view_state()
    assert proxy.cut == 1  # the first answer never reached the app
    heads = proxy.seen
    assert len(heads) >= 2  # the click went out again ...
    assert len(_keys(heads)) == 1  # ... with the same key
    assert _called(hub) == [first]  # the hub called one ticket, once
    assert state.current is not None
    assert state.current.number == first
    assert state.message is None  # the first answer, not a refusal
    qtbot.waitUntil(lambda: app.model.view_state().waiting.total == 1)
    assert [t.number for t in app.model.view_state().waiting.next_tickets] == [second]
    assert app.window.desk.number.text() == first
    app.stop()


def test_next_answered_503_by_the_proxy_is_sent_again_calls_one_ticket_and_shows_it(
    qtbot: QtBot, hub: Hub, proxy: TcpProxy, tmp_path: Path
) -> None:
    app, (first, _) = _working(qtbot, proxy, hub, tmp_path, 2)
    proxy.answer_instead(NEXT, 503)  # the hub restarting behind its reverse proxy
    app.window.desk.verbs.buttons[Verb.NEXT].click()
    qtbot.waitUntil(lambda: _answered(app), timeout=15000)
    state = app.model.view_state()
    assert proxy.answered == 1  # the first try never reached the hub
    assert len(proxy.seen) == 2  # sent again once ...
    assert len(_keys(proxy.seen)) == 1  # ... with the same key
    assert _called(hub) == [first]
    assert state.current is not None
    assert state.current.number == first
    assert state.message is None
    assert app.window.desk.number.text() == first
    app.stop()


def test_a_500_is_shown_at_once_and_not_sent_again(
    qtbot: QtBot, hub: Hub, proxy: TcpProxy, tmp_path: Path
) -> None:
    app, _ = _working(qtbot, proxy, hub, tmp_path, 1)
    proxy.answer_instead(NEXT, 500)  # a bug in the hub: asking again would not help
    app.window.desk.verbs.buttons[Verb.NEXT].click()
    qtbot.waitUntil(lambda: app.model.view_state().error, timeout=15000)
    state = app.model.view_state()  # shown, so no retry was scheduled
    assert state.message is not None
    assert state.message.note is Note.REFUSED
    assert not state.busy
    assert len(proxy.seen) == 1
    assert _called(hub) == []
    assert state.waiting.total == 1
    app.stop()
