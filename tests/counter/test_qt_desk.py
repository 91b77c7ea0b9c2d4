"""The counter app's window against a real hub: every action by its shortcut and its click,
the compact bar, and a refused step."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import QPoint, QSettings, QSize, Qt
from PySide6.QtWidgets import QApplication

from counter.actions import SHORTCUTS, Verb
from counter.qt.compact import QtCompactBar
from shared.domain import CounterState, TicketStatus
from tests.counter.conftest import QT_NOISE, start_app

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from tests.api.conftest import Hub

pytestmark = pytest.mark.qt_log_ignore(QT_NOISE)


def _key(qtbot: QtBot, app: Any, verb: Verb) -> None:
    """Press a verb's shortcut in the active window."""
    window = app.window
    qtbot.waitUntil(lambda: not app.model.view_state().busy)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    sequence = SHORTCUTS[verb]
    modifiers = Qt.KeyboardModifier.NoModifier
    if "Ctrl+" in sequence:
        modifiers |= Qt.KeyboardModifier.ControlModifier
    if "Shift+" in sequence:
        modifiers |= Qt.KeyboardModifier.ShiftModifier
    name = sequence.split("+")[-1]
    key = getattr(Qt.Key, f"Key_{name}")
    qtbot.keyClick(window, key, modifiers)


def _current(app: Any) -> Any:
    return app.model.view_state().current


def test_every_action_by_its_shortcut(qtbot: QtBot, hub: Hub, tmp_path: Path) -> None:
    app = start_app(qtbot, hub.base, tmp_path)
    desk = app.window.desk
    for verb in Verb:
        button = desk.verbs.buttons.get(verb) or desk.call.buttons.get(verb)
        if button is None:
            button = desk.alarm.buttons[verb]
        assert f"[{SHORTCUTS[verb]}]" in button.text()  # the shortcut is shown on the button
    first = hub.issue("general")["ticket"]
    second = hub.issue("general")["ticket"]
    qtbot.waitUntil(lambda: app.model.view_state().waiting.total == 2)

    _key(qtbot, app, Verb.NEXT)
    qtbot.waitUntil(lambda: _current(app) is not None)
    assert desk.number.text() == first["number"]
    assert desk.why.text().startswith("Warum: ohne Termin")
    _key(qtbot, app, Verb.RECALL)
    qtbot.waitUntil(lambda: app.model.queue.tickets[first["id"]].recalls == 1)
    _key(qtbot, app, Verb.START)
    qtbot.waitUntil(lambda: _current(app).status is TicketStatus.SERVING)
    _key(qtbot, app, Verb.PARK)
    qtbot.waitUntil(lambda: _current(app) is None and desk.parked.count() == 1)

    desk.upcoming.setCurrentRow(0)
    _key(qtbot, app, Verb.CALL)
    qtbot.waitUntil(lambda: _current(app) is not None)
    assert _current(app).number == second["number"]
    _key(qtbot, app, Verb.TRANSFER)
    qtbot.waitUntil(lambda: app.window.transfer is not None and app.window.transfer.isVisible())
    dialog = app.window.transfer
    dialog.concern.setCurrentIndex(dialog.concern.findData("passport"))
    dialog.note.setText("Pass abgelaufen")
    dialog.accept()
    qtbot.waitUntil(lambda: _current(app) is None)
    assert app.model.queue.tickets[second["id"]].note == "Pass abgelaufen"

    qtbot.waitUntil(lambda: not app.model.view_state().busy)
    desk._call_parked(desk.parked.item(0))  # double-click on the parked ticket
    qtbot.waitUntil(lambda: _current(app) is not None)
    _key(qtbot, app, Verb.NO_SHOW)
    qtbot.waitUntil(lambda: _current(app) is None)
    with hub.client("kiosk") as kiosk:
        assert kiosk.post(
            "/tickets",
            json={"service_id": "general", "language": "en", "idempotency_key": "k-finish-1"},
        ).is_success
    qtbot.waitUntil(lambda: app.model.view_state().waiting.total >= 1)
    _key(qtbot, app, Verb.NEXT)
    qtbot.waitUntil(lambda: _current(app) is not None)
    _key(qtbot, app, Verb.START)
    qtbot.waitUntil(lambda: _current(app).status is TicketStatus.SERVING)
    _key(qtbot, app, Verb.FINISH)
    qtbot.waitUntil(lambda: _current(app) is None)

    _key(qtbot, app, Verb.PAUSE)
    qtbot.waitUntil(lambda: app.model.view_state().counter_state is CounterState.PAUSED)
    _key(qtbot, app, Verb.RESUME)
    qtbot.waitUntil(lambda: app.model.view_state().counter_state is CounterState.OPEN)
    _key(qtbot, app, Verb.CLOSE)
    qtbot.waitUntil(lambda: app.model.view_state().counter_state is CounterState.CLOSED)
    with hub.client("clerk") as clerk:
        c1 = next(c for c in clerk.get("/queue").json()["counters"] if c["id"] == "c1")
    assert c1["state"] == "closed"
    app.stop()


