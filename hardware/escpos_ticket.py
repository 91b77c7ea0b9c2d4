"""A ticket as the bytes of one print job, in raster or text mode."""

from __future__ import annotations

import logging

import qrcode
from PySide6.QtGui import QImage

from hardware import escpos_encode as enc
from hardware.bitmap import Bitmap, bitmap_from_pil, bitmap_from_qimage
from hardware.escpos_config import PrinterProfile
from hardware.escpos_encode import Align, TextLine
from hardware.ticket import PrintMode, TicketPrint

logger = logging.getLogger(__name__)

CUT_FEED_DOTS = 64
"""Paper fed before the cut, so the cutter (above the head) misses the last line."""
QR_MODULE_DOTS = 6


def ticket_text_lines(ticket: TicketPrint) -> list[TextLine]:
    """The ticket as printer text lines (Latin scripts only)."""
    texts = ticket.texts
    lines = [
        TextLine(ticket.office_name, Align.CENTER, bold=True),
        TextLine(""),
        TextLine(texts.your_number, Align.CENTER),
        TextLine(ticket.number, Align.CENTER, bold=True, width=4, height=4),
        TextLine(ticket.concern, Align.CENTER, bold=True),
    ]
    if ticket.counter is not None:
        lines.append(TextLine(texts.counter_line(ticket.counter), Align.CENTER, bold=True))
    lines.append(TextLine(texts.format_datetime(ticket.issued_at), Align.CENTER))
    if ticket.expected_wait_minutes is not None:
        lines.append(TextLine(texts.wait_line(ticket.expected_wait_minutes), Align.CENTER))
    if ticket.documents:
        lines += [TextLine(""), TextLine(texts.please_have_ready, bold=True)]
        lines += [TextLine(f"- {doc}") for doc in ticket.documents]
    lines += [TextLine(""), TextLine(texts.scan_for_status, Align.CENTER)]
    return lines


def text_mode_supported(ticket: TicketPrint, profile: PrinterProfile) -> bool:
    """Whether every line of the ticket exists in the printer's code table."""
    lines = [*ticket_text_lines(ticket), TextLine(ticket.texts.watch_screens)]
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
    out = bytearray(enc.initialize())
    out += enc.text_lines(ticket_text_lines(ticket), profile.codepage)
    if profile.native_qr:
        out += enc.align(Align.CENTER) + enc.qr(ticket.status_url, module_size=QR_MODULE_DOTS)
        out += enc.feed_lines(1)
    else:
        out += _centered_raster(qr_bitmap(ticket.status_url), profile.paper, profile.max_band_rows)
    closing = [TextLine(""), TextLine(ticket.texts.watch_screens, Align.CENTER, bold=True)]
    out += enc.text_lines(closing, profile.codepage)
    out += enc.cut(CUT_FEED_DOTS)
    return bytes(out)


def encode_raster_image(image: Bitmap, profile: PrinterProfile) -> bytes:
    """Raster job: one full-width bitmap as GS v 0 bands (blank rows as feeds), cut."""
    body = enc.raster(image, max_band=profile.max_band_rows, trim_left=profile.raster_left_margin)
    return enc.initialize() + body + enc.cut(CUT_FEED_DOTS)


def render_bitmap(ticket: TicketPrint, profile: PrinterProfile) -> Bitmap:
    """The renderer's picture of the ticket for this paper, as a Bitmap (needs a QGuiApp)."""
    from hardware.render import ensure_gui_app, render_ticket  # noqa: PLC0415 - Qt text engine

    ensure_gui_app()
    image: QImage = render_ticket(ticket, profile.paper)
    return bitmap_from_qimage(image)


def encode_ticket(ticket: TicketPrint, profile: PrinterProfile, mode: PrintMode) -> bytes:
    """The job for a ticket; text mode falls back to raster for scripts the printer lacks."""
    if mode is PrintMode.TEXT:
        if text_mode_supported(ticket, profile):
            return encode_text_ticket(ticket, profile)
        logger.info("ticket language %s not in %s: printing raster", ticket.language, profile)
    return encode_raster_image(render_bitmap(ticket, profile), profile)
