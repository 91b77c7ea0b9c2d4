"""Decoding DLE EOT answers, the status monitor, and the in-memory printer."""

from __future__ import annotations

import pytest

from hardware.escpos import encode as enc
from hardware.escpos.printer import EscposPrinter
from hardware.escpos.status import StatusBytes, decode_status, query_status
from hardware.picture import Bitmap
from hardware.printer import PaperOutError, PrinterOfflineError, PrinterStatus, StatusMonitor
from hardware.transports.memory import (
    EmulatorState,
    JobRecorder,
    JobSink,
    MemoryTransport,
    status_answer,
)
from shared.config.printer import FilePrinter, PrinterTransport

ANYWHERE = FilePrinter(transport=PrinterTransport.FILE, path="-")
"""A site entry for printers whose transport the test hands in."""

OK = StatusBytes(printer=0x16, offline_cause=0x12, paper=0x12)


@pytest.mark.parametrize(
    ("answers", "status"),
    [
        (OK, PrinterStatus.OK),
        (StatusBytes(0x16, 0x12, 0x1E), PrinterStatus.PAPER_NEAR_END),
        (StatusBytes(0x1E, 0x32, 0x72), PrinterStatus.PAPER_OUT),
        (StatusBytes(0x16, 0x12, 0x72), PrinterStatus.PAPER_OUT),
        (StatusBytes(0x1E, 0x16, 0x72), PrinterStatus.COVER_OPEN),
        (StatusBytes(0x1E, 0x52, 0x12), PrinterStatus.ERROR),
        (StatusBytes(0x1E, 0x12, 0x12), PrinterStatus.OFFLINE),
        (StatusBytes(0x00, 0x12, 0x12), PrinterStatus.UNKNOWN),
        (StatusBytes(0x16, 0xFF, 0x12), PrinterStatus.UNKNOWN),
    ],
)
def test_answers_decode_to_a_status(answers: StatusBytes, status: PrinterStatus) -> None:
    assert decode_status(answers) is status


@pytest.mark.parametrize("state", list(EmulatorState))
def test_the_emulator_answers_decode_back_to_its_state(state: EmulatorState) -> None:
    transport = MemoryTransport(state)
    faults = {status.value: status for status in PrinterStatus}
    expected = faults.get(state.value, PrinterStatus.OK)
    assert query_status(transport, timeout=0.01) is expected


def test_garbage_answers_are_never_ok() -> None:
    class Garbage(MemoryTransport):
        def read(self, size: int, timeout: float) -> bytes:
            return b"\xff"

    assert query_status(Garbage(), 0.01) is PrinterStatus.UNKNOWN


def test_a_raster_containing_status_request_bytes_is_not_answered() -> None:
    sink = JobSink()
    recorder = JobRecorder(1, sink)
    band = enc.raster_band(Bitmap(24, 1, b"\x10\x04\x01"), 0, 1)
    assert recorder.feed(band[:5], EmulatorState.OK) == b""
    assert recorder.feed(band[5:] + enc.cut(), EmulatorState.OK) == b""
    assert recorder.feed(enc.status_request(enc.StatusRequest.PRINTER), EmulatorState.OK) == (
        status_answer(EmulatorState.OK, 1)
    )
    assert sink.jobs[0].data == band + enc.cut()


def test_the_memory_printer_records_jobs_and_reports_faults() -> None:
    transport = MemoryTransport()
    printer = EscposPrinter(ANYWHERE, opener=lambda *_: transport)
    printer.print_job(b"Hallo\n" + enc.cut())
    assert transport.sink.jobs[0].data == b"Hallo\n" + enc.cut()
    transport.state = EmulatorState.PAPER_OUT
    with pytest.raises(PaperOutError):
        printer.print_job(b"again\n" + enc.cut())
    assert len(transport.sink.jobs) == 1
    transport.state = EmulatorState.OK
    transport.close()
    with pytest.raises(PrinterOfflineError):
        printer.print_job(b"x")


def test_the_monitor_emits_only_changes() -> None:
    transport = MemoryTransport()
    printer = EscposPrinter(ANYWHERE, opener=lambda *_: transport)
    monitor = StatusMonitor(printer)
    seen: list[PrinterStatus] = []
    monitor.printer_status_changed.connect(seen.append)
    monitor.poll()
    monitor.poll()
    transport.state = EmulatorState.COVER_OPEN
    monitor.poll()
    assert seen == [PrinterStatus.OK, PrinterStatus.COVER_OPEN]
    assert monitor.status is PrinterStatus.COVER_OPEN
