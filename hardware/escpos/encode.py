"""Pure ESC/POS encoder: bitmaps, text lines, QR codes, cuts and status requests to bytes."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import IntEnum

from hardware.picture import Bitmap

ESC = b"\x1b"
GS = b"\x1d"
DLE = b"\x10"
LF = b"\n"

MAX_BAND_ROWS = 256
"""Rows per GS v 0 command: small bands keep within every printer's receive buffer."""


class Align(IntEnum):
    """Justification for ESC a."""

    LEFT = 0
    CENTER = 1
    RIGHT = 2


class CodePage(IntEnum):
    """Character code tables for ESC t, valued by their ESC t number."""

    CP437 = 0
    CP1252 = 16
    CP858 = 19

    @property
    def python_codec(self) -> str:
        """The Python codec for this table."""
        return {CodePage.CP437: "cp437", CodePage.CP1252: "cp1252", CodePage.CP858: "cp858"}[self]


class QrErrorCorrection(IntEnum):
    """QR error correction levels, valued by their GS ( k fn 169 byte."""

    L = 48
    M = 49
    Q = 50
    H = 51


class StatusRequest(IntEnum):
    """The DLE EOT n real-time status kinds."""

    PRINTER = 1
    OFFLINE_CAUSE = 2
    ERROR_CAUSE = 3
    PAPER = 4


@dataclass(frozen=True, slots=True)
class TextLine:
    """One line printed in text mode."""

    text: str
    align: Align = Align.LEFT
    bold: bool = False
    width: int = 1
    """Character width multiplier, 1..8."""
    height: int = 1
    """Character height multiplier, 1..8."""


def initialize() -> bytes:
    """ESC @: reset the printer's modes."""
    return ESC + b"@"


def align(how: Align) -> bytes:
    """ESC a n: justification of the following lines."""
    return ESC + b"a" + bytes([how])


def bold(on: bool) -> bytes:
    """ESC E n: emphasized on or off."""
    return ESC + b"E" + bytes([1 if on else 0])


def char_size(width: int = 1, height: int = 1) -> bytes:
    """GS ! n: character size as width and height multipliers 1..8."""
    if not (1 <= width <= 8 and 1 <= height <= 8):
        raise ValueError(f"character size must be 1..8, got {width}x{height}")
    return GS + b"!" + bytes([(width - 1) << 4 | (height - 1)])


def smoothing(on: bool) -> bytes:
    """GS b n: smoothing of magnified characters on or off (printers without it ignore it)."""
    return GS + b"b" + bytes([1 if on else 0])


def codepage(table: CodePage) -> bytes:
    """ESC t n: select the character code table."""
    return ESC + b"t" + bytes([table])


def text(content: str, table: CodePage = CodePage.CP858) -> bytes:
    """Text in a code table; missing characters become '?', control characters are dropped."""
    clean = "".join(ch for ch in content if ch >= " ")
    return clean.encode(table.python_codec, errors="replace")


def feed_lines(count: int) -> bytes:
    """ESC d n: print the buffer and feed ``count`` lines."""
    if not 0 <= count <= 255:
        raise ValueError(f"line feed count must be 0..255, got {count}")
    return ESC + b"d" + bytes([count])


def feed_dots(count: int) -> bytes:
    """ESC J n (repeated): print the buffer and feed ``count`` dot rows."""
    out = bytearray()
    while count > 0:
        step = min(count, 255)
        out += ESC + b"J" + bytes([step])
        count -= step
    return bytes(out)


def left_margin(dots: int) -> bytes:
    """GS L nL nH: left margin in dots (motion units of 1 dot at 203 dpi)."""
    if not 0 <= dots <= 0xFFFF:
        raise ValueError(f"left margin must be 0..65535 dots, got {dots}")
    return GS + b"L" + dots.to_bytes(2, "little")


def raster_band(bitmap: Bitmap, top: int, rows: int, left: int = 0) -> bytes:
    """GS v 0 for ``rows`` rows from ``top``, bytes from ``left`` on, white right bytes cut."""
    lines = [bitmap.row(y)[left:] for y in range(top, top + rows)]
    used = max((len(line.rstrip(b"\x00")) for line in lines), default=0)
    used = max(used, 1)
    header = GS + b"v0\x00" + used.to_bytes(2, "little") + rows.to_bytes(2, "little")
    return header + b"".join(line[:used] for line in lines)


def _blank_left_bytes(bitmap: Bitmap, top: int, rows: int) -> int:
    """How many whole bytes on the left are white in every row of a band."""
    lines = [bitmap.row(y) for y in range(top, top + rows)]
    return min(len(line) - len(line.lstrip(b"\x00")) for line in lines)


def row_runs(bitmap: Bitmap) -> Iterator[tuple[bool, int, int]]:
    """Runs of (blank, first row, row count) down the bitmap."""
    start = 0
    for y in range(1, bitmap.height + 1):
        blank = not any(bitmap.row(start))
        if y == bitmap.height or (not any(bitmap.row(y))) != blank:
            yield blank, start, y - start
            start = y


