"""A ticket drawn: its blocks top to bottom, painted into a 1-bit image exactly paper-wide.

Qt's text engine shapes Arabic and Farsi and runs them right to left with Latin digits
inside; Chinese and Ethiopic come from their Noto families (see `hardware.qt.render.fonts`).
A ``QGuiApplication`` must exist; non-Qt callers use :func:`ensure_gui_app` first.

`render_ticket` gives a ``QImage.Format_Mono``: colour index 1 is black ink, 0 white paper,
rows MSB first, ``bytesPerLine() == width // 8`` - the bit layout of ESC/POS ``GS v 0``.
`ticket_picture` gives what the printer's encoder takes: the Qt-free `TicketPicture`.
"""

from __future__ import annotations

import logging
import math

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter

from hardware.picture import Bitmap, TicketPicture, bitmap_from_pil
from hardware.qr import qr_matrix
from hardware.qt.render.canvas import BLACK, WHITE, Canvas, style_for
from hardware.ticket import TicketPrint
from shared.config.printer import PaperWidth

log = logging.getLogger(__name__)

_app_keepalive: list[QGuiApplication] = []
"""Holds the app ensure_gui_app() made: PySide destroys a QGuiApplication nobody references."""


def ensure_gui_app() -> QGuiApplication:
    """The running QGuiApplication, created (and kept alive) when there is none yet."""
    app = QGuiApplication.instance()
    if app is None:
        app = QGuiApplication([])
        _app_keepalive.append(app)
    if not isinstance(app, QGuiApplication):
        raise RuntimeError("rendering tickets needs a QGuiApplication, not a QCoreApplication")
    return app


def ticket_picture(ticket: TicketPrint, width: PaperWidth) -> TicketPicture:
    """The ticket as the printer's encoder takes it: 1-bit bitmap and the number's rows."""
    ensure_gui_app()
    image, number_rows = _render(ticket, width)
    return TicketPicture(bitmap_from_qimage(image), number_rows)


def render_ticket(ticket: TicketPrint, width: PaperWidth) -> QImage:
    """The ticket as a 1-bit image ``width`` wide; height grows with the content."""
    image, _number_rows = _render(ticket, width)
    return image


def _render(ticket: TicketPrint, width: PaperWidth) -> tuple[QImage, tuple[int, int]]:
    """Measure, then paint; the image and the rows ``(top, bottom)`` of the number's ink."""
    style = style_for(ticket, width)
    measure = Canvas(style, None)
    _layout(ticket, measure)
    height = int(measure.y + 0.999)
    gray = QImage(style.width, height, QImage.Format.Format_Grayscale8)
    gray.fill(QColor(WHITE))
    painter = QPainter(gray)
    try:
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, on=True)
        painter.setPen(QColor(BLACK))
        _layout(ticket, Canvas(style, painter))
    finally:
        painter.end()
    log.debug(
        "rendered ticket %s (%s) at %dx%d", ticket.number, ticket.language, style.width, height
    )
    top, bottom = measure.number_ink
    return to_mono(gray), (math.floor(top), math.ceil(bottom))


def _layout(ticket: TicketPrint, canvas: Canvas) -> None:
    """Every block of the ticket, top to bottom."""
    texts = ticket.texts
    st = canvas.style
    canvas.text(ticket.office_name, st.office, direction=Qt.LayoutDirection.LayoutDirectionAuto)
    canvas.rule()
    canvas.text(texts.your_number, st.small)
    canvas.space(st.margin)
    canvas.number(ticket.number)
    canvas.space(st.margin * 2)
    canvas.text(ticket.concern, st.heading)
    if ticket.counter:
        canvas.text(texts.counter_line(ticket.counter), st.heading)
    canvas.space(st.margin)
    canvas.text(texts.format_datetime(ticket.issued_at), st.body)
    if ticket.expected_wait_minutes is not None:
        canvas.text(texts.wait_line(ticket.expected_wait_minutes), st.body)
    if ticket.documents:
        canvas.rule()
        canvas.text(texts.please_have_ready, st.body, center=False)
        canvas.space(st.margin / 2)
        canvas.bullets(ticket.documents, st.body)
    canvas.rule()
    canvas.text(texts.scan_for_status, st.small)
    canvas.qr(qr_matrix(ticket.status_url))
    canvas.text(texts.watch_screens, st.heading)
    canvas.space(st.margin * 2)


def to_mono(image: QImage) -> QImage:
    """Threshold an image at mid-grey (no dithering): index 1 black ink, index 0 white."""
    flags = Qt.ImageConversionFlag.MonoOnly | Qt.ImageConversionFlag.ThresholdDither
    mono = image.convertToFormat(QImage.Format.Format_Mono, flags)
    if QColor(mono.color(1)).lightness() > QColor(mono.color(0)).lightness():
        mono.invertPixels()
    mono.setColorTable([WHITE, BLACK])
    return mono


def bitmap_from_qimage(image: QImage) -> Bitmap:
    """Threshold a QImage (dark = black) into a Bitmap."""
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    width, height, stride = gray.width(), gray.height(), gray.bytesPerLine()
    raw = bytes(gray.constBits())[: stride * height]
    pil = Image.frombuffer("L", (width, height), raw, "raw", "L", stride, 1)
    return bitmap_from_pil(pil)
