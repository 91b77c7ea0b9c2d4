"""The wall display's window: title, waiting count and clock on top, calls, history, info."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from display.model import DisplayViewState
from display.qt import style
from display.qt.board import QtCallsView, QtHistoryView, fit_line
from shared.clock import Clock, SystemClock

log = logging.getLogger(__name__)

RECONNECTING_TEXT = "Verbindung wird wiederhergestellt … · Reconnecting …"


def waiting_text(waiting: int | None) -> str:
    """The count line: "12 wartend · 12 waiting" (empty while unknown)."""
    if waiting is None:
        return ""
    return f"{waiting} wartend · {waiting} waiting"


class QtClock(QLabel):
    """The time of day, HH:MM in the site's zone; wakes once a second, repaints on a change."""

    def __init__(self, clock: Clock | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clock")
        self.source: Clock = clock or SystemClock()
        self.zone = ZoneInfo("Europe/Berlin")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.tick)
        self.tick()

    def tick(self) -> None:
        """Show the time and wake again at the next full second."""
        now = self.source.now().astimezone(self.zone)
        text = now.strftime("%H:%M")
        if text != self.text():
            self.setText(text)
        self._timer.start(1000 - datetime.now(UTC).microsecond // 1000)

    def stop(self) -> None:
        """Stop ticking."""
        self._timer.stop()


class QtTitle(QLabel):
    """The office and place ("Ausländerbehörde Musterstadt · Foyer"), fitted to its width."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("title")
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.full = ""
        self.pixels = 52

    def show_title(self, text: str, pixels: int) -> None:
        """Show `text` at (nearly) `pixels`; refits only when the text or the size changed."""
        if (text, pixels) != (self.full, self.pixels):
            self.full, self.pixels = text, pixels
            self._refit()

    def fit(self) -> tuple[QFont, str]:
        """The font and text: the whole title, made smaller while it stays at 70 % of its size
        or more; else at 70 %, cut in the middle with "…" (the place after "·" stays)."""
        room = self.contentsRect().width()
        return fit_line(self.full, self.pixels, room, bold=True, elide=Qt.TextElideMode.ElideMiddle)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        """As tall as the title at its full size, however small it is shown (nothing moves)."""
        height = QFontMetrics(style.font(self.pixels, bold=True)).height()
        return QSize(super().sizeHint().width(), height)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        """As tall as the title at its full size."""
        return QSize(super().minimumSizeHint().width(), self.sizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        """Refit to the new width."""
        super().resizeEvent(event)
        self._refit()

    def _refit(self) -> None:
        font, text = self.fit()
        if font != self.font():
            self.setFont(font)
        if text != self.text():
            self.setText(text)


class QtDisplayWindow(QWidget):
    """The whole screen; `show_state(state)` updates only the parts that changed."""

    def __init__(self, parent: QWidget | None = None, *, clock: Clock | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("displayWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setStyleSheet(style.STYLE_SHEET)
        self.setCursor(Qt.CursorShape.BlankCursor)
        self.title = QtTitle()
        self.waiting = QLabel()
        self.waiting.setObjectName("muted")
        self.clock = QtClock(clock)
        self.calls = QtCallsView()
        self.history = QtHistoryView()
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.info.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.reconnecting = QLabel(RECONNECTING_TEXT)
        self.reconnecting.setObjectName("reconnecting")
        self.reconnecting.hide()
        self.heading = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.heading.addWidget(self.title, 1)
        self.heading.addWidget(self.waiting, 0)
        top = QHBoxLayout()
        self.top = top
        top.addLayout(self.heading, 1)
        top.addWidget(self.clock, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.body.setSpacing(0)
        self.body.addWidget(self.calls, 2)
        self.body.addWidget(self.history, 1)
        band = QFrame()
        band.setObjectName("infoBand")
        band_layout = QHBoxLayout(band)
        band_layout.setContentsMargins(32, 8, 32, 8)
        band_layout.addWidget(self.info, 1)
        band_layout.addWidget(self.reconnecting, 0, Qt.AlignmentFlag.AlignBottom)
        self.band = band
        self.band_layout = band_layout
        outer = QVBoxLayout(self)
        # the screen's size is given, never derived from the contents (and no size hints
        # go to the window system while fonts follow the size)
        outer.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addLayout(top)
        outer.addLayout(self.body, 1)
        outer.addWidget(band)
        self._state: DisplayViewState | None = None
        self._fit()

    def set_zone(self, zone: str) -> None:
        """Show the clock in the site's time zone."""
        self.clock.zone = ZoneInfo(zone)
        self.clock.tick()

    def show_state(self, state: DisplayViewState) -> None:
        """Show a view state; each widget repaints only if its part changed."""
        self._state = state
        self.title.show_title(state.title, self._title_pixels())
        count = waiting_text(state.waiting)
        if self.waiting.text() != count:
            self.waiting.setText(count)
        info = state.info_text or ""
        if self.info.text() != info:
            self.info.setText(info)
            rtl = state.info_language in ("ar", "fa", "ps")
            self.info.setLayoutDirection(
                Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
            )
        if self.reconnecting.isVisible() != state.reconnecting:
            self.reconnecting.setVisible(state.reconnecting)
        self.calls.show_state(state)
        earlier = (*state.calls[self.calls.rows :], *state.history)
        if self.history.isVisibleTo(self) != bool(earlier):
            self.history.setVisible(bool(earlier))  # a quiet board takes the whole width
        self.history.show_calls(earlier)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        """Landscape: calls beside the history; portrait: above it. Fonts follow the size."""
        super().resizeEvent(event)
        self._fit()
        if self._state is not None:
            self.show_state(self._state)

    def _fit(self) -> None:
        portrait = self.height() > self.width()
        direction = (
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )
        if self.body.direction() != direction:
            self.body.setDirection(direction)
            self.heading.setDirection(direction)
            self.body.setStretch(0, 3 if portrait else 2)
            self.body.setStretch(1, 1)
        unit = min(self.width(), self.height()) / 1080
        self.title.show_title(self.title.full, self._title_pixels())
        self.waiting.setFont(style.font(int((36 if portrait else 44) * unit)))
        self.clock.setFont(style.font(int(64 * unit), bold=True))
        self.info.setFont(style.font(int(46 * unit)))
        self.reconnecting.setFont(style.font(int(26 * unit)))
        self.top.setContentsMargins(int(32 * unit), int(12 * unit), int(32 * unit), int(12 * unit))
        self.top.setSpacing(int(48 * unit))  # a narrow board keeps its width for the title
        self.heading.setSpacing(int(48 * unit))
        margin = int(36 * unit)
        self.band_layout.setContentsMargins(margin, margin, margin, margin)

    def _title_pixels(self) -> int:
        unit = min(self.width(), self.height()) / 1080
        return int((40 if self.height() > self.width() else 52) * unit)
