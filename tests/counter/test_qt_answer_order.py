"""The counter window against a real hub whose answer to a call is held back at a TCP proxy
while a supervisor transfers the called ticket: the stream brings the transfer first, and
the late answer does not put the call back on screen."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from counter.actions import Verb
from shared.domain import TicketStatus
from tests.counter.conftest import QT_NOISE, start_app
from tests.tcpproxy import Link, TcpProxy

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from tests.api.conftest import Hub

pytestmark = pytest.mark.qt_log_ignore(QT_NOISE)


class HoldingProxy(TcpProxy):
    """While `holding` is set, answers on connections that sent a POST wait for `released`
    (`held` tells one is waiting); the staff stream (a GET upgrade) flows on."""

    def __init__(self, upstream_port: int) -> None:
        self.holding = threading.Event()
        self.held = threading.Event()
        self.released = threading.Event()
        self._posting: set[Link] = set()
        super().__init__(upstream_port)

    def on_request(self, data: bytes, link: Link) -> None:
        """A POST: this connection's answers may be held (noted before the hub can answer)."""
        if data.startswith(b"POST "):
            self._posting.add(link)

    def on_answer(self, data: bytes, link: Link) -> None:
        """Hold an answer to a POST while `holding` is set, until `released`."""
        if link in self._posting and self.holding.is_set():
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
