"""The keyboard-wedge filter: Qt key events through the Qt-free `WedgeDetector`.

`QtWedgeFilter` holds each printable key press, swallows the presses of a scan and emits
`scanned`, and replays held presses of human typing, in order, before anything else
reaches the widget.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent

from hardware.wedge import ENTER, WedgeDetector

log = logging.getLogger(__name__)


def _monotonic_ms() -> int:
    return time.monotonic_ns() // 1_000_000


def _copy(event: QKeyEvent) -> QKeyEvent:
    return QKeyEvent(
        event.type(),
        event.key(),
        event.modifiers(),
        event.text(),
        event.isAutoRepeat(),
        event.count(),
    )


@dataclass
class _Held:
    target: QObject
    press: QKeyEvent
    releases: list[QKeyEvent] = field(default_factory=list)


_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_TYPING_MODIFIERS = (
    Qt.KeyboardModifier.ShiftModifier
    | Qt.KeyboardModifier.KeypadModifier
    | Qt.KeyboardModifier.GroupSwitchModifier  # AltGr on layouts that need it for "@" or "-"
)
_MODIFIER_KEYS = frozenset(
    {
        Qt.Key.Key_Shift,
        Qt.Key.Key_Control,
        Qt.Key.Key_Alt,
        Qt.Key.Key_AltGr,
        Qt.Key.Key_Meta,
        Qt.Key.Key_CapsLock,
    }
)


class QtWedgeFilter(QObject):
    """An event filter that turns keyboard-wedge scans into `scanned(str)` signals.

    Install it on the application (scans anywhere) or on one widget. Signals: `scanned(str)`.
    The key events of a scan never reach a widget; typing reaches it unchanged, at most
    `hold_ms` late. `clock` returns milliseconds (injectable for deterministic tests).
    """

    scanned = Signal(str)

    def __init__(
        self,
        detector: WedgeDetector | None = None,
        parent: QObject | None = None,
        *,
        clock: Callable[[], int] = _monotonic_ms,
        hold_ms: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.detector = detector or WedgeDetector()
        self._clock = clock
        self._held: list[_Held] = []
        self._swallowed: list[int] = []  # keys whose release still has to be swallowed
        self._replaying = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(hold_ms if hold_ms is not None else 2 * self.detector.max_gap_ms)
        self._timer.timeout.connect(self._give_up)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        """Hold, swallow or pass one event (only key events are looked at)."""
        if self._replaying or not isinstance(event, QKeyEvent):
            return False
        if event.type() == QEvent.Type.KeyRelease:
            return self._on_release(event)
        if event.type() != QEvent.Type.KeyPress:
            return False
        return self._on_press(watched, event)

    def _on_press(self, watched: QObject, event: QKeyEvent) -> bool:
        modifiers = event.modifiers() & ~_TYPING_MODIFIERS
        text = event.text()
        if event.key() in self._swallowed:  # pressed again: that old release is not coming
            self._swallowed.remove(event.key())
        if event.key() in _MODIFIER_KEYS:  # a scanner presses Shift for capitals
            return False
        if modifiers != Qt.KeyboardModifier.NoModifier or event.isAutoRepeat():
            self._give_up()
        elif event.key() in _ENTER_KEYS:
            code = self.detector.feed(ENTER, self._clock())
            if code is not None:
                return self._finish_scan(event, code)
            self._replay()
        elif len(text) == 1 and text.isprintable():
            self.detector.feed(text, self._clock())
            self._replay()
            self._held.append(_Held(watched, _copy(event)))
            self._timer.start()
            return True
        else:
            self._give_up()
        return False

    def _on_release(self, event: QKeyEvent) -> bool:
        for held in reversed(self._held):
            if held.press.key() == event.key() and not held.releases:
                held.releases.append(_copy(event))
                return True
        if event.key() in self._swallowed:
            self._swallowed.remove(event.key())
            return True
        return False

    def _finish_scan(self, enter: QKeyEvent, code: str) -> bool:
        self._timer.stop()
        self._swallowed = [h.press.key() for h in self._held if not h.releases]
        self._swallowed.append(enter.key())
        self._held.clear()
        log.info("keyboard-wedge scan of %d characters", len(code))
        self.scanned.emit(code)
        return True

    def _give_up(self) -> None:
        self.detector.flush()
        self._replay()

    def _replay(self) -> None:
        count = len(self.detector.take_released())
        if not count:
            return
        batch, self._held = self._held[:count], self._held[count:]
        if not self._held:
            self._timer.stop()
        self._replaying = True
        try:
            for held in batch:
                if shiboken6.isValid(held.target):
                    for event in (held.press, *held.releases):
                        QCoreApplication.sendEvent(held.target, event)
        finally:
            self._replaying = False
