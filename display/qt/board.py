"""The large calls and the history, painted: legible from 10 m, repainted only on a change."""

from __future__ import annotations

import logging
import math

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from display.model import DisplayViewState
from display.qt import style
from shared.board import BoardCall

log = logging.getLogger(__name__)

QUIET_TEXT = ("Bitte warten Sie auf Ihren Aufruf", "Please wait until your number is called")
HISTORY_TITLE = "Zuletzt aufgerufen · Previously called"
WIDEST_NUMBER = "W888"
"""The widest number the board must fit (letter and three digits)."""


def fitted(text: str, pixels: int, width: int, *, bold: bool = False) -> QFont:
    """The display font at `pixels`, made smaller until `text` fits `width`."""
    while pixels > 12:
        candidate = style.font(pixels, bold=bold)
        if QFontMetrics(candidate).horizontalAdvance(text) <= width:
            return candidate
        pixels = int(pixels * 0.92)
    return style.font(pixels, bold=bold)


def fit_line(
    text: str,
    pixels: int,
    room: int,
    *,
    bold: bool = False,
    elide: Qt.TextElideMode = Qt.TextElideMode.ElideRight,
) -> tuple[QFont, str]:
    """`text` made smaller to fit `room` while it keeps 70 % of `pixels` or more; else at 70 %
    and cut with "…" (where `elide` says)."""
    font = fitted(text, pixels, room, bold=bold)
    if font.pixelSize() < pixels * 0.7:
        font = style.font(math.ceil(pixels * 0.7), bold=bold)
    return font, QFontMetrics(font).elidedText(text, elide, max(room, 0))


def _portrait(widget: QWidget) -> bool:
    return widget.height() > widget.width()