def test_every_action_by_its_click(qtbot: QtBot, hub: Hub, tmp_path: Path) -> None:
    app = start_app(qtbot, hub.base, tmp_path)
    buttons = app.window.desk.verbs.buttons
    hub.issue("general")
    qtbot.waitUntil(buttons[Verb.NEXT].isEnabled)
    steps = [
        (Verb.NEXT, lambda: _current(app) is not None),
        (Verb.RECALL, lambda: _current(app).status is TicketStatus.CALLED),
        (Verb.START, lambda: _current(app).status is TicketStatus.SERVING),
        (Verb.FINISH, lambda: _current(app) is None),
        (Verb.PAUSE, lambda: app.model.view_state().counter_state is CounterState.PAUSED),
        (Verb.RESUME, lambda: app.model.view_state().counter_state is CounterState.OPEN),
    ]
    for verb, done in steps:
        qtbot.waitUntil(lambda: not app.model.view_state().busy)
        qtbot.waitUntil(buttons[verb].isEnabled)
        buttons[verb].click()
        qtbot.waitUntil(done)
    app.stop()


def test_a_refused_step_shows_the_hubs_reason_and_the_true_state(
    qtbot: QtBot, hub: Hub, tmp_path: Path
) -> None:
    app = start_app(qtbot, hub.base, tmp_path)
    hub.issue("general")
    qtbot.waitUntil(lambda: app.model.view_state().waiting.total == 1)
    app.client._stream.close()  # the app will not hear about the pause
    with hub.client("supervisor") as boss:
        assert boss.post("/counters/c1/pause").is_success
    app.model.call_next()
    desk = app.window.desk
    qtbot.waitUntil(lambda: "Pause" in desk.message.text())
    assert desk.message.text() == (
        "Nicht möglich: Schalter 1 ist in Pause. Erst mit „Weiter“ fortsetzen, dann aufrufen."
    )
    qtbot.waitUntil(lambda: app.model.view_state().counter_state is CounterState.PAUSED)
    assert "Pause" in desk.header.text()
    app.stop()


def test_the_compact_bar_calls_and_remembers_its_place(
    qtbot: QtBot, hub: Hub, tmp_path: Path
) -> None:
    app = start_app(qtbot, hub.base, tmp_path)
    app.window.compact_action.setChecked(True)
    bar = app.window.compact
    assert bar.isVisible()
    assert bar.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    hub.issue("general")
    qtbot.waitUntil(lambda: bar.waiting.text() == "1 wartend")
    bar.buttons.buttons[Verb.NEXT].click()
    qtbot.waitUntil(lambda: bar.number.text() == "A001")
    assert bar.waiting.text() == "0 wartend"
    qtbot.waitUntil(bar.buttons.buttons[Verb.RECALL].isEnabled)  # disabled while Next is open
    bar.buttons.buttons[Verb.RECALL].click()
    qtbot.waitUntil(lambda: app.model.queue.tickets[_current(app).ticket_id].recalls == 1)
    bar.move(QPoint(140, 90))
    bar.resize(QSize(520, 60))
    bar.close()
    settings = QSettings(str(tmp_path / "app.ini"), QSettings.Format.IniFormat)
    again = QtCompactBar(app.model, settings)
    qtbot.addWidget(again)
    assert again.size() == QSize(520, 60)
    assert again.geometry() == bar.geometry()  # the place as the window system kept it
    app.stop()
