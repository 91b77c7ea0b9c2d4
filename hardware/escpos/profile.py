"""What a printer model can do, as the encoder needs it: paper, native QR and number, raster.

Built from the site file's printer entry (`shared.config.printer`), which is the one place
that names paper widths, print modes and transports.
"""

from __future__ import annotations

from dataclasses import dataclass

from hardware.escpos.encode import CodePage
from shared.config.printer import AttachedPrinter, PaperWidth


@dataclass(frozen=True, slots=True)
class PrinterProfile:
    """What a printer model can do."""

    name: str = "generic"
    paper: PaperWidth = PaperWidth.MM80
    native_qr: bool = True
    """Whether it understands GS ( k QR codes; otherwise QR codes are sent as raster."""
    native_number: bool = True
    """Whether the big ticket number goes as the printer's own magnified font (GS !, ~8 KB
    less on 80 mm) rather than as the renderer's raster."""
    codepage: CodePage = CodePage.CP858
    max_band_rows: int = 256
    """Rows per GS v 0 command."""
    raster_left_margin: bool = False
    """Whether GS L shifts GS v 0 images: lets raster skip white on the left (~25 % less)."""
    raster_justify: bool = False
    """Whether ESC a justifies GS v 0 images: lets each band skip white on both sides."""

    @classmethod
    def of(cls, printer: AttachedPrinter) -> PrinterProfile:
        """The profile a kiosk's ``printer = {...}`` entry describes (same keys, same words)."""
        return cls(
            paper=printer.paper,
            native_qr=printer.native_qr,
            native_number=printer.native_number,
            raster_left_margin=printer.raster_left_margin,
            raster_justify=printer.raster_justify,
        )
