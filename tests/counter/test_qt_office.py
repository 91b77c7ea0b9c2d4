"""Between counters and the office: the alarm within 1 s (and never on a display), office
alerts, the supervisor's remote actions, an ended session, a hub restart."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from websockets.sync.client import connect

from counter.state import AlertKind, Phase
from server.app import ServerOptions, create_app
from server.serve import ServerThread
from shared.clock import SystemClock
from shared.domain import CounterState
from shared.protocol import DisplayAck, encode_ack
from tests.api.conftest import start_hub
from tests.counter.conftest import QT_NOISE, start_app

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from tests.api.conftest import Hub, Template

pytestmark = pytest.mark.qt_log_ignore(QT_NOISE)


def test_the_alarm_reaches_the_other_counter_within_a_second_and_no_display(
    qtbot: QtBot, hub: Hub, tmp_path: Path
) -> None:
    clerk = start_app(qtbot, hub.base, tmp_path, name="clerk")
    boss = start_app(qtbot, hub.base, tmp_path, user="supervisor", counter="c2", name="boss")
    heard = []
    boss.model.alert_raised.connect(heard.append)
    with connect(hub.ws_url(), additional_headers=hub.auth("display"), open_timeout=5) as display:
        assert json.loads(display.recv(timeout=5))["type"] == "public.snapshot"
        started = time.perf_counter()
        clerk.window.desk.alarm.buttons[next(iter(clerk.window.desk.alarm.buttons))].click()
        qtbot.waitUntil(lambda: bool(boss.model.view_state().alerts), timeout=3000)
        elapsed = time.perf_counter() - started
        assert elapsed < 1.0, f"the alarm took {elapsed * 1000:.0f} ms"
        alert = boss.model.view_state().alerts[0]
        assert (alert.kind, alert.subject) == (AlertKind.ALARM, "Schalter 1")
        assert len(heard) == 1
        desk = boss.window.desk
        qtbot.waitUntil(desk.ack.isVisible)
        assert desk.alerts.item(0).text() == "Schalter 1 braucht Hilfe!"
        desk.ack.click()
        qtbot.waitUntil(lambda: clerk.model.view_state().my_alarm is None)
        qtbot.waitUntil(lambda: boss.model.view_state().alerts == ())
        hub.issue("general")
        clerk.model.call_next()
        qtbot.waitUntil(lambda: clerk.model.view_state().current is not None)
        shown = []
        for _ in range(100):
            text = str(display.recv(timeout=5))
            shown.append(text)
            if '"public.call"' in text:
                break
    assert not any("alarm" in text for text in shown), shown
    print(f"alarm delivered to the other counter app in {elapsed * 1000:.0f} ms")
    clerk.stop()
    boss.stop()


def test_an_emergency_is_an_office_alert_shown_once_until_called(
    qtbot: QtBot, hub: Hub, tmp_path: Path
) -> None:
    app = start_app(qtbot, hub.base, tmp_path)
    heard = []
    app.model.alert_raised.connect(heard.append)
    hub.issue("urgent", role="clerk", emergency=True)
    desk = app.window.desk
    qtbot.waitUntil(lambda: desk.alerts.count() == 1)
    assert desk.alerts.item(0).text() == "Notfall X001 wartet (Notfall)."
    hub.issue("general")  # another event: the alert stays, not announced again
    qtbot.waitUntil(lambda: app.model.view_state().waiting.total == 2)
    assert len(heard) == 1
    assert "NOTFALL" in desk.upcoming.item(0).text()
    app.model.call_next()
    qtbot.waitUntil(lambda: desk.alerts.count() == 0)
    assert len(heard) == 1
    app.stop()


def test_the_supervisor_opens_pauses_and_closes_a_counter_remotely(
    qtbot: QtBot, hub: Hub, tmp_path: Path
) -> None:
    clerk = start_app(qtbot, hub.base, tmp_path, name="clerk")
    boss = start_app(qtbot, hub.base, tmp_path, user="supervisor", counter="c2", name="boss")
    hub.issue("general")
    boss.window.supervisor_action.trigger()
    view = boss.window.supervisor
    qtbot.waitUntil(lambda: "1 Nummern ausgegeben" in view.figures.text())
    qtbot.waitUntil(lambda: view.devices.rowCount() >= 3)
    row = next(
        r
        for r in range(view.counters.rowCount())
        if view.counters.item(r, 0).data(Qt.ItemDataRole.UserRole) == "c1"
    )
    assert view.counters.item(row, 1).text() == "geöffnet"
    assert view.counters.item(row, 2).text() == "Clerk"
    for state, word in (
        (CounterState.PAUSED, "Pause"),
        (CounterState.CLOSED, "geschlossen"),
        (CounterState.OPEN, "geöffnet"),
    ):
        flags = QItemSelectionModel.SelectionFlag
        view.counters.selectionModel().select(  # as a click would (no stale modifier keys)
            view.counters.model().index(row, 0), flags.ClearAndSelect | flags.Rows
        )
        qtbot.waitUntil(lambda: view.chosen == "c1")
        qtbot.waitUntil(lambda: not boss.model.view_state().busy)
        qtbot.waitUntil(view.remote[state].isEnabled)
        view.remote[state].click()
        qtbot.waitUntil(lambda s=state: clerk.model.view_state().counter_state is s)
        qtbot.waitUntil(lambda w=word: view.counters.item(row, 1).text() == w)
    clerk.stop()
    boss.stop()


def test_an_ended_session_leads_back_to_login(qtbot: QtBot, hub: Hub, tmp_path: Path) -> None:
    app = start_app(qtbot, hub.base, tmp_path)
    assert app.client is not None
    hub.store.logout(app.client.token)
    app.model.call_next()
    qtbot.waitUntil(lambda: app.model.view_state().phase is Phase.LOGIN)
    assert app.window.stack.currentWidget() is app.window.login
    assert app.window.login.message.text() == (
        "Sie sind nicht mehr angemeldet. Bitte neu anmelden."
    )
    app.stop()


def test_after_a_hub_restart_the_app_shows_the_true_state(
    qtbot: QtBot, hub: Hub, tmp_path: Path
) -> None:
    app = start_app(qtbot, hub.base, tmp_path)
    hub.thread.stop()
    qtbot.waitUntil(lambda: not app.model.view_state().connected, timeout=10000)
    assert app.window.desk.banner.isVisible()
    with hub.client("clerk"):
        pass
    ticket = hub.store.issue_ticket(
        service_id="general", language="de", idempotency_key="while-away", issuer_id="test"
    )
    site = hub.config.to_site()
    fresh = create_app(hub.store, site=site, config=hub.config, clock=SystemClock())
    hub.thread = ServerThread(fresh, port=hub.port)
    hub.thread.start()
    qtbot.waitUntil(lambda: app.model.view_state().connected, timeout=15000)
    qtbot.waitUntil(lambda: app.model.view_state().waiting.total == 1, timeout=5000)
    assert app.model.view_state().waiting.next_tickets[0].number == ticket.ticket.number
    assert not app.window.desk.banner.isVisible()
    app.model.call_next()
    qtbot.waitUntil(lambda: app.model.view_state().current is not None)
    app.stop()


@pytest.fixture
def watching_hub(tmp_path: Path, template: Template) -> Iterator[Hub]:
    """A hub that alerts staff after 0.5 s without a display's stream."""
    options = ServerOptions(
        tickets_per_minute_per_kiosk=600,
        heartbeat_seconds=0.3,
        device_alert_seconds=0.5,
        device_check_seconds=0.1,
    )
    running = start_hub(tmp_path, template, options)
    yield running
    running.stop()


