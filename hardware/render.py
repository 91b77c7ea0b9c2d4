"""Render a ticket to a 1-bit image exactly as wide as the paper, in every kiosk script.

Qt's text engine shapes Arabic and Farsi and runs them right to left with Latin digits
inside; Chinese and Ethiopic come from their Noto families (see :mod:`hardware.fonts`).
A ``QGuiApplication`` must exist; non-Qt callers use :func:`ensure_gui_app` first.

The result is ``QImage.Format_Mono``: colour index 1 is black ink, 0 white paper, rows
MSB first, ``bytesPerLine() == width // 8`` - the bit layout of ESC/POS ``GS v 0``.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRect, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QPainter,
    QTextLayout,
    QTextOption,
)

from hardware.fonts import Script, families_for, family_for, script_of
from hardware.qr import QUIET_ZONE, QrMatrix, module_size, qr_matrix
from hardware.ticket import PaperWidth, TextDirection, TicketPrint

log = logging.getLogger(__name__)

_BLACK = 0xFF000000
_WHITE = 0xFFFFFFFF
_SCRIPT_SCALE = {Script.LATIN: 1.0, Script.ARABIC: 1.15, Script.ETHIOPIC: 1.05}
"""Arabic and Ethiopic letters look small at the same pixel size as Latin ones."""
_MAX_LINE_ADVANCE = 1.6
"""Line advance cap in em: Noto Sans Arabic's line box is 2.1 em, its ink about 1.5 em."""

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


@dataclass(frozen=True, slots=True)
class _Style:
    """Sizes and fonts of one ticket, derived from paper width and language."""

    width: int
    margin: int
    body: QFont
    small: QFont
    heading: QFont
    office: QFont
    """The office's own name: Latin families first, whatever the ticket's language."""
    bullet: QFont
    number_family: str
    rtl: bool

    @property
    def inner(self) -> int:
        """Width available for text."""
        return self.width - 2 * self.margin


def _font(families: Sequence[str], pixels: float, *, bold: bool = False) -> QFont:
    font = QFont()
    font.setFamilies(list(families))
    font.setPixelSize(max(1, round(pixels)))
    font.setBold(bold)
    return font


def _style(ticket: TicketPrint, width: PaperWidth) -> _Style:
    families = families_for(ticket.language)
    latin = family_for(Script.LATIN)
    base = (24 if width is PaperWidth.MM58 else 30) * _SCRIPT_SCALE.get(
        script_of(ticket.language), 1.0
    )
    return _Style(
        width=int(width),
        margin=int(width) // 32,
        body=_font(families, base),
        small=_font(families, base * 0.85),
        heading=_font(families, base * 1.15, bold=True),
        office=_font((latin, *families), base * 1.15, bold=True),
        bullet=_font([latin], base),
        number_family=latin,
        rtl=ticket.texts.direction is TextDirection.RTL,
    )


