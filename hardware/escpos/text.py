"""A ticket in the printer's own font: word-wrapped text lines and the magnified number."""

from __future__ import annotations

import qrcode

from hardware.escpos import encode as enc
from hardware.escpos.encode import Align, CodePage, TextLine
from hardware.escpos.profile import PrinterProfile
from hardware.picture import Bitmap, bitmap_from_pil
from hardware.ticket import TicketPrint

CUT_FEED_DOTS = 64
"""Paper fed before the cut, so the cutter (above the head) misses the last line."""
QR_MODULE_DOTS = 6
FONT_A_DOTS = 12
"""Width of a font A character cell (12x24 dots) before GS ! magnification."""
BULLET = "-\u00a0"
"""A dash joined to the item's first word by a no-break space: never alone on a line."""
HANGING = "  "
"""Continuation lines of a list item start under its text, not under the bullet."""
SOFT_HYPHEN = "\u00ad"
"""Where a long word may break, with a '-' ("Verpflichtungs-" / "erklärung")."""


def columns(paper: int, width: int = 1) -> int:
    """Characters per line in font A at a width multiplier (32 on 58 mm, 48 on 80 mm)."""
    return max(1, paper // (FONT_A_DOTS * width))


def wrap_words(text: str, width: int, hanging: str = "") -> list[str]:
    """``text`` in lines of at most ``width`` characters, broken only at plain spaces.

    A no-break space (U+00A0) keeps its neighbours together ("35 Min."); a soft hyphen (U+00AD)
    is where a long word may break, with a '-' (it prints as nothing elsewhere); only a word
    longer than a line without such a place is cut. Lines after the first start with ``hanging``.
    """
    if len(hanging) >= width:
        hanging = ""
    follow = width - len(hanging)
    lines: list[str] = []
    line = ""
    for spaced in text.split(" "):
        raw = spaced
        while word := raw.replace(SOFT_HYPHEN, ""):
            room = follow if lines else width
            candidate = f"{line} {word}" if line else word
            if len(candidate) <= room:
                line = candidate
                break
            head, raw = _hyphenated(raw, room - len(line) - 1 if line else room)
            if head:
                lines.append(f"{line} {head}" if line else head)
                line = ""
            elif line:
                lines.append(line)
                line = ""
            else:  # longer than a line, no place to break: cut
                lines.append(word[:room])
                raw = word[room:]
    if line or not lines:
        lines.append(line)
    return [lines[0], *(hanging + rest for rest in lines[1:])]


def _hyphenated(word: str, room: int) -> tuple[str, str]:
    """The longest head of ``word`` up to a soft hyphen that fits ``room`` with its '-', and
    the rest; ("", word) when none fits."""
    parts = word.split(SOFT_HYPHEN)
    for cut in range(len(parts) - 1, 0, -1):
        head = "".join(parts[:cut]) + "-"
        if len(head) <= room:
            return head, SOFT_HYPHEN.join(parts[cut:])
    return "", word


def _wrapped(line: TextLine, paper: int, hanging: str = "") -> list[TextLine]:
    """One logical line as as many printed lines as the paper needs, each in its style."""
    chunks = wrap_words(line.text, columns(paper, line.width), hanging)
    return [TextLine(chunk, line.align, line.bold, line.width, line.height) for chunk in chunks]


def native_number_size(number: str, paper: int) -> int:
    """The GS ! factor (1..8, both ways) that fits the number in font A within the margins."""
    inner = paper - 2 * (paper // 32)
    return max(1, min(8, inner // (FONT_A_DOTS * max(len(number), 1))))


def number_line(number: str, paper: int) -> TextLine:
    """The ticket number as one centred, bold, magnified text line."""
    size = native_number_size(number, paper)
    return TextLine(number, Align.CENTER, bold=True, width=size, height=size)


def native_number(number: str, paper: int, table: CodePage) -> bytes:
    """The ticket number in the printer's own font A: magnified, bold, smoothed, centred."""
    line = number_line(number, paper)
    return enc.smoothing(on=True) + enc.text_lines([line], table) + enc.smoothing(on=False)


def ticket_text_lines(ticket: TicketPrint, paper: int = 576) -> list[TextLine]:
    """The ticket as printer text lines (Latin scripts only), word-wrapped to the paper."""
    texts = ticket.texts
    logical = [
        TextLine(ticket.office_name, Align.CENTER, bold=True),
        TextLine(""),
        TextLine(texts.your_number, Align.CENTER),
        number_line(ticket.number, paper),
        TextLine(ticket.concern, Align.CENTER, bold=True),
    ]
    if ticket.counter is not None:
        logical.append(TextLine(texts.counter_line(ticket.counter), Align.CENTER, bold=True))
    logical.append(TextLine(texts.format_datetime(ticket.issued_at), Align.CENTER))
    if ticket.expected_wait_minutes is not None:
        logical.append(TextLine(texts.wait_line(ticket.expected_wait_minutes), Align.CENTER))
    if ticket.documents:
        logical += [TextLine(""), TextLine(texts.please_have_ready, bold=True)]
    lines = [wrapped for line in logical for wrapped in _wrapped(line, paper)]
    for doc in ticket.documents:
        lines += _wrapped(TextLine(BULLET + doc), paper, HANGING)
    lines += [TextLine(""), *_wrapped(TextLine(texts.scan_for_status, Align.CENTER), paper)]
    return lines


def closing_lines(ticket: TicketPrint, paper: int = 576) -> list[TextLine]:
    """The lines under the QR code, word-wrapped to the paper."""
    closing = TextLine(ticket.texts.watch_screens, Align.CENTER, bold=True)
    return [TextLine(""), *_wrapped(closing, paper)]


def text_mode_supported(ticket: TicketPrint, profile: PrinterProfile) -> bool:
    """Whether every line of the ticket exists in the printer's code table."""
    dots = profile.paper.dots
    lines = [*ticket_text_lines(ticket, dots), *closing_lines(ticket, dots)]
    try:
        for line in lines:
            line.text.encode(profile.codepage.python_codec)
    except UnicodeEncodeError:
        return False
    return True


def qr_bitmap(data: str, module: int = QR_MODULE_DOTS) -> Bitmap:
    """A QR code as a bitmap (for printers without native QR)."""
    code = qrcode.QRCode(box_size=module, border=0, error_correction=qrcode.ERROR_CORRECT_M)
    code.add_data(data)
    return bitmap_from_pil(code.make_image().get_image())


def _centered_raster(bitmap: Bitmap, paper: int, max_band: int) -> bytes:
    """A narrow bitmap centred on the paper by padding it with white on the left."""
    left = max((paper - bitmap.width) // 2, 0)
    if left % 8:
        left -= left % 8
    pad = left // 8
    rows = b"".join(b"\x00" * pad + bitmap.row(y) for y in range(bitmap.height))
    padded = Bitmap(width=left + bitmap.row_bytes * 8, height=bitmap.height, data=rows)
    return enc.raster(padded, max_band=max_band)


def encode_text_ticket(ticket: TicketPrint, profile: PrinterProfile) -> bytes:
    """Text-mode job: text lines, the status QR (native or raster), closing line, cut."""
    out = bytearray(enc.initialize() + enc.smoothing(on=True))
    dots = profile.paper.dots
    out += enc.text_lines(ticket_text_lines(ticket, dots), profile.codepage)
    if profile.native_qr:
        out += enc.align(Align.CENTER) + enc.qr(ticket.status_url, module_size=QR_MODULE_DOTS)
        out += enc.feed_lines(1)
    else:
        out += _centered_raster(qr_bitmap(ticket.status_url), dots, profile.max_band_rows)
    out += enc.text_lines(closing_lines(ticket, dots), profile.codepage)
    out += enc.smoothing(on=False) + enc.cut(CUT_FEED_DOTS)
    return bytes(out)