def test_a_silent_display_is_an_office_alert_until_it_is_back(
    qtbot: QtBot, watching_hub: Hub, tmp_path: Path
) -> None:
    hub = watching_hub
    app = start_app(qtbot, hub.base, tmp_path)
    heard = []
    app.model.alert_raised.connect(heard.append)
    headers = hub.auth("display")
    with connect(hub.ws_url(), additional_headers=headers, open_timeout=5) as display:
        board = json.loads(display.recv(timeout=5))
        display.send(encode_ack(DisplayAck(seq=board["seq"])))  # now the hub watches it
    desk = app.window.desk
    qtbot.waitUntil(lambda: desk.alerts.count() == 1, timeout=5000)
    assert desk.alerts.item(0).text() == "Anzeige offline: test display"
    assert [a.kind for a in heard] == [AlertKind.DISPLAY]
    with connect(hub.ws_url(), additional_headers=headers, open_timeout=5):
        qtbot.waitUntil(lambda: desk.alerts.count() == 0, timeout=5000)
    assert len(heard) == 1


def test_a_kiosk_printer_in_trouble_is_an_office_alert_until_fine(
    qtbot: QtBot, hub: Hub, tmp_path: Path
) -> None:
    app = start_app(qtbot, hub.base, tmp_path)
    heard = []
    app.model.alert_raised.connect(heard.append)
    desk = app.window.desk
    with hub.client("kiosk") as kiosk:
        assert kiosk.put("/devices/current/status", json={"printer": "paper_out"}).is_success
        qtbot.waitUntil(lambda: desk.alerts.count() == 1)
        assert desk.alerts.item(0).text() == "test kiosk: Drucker – Papier leer."
        assert kiosk.put("/devices/current/status", json={"printer": "ok"}).is_success
        qtbot.waitUntil(lambda: desk.alerts.count() == 0)
    assert [a.kind for a in heard] == [AlertKind.PRINTER]
