"""Printing over a serial line (a real pty) into the serial emulator."""

from __future__ import annotations

import pytest

from hardware.emulator import EmulatorState, SerialPrinterEmulator
from hardware.escpos import encode as enc
from hardware.escpos.printer import EscposPrinter
from hardware.escpos.ticket import encode_raster_image
from hardware.picture import Bitmap, bitmap_to_pil
from hardware.printer import PaperOutError, PrinterOfflineError, PrinterStatus
from hardware.transports.base import Timeouts
from shared.config.printer import PrinterTransport, SerialPrinter


def _printer(device: str) -> EscposPrinter:
    site = SerialPrinter(transport=PrinterTransport.SERIAL, device=device, baudrate=9600)
    return EscposPrinter(site, timeouts=Timeouts(status=0.3))


def test_a_raster_job_round_trips_over_the_pty(
    serial_emulator: SerialPrinterEmulator, drawn_bitmap: Bitmap
) -> None:
    printer = _printer(serial_emulator.device)
    assert printer.status() is PrinterStatus.OK
    printer.print_job(encode_raster_image(drawn_bitmap, printer.profile))
    printer.close()
    (job,) = serial_emulator.wait_for_jobs(1)
    image = serial_emulator.render(job)
    top = image.crop((0, 0, drawn_bitmap.width, drawn_bitmap.height))
    assert top.tobytes() == bitmap_to_pil(drawn_bitmap).tobytes()


def test_serial_faults_read_back(serial_emulator: SerialPrinterEmulator) -> None:
    printer = _printer(serial_emulator.device)
    serial_emulator.state = EmulatorState.PAPER_OUT
    with pytest.raises(PaperOutError):
        printer.print_job(b"x\n" + enc.cut())
    serial_emulator.state = EmulatorState.OFFLINE
    assert printer.status() is PrinterStatus.OFFLINE
    serial_emulator.state = EmulatorState.PAPER_NEAR_END
    assert printer.status() is PrinterStatus.PAPER_NEAR_END
    printer.close()


def test_a_missing_serial_device_is_offline() -> None:
    printer = _printer("/dev/does-not-exist-ttyUSB9")
    assert printer.status() is PrinterStatus.OFFLINE
    with pytest.raises(PrinterOfflineError):
        printer.print_job(b"x\n")
