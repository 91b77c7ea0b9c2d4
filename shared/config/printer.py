"""A kiosk's ticket printer in the site file: one model per transport, tagged by ``transport``.

    printer = { transport = "network", host = "192.168.10.20", port = 9100, paper = "80mm" }

The one printer vocabulary of the project (transport, paper width, print mode): `hardware`
matches on these models to open the transport and build the printer's profile; nothing here
touches a device.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt, StrictStr

Port = Annotated[StrictInt, Field(ge=0, le=65535)]
"""A TCP port (0 = let the system choose)."""


class Section(BaseModel):
    """Base of every section of the site file: frozen, unknown keys are errors."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class PrinterTransport(StrEnum):
    """How a kiosk reaches its ticket printer."""

    USB = "usb"
    SERIAL = "serial"
    NETWORK = "network"
    FILE = "file"
    NONE = "none"


class PaperWidth(StrEnum):
    """The width of the thermal paper roll, as the site file names it."""

    MM80 = "80mm"
    MM58 = "58mm"

    @property
    def dots(self) -> int:
        """The printable width in dots at 203 dpi: 576 on 80 mm, 384 on 58 mm."""
        return 576 if self is PaperWidth.MM80 else 384


class PrintMode(StrEnum):
    """Print the ticket as one raster image (any script) or as printer text (Latin only)."""

    RASTER = "raster"
    TEXT = "text"


class PrinterBase(Section):
    """Keys every real printer has."""

    paper: PaperWidth = PaperWidth.MM80
    mode: PrintMode = PrintMode.RASTER
    native_qr: StrictBool = True
    """The printer draws QR codes itself (GS ( k); else the QR goes as raster."""
    native_number: StrictBool = True
    """The big ticket number goes in the printer's own magnified font (~8 KB less on 80 mm)."""
    raster_left_margin: StrictBool = False
    """The printer applies GS L to raster images (test your model before turning it on)."""
    raster_justify: StrictBool = False
    """The printer applies ESC a to raster images (test your model before turning it on)."""


class UsbPrinter(PrinterBase):
    """A printer on USB, found by vendor and product id (write them as 0x04b8)."""

    transport: Literal[PrinterTransport.USB]
    vendor_id: Annotated[StrictInt, Field(ge=0, le=0xFFFF)]
    product_id: Annotated[StrictInt, Field(ge=0, le=0xFFFF)]


class SerialPrinter(PrinterBase):
    """A printer on a serial port."""

    transport: Literal[PrinterTransport.SERIAL]
    device: Annotated[StrictStr, Field(min_length=1)]
    baudrate: Literal[1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200] = 9600


class NetworkPrinter(PrinterBase):
    """A printer on the network (raw TCP, usually port 9100)."""

    transport: Literal[PrinterTransport.NETWORK]
    host: Annotated[StrictStr, Field(min_length=1)]
    port: Port = 9100


class FilePrinter(PrinterBase):
    """A printer device file or a plain file (bytes are written to it)."""

    transport: Literal[PrinterTransport.FILE]
    path: Path


class NoPrinter(Section):
    """No printer: the kiosk shows the ticket on screen only."""

    transport: Literal[PrinterTransport.NONE]


AttachedPrinter = UsbPrinter | SerialPrinter | NetworkPrinter | FilePrinter
"""A printer the kiosk has: every transport but none."""

PrinterConfig = Annotated[AttachedPrinter | NoPrinter, Field(discriminator="transport")]
"""A kiosk's printer, one model per transport."""
