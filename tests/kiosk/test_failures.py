"""Every failure path end to end: printer faults, hub down and back, quota, idle, PIN, pairing."""

from __future__ import annotations

import dataclasses
import time

import pytest
from PySide6.QtCore import QPoint, Qt
from sqlalchemy import func, select

from hardware.emulator import EmulatorState
from hardware.printer import PrinterStatus
from kiosk.way import Screen
from server.db.models import TicketRow
from shared.refusal import Refusal
from tests.kiosk.conftest import FAST, PIN, Kiosk, MakeKiosk

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def walk_in(kiosk: Kiosk, concern: str = "general", lang: str = "en") -> None:
    """From the start screen to the touch on "print ticket"."""
    kiosk.go_to(Screen.START)
    kiosk.tap(kiosk.widget(Screen.START).buttons[lang])
    kiosk.tap(kiosk.widget(Screen.WAY).walk_in)
    kiosk.tap(kiosk.widget(Screen.CONCERNS).buttons[concern])
    kiosk.go_to(Screen.DOCUMENTS)
    kiosk.tap(kiosk.widget(Screen.DOCUMENTS).print_button)


def tickets_in_store(kiosk: Kiosk) -> int:
    with kiosk.hub.engine.connect() as db:
        return int(db.scalar(select(func.count()).select_from(TicketRow)) or 0)


@pytest.mark.expect_log("kiosk", "printer: |ticket not printed")
@pytest.mark.expect_log("hardware", r"print job \S+ failed")
@pytest.mark.parametrize(
    ("state", "status"),
    [
        (EmulatorState.PAPER_OUT, PrinterStatus.PAPER_OUT),
        (EmulatorState.COVER_OPEN, PrinterStatus.COVER_OPEN),
        (EmulatorState.OFFLINE, PrinterStatus.OFFLINE),
        (EmulatorState.ERROR, PrinterStatus.ERROR),
        (EmulatorState.DROP, PrinterStatus.OFFLINE),  # cut off mid-ticket
    ],
)
def test_printer_fault_shows_the_number_to_note(
    make_kiosk: MakeKiosk, state: EmulatorState, status: PrinterStatus
) -> None:
    kiosk = make_kiosk(state=state)
    walk_in(kiosk)
    kiosk.go_to(Screen.NOTE_NUMBER)
    note = kiosk.widget(Screen.NOTE_NUMBER)
    assert note.number.text() == "A001"
    assert note.hint.text() == "The printer does not work. Please tell the reception."
    assert kiosk.model.view_state().printer_problem is status
    assert tickets_in_store(kiosk) == 1
    kiosk.go_to(Screen.START)  # the note screen's own timer


@pytest.mark.expect_log("kiosk", "printer: paper_near_end")
@pytest.mark.expect_log("hardware", "paper near end")
def test_paper_near_end_prints_without_troubling_the_visitor(make_kiosk: MakeKiosk) -> None:
    kiosk = make_kiosk(state=EmulatorState.PAPER_NEAR_END)
    walk_in(kiosk)
    kiosk.go_to(Screen.TICKET)
    (job,) = kiosk.printer.wait_for_jobs(1)
    assert job.complete
    queue = kiosk.app.queue
    assert queue is not None
    kiosk.qtbot.waitUntil(lambda: queue.status is PrinterStatus.PAPER_NEAR_END)
    kiosk.qtbot.waitUntil(lambda: not kiosk.model.view_state().printing)
    assert kiosk.screen() is Screen.TICKET


def test_hub_down_then_back_gives_exactly_one_ticket(make_kiosk: MakeKiosk) -> None:
    kiosk = make_kiosk()
    kiosk.go_to(Screen.START)
    kiosk.hub.stop()
    started = time.monotonic()
    walk_in(kiosk)
    kiosk.go_to(Screen.RECEPTION)
    assert time.monotonic() - started < 3.0
    reception = kiosk.widget(Screen.RECEPTION)
    assert reception.message.text() == "Please go to the reception."
    kiosk.hub.serve()
    kiosk.go_to(Screen.TICKET)
    assert kiosk.widget(Screen.TICKET).number.text() == "A001"
    kiosk.printer.wait_for_jobs(1)
    kiosk.go_to(Screen.START)
    assert tickets_in_store(kiosk) == 1
    assert len(kiosk.printer.jobs) == 1