class QtCallsView(QWidget):
    """The current calls, newest on top and highlighted (blinking) for a few seconds.

    Signals: ``painted(int)`` after each paint, with the seq of the board it shows (the app
    acknowledges it to the hub; the latency benchmark stamps it).
    """

    painted = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("callsView")
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._key: tuple[object, ...] | None = None
        self._state: DisplayViewState | None = None

    def show_state(self, state: DisplayViewState) -> None:
        """Show a view state; repaints only when what this widget draws changed."""
        key = (state.calls, state.highlighted, state.blink_on, state.seq)
        if key != self._key:
            self._key = key
            self._state = state
            self.update()

    @property
    def rows(self) -> int:
        """How many calls are shown large (fewer in landscape: the numbers stay tall)."""
        return 4 if _portrait(self) else 3

    def number_pixels(self) -> int:
        """The pixel size of the numbers' font at the current size."""
        row = self.height() // self.rows
        pixels = int(row * 0.8)
        box = self._number_box(QRect(0, 0, self.width(), row)).width()
        while pixels > 20:
            metrics = QFontMetrics(style.font(pixels, bold=True))
            if metrics.horizontalAdvance(WIDEST_NUMBER) <= box:
                break
            pixels -= 4
        return pixels

    def _number_box(self, row: QRect) -> QRect:
        share = 0.5 if _portrait(self) else 0.42
        return QRect(row.left() + 24, row.top(), int(row.width() * share) - 24, row.height())

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 (Qt API)
        """Paint the board; then tell which seq is on screen."""
        painter = QPainter(self)
        painter.fillRect(self.rect(), style.GROUND)
        state = self._state
        if state is not None:
            calls = state.calls[: self.rows]
            if calls:
                number_font = style.font(self.number_pixels(), bold=True)
                row_height = self.height() // self.rows
                for index, call in enumerate(calls):
                    row = QRect(0, index * row_height, self.width(), row_height)
                    self._paint_call(painter, row, call, state, number_font)
            else:
                self._paint_quiet(painter)
        painter.end()
        if state is not None:
            self.painted.emit(state.seq)

    def _paint_call(
        self,
        painter: QPainter,
        row: QRect,
        call: BoardCall,
        state: DisplayViewState,
        number_font: object,
    ) -> None:
        inner = row.adjusted(12, 8, -12, -8)
        newest = call.number == state.highlighted
        ink = style.TEXT
        if newest and state.blink_on:
            painter.fillRect(inner, style.ACCENT)
            ink = style.ACCENT_TEXT
        else:
            painter.fillRect(inner, style.PANEL)
            if newest:
                painter.setPen(style.ACCENT)
                painter.drawRect(inner.adjusted(2, 2, -3, -3))
        painter.setPen(ink)
        painter.setFont(number_font)  # type: ignore[arg-type]
        align = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
        painter.drawText(self._number_box(row), align, call.number)
        number_right = self._number_box(row).right()
        rest = QRect(
            number_right + 24, inner.top(), inner.right() - number_right - 36, inner.height()
        )
        name = f"→ {call.counter_name}"
        painter.setFont(fitted(name, int(row.height() * 0.3), rest.width(), bold=True))
        name_box = QRect(rest.left(), rest.top(), rest.width(), int(rest.height() * 0.58))
        painter.drawText(
            name_box,
            Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignLeft,
            name,
        )
        painter.setFont(fitted(call.place, int(row.height() * 0.17), rest.width()))
        if not (newest and state.blink_on):
            painter.setPen(style.MUTED)
        place_box = QRect(
            rest.left(), name_box.bottom() + 4, rest.width(), rest.bottom() - name_box.bottom() - 4
        )
        painter.drawText(
            place_box, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft, call.place
        )

    def _paint_quiet(self, painter: QPainter) -> None:
        painter.setPen(style.MUTED)
        width = self.width() - 96
        line = self.height() // 8
        for index, text in enumerate(QUIET_TEXT):
            painter.setFont(fitted(text, max(24, self.height() // 14), width))
            box = QRect(48, self.height() // 2 - line + index * line, width, line)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)


class QtHistoryView(QWidget):
    """The calls before: number and counter, smaller, newest first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyView")
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._calls: tuple[BoardCall, ...] | None = None

    def show_calls(self, calls: tuple[BoardCall, ...]) -> None:
        """Show these calls (the current ones that do not fit large, then earlier ones)."""
        if calls != self._calls:
            self._calls = calls
            self.update()

    def _line(self) -> int:
        return max(48, min(90, self.height() // 7))

    def title(self) -> tuple[QFont, str]:
        """The title and its font: both languages at (nearly) the line's size; where the view
        is too narrow for that, the German alone, made smaller or cut with "…" if need be."""
        room, pixels = self.width() - 48, int(self._line() * 0.36)
        font = fitted(HISTORY_TITLE, pixels, room)
        fits = QFontMetrics(font).horizontalAdvance(HISTORY_TITLE) <= room
        if fits and font.pixelSize() >= pixels * 0.7:
            return font, HISTORY_TITLE
        return fit_line(HISTORY_TITLE.split(" · ", 1)[0], pixels, room)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 (Qt API)
        """Paint the title and one line per earlier call."""
        painter = QPainter(self)
        painter.fillRect(self.rect(), style.GROUND)
        line = self._line()
        if not self._calls:
            painter.end()
            return
        painter.setPen(style.MUTED)
        title_font, title = self.title()
        painter.setFont(title_font)
        painter.drawText(
            QRect(24, 0, self.width() - 48, line), Qt.AlignmentFlag.AlignVCenter, title
        )
        columns = 2 if self.width() > 900 else 1
        width = (self.width() - 48) // columns
        slots = (self.height() - line) // line * columns
        for index, call in enumerate((self._calls or ())[:slots]):
            column, row = index % columns, index // columns
            box = QRect(24 + column * width, line + row * line, width - 12, line - 8)
            painter.fillRect(box, style.PANEL)
            painter.setPen(style.TEXT)
            number_font = style.font(int(line * 0.55), bold=True)
            painter.setFont(number_font)
            text_box = box.adjusted(16, 0, -16, 0)
            painter.drawText(
                text_box, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, call.number
            )
            # The counter's name takes what the number leaves (elided on a narrow board).
            room = text_box.width() - QFontMetrics(number_font).horizontalAdvance(call.number) - 16
            counter_font = style.font(int(line * 0.45))
            name = QFontMetrics(counter_font).elidedText(
                call.counter_name, Qt.TextElideMode.ElideRight, max(room, 0)
            )
            if name != "…":  # no room for a letter of it: the number alone
                painter.setFont(counter_font)
                painter.drawText(
                    text_box, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, name
                )
        painter.end()
