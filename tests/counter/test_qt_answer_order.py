"""The counter window against a real hub with a TCP proxy between them that holds back either
the answer to a call or the staff stream, while a supervisor transfers the called ticket:

- the stream brings the transfer first: the late answer does not put the call back on screen;
- the answer comes first: the stream's older events about the ticket (called elsewhere,
  transferred, waiting) never show on screen, nor sound the emergency again, while the
  stream catches up with the call.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from counter.actions import Verb
from counter.state import ViewState
from shared.domain import TicketStatus
from tests.counter.conftest import QT_NOISE, start_app
from tests.tcpproxy import Link, TcpProxy

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from tests.api.conftest import Hub

pytestmark = pytest.mark.qt_log_ignore(QT_NOISE)


class HoldingProxy(TcpProxy):
    """While `holding` is set, answers on connections that sent a POST wait for `released`
    (`held` tells one is waiting); the staff stream (a GET upgrade) flows on. With
    `stream=True` it is the other way round: the stream waits, the answers flow."""

    def __init__(self, upstream_port: int, *, stream: bool = False) -> None:
        self.holding = threading.Event()
        self.held = threading.Event()
        self.released = threading.Event()
        self._stream = stream
        self._holdable: set[Link] = set()
        super().__init__(upstream_port)

    def on_request(self, data: bytes, link: Link) -> None:
        """A POST (or the stream's upgrade): this connection's answers may be held (noted
        before the hub can answer)."""
        upgrade = data.startswith(b"GET ") and b"upgrade: websocket" in data.lower()
        if upgrade if self._stream else data.startswith(b"POST "):
            self._holdable.add(link)

    def on_answer(self, data: bytes, link: Link) -> None:
        """Hold what comes on a holdable connection while `holding` is set, until `released`."""
        if link in self._holdable and self.holding.is_set():
            self.held.set()
            self.released.wait(timeout=20)


def test_a_call_answered_after_the_streamed_transfer_keeps_showing_the_transfer(
    qtbot: QtBot, hub: Hub, tmp_path: Path
) -> None:
    proxy = HoldingProxy(hub.port)
    try:
        app = start_app(qtbot, proxy.url, tmp_path)
        number = hub.issue("general")["ticket"]["number"]
        qtbot.waitUntil(lambda: app.model.view_state().waiting.total == 1, timeout=10000)
        desk = app.window.desk
        proxy.holding.set()
        app.window.desk.verbs.buttons[Verb.NEXT].click()
        qtbot.waitUntil(proxy.held.is_set, timeout=10000)  # the hub called; its answer waits
        (ticket,) = [t for t in hub.store.snapshot().tickets if t.number == number]
        with hub.client("supervisor") as boss:
            moved = boss.post(f"/tickets/{ticket.id}/transfer", json={"counter_id": "c2"})
            assert moved.status_code == 200, moved.text
        newest = hub.store.last_seq()
        qtbot.waitUntil(lambda: app.model.queue.seq >= newest, timeout=10000)
        assert app.model.view_state().current is None  # the stream: called, then transferred
        assert app.model.view_state().busy  # the call's answer is still on its way
        with qtbot.waitSignal(app.model.called, timeout=10000) as blocker:
            proxy.released.set()
        assert blocker.args == [number]  # the answer came (the sign still shows the number)
        qtbot.waitUntil(lambda: not app.model.view_state().busy, timeout=10000)
        state = app.model.view_state()
        assert state.current is None
        assert desk.number.text() == ""  # the window shows the transfer, not the old call
        assert state.waiting.total == 0  # pinned to c2 now, not waiting for c1
        moved_ticket = app.model.queue.tickets[ticket.id]
        assert (moved_ticket.status, moved_ticket.pinned_counter_id) == (TicketStatus.WAITING, "c2")
        app.stop()
    finally:
        proxy.released.set()
        proxy.close()


def test_a_call_answered_before_the_streamed_transfer_never_shows_the_older_ticket(
    qtbot: QtBot, hub: Hub, tmp_path: Path
) -> None:
    proxy = HoldingProxy(hub.port, stream=True)
    try:
        app = start_app(qtbot, proxy.url, tmp_path)
        desk = app.window.desk
        urgent = hub.issue("urgent", role="clerk", emergency=True)["ticket"]
        qtbot.waitUntil(lambda: len(app.alert_sounds.queued) == 1, timeout=10000)  # announced
        proxy.holding.set()  # the stream stops here; the answers flow
        with hub.client("clerk") as other, hub.client("supervisor") as boss:
            assert other.post("/counters/c2/open").status_code == 200
            at_c2 = other.post("/counters/c2/call", json={"ticket_id": urgent["id"]})
            assert at_c2.status_code == 200, at_c2.text
            moved = boss.post(f"/tickets/{urgent['id']}/transfer", json={"counter_id": "c1"})
            assert moved.status_code == 200, moved.text  # back to waiting, for c1
        qtbot.waitUntil(proxy.held.is_set, timeout=10000)
        signs: list[str] = []
        app.model.called.connect(signs.append)
        with qtbot.waitSignal(app.model.called, timeout=10000):
            desk.verbs.buttons[Verb.NEXT].click()  # c1 calls it: the answer comes first
        qtbot.waitUntil(lambda: not app.model.view_state().busy, timeout=10000)
        assert desk.number.text() == urgent["number"]
        assert app.model.queue.seq < hub.store.last_seq()  # the stream has not caught up
        shown: list[tuple[str | None, TicketStatus | None, str]] = []

        def record(state: ViewState) -> None:  # after the window drew it (connected first)
            current = state.current
            seen = (current.number, current.status) if current else (None, None)
            shown.append((*seen, desk.number.text()))

        app.model.changed.connect(record)
        newest = hub.store.last_seq()
        proxy.released.set()  # c2 opened, called at c2, transferred (2), called at c1
        qtbot.waitUntil(lambda: app.model.queue.seq >= newest, timeout=10000)
        called = (urgent["number"], TicketStatus.CALLED, urgent["number"])
        assert shown
        assert set(shown) == {called}  # never 'at c2' or 'waiting', not for a moment
        assert len(app.alert_sounds.queued) == 1  # the emergency is not sounded again
        assert signs == [urgent["number"]]  # the sign was given the number once
        assert app.model.queue.ahead == {}
        app.stop()
    finally:
        proxy.released.set()
        proxy.close()
