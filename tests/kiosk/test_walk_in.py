"""Both ways end to end by touches: a real hub, the printer emulator over TCP, the Qt kiosk."""

from __future__ import annotations

import pytest
import zxingcpp
from PIL import Image
from PySide6.QtGui import QImage

from kiosk.way import Screen
from tests.kiosk.conftest import MakeKiosk

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_walk_in_prints_the_number_shown(make_kiosk: MakeKiosk) -> None:
    kiosk = make_kiosk()
    kiosk.wait_screen(Screen.START)
    kiosk.tap(kiosk.widget(Screen.START).buttons["en"])
    kiosk.wait_screen(Screen.WAY)
    kiosk.tap(kiosk.widget(Screen.WAY).walk_in)
    concerns = kiosk.widget(Screen.CONCERNS)
    assert set(concerns.buttons) == {"general", "passport"}
    kiosk.tap(concerns.buttons["general"])
    documents = kiosk.widget(Screen.DOCUMENTS)
    assert "Passport" in documents.documents.text()
    kiosk.tap(documents.print_button)
    kiosk.wait_screen(Screen.TICKET)
    ticket = kiosk.widget(Screen.TICKET)
    assert ticket.number.text() == "A001"
    shown = ticket.qr.pixmap().toImage().convertToFormat(QImage.Format.Format_Grayscale8)
    picture = Image.frombytes(
        "L",
        (shown.width(), shown.height()),
        bytes(shown.constBits()),
        "raw",
        "L",
        shown.bytesPerLine(),
    )
    (code,) = zxingcpp.read_barcodes(picture)
    assert code.text == kiosk.model.view_state().issued.status_url  # type: ignore[union-attr]
    (job,) = kiosk.printer.wait_for_jobs(1)
    assert job.complete
    printed = "\n".join(kiosk.printer.interpret(job).lines())
    assert "A001" in printed
    kiosk.qtbot.waitUntil(lambda: not kiosk.model.view_state().printing)
    assert ticket.keep.text() == "Please keep your ticket."
    kiosk.wait_screen(Screen.START)  # the ticket screen's timer ran out
