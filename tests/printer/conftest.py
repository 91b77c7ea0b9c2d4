"""Fixtures for the printer tests: emulators on real sockets and ptys, sample bitmaps."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PIL import Image, ImageDraw

from hardware.bitmap import Bitmap, bitmap_from_pil
from hardware.emulator import EmulatorState, NetworkPrinterEmulator, SerialPrinterEmulator
from hardware.escpos_config import PrinterConfig, PrinterProfile, TransportKind
from hardware.ticket import PaperWidth, PrintMode


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


NetworkConfig = Callable[..., PrinterConfig]


@pytest.fixture
def network_config() -> NetworkConfig:
    """A factory of configs pointing at a network emulator."""
    return _network_config


def _network_config(
    emu: NetworkPrinterEmulator,
    mode: PrintMode = PrintMode.RASTER,
    *,
    status_timeout: float = 0.3,
    write_timeout: float = 5.0,
    native_qr: bool = True,
) -> PrinterConfig:
    """A config pointing at the emulator."""
    return PrinterConfig(
        transport=TransportKind.NETWORK,
        host=emu.host,
        port=emu.port,
        mode=mode,
        profile=PrinterProfile(paper=PaperWidth(emu.paper_width), native_qr=native_qr),
        status_timeout=status_timeout,
        write_timeout=write_timeout,
    )


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
