"""Printing over TCP into the network emulator: round trips, every fault, drops."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from pydantic import TypeAdapter

from hardware import escpos_encode as enc
from hardware.bitmap import Bitmap, bitmap_to_pil
from hardware.emulator import EmulatorState, NetworkPrinterEmulator
from hardware.escpos_config import (
    PrinterConfig,
    PrinterProfile,
    TransportKind,
    printer_config_from_site,
)
from hardware.escpos_printer import EscposPrinter
from hardware.escpos_ticket import encode_raster_image
from hardware.printer import (
    CoverOpenError,
    PaperOutError,
    PrinterError,
    PrinterOfflineError,
    PrinterStatus,
    PrintInterruptedError,
)
from hardware.ticket import PaperWidth, PrintMode
from shared.config.printer import PrinterConfig as SitePrinter

from .conftest import NetworkConfig


def test_a_raster_job_arrives_and_renders_pixel_for_pixel(
    emulator: NetworkPrinterEmulator, network_config: NetworkConfig, drawn_bitmap: Bitmap
) -> None:
    printer = EscposPrinter(network_config(emulator))
    printer.print_job(encode_raster_image(drawn_bitmap, printer.config.profile))
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
    network_config: NetworkConfig,
    state: EmulatorState,
    status: PrinterStatus,
) -> None:
    emulator.state = state
    printer = EscposPrinter(network_config(emulator))
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
    network_config: NetworkConfig,
    drawn_bitmap: Bitmap,
    state: EmulatorState,
    error: type[PrinterError],
) -> None:
    emulator.state = state
    printer = EscposPrinter(network_config(emulator))
    with pytest.raises(error) as caught:
        printer.print_job(encode_raster_image(drawn_bitmap, printer.config.profile))
    printer.close()
    assert caught.value.visitor_hint
    assert type(caught.value) is error
    time.sleep(0.1)
    assert emulator.jobs == []


def test_paper_near_end_still_prints(
    emulator: NetworkPrinterEmulator, network_config: NetworkConfig
) -> None:
    emulator.state = EmulatorState.PAPER_NEAR_END
    printer = EscposPrinter(network_config(emulator))
    printer.print_job(b"Hallo\n" + enc.cut())
    printer.close()
    assert emulator.wait_for_jobs(1)[0].complete


def test_a_drop_mid_ticket_is_reported_not_ignored(
    network_config: NetworkConfig, drawn_bitmap: Bitmap
) -> None:
    with NetworkPrinterEmulator(state=EmulatorState.DROP, drop_after=2000) as emulator:
        printer = EscposPrinter(network_config(emulator))
        with pytest.raises(PrintInterruptedError) as caught:
            printer.print_job(encode_raster_image(drawn_bitmap, printer.config.profile))
        printer.close()
        (job,) = emulator.wait_for_jobs(1)
    assert not job.complete
    assert len(job.data) < 2000
    assert "interrupted" in caught.value.visitor_hint


def test_a_silent_printer_is_offline_within_the_timeout(
    emulator: NetworkPrinterEmulator, network_config: NetworkConfig
) -> None:
    emulator.state = EmulatorState.OFFLINE
    printer = EscposPrinter(network_config(emulator, status_timeout=0.2))
    started = time.monotonic()
    assert printer.status() is PrinterStatus.OFFLINE
    assert time.monotonic() - started < 2.0
    printer.close()


def test_no_printer_at_the_address_is_offline(network_config: NetworkConfig) -> None:
    with NetworkPrinterEmulator() as emulator:
        config = network_config(emulator)
    printer = EscposPrinter(config)
    assert printer.status() is PrinterStatus.OFFLINE
    with pytest.raises(PrinterOfflineError):
        printer.print_job(b"x\n")


def test_status_follows_the_printer_and_recovers(
    emulator: NetworkPrinterEmulator, network_config: NetworkConfig
) -> None:
    printer = EscposPrinter(network_config(emulator))
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
    network_config: NetworkConfig,
) -> None:
    with NetworkPrinterEmulator(state=EmulatorState.SLOW, bytes_per_second=4000) as emulator:
        printer = EscposPrinter(network_config(emulator))
        started = time.monotonic()
        printer.print_job(b"x" * 1000 + b"\n" + enc.cut())
        elapsed = time.monotonic() - started
        printer.close()
        (job,) = emulator.wait_for_jobs(1)
    assert elapsed >= 0.2
    assert job.last_byte_at - job.first_byte_at >= 0.15


def test_a_file_printer_cannot_tell_its_status_but_prints(tmp_path: Path) -> None:
    target = tmp_path / "lp0"
    printer = EscposPrinter(PrinterConfig(transport=TransportKind.FILE, path=str(target)))
    assert printer.status() is PrinterStatus.UNKNOWN
    printer.print_job(b"Hallo\n" + enc.cut())
    printer.close()
    assert target.read_bytes() == b"Hallo\n" + enc.cut()


def test_config_from_a_mapping() -> None:
    config = PrinterConfig.from_mapping(
        {"transport": "network", "host": "10.0.0.5", "paper_mm": 58, "mode": "text",
         "native_qr": False}
    )  # fmt: skip
    assert config.port == 9100
    assert config.profile == PrinterProfile(paper=384, native_qr=False)  # type: ignore[arg-type]
    options = PrinterConfig.from_mapping(
        {"transport": "file", "path": "/x", "native_number": False, "raster_justify": True}
    )
    assert options.profile == PrinterProfile(native_number=False, raster_justify=True)
    with pytest.raises(ValueError, match="colour"):
        PrinterConfig.from_mapping({"transport": "file", "path": "/x", "colour": "red"})
    with pytest.raises(ValueError, match="names no device"):
        PrinterConfig.from_mapping({"transport": "serial"})


def test_config_from_the_site_file_models() -> None:
    network = TypeAdapter(SitePrinter).validate_python(
        {"transport": "network", "host": "192.168.10.20", "paper": "58mm", "mode": "text"}
    )
    config = printer_config_from_site(network)
    assert config is not None
    assert (config.host, config.port, config.paper, config.mode) == (
        "192.168.10.20", 9100, PaperWidth.MM58, PrintMode.TEXT
    )  # fmt: skip
    usb = TypeAdapter(SitePrinter).validate_python(
        {"transport": "usb", "vendor_id": 0x04B8, "product_id": 0x0202}
    )
    usb_config = printer_config_from_site(usb)
    assert usb_config is not None
    assert (usb_config.usb_vendor_id, usb_config.usb_product_id) == (0x04B8, 0x0202)
    serial = TypeAdapter(SitePrinter).validate_python(
        {"transport": "serial", "device": "/dev/ttyS0"}
    )
    assert printer_config_from_site(serial) == PrinterConfig(
        transport=TransportKind.SERIAL, serial_device="/dev/ttyS0"
    )
    nothing = TypeAdapter(SitePrinter).validate_python({"transport": "none"})
    assert printer_config_from_site(nothing) is None
