"""A ticket as the bytes of one print job: text mode, or its picture as raster, native QR and
number, cut. Qt-free: the picture comes already rendered (`hardware.qt.render.ticket_picture`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from hardware.escpos import encode as enc
from hardware.escpos.encode import Align
from hardware.escpos.profile import PrinterProfile
from hardware.escpos.text import (
    CUT_FEED_DOTS,
    encode_text_ticket,
    native_number,
    text_mode_supported,
)
from hardware.picture import Bitmap, TicketPicture
from hardware.qr import QrMatrix, qr_matrix
from hardware.ticket import TicketPrint
from shared.config.printer import PrintMode

log = logging.getLogger(__name__)


def needs_picture(ticket: TicketPrint, profile: PrinterProfile, mode: PrintMode) -> bool:
    """Whether the job is made from the ticket's picture (raster), not from printer text."""
    return mode is not PrintMode.TEXT or not text_mode_supported(ticket, profile)


def encode_ticket(
    ticket: TicketPrint, picture: TicketPicture | None, profile: PrinterProfile, mode: PrintMode
) -> bytes:
    """The job for a ticket; text mode falls back to the picture for scripts the printer lacks.

    ``picture`` may be None only when `needs_picture` says no.
    """
    if not needs_picture(ticket, profile, mode):
        return encode_text_ticket(ticket, profile)
    if mode is PrintMode.TEXT:
        log.info("ticket language %s not in %s: printing raster", ticket.language, profile)
    if picture is None:
        raise ValueError(f"ticket {ticket.number} prints as raster and needs its picture")
    number = picture_number(ticket, picture) if profile.native_number else None
    return encode_raster_image(picture.bitmap, profile, ticket.status_url, number)


def picture_number(ticket: TicketPrint, picture: TicketPicture) -> NumberBand | None:
    """The band of the picture holding the big number, None (logged) when it is not clean."""
    band = find_number(picture.bitmap, ticket.number, picture.number_rows)
    if band is None:
        log.warning("ticket number %s not found in the picture: sent as raster", ticket.number)
    return band


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


@dataclass(frozen=True, slots=True)
class NumberBand:
    """Where the renderer drew the big ticket number: first row, height, the number."""

    top: int
    height: int
    number: str


def find_number(image: Bitmap, number: str, rows: tuple[int, int]) -> NumberBand | None:
    """The one run of inked rows that is the number drawn at ``rows``, touching nothing else."""
    top, bottom = rows
    runs = [
        (first, count)
        for blank, first, count in enc.row_runs(image)
        if not blank and first < bottom and first + count > top
    ]
    if len(runs) != 1 or not number.isascii():
        return None
    first, count = runs[0]
    if first < top - 1 or first + count > bottom + 1:
        return None
    return NumberBand(first, count, number)


def encode_raster_image(
    image: Bitmap,
    profile: PrinterProfile,
    qr_data: str | None = None,
    number: NumberBand | None = None,
) -> bytes:
    """Raster job: the bitmap as GS v 0 bands (blank rows as feeds), cut.

    When the printer has native QR and the picture holds the QR code of ``qr_data``, that
    band is sent as GS ( k instead (~16 KB less on 80 mm): the printer draws the same modules.
    A ``number`` band is sent as the printer's own magnified text (~8 KB less on 80 mm).
    """
    natives: list[tuple[int, int, bytes]] = []
    band = find_qr(image, qr_data) if qr_data and profile.native_qr else None
    if band is not None:
        qr = enc.align(Align.CENTER) + enc.qr(qr_data or "", module_size=band.module)
        natives.append((band.top, band.height, qr))
    if number is not None:
        text = native_number(number.number, profile.paper.dots, profile.codepage)
        natives.append((number.top, number.height, text))
    out = bytearray(enc.initialize())
    y = 0
    for top, height, native in sorted(natives):
        out += _raster(image.crop_rows(y, top - y), profile) + native
        y = top + height
    out += _raster(image.crop_rows(y, image.height - y), profile)
    return bytes(out + enc.cut(CUT_FEED_DOTS))


def _raster(image: Bitmap, profile: PrinterProfile) -> bytes:
    """GS v 0 bands as the profile wants them."""
    return enc.raster(
        image,
        max_band=profile.max_band_rows,
        trim_left=profile.raster_left_margin,
        justify=profile.raster_justify,
    )
