"""USB printers: python-escpos ``Usb`` with a fake pyusb device (the one true hardware edge)."""

from __future__ import annotations

from array import array

import pytest
from escpos.printer import Usb

from hardware.escpos import encode as enc
from hardware.escpos.printer import EscposPrinter
from hardware.printer import PaperOutError, PrinterStatus, PrintInterruptedError
from hardware.transports.base import CHUNK, Timeouts
from hardware.transports.memory import EmulatorState, MemoryTransport
from hardware.transports.usb import UsbTransport
from shared.config.printer import PrinterTransport, UsbPrinter

EPSON = UsbPrinter(transport=PrinterTransport.USB, vendor_id=0x04B8, product_id=0x0202)

usb_core = pytest.importorskip("usb.core", reason="pyusb (python-escpos[usb]) drives USB printers")


class FakeUsbDevice:
    """A pyusb device whose endpoints lead into an in-memory printer."""

    def __init__(self, printer: MemoryTransport) -> None:
        self._ctx = self
        self.printer = printer
        self.writes: list[int] = []
        self.unplug_after: int | None = None

    def write(self, endpoint: int, data: bytes, timeout: int | None = None) -> int:
        assert endpoint == 0x01
        if self.unplug_after is not None and sum(self.writes) + len(data) > self.unplug_after:
            self.unplug_after = 0
            raise usb_core.USBError("No such device", errno=19)
        self.printer.write(bytes(data))
        self.writes.append(len(data))
        return len(data)

    def read(self, endpoint: int, size: int, timeout: int | None = None) -> array[int]:
        assert endpoint == 0x82
        answer = self.printer.read(size, 0)
        if not answer:
            raise usb_core.USBTimeoutError("Operation timed out", errno=110)
        return array("B", answer)

    def dispose(self, device: object) -> None:
        """What ``usb.util.dispose_resources`` calls."""


@pytest.fixture
def fake_usb() -> FakeUsbDevice:
    return FakeUsbDevice(MemoryTransport())


def _printer(fake: FakeUsbDevice) -> EscposPrinter:
    def opener(printer: UsbPrinter, timeouts: Timeouts) -> UsbTransport:
        device = Usb(printer.vendor_id, printer.product_id)
        device.device = fake
        return UsbTransport(device, timeouts.write)

    return EscposPrinter(EPSON, opener=opener)


def test_a_usb_job_goes_out_in_chunks_and_status_is_read_back(fake_usb: FakeUsbDevice) -> None:
    printer = _printer(fake_usb)
    assert printer.status() is PrinterStatus.OK
    job = enc.initialize() + b"x" * (CHUNK + 100) + b"\n" + enc.cut()
    printer.print_job(job)
    printer.close()
    assert fake_usb.printer.sink.jobs[0].data == job
    assert max(fake_usb.writes) == CHUNK


def test_usb_faults_and_silence(fake_usb: FakeUsbDevice) -> None:
    printer = _printer(fake_usb)
    fake_usb.printer.state = EmulatorState.PAPER_OUT
    with pytest.raises(PaperOutError):
        printer.print_job(b"x\n")
    fake_usb.printer.state = EmulatorState.OFFLINE
    assert printer.status() is PrinterStatus.OFFLINE


def test_unplugging_mid_ticket_is_an_interrupted_print(fake_usb: FakeUsbDevice) -> None:
    printer = _printer(fake_usb)
    fake_usb.unplug_after = 3 * 3 + CHUNK + 10
    with pytest.raises(PrintInterruptedError):
        printer.print_job(b"x" * 3 * CHUNK + b"\n" + enc.cut())
    assert printer.status() is PrinterStatus.OFFLINE


def test_no_usb_printer_attached_is_offline() -> None:
    assert EscposPrinter(EPSON).status() is PrinterStatus.OFFLINE
