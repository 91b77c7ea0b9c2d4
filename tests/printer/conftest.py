"""Fixtures for the printer tests: emulators on real sockets and ptys, sample bitmaps."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PIL import Image, ImageDraw

from hardware.emulator import EmulatorState, NetworkPrinterEmulator, SerialPrinterEmulator
from hardware.escpos.printer import EscposPrinter
from hardware.picture import Bitmap, bitmap_from_pil
from hardware.transports.base import Timeouts
from shared.config.printer import NetworkPrinter, PaperWidth, PrinterTransport, PrintMode


@pytest.fixture
def emulator() -> Iterator[NetworkPrinterEmulator]:
    """A network printer emulator on 127.0.0.1, any free port."""
    with NetworkPrinterEmulator(state=EmulatorState.OK) as emu:
        yield emu


@pytest.fixture
def serial_emulator() -> Iterator[SerialPrinterEmulator]:
    """A serial printer emulator on a pty pair."""
    with SerialPrinterEmulator() as emu:
        yield emu


NetworkPrinterAt = Callable[..., EscposPrinter]


@pytest.fixture
def network_printer() -> NetworkPrinterAt:
    """A factory of printers pointing at a network emulator."""
    return _network_printer


def _network_printer(
    emu: NetworkPrinterEmulator,
    mode: PrintMode = PrintMode.RASTER,
    *,
    status_timeout: float = 0.3,
    write_timeout: float = 5.0,
    native_qr: bool = True,
    native_number: bool = True,
) -> EscposPrinter:
    """A printer on the emulator, described as the site file would."""
    paper = PaperWidth.MM58 if emu.paper_width == PaperWidth.MM58.dots else PaperWidth.MM80
    site = NetworkPrinter(
        transport=PrinterTransport.NETWORK,
        host=emu.host,
        port=emu.port,
        mode=mode,
        paper=paper,
        native_qr=native_qr,
        native_number=native_number,
    )
    return EscposPrinter(site, timeouts=Timeouts(status=status_timeout, write=write_timeout))


@pytest.fixture
def drawn_bitmap() -> Bitmap:
    """A 576-dot wide sample picture."""
    return draw_bitmap()


def draw_bitmap(width: int = 576, height: int = 400) -> Bitmap:
    """A picture with text, boxes, blank bands and odd edges: what a ticket looks like."""
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    draw.rectangle((10, 10, width - 11, 60), outline=0, width=3)
    draw.text((30, 20), "A042 Ausländerbehörde", fill=0)
    draw.ellipse((width // 2 - 50, 150, width // 2 + 50, 250), fill=0)
    draw.line((0, height - 1, width - 1, height - 1), fill=0)
    draw.point((width - 1, 300), fill=0)
    return bitmap_from_pil(image)
