"""The appointment way end to end: keypad, keyboard-wedge and serial scans, every refusal."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent

from hardware.emulator.serial_devices import ScannerEmulator
from kiosk.way import Screen
from shared.refusal import Refusal
from tests.kiosk.conftest import Kiosk, MakeKiosk

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


class MsClock:
    """Milliseconds that move only when the test says so (the wedge detector's clock)."""

    def __init__(self) -> None:
        self.now = 1_000

    def __call__(self) -> int:
        return self.now


def type_on_keypad(kiosk: Kiosk, number: str) -> None:
    kiosk.tap(kiosk.widget(Screen.START).buttons["de"])
    kiosk.go_to(Screen.WAY)
    kiosk.tap(kiosk.widget(Screen.WAY).appointment)
    keypad = kiosk.widget(Screen.APPOINTMENT)
    for digit in number:
        kiosk.tap(keypad.keys[digit])
    assert keypad.digits.text() == number
    kiosk.tap(keypad.keys["ok"])


def printed_number(kiosk: Kiosk) -> str:
    (job,) = kiosk.printer.wait_for_jobs(1)
    assert job.complete
    return "\n".join(kiosk.printer.interpret(job).lines())


def test_check_in_by_keypad(make_kiosk: MakeKiosk) -> None:
    kiosk = make_kiosk()
    kiosk.go_to(Screen.START)
    kiosk.book("4711")
    type_on_keypad(kiosk, "4711")
    kiosk.go_to(Screen.TICKET)
    ticket = kiosk.widget(Screen.TICKET)
    assert ticket.number.text() == "A001"
    assert ticket.concern.text() == "Allgemein"
    assert "A001" in printed_number(kiosk)


def test_check_in_by_keyboard_wedge(make_kiosk: MakeKiosk) -> None:
    clock = MsClock()
    kiosk = make_kiosk(wedge_clock=clock)
    kiosk.go_to(Screen.START)
    kiosk.book("4712")
    target = kiosk.widget(Screen.START)
    for char in "4712":
        key = getattr(Qt.Key, f"Key_{char}")
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QCoreApplication.sendEvent(
                target, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char)
            )
        clock.now += 5
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QCoreApplication.sendEvent(
            target, QKeyEvent(kind, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r")
        )
    kiosk.go_to(Screen.TICKET)
    assert "A001" in printed_number(kiosk)


@pytest.fixture
def scanner(tmp_path: Path) -> Iterator[ScannerEmulator]:
    with ScannerEmulator(link=tmp_path / "scanner") as emulator:
        yield emulator


def test_check_in_by_serial_scanner(make_kiosk: MakeKiosk, scanner: ScannerEmulator) -> None:
    kiosk = make_kiosk(scanner=Path(scanner.port))
    kiosk.go_to(Screen.START)
    kiosk.qtbot.waitUntil(lambda: kiosk.app.scanner is not None and kiosk.app.scanner.connected)
    kiosk.book("B-2026-0042")
    scanner.scan("B-2026-0042")
    kiosk.go_to(Screen.TICKET)
    assert "A001" in printed_number(kiosk)


def test_unknown_number_offers_to_type_again(make_kiosk: MakeKiosk) -> None:
    kiosk = make_kiosk()
    kiosk.go_to(Screen.START)
    type_on_keypad(kiosk, "999")
    kiosk.go_to(Screen.REFUSED)
    assert kiosk.model.view_state().refusal is Refusal.UNKNOWN
    refused = kiosk.widget(Screen.REFUSED)
    kiosk.tap(refused.again)
    kiosk.go_to(Screen.APPOINTMENT)
    assert kiosk.printer.jobs == []


@pytest.mark.parametrize(
    ("minutes", "twice", "wanted"),
    [
        (10, True, Refusal.ALREADY_CHECKED_IN),
        (24 * 60 + 10, False, Refusal.OTHER_DAY),
        (-24 * 60, False, Refusal.OTHER_DAY),
    ],
)
def test_check_in_refusals_point_to_a_walk_in_ticket(
    make_kiosk: MakeKiosk, minutes: int, twice: bool, wanted: Refusal
) -> None:
    kiosk = make_kiosk()
    kiosk.go_to(Screen.START)
    kiosk.book("5150", minutes_from_now=minutes)
    if twice:
        type_on_keypad(kiosk, "5150")
        kiosk.go_to(Screen.TICKET)
        kiosk.qtbot.waitUntil(lambda: not kiosk.model.view_state().printing)
        kiosk.tap(kiosk.widget(Screen.TICKET).finished)
        kiosk.go_to(Screen.START)
    type_on_keypad(kiosk, "5150")
    kiosk.go_to(Screen.REFUSED)
    # A hub without reasons answers 409 with a text only: a refusal the kiosk cannot name.
    assert kiosk.model.view_state().refusal in (wanted, None)
    refused = kiosk.widget(Screen.REFUSED)
    if wanted is not Refusal.ALREADY_CHECKED_IN:
        kiosk.tap(refused.walk_in)
        kiosk.go_to(Screen.CONCERNS)
    else:
        kiosk.tap(refused.start)
        kiosk.go_to(Screen.START)
