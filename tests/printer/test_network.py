"""Printing over TCP into the network emulator: round trips, every fault, drops."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from pydantic import TypeAdapter

from hardware.emulator import EmulatorState, NetworkPrinterEmulator
from hardware.escpos import encode as enc
from hardware.escpos.printer import EscposPrinter, printer_from_site
from hardware.escpos.profile import PrinterProfile
from hardware.escpos.ticket import encode_raster_image
from hardware.picture import Bitmap, bitmap_to_pil
from hardware.printer import (
    CoverOpenError,
    PaperOutError,
    PrinterError,
    PrinterOfflineError,
    PrinterStatus,
    PrintInterruptedError,
)
from hardware.transports.base import Timeouts, TransportOpenError
from hardware.transports.file import FileTransport
from hardware.transports.network import NetworkTransport
from hardware.transports.opener import open_transport
from shared.config.printer import FilePrinter, PaperWidth, PrinterTransport, PrintMode
from shared.config.printer import PrinterConfig as SitePrinter

from .conftest import NetworkPrinterAt


def test_a_raster_job_arrives_and_renders_pixel_for_pixel(
    emulator: NetworkPrinterEmulator, network_printer: NetworkPrinterAt, drawn_bitmap: Bitmap
) -> None:
    printer = network_printer(emulator)
    printer.print_job(encode_raster_image(drawn_bitmap, printer.profile))
    printer.close()
    (job,) = emulator.wait_for_jobs(1)
    assert job.complete
    printout = emulator.interpret(job)
    assert printout.cuts == 1
    top = printout.image.crop((0, 0, drawn_bitmap.width, drawn_bitmap.height))
    assert top.tobytes() == bitmap_to_pil(drawn_bitmap).tobytes()


@pytest.mark.parametrize(
    ("state", "status"),
    [
        (EmulatorState.OK, PrinterStatus.OK),
        (EmulatorState.PAPER_NEAR_END, PrinterStatus.PAPER_NEAR_END),
        (EmulatorState.PAPER_OUT, PrinterStatus.PAPER_OUT),
        (EmulatorState.COVER_OPEN, PrinterStatus.COVER_OPEN),
        (EmulatorState.ERROR, PrinterStatus.ERROR),
        (EmulatorState.OFFLINE, PrinterStatus.OFFLINE),
        (EmulatorState.SLOW, PrinterStatus.OK),
    ],
)
def test_each_emulator_state_reads_back_as_its_status(
    emulator: NetworkPrinterEmulator,
    network_printer: NetworkPrinterAt,
    state: EmulatorState,
    status: PrinterStatus,
) -> None:
    emulator.state = state
    printer = network_printer(emulator)
    assert printer.status() is status
    printer.close()


@pytest.mark.parametrize(
    ("state", "error"),
    [
        (EmulatorState.PAPER_OUT, PaperOutError),
        (EmulatorState.COVER_OPEN, CoverOpenError),
        (EmulatorState.OFFLINE, PrinterOfflineError),
        (EmulatorState.ERROR, PrinterError),
    ],
)
def test_a_fault_stops_the_ticket_with_its_typed_error(
    emulator: NetworkPrinterEmulator,
    network_printer: NetworkPrinterAt,
    drawn_bitmap: Bitmap,
    state: EmulatorState,
    error: type[PrinterError],
) -> None:
    emulator.state = state
    printer = network_printer(emulator)
    with pytest.raises(error) as caught:
        printer.print_job(encode_raster_image(drawn_bitmap, printer.profile))
    printer.close()
    assert caught.value.visitor_hint
    assert type(caught.value) is error
    emulator.stop()  # joins the connection's thread: the jobs are final
    assert emulator.jobs == []


@pytest.mark.expect_log("hardware", "paper near end")
def test_paper_near_end_still_prints(
    emulator: NetworkPrinterEmulator, network_printer: NetworkPrinterAt
) -> None:
    emulator.state = EmulatorState.PAPER_NEAR_END
    printer = network_printer(emulator)
    printer.print_job(b"Hallo\n" + enc.cut())
    printer.close()
    assert emulator.wait_for_jobs(1)[0].complete


def test_a_drop_mid_ticket_is_reported_not_ignored(
    network_printer: NetworkPrinterAt, drawn_bitmap: Bitmap
) -> None:
    with NetworkPrinterEmulator(state=EmulatorState.DROP, drop_after=2000) as emulator:
        printer = network_printer(emulator)
        with pytest.raises(PrintInterruptedError) as caught:
            printer.print_job(encode_raster_image(drawn_bitmap, printer.profile))
        printer.close()
        (job,) = emulator.wait_for_jobs(1)
    assert not job.complete
    assert len(job.data) < 2000
    assert "interrupted" in caught.value.visitor_hint


def test_a_silent_printer_is_offline_within_the_timeout(
    emulator: NetworkPrinterEmulator, network_printer: NetworkPrinterAt
) -> None:
    emulator.state = EmulatorState.OFFLINE
    printer = network_printer(emulator, status_timeout=0.2)
    started = time.monotonic()
    assert printer.status() is PrinterStatus.OFFLINE
    assert time.monotonic() - started < 2.0
    printer.close()


def test_no_printer_at_the_address_is_offline(network_printer: NetworkPrinterAt) -> None:
    with NetworkPrinterEmulator() as emulator:
        printer = network_printer(emulator)
    assert printer.status() is PrinterStatus.OFFLINE
    with pytest.raises(PrinterOfflineError):
        printer.print_job(b"x\n")


def test_status_follows_the_printer_and_recovers(
    emulator: NetworkPrinterEmulator, network_printer: NetworkPrinterAt
) -> None:
    printer = network_printer(emulator)
    assert printer.status() is PrinterStatus.OK
    emulator.state = EmulatorState.COVER_OPEN
    assert printer.status() is PrinterStatus.COVER_OPEN
    emulator.state = EmulatorState.OFFLINE
    assert printer.status() is PrinterStatus.OFFLINE
    emulator.state = EmulatorState.OK
    assert printer.status() is PrinterStatus.OK
    printer.print_job(b"again\n" + enc.cut())
    printer.close()
    assert emulator.interpret(emulator.wait_for_jobs(1)[0]).lines() == ["again"]


def test_a_slow_printer_takes_as_long_as_its_line_rate(
    network_printer: NetworkPrinterAt,
) -> None:
    with NetworkPrinterEmulator(state=EmulatorState.SLOW, bytes_per_second=4000) as emulator:
        printer = network_printer(emulator)
        started = time.monotonic()
        printer.print_job(b"x" * 1000 + b"\n" + enc.cut())
        elapsed = time.monotonic() - started
        printer.close()
        (job,) = emulator.wait_for_jobs(1)
    assert elapsed >= 0.2
    assert job.last_byte_at - job.first_byte_at >= 0.15


def test_a_file_printer_cannot_tell_its_status_but_prints(tmp_path: Path) -> None:
    target = tmp_path / "lp0"
    printer = EscposPrinter(FilePrinter(transport=PrinterTransport.FILE, path=target))
    assert printer.status() is PrinterStatus.UNKNOWN
    printer.print_job(b"Hallo\n" + enc.cut())
    printer.close()
    assert target.read_bytes() == b"Hallo\n" + enc.cut()


def test_the_profile_and_mode_come_from_the_site_entry() -> None:
    site = TypeAdapter(SitePrinter)
    network = site.validate_python(
        {"transport": "network", "host": "10.0.0.5", "paper": "58mm", "mode": "text",
         "native_qr": False}
    )  # fmt: skip
    printer = printer_from_site(network)
    assert printer is not None
    assert printer.profile == PrinterProfile(paper=PaperWidth.MM58, native_qr=False)
    assert (printer.paper, printer.site.mode) == (PaperWidth.MM58, PrintMode.TEXT)
    options = site.validate_python(
        {"transport": "file", "path": "/x", "native_number": False, "raster_justify": True}
    )
    assert PrinterProfile.of(options) == PrinterProfile(native_number=False, raster_justify=True)
    assert printer_from_site(site.validate_python({"transport": "none"})) is None


def test_each_transport_opens_its_own_device(
    emulator: NetworkPrinterEmulator, tmp_path: Path
) -> None:
    site = TypeAdapter(SitePrinter)
    network = site.validate_python(
        {"transport": "network", "host": emulator.host, "port": emulator.port}
    )
    lp0 = site.validate_python({"transport": "file", "path": str(tmp_path / "lp0")})
    serial = site.validate_python({"transport": "serial", "device": "/dev/does-not-exist-ttyS9"})
    opened = [open_transport(network, Timeouts()), open_transport(lp0, Timeouts())]
    assert [type(transport) for transport in opened] == [NetworkTransport, FileTransport]
    for transport in opened:
        transport.close()
    with pytest.raises(TransportOpenError, match="cannot open serial printer"):
        open_transport(serial, Timeouts())
