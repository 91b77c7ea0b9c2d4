"""A ticket's picture as a printer sees it: 1-bit rows, and where the renderer put the number.

The renderer (`hardware.qt.render`) makes it; the ESC/POS encoder (`hardware.escpos`) and the
emulator read it. Qt-free: conversions here go from and to PIL images only.
"""

from __future__ import annotations

from dataclasses import dataclass

from PIL import Image, ImageOps

_THRESHOLD = 128


@dataclass(frozen=True, slots=True)
class Bitmap:
    """A 1-bit picture, rows packed MSB first, 1 = black dot, each row padded to whole bytes."""

    width: int
    height: int
    data: bytes

    def __post_init__(self) -> None:
        """Reject data that does not match the size."""
        if self.width < 0 or self.height < 0:
            raise ValueError("Bitmap size must not be negative")
        if len(self.data) != self.row_bytes * self.height:
            raise ValueError(
                f"Bitmap data has {len(self.data)} bytes, "
                f"expected {self.row_bytes * self.height} for {self.width}x{self.height}"
            )

    @property
    def row_bytes(self) -> int:
        """Bytes per packed row."""
        return (self.width + 7) // 8

    def row(self, y: int) -> bytes:
        """The packed bytes of row ``y``."""
        start = y * self.row_bytes
        return self.data[start : start + self.row_bytes]

    def crop_rows(self, top: int, count: int) -> Bitmap:
        """Rows ``top`` to ``top + count`` (clipped to the picture) as a new Bitmap."""
        top = max(0, min(top, self.height))
        count = max(0, min(count, self.height - top))
        start = top * self.row_bytes
        return Bitmap(self.width, count, self.data[start : start + count * self.row_bytes])

    def is_black(self, x: int, y: int) -> bool:
        """Whether the dot at (x, y) is black."""
        byte = self.data[y * self.row_bytes + x // 8]
        return bool(byte & (0x80 >> (x % 8)))


def bitmap_from_pil(image: Image.Image) -> Bitmap:
    """Threshold any PIL image (dark = black) into a Bitmap."""
    gray = image.convert("L")
    # Mode "1" packs MSB first with 1 = white; invert so that 1 = black ink.
    ink = gray.point(lambda v: 255 if v < _THRESHOLD else 0)
    packed = ink.convert("1", dither=Image.Dither.NONE).tobytes()
    return Bitmap(width=image.width, height=image.height, data=packed)


def bitmap_to_pil(bitmap: Bitmap) -> Image.Image:
    """The Bitmap as a PIL mode-"1" image (white paper, black ink)."""
    if bitmap.width == 0 or bitmap.height == 0:
        return Image.new("1", (bitmap.width, bitmap.height), 1)
    ink = Image.frombytes("1", (bitmap.width, bitmap.height), bitmap.data)
    return ImageOps.invert(ink.convert("L")).convert("1", dither=Image.Dither.NONE)


@dataclass(frozen=True, slots=True)
class TicketPicture:
    """A rendered ticket: the paper-wide bitmap and the rows that hold the big number's ink."""

    bitmap: Bitmap
    number_rows: tuple[int, int]
    """``(top, bottom)``, bottom exclusive: where the renderer drew the ticket number."""
