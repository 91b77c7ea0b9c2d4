"""A ticket as the bytes of one print job, in raster or text mode."""

from __future__ import annotations

import logging
from dataclasses import dataclass

import qrcode
from PySide6.QtGui import QImage

from hardware import escpos_encode as enc
from hardware.bitmap import Bitmap, bitmap_from_pil, bitmap_from_qimage
from hardware.escpos_config import PrinterProfile
from hardware.escpos_encode import Align, TextLine
from hardware.qr import QrMatrix, qr_matrix
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


@dataclass(frozen=True, slots=True)
class QrBand:
    """Where the renderer drew the status QR code: first row, dots per module, height."""

    top: int
    module: int
    height: int


def _qr_rows(matrix: QrMatrix, module: int, width: int) -> bytes:
    """The packed rows of a full-width bitmap with the matrix centred (as the renderer does)."""
    left = (width - len(matrix) * module) // 2
    row_bits = (width + 7) // 8 * 8
    out = bytearray()
    for row in matrix:
        bits = "0" * left + "".join(("1" if dark else "0") * module for dark in row)
        packed = int(bits.ljust(row_bits, "0"), 2).to_bytes(row_bits // 8, "big")
        out += packed * module
    return bytes(out)


def find_qr(image: Bitmap, data: str) -> QrBand | None:
    """The band holding exactly the centred QR code of ``data``, if the picture has one."""
    matrix = qr_matrix(data)
    modules = len(matrix)
    for blank, top, count in enc.row_runs(image):
        module = count // modules
        if blank or count % modules or not 1 <= module <= 16:
            continue
        band = image.crop_rows(top, count).data
        if band == _qr_rows(matrix, module, image.width):
            return QrBand(top, module, count)
    return None


def encode_raster_image(
    image: Bitmap, profile: PrinterProfile, qr_data: str | None = None
) -> bytes:
    """Raster job: the bitmap as GS v 0 bands (blank rows as feeds), cut.

    When the printer has native QR and the picture holds the QR code of ``qr_data``, that
    band is sent as GS ( k instead (~16 KB less on 80 mm): the printer draws the same modules.
    """
    band = find_qr(image, qr_data) if qr_data and profile.native_qr else None
    if band is None:
        return enc.initialize() + _raster(image, profile) + enc.cut(CUT_FEED_DOTS)
    below = band.top + band.height
    return (
        enc.initialize()
        + _raster(image.crop_rows(0, band.top), profile)
        + enc.align(Align.CENTER)
        + enc.qr(qr_data or "", module_size=band.module)
        + _raster(image.crop_rows(below, image.height - below), profile)
        + enc.cut(CUT_FEED_DOTS)
    )


def _raster(image: Bitmap, profile: PrinterProfile) -> bytes:
    """GS v 0 bands as the profile wants them."""
    return enc.raster(image, max_band=profile.max_band_rows, trim_left=profile.raster_left_margin)


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
    return encode_raster_image(render_bitmap(ticket, profile), profile, ticket.status_url)
