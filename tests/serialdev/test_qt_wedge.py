"""QtWedgeFilter with real widgets: scans are swallowed and signalled, typing lands."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from hardware.qt.wedge import QtWedgeFilter
from hardware.wedge import WedgeDetector


class MsClock:
    """Milliseconds that move only when the test says so."""

    def __init__(self) -> None:
        self.now = 1_000

    def __call__(self) -> int:
        return self.now


@pytest.fixture
def clock() -> MsClock:
    return MsClock()


@pytest.fixture
def wedge(qapp: QApplication, clock: MsClock) -> Iterator[QtWedgeFilter]:
    """A filter on the whole application, removed after the test."""
    wedge_filter = QtWedgeFilter(WedgeDetector(max_gap_ms=30, min_length=4), clock=clock)
    qapp.installEventFilter(wedge_filter)
    yield wedge_filter
    qapp.removeEventFilter(wedge_filter)


@pytest.fixture
def field(qtbot: QtBot) -> QLineEdit:
    line_edit = QLineEdit()
    qtbot.addWidget(line_edit)
    line_edit.show()
    line_edit.setFocus()
    return line_edit


def key(
    widget: QObject, key: Qt.Key, text: str = "", mods: Qt.KeyboardModifier | None = None
) -> None:
    """Press and release one key the way the window system delivers it."""
    modifiers = mods or Qt.KeyboardModifier.NoModifier
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QCoreApplication.sendEvent(widget, QKeyEvent(kind, key, modifiers, text))


def scan(widget: QLineEdit, clock: MsClock, code: str, gap_ms: int = 5) -> None:
    """Type `code` and Enter as a scanner does: one character every `gap_ms`."""
    for char in code:
        clock.now += gap_ms
        QTest.keyClicks(widget, char)
    clock.now += gap_ms
    QTest.keyClick(widget, Qt.Key.Key_Return)


def test_scan_is_signalled_and_the_field_stays_empty(
    qtbot: QtBot, wedge: QtWedgeFilter, field: QLineEdit, clock: MsClock
) -> None:
    with (
        qtbot.wait_signal(wedge.scanned, timeout=1000) as blocker,
        qtbot.assert_not_emitted(field.returnPressed),
    ):
        scan(field, clock, "T-2026-0042")
    assert blocker.args == ["T-2026-0042"]
    assert field.text() == ""
    qtbot.wait(100)  # nothing held back comes out later
    assert field.text() == ""


def test_slow_typing_lands_in_the_field(
    qtbot: QtBot, wedge: QtWedgeFilter, field: QLineEdit, clock: MsClock
) -> None:
    with qtbot.assert_not_emitted(wedge.scanned):
        for char in "Hello":
            clock.now += 180
            QTest.keyClicks(field, char)
        assert field.text() == "Hell"  # the last key waits, it might start a scan
        qtbot.wait_until(lambda: field.text() == "Hello", timeout=1000)
        clock.now += 180
        with qtbot.wait_signal(field.returnPressed, timeout=1000):
            QTest.keyClick(field, Qt.Key.Key_Return)


def test_enter_right_after_typing_keeps_the_order(
    qtbot: QtBot, wedge: QtWedgeFilter, field: QLineEdit, clock: MsClock
) -> None:
    texts: list[str] = []
    field.returnPressed.connect(lambda: texts.append(field.text()))
    with qtbot.assert_not_emitted(wedge.scanned):
        for char in "ab":
            clock.now += 150
            QTest.keyClicks(field, char)
        clock.now += 150
        QTest.keyClick(field, Qt.Key.Key_Return)
    assert texts == ["ab"]


def test_typing_then_a_scan(
    qtbot: QtBot, wedge: QtWedgeFilter, field: QLineEdit, clock: MsClock
) -> None:
    for char in "no":
        clock.now += 200
        QTest.keyClicks(field, char)
    clock.now += 500
    with qtbot.wait_signal(wedge.scanned) as blocker:
        scan(field, clock, "ABCD-1234", gap_ms=3)
    assert blocker.args == ["ABCD-1234"]
    assert field.text() == "no"


def test_shifted_capitals_from_the_scanner(
    qtbot: QtBot, wedge: QtWedgeFilter, field: QLineEdit, clock: MsClock
) -> None:
    shift = Qt.KeyboardModifier.ShiftModifier
    with qtbot.wait_signal(wedge.scanned) as blocker:
        for char in "AB12":
            clock.now += 4
            key(field, Qt.Key.Key_Shift, "", shift)
            key(field, Qt.Key(ord(char)), char, shift if char.isalpha() else None)
        clock.now += 4
        key(field, Qt.Key.Key_Return, "\r")
    assert blocker.args == ["AB12"]
    assert field.text() == ""


def test_control_shortcut_passes_and_releases_held_keys(
    qtbot: QtBot, wedge: QtWedgeFilter, field: QLineEdit, clock: MsClock
) -> None:
    QTest.keyClicks(field, "x")
    clock.now += 2
    key(field, Qt.Key.Key_A, "\x01", Qt.KeyboardModifier.ControlModifier)  # select all
    assert field.text() == "x"
    assert field.selectedText() == "x"


def test_autorepeat_is_typing(wedge: QtWedgeFilter, field: QLineEdit, clock: MsClock) -> None:
    for _ in range(6):
        clock.now += 2
        QCoreApplication.sendEvent(
            field,
            QKeyEvent(
                QEvent.Type.KeyPress,
                Qt.Key.Key_Z,
                Qt.KeyboardModifier.NoModifier,
                "z",
                autorep=True,
            ),
        )
    assert field.text() == "zzzzzz"


def test_backspace_passes_after_the_held_key(
    wedge: QtWedgeFilter, field: QLineEdit, clock: MsClock
) -> None:
    QTest.keyClicks(field, "ab")
    clock.now += 5
    QTest.keyClick(field, Qt.Key.Key_Backspace)
    assert field.text() == "a"


def test_space_on_a_button_clicks_once(qtbot: QtBot, wedge: QtWedgeFilter, clock: MsClock) -> None:
    button = QPushButton("OK")
    qtbot.addWidget(button)
    button.show()
    with qtbot.wait_signal(button.clicked, timeout=1000):
        key(button, Qt.Key.Key_Space, " ")  # press and release both held, then replayed
    assert not button.isDown()


def test_filter_on_one_widget(qtbot: QtBot, clock: MsClock) -> None:
    field = QLineEdit()
    other = QLineEdit()
    qtbot.addWidget(field)
    qtbot.addWidget(other)
    wedge = QtWedgeFilter(clock=clock, parent=field)
    field.installEventFilter(wedge)
    with qtbot.wait_signal(wedge.scanned) as blocker:
        scan(field, clock, "9876")
    assert blocker.args == ["9876"]
    scan(other, clock, "5555")
    assert other.text() == "5555"
    assert field.text() == ""


def test_target_deleted_while_a_key_is_held(
    qtbot: QtBot, wedge: QtWedgeFilter, clock: MsClock
) -> None:
    field = QLineEdit()
    QTest.keyClicks(field, "q")
    field.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    with qtbot.assert_not_emitted(wedge.scanned):
        qtbot.wait(100)  # the hold timer replays into nothing, quietly