def test_quota_used_up(make_kiosk: MakeKiosk) -> None:
    kiosk = make_kiosk(timings=dataclasses.replace(FAST, idle=30.0))
    kiosk.hub.store.issue_ticket(
        service_id="passport", language="de", idempotency_key="first", issuer_id="desk"
    )
    kiosk.go_to(Screen.START)
    kiosk.tap(kiosk.widget(Screen.START).buttons["en"])
    kiosk.tap(kiosk.widget(Screen.WAY).walk_in)
    concerns = kiosk.widget(Screen.CONCERNS)
    # The hub's walk-in offer (GET /walk-ins) marks the concern before anything is sent.
    kiosk.qtbot.waitUntil(
        lambda: "No more tickets today." in concerns.buttons["passport"].text(), timeout=20_000
    )
    kiosk.tap(concerns.buttons["passport"])
    kiosk.go_to(Screen.REFUSED)
    assert kiosk.model.view_state().refusal is Refusal.QUOTA_USED_UP
    refused = kiosk.widget(Screen.REFUSED)
    assert refused.message.text() == "No more tickets for this today. Please go to the reception."
    assert not refused.walk_in.isVisible()
    assert kiosk.printer.jobs == []


def test_idle_visitor_returns_to_the_start(make_kiosk: MakeKiosk) -> None:
    kiosk = make_kiosk()
    kiosk.go_to(Screen.START)
    kiosk.tap(kiosk.widget(Screen.START).buttons["ar"])
    kiosk.go_to(Screen.WAY)
    assert kiosk.window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    kiosk.go_to(Screen.START)  # one second without a touch
    assert kiosk.model.view_state().language == "de"
    assert kiosk.window.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_touch_during_printing_is_kept(make_kiosk: MakeKiosk) -> None:
    kiosk = make_kiosk(state=EmulatorState.SLOW)
    walk_in(kiosk)
    kiosk.go_to(Screen.TICKET)
    assert kiosk.model.view_state().printing
    kiosk.tap(kiosk.widget(Screen.TICKET).finished)
    assert kiosk.screen() is Screen.TICKET  # the paper is still coming
    kiosk.go_to(Screen.START)
    (job,) = kiosk.printer.wait_for_jobs(1)
    assert job.complete


def test_admin_pin_leaves_the_kiosk(make_kiosk: MakeKiosk) -> None:
    kiosk = make_kiosk()
    kiosk.go_to(Screen.START)
    lockdown = kiosk.app.lockdown
    assert not kiosk.window.close()  # closing is refused while locked
    for _ in range(5):
        kiosk.qtbot.mouseClick(kiosk.window, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
    kiosk.qtbot.waitUntil(lockdown.pad.isVisible)
    for digit in "1111":
        kiosk.tap(lockdown.pad.buttons[digit])
    kiosk.tap(lockdown.pad.buttons["OK"])
    kiosk.qtbot.waitUntil(lambda: lockdown.pad.message.text() == "Wrong PIN. Try again.")
    with kiosk.qtbot.waitSignal(lockdown.exit_requested):
        for digit in PIN:
            kiosk.tap(lockdown.pad.buttons[digit])
        kiosk.tap(lockdown.pad.buttons["OK"])
    assert not lockdown.locked


def test_first_start_pairs_with_the_printed_token(make_kiosk: MakeKiosk) -> None:
    kiosk = make_kiosk(paired=False)
    kiosk.qtbot.waitUntil(lambda: kiosk.app.pairing is not None)
    pairing = kiosk.app.pairing
    assert pairing is not None
    kiosk.qtbot.waitUntil(lambda: kiosk.window.stack.currentWidget() is pairing)
    pairing.field.setText("x" * 43)
    kiosk.tap(pairing.button)
    kiosk.qtbot.waitUntil(lambda: "does not know this token" in pairing.message.text())
    pairing.field.setText("short")
    kiosk.tap(pairing.button)
    assert "not a device token" in pairing.message.text()
    token = kiosk.app.options.token_store
    pairing.field.setText(kiosk.token)
    kiosk.tap(pairing.button)
    kiosk.go_to(Screen.START)
    assert token.load() == kiosk.token
