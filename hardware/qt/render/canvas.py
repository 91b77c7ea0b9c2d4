"""The drawing surface of a ticket: sizes and fonts per paper and language, blocks top to bottom.

`Canvas` measures when it has no painter and draws when it has one, so a ticket is laid out
by the same code twice: once to learn its height, once to paint it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QTextLayout, QTextOption

from hardware.qr import QUIET_ZONE, QrMatrix, module_size
from hardware.qt.render.fonts import Script, families_for, family_for, script_of
from hardware.texts import TextDirection
from hardware.ticket import TicketPrint
from shared.config.printer import PaperWidth

BLACK = 0xFF000000
WHITE = 0xFFFFFFFF
_SCRIPT_SCALE = {Script.LATIN: 1.0, Script.ARABIC: 1.15, Script.ETHIOPIC: 1.05}
"""Arabic and Ethiopic letters look small at the same pixel size as Latin ones."""
_MAX_LINE_ADVANCE = 1.6
"""Line advance cap in em: Noto Sans Arabic's line box is 2.1 em, its ink about 1.5 em."""


@dataclass(frozen=True, slots=True)
class Style:
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


def style_for(ticket: TicketPrint, width: PaperWidth) -> Style:
    """Sizes and fonts for ``ticket`` on paper ``width`` (raises FontMissingError)."""
    families = families_for(ticket.language)
    latin = family_for(Script.LATIN)
    base = (24 if width is PaperWidth.MM58 else 30) * _SCRIPT_SCALE.get(
        script_of(ticket.language), 1.0
    )
    return Style(
        width=width.dots,
        margin=width.dots // 32,
        body=_font(families, base),
        small=_font(families, base * 0.85),
        heading=_font(families, base * 1.15, bold=True),
        office=_font((latin, *families), base * 1.15, bold=True),
        bullet=_font([latin], base),
        number_family=latin,
        rtl=ticket.texts.direction is TextDirection.RTL,
    )


class Canvas:
    """Lays blocks out top to bottom; measures when ``painter`` is None, else draws."""

    def __init__(self, style: Style, painter: QPainter | None) -> None:
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
            self.painter.fillRect(QRect(st.margin, round(self.y), st.inner, 2), QColor(BLACK))
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