def _justified_band(bitmap: Bitmap, top: int, rows: int) -> tuple[Align, bytes]:
    """The cheapest of left, centred and right justification for a paper-wide band.

    Left sends bytes up to the last inked one, right from the first inked one, centre an
    equal number of white bytes off both sides: each lands on the same dots as the full row.
    """
    width = bitmap.row_bytes
    used = max(1, *(len(bitmap.row(y).rstrip(b"\x00")) for y in range(top, top + rows)))
    left = min(_blank_left_bytes(bitmap, top, rows), used - 1)
    side = min(left, width - used)
    costs = {Align.LEFT: (0, used), Align.CENTER: (side, width - side), Align.RIGHT: (left, width)}
    how = min(costs, key=lambda key: costs[key][1] - costs[key][0])
    start, stop = costs[how]
    lines = b"".join(bitmap.row(y)[start:stop] for y in range(top, top + rows))
    header = GS + b"v0\x00" + (stop - start).to_bytes(2, "little") + rows.to_bytes(2, "little")
    return how, header + lines


def raster(
    bitmap: Bitmap,
    *,
    max_band: int = MAX_BAND_ROWS,
    skip_blank: bool = True,
    trim_left: bool = False,
    justify: bool = False,
) -> bytes:
    """A bitmap as GS v 0 bands, left aligned; blank rows become ESC J feeds when asked.

    With ``trim_left`` each band starts at its first inked byte, shifted there with GS L
    (saves a quarter of the bytes; needs a printer that applies GS L to raster images).
    With ``justify`` (for a bitmap exactly as wide as the paper) each band is sent left,
    centred or right justified with ESC a, without its white bytes on either side (needs a
    printer that applies ESC a to raster images).
    """
    if bitmap.height == 0:
        return b""
    out = bytearray(align(Align.LEFT))
    runs: Iterable[tuple[bool, int, int]] = (
        row_runs(bitmap) if skip_blank else [(False, 0, bitmap.height)]
    )
    margin = 0
    current = Align.LEFT
    for blank, top, count in runs:
        if blank:
            out += feed_dots(count)
            continue
        for band_top in range(top, top + count, max_band):
            rows = min(max_band, top + count - band_top)
            if justify:
                how, band = _justified_band(bitmap, band_top, rows)
                out += b"" if how is current else align(how)
                out += band
                current = how
                continue
            left = _blank_left_bytes(bitmap, band_top, rows) if trim_left else 0
            if left != margin:
                out += left_margin(left * 8)
                margin = left
            out += raster_band(bitmap, band_top, rows, left)
    if margin:
        out += left_margin(0)
    if current is not Align.LEFT:
        out += align(Align.LEFT)
    return bytes(out)


def _qr_function(fn: int, payload: bytes) -> bytes:
    """GS ( k pL pH cn=49 fn payload."""
    size = len(payload) + 2
    return GS + b"(k" + size.to_bytes(2, "little") + bytes([49, fn]) + payload


def qr(
    data: str, *, module_size: int = 6, correction: QrErrorCorrection = QrErrorCorrection.M
) -> bytes:
    """Native QR (GS ( k, model 2): select, size, error correction, store, print."""
    if not 1 <= module_size <= 16:
        raise ValueError(f"QR module size must be 1..16, got {module_size}")
    encoded = data.encode("utf-8")
    if len(encoded) > 7089:
        raise ValueError("QR data too long")
    return (
        _qr_function(65, b"\x32\x00")
        + _qr_function(67, bytes([module_size]))
        + _qr_function(69, bytes([correction]))
        + _qr_function(80, b"\x30" + encoded)
        + _qr_function(81, b"\x30")
    )


def cut(feed_dots_before: int = 0) -> bytes:
    """GS V 66 n: feed n dots, then a partial cut (full cut where the printer lacks it)."""
    if not 0 <= feed_dots_before <= 255:
        raise ValueError(f"cut feed must be 0..255, got {feed_dots_before}")
    return GS + b"V" + bytes([66, feed_dots_before])


def status_request(kind: StatusRequest) -> bytes:
    """DLE EOT n: ask for a real-time status byte."""
    return DLE + b"\x04" + bytes([kind])


def text_line(line: TextLine, table: CodePage = CodePage.CP858) -> bytes:
    """One text line with its own justification, emphasis and size, ended by LF."""
    return (
        align(line.align)
        + bold(line.bold)
        + char_size(line.width, line.height)
        + text(line.text, table)
        + LF
    )


def text_lines(lines: Iterable[TextLine], table: CodePage = CodePage.CP858) -> bytes:
    """Text lines in a code table; the style is reset after the last one."""
    out = bytearray(codepage(table))
    for line in lines:
        out += text_line(line, table)
    out += align(Align.LEFT) + bold(on=False) + char_size(1, 1)
    return bytes(out)
