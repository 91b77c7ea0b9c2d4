"""The receipt as one bitmap for the thermal printer (Qt's text engine: every script, RTL)."""

from __future__ import annotations

import functools
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QRectF, Qt, QTranslator
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QTextOption

from counter.receipt import ReceiptTexts, languages_of, section
from counter.state import Receipt
from hardware.escpos import encode as escpos_encode
from hardware.escpos.profile import PrinterProfile
from hardware.qt.render import bitmap_from_qimage, ensure_gui_app
from hardware.qt.render.fonts import families_for
from shared.languages import language as language_of

MARGIN = 16
TITLE_PX = 34
TEXT_PX = 24
I18N_DIR = Path(__file__).resolve().parents[1] / "i18n"
"""Where `receipt_<lang>.qm` are (compiled from the `.ts` files at install, see setup.py)."""

SOURCE = ReceiptTexts(
    str(QT_TRANSLATE_NOOP("receipt", "Confirmation of receipt")),
    str(QT_TRANSLATE_NOOP("receipt", "Your application was handed in complete.")),
    str(QT_TRANSLATE_NOOP("receipt", "Number")),
    str(QT_TRANSLATE_NOOP("receipt", "Concern")),
    str(QT_TRANSLATE_NOOP("receipt", "Date")),
)
"""The receipt's words in English, the source language (lupdate finds them here)."""


def receipt_languages() -> frozenset[str]:
    """The languages a receipt can be printed in: English and each compiled translation."""
    return frozenset(
        {"en"}
        | {
            p.stem.removeprefix("receipt_")
            for p in I18N_DIR.glob("*.qm")
            if p.stem.startswith("receipt_")
        }
    )


@functools.cache
def _translator(language: str) -> QTranslator | None:
    translator = QTranslator()
    return translator if translator.load(str(I18N_DIR / f"receipt_{language}.qm")) else None


def texts_for(language: str) -> ReceiptTexts:
    """The receipt's words in one language (English where it has no translation)."""
    translator = _translator(language)

    def word(source: str) -> str:
        found = translator.translate("receipt", source) if translator is not None else ""
        return found or source

    return ReceiptTexts(
        word(SOURCE.title),
        word(SOURCE.body),
        word(SOURCE.number),
        word(SOURCE.concern),
        word(SOURCE.date),
        rtl=language_of(language).rtl,
    )


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
    for language in languages_of(receipt, receipt_languages()):
        words = texts_for(language)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WordWrap)
        option.setTextDirection(
            Qt.LayoutDirection.RightToLeft if words.rtl else Qt.LayoutDirection.LeftToRight
        )
        option.setAlignment(Qt.AlignmentFlag.AlignLeading)  # the right edge for RTL
        for index, line in enumerate(section(receipt, language, words)):
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
