"""The receipt as one bitmap for the thermal printer (Qt's text engine: every script, RTL)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QTextOption

from counter.receipt import languages_of, section, texts_for
from counter.state import Receipt
from hardware.escpos import encode as escpos_encode
from hardware.escpos.profile import PrinterProfile
from hardware.qt.render import bitmap_from_qimage, ensure_gui_app
from hardware.qt.render.fonts import families_for

MARGIN = 16
TITLE_PX = 34
TEXT_PX = 24


def _font(language: str, pixels: int, *, bold: bool = False) -> QFont:
    font = QFont()
    font.setFamilies(list(families_for(language)))
    font.setPixelSize(pixels)
    font.setBold(bold)
    return font


def render_receipt(receipt: Receipt, width: int) -> QImage:
    """The receipt drawn black on white, `width` dots wide: visitor's language, then German."""
    ensure_gui_app()
    image = QImage(width, 2000, QImage.Format.Format_Grayscale8)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setPen(QColor("black"))
    y = MARGIN
    inner = width - 2 * MARGIN
    for language in languages_of(receipt):
        words = texts_for(language)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WordWrap)
        option.setTextDirection(
            Qt.LayoutDirection.RightToLeft if words.rtl else Qt.LayoutDirection.LeftToRight
        )
        option.setAlignment(Qt.AlignmentFlag.AlignLeading)  # the right edge for RTL
        for index, line in enumerate(section(receipt, language)):
            font = _font(language, TITLE_PX if index == 0 else TEXT_PX, bold=index == 0)
            painter.setFont(font)
            box = painter.boundingRect(QRectF(MARGIN, y, inner, 1000), line, option)
            painter.drawText(QRectF(MARGIN, y, inner, box.height()), line, option)
            y += int(box.height()) + 6
        y += 24
        painter.drawLine(MARGIN, y - 12, width - MARGIN, y - 12)
    office = receipt.office
    painter.setFont(_font("de", TEXT_PX))
    painter.drawText(QRectF(MARGIN, y, inner, TEXT_PX * 2), office)
    y += TEXT_PX * 2
    painter.end()
    return image.copy(0, 0, width, y + MARGIN)


def encode_receipt(receipt: Receipt, profile: PrinterProfile) -> bytes:
    """The ESC/POS job of a receipt: initialise, raster bands, cut."""
    image = render_receipt(receipt, profile.paper.dots)
    bitmap = bitmap_from_qimage(image)
    return (
        escpos_encode.initialize()
        + escpos_encode.raster(bitmap, max_band=profile.max_band_rows)
        + escpos_encode.cut(64)
    )