class _Canvas:
    """Lays blocks out top to bottom; measures when ``painter`` is None, else draws."""

    def __init__(self, style: _Style, painter: QPainter | None) -> None:
        self.style = style
        self.painter = painter
        self.y = float(style.margin)
        self.number_ink: tuple[float, float] = (0.0, 0.0)
        """Top and bottom of the ticket number's ink, once laid out."""

    def space(self, dots: float) -> None:
        """Leave vertical room."""
        self.y += dots

    def text(
        self,
        text: str,
        font: QFont,
        *,
        center: bool = True,
        direction: Qt.LayoutDirection | None = None,
        indent: int = 0,
    ) -> float:
        """A wrapped paragraph, centred or on the ticket's start side; returns its 1st baseline."""
        st = self.style
        if direction is None:
            direction = Qt.LayoutDirection.RightToLeft if st.rtl else Qt.LayoutDirection.LeftToRight
        if center:
            align = Qt.AlignmentFlag.AlignHCenter
        elif st.rtl:
            align = Qt.AlignmentFlag.AlignRight
        else:
            align = Qt.AlignmentFlag.AlignLeft
        option = QTextOption(align | Qt.AlignmentFlag.AlignAbsolute)
        option.setTextDirection(direction)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout = QTextLayout(text, font)
        layout.setTextOption(option)
        layout.beginLayout()
        height = 0.0
        first_ascent: float | None = None
        # Arabic fonts have very tall line boxes; their ink needs far less.
        advance_cap = font.pixelSize() * _MAX_LINE_ADVANCE
        while (line := layout.createLine()).isValid():
            line.setLineWidth(st.inner - indent)
            line.setPosition(QPointF(0, height))
            if first_ascent is None:
                first_ascent = line.ascent()
            height += min(line.height(), advance_cap)
        layout.endLayout()
        if self.painter is not None:
            x = st.margin + (0 if st.rtl else indent)
            layout.draw(self.painter, QPointF(x, self.y))
        baseline = self.y + (first_ascent or 0.0)
        self.y += height
        return baseline

    def bullets(self, items: Sequence[str], font: QFont) -> None:
        """A bulleted list with hanging indent, bullets on the start side."""
        st = self.style
        metrics = QFontMetricsF(st.bullet)
        indent = round(metrics.horizontalAdvance("•  "))
        bullet_x = st.width - st.margin - metrics.horizontalAdvance("•") if st.rtl else st.margin
        for item in items:
            baseline = self.text(item, font, center=False, indent=indent)
            if self.painter is not None:
                self.painter.setFont(st.bullet)
                self.painter.drawText(QPointF(bullet_x, baseline), "•")
            self.space(metrics.height() * 0.15)

    def number(self, number: str) -> None:
        """The ticket number: Latin, bold, as big as the paper allows."""
        st = self.style
        probe = _font([st.number_family], 100, bold=True)
        advance = QFontMetricsF(probe).horizontalAdvance(number)
        pixels = min(100 * st.inner * 0.85 / max(advance, 1.0), st.width * 0.3)
        font = _font([st.number_family], pixels, bold=True)
        # Centre and stack by the ink itself: side bearings and the empty ascent of a
        # huge font would push it off-centre and waste paper.
        ink = QFontMetricsF(font).tightBoundingRect(number)
        if self.painter is not None:
            self.painter.setFont(font)
            origin = QPointF((st.width - ink.width()) / 2 - ink.left(), self.y - ink.top())
            self.painter.drawText(origin, number)
        self.number_ink = (self.y, self.y + ink.height())
        self.y += ink.height()

    def rule(self) -> None:
        """A thin line across the ticket, with room around it."""
        st = self.style
        self.space(st.margin)
        if self.painter is not None:
            self.painter.fillRect(QRect(st.margin, round(self.y), st.inner, 2), QColor(_BLACK))
        self.space(2 + st.margin)

    def qr(self, matrix: QrMatrix) -> None:
        """The QR code, each module a square of whole dots, centred, with its quiet zone."""
        st = self.style
        n = len(matrix)
        size = module_size(n, st.width, round(st.width * 0.5))
        self.space(QUIET_ZONE * size - st.margin)
        top = round(self.y)
        left = (st.width - n * size) // 2
        if self.painter is not None:
            self.painter.drawImage(left, top, _qr_image(matrix, size))
        self.y = top + n * size + QUIET_ZONE * size - st.margin


def _qr_image(matrix: QrMatrix, size: int) -> QImage:
    """The matrix as a grey image, scaled by whole dots without smoothing (crisp squares)."""
    n = len(matrix)
    data = bytes(0 if dark else 255 for row in matrix for dark in row)
    modules = QImage(data, n, n, n, QImage.Format.Format_Grayscale8)
    return modules.scaled(
        n * size,
        n * size,
        Qt.AspectRatioMode.IgnoreAspectRatio,
        Qt.TransformationMode.FastTransformation,
    )


def _layout(ticket: TicketPrint, canvas: _Canvas) -> None:
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


def render_ticket(ticket: TicketPrint, width: PaperWidth) -> QImage:
    """The ticket as a 1-bit image ``width`` dots wide; height grows with the content."""
    style = _style(ticket, width)
    measure = _Canvas(style, None)
    _layout(ticket, measure)
    height = int(measure.y + 0.999)
    gray = QImage(style.width, height, QImage.Format.Format_Grayscale8)
    gray.fill(QColor(_WHITE))
    painter = QPainter(gray)
    try:
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, on=True)
        painter.setPen(QColor(_BLACK))
        _layout(ticket, _Canvas(style, painter))
    finally:
        painter.end()
    log.debug("rendered ticket %s (%s) at %dx%d", ticket.number, ticket.language, width, height)
    return to_mono(gray)


def number_rows(ticket: TicketPrint, width: PaperWidth) -> tuple[int, int]:
    """The rows ``(top, bottom)`` (bottom exclusive) that hold the big number's ink."""
    measure = _Canvas(_style(ticket, width), None)
    _layout(ticket, measure)
    top, bottom = measure.number_ink
    return math.floor(top), math.ceil(bottom)


def to_mono(image: QImage) -> QImage:
    """Threshold an image at mid-grey (no dithering): index 1 black ink, index 0 white."""
    flags = Qt.ImageConversionFlag.MonoOnly | Qt.ImageConversionFlag.ThresholdDither
    mono = image.convertToFormat(QImage.Format.Format_Mono, flags)
    if QColor(mono.color(1)).lightness() > QColor(mono.color(0)).lightness():
        mono.invertPixels()
    mono.setColorTable([_WHITE, _BLACK])
    return mono
