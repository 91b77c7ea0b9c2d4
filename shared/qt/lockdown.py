"""Full screen, no frame, no way out but the admin PIN (for the kiosk and the displays).

Staff open the PIN pad by tapping the top-left corner five times within three seconds; the
right PIN (from the site file) emits ``exit_requested``. Close events (Alt+F4, the window
manager) are ignored while locked. The PIN pad is an overlay on the window, not a modal
dialog, so nothing blocks the event loop.
"""

from __future__ import annotations

import hmac
import logging

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

log = logging.getLogger(__name__)

__all__ = ["QtLockdown", "QtPinPad"]

CORNER_PX = 120
TAPS = 5
TAP_WINDOW_MS = 3000


class QtPinPad(QFrame):
    """Digits, erase, cancel and OK over the whole window.

    Signals: ``entered(str)`` with the digits on OK, ``cancelled()``.
    """

    entered = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("pinPad")
        self.setAutoFillBackground(True)
        self.message = QLabel("Admin PIN")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.field = QLineEdit()
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setReadOnly(True)
        self.field.setAlignment(Qt.AlignmentFlag.AlignCenter)
        grid = QGridLayout()
        self.buttons: dict[str, QPushButton] = {}
        keys = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "cancel", "0", "OK"]
        for index, key in enumerate(keys):
            button = QPushButton(key)
            button.setMinimumSize(96, 96)
            button.clicked.connect(lambda _=False, k=key: self._press(k))
            grid.addWidget(button, index // 3, index % 3)
            self.buttons[key] = button
        box = QVBoxLayout(self)
        box.addStretch(1)
        box.addWidget(self.message)
        box.addWidget(self.field)
        box.addLayout(grid)
        box.addStretch(1)
        self.hide()

    def open(self, message: str = "Admin PIN") -> None:
        """Show the pad over the whole parent, empty."""
        self.field.clear()
        self.message.setText(message)
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.show()
        self.raise_()

    def _press(self, key: str) -> None:
        if key == "cancel":
            self.hide()
            self.cancelled.emit()
        elif key == "OK":
            self.entered.emit(self.field.text())
        elif len(self.field.text()) < 12:
            self.field.setText(self.field.text() + key)


class QtLockdown(QObject):
    """Keeps ``window`` full screen and closed to visitors; the PIN lets staff out.

    Signals: ``exit_requested()`` after the right PIN.
    """

    exit_requested = Signal()

    def __init__(self, window: QWidget, pin: str | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window = window
        self.pin = pin
        self.locked = True
        self.pad = QtPinPad(window)
        self.pad.entered.connect(self._check)
        self._taps = 0
        self._since = QElapsedTimer()
        window.installEventFilter(self)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def apply(self, *, fullscreen: bool) -> None:
        """Show the window: full screen without a frame, or as a normal window (testing)."""
        if fullscreen:
            self.window.setWindowFlags(
                Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint
            )
            self.window.showFullScreen()
        else:
            self.window.show()

    def unlock(self) -> None:
        """Let the window close (after the right PIN)."""
        self.locked = False
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        """Count corner taps; refuse to close while locked."""
        if watched is self.window and event.type() == QEvent.Type.Close and self.locked:
            event.ignore()
            return True
        if event.type() == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            self._tap(event.globalPosition().toPoint())
        return False

    def _tap(self, where: QPoint) -> None:
        local = self.window.mapFromGlobal(where)
        corner = 0 <= local.x() < CORNER_PX and 0 <= local.y() < CORNER_PX
        if not corner:
            return
        if not self._since.isValid() or self._since.elapsed() > TAP_WINDOW_MS:
            self._since.start()
            self._taps = 0
        self._taps += 1
        if self._taps >= TAPS:
            self._taps = 0
            self._since.invalidate()
            if self.pin is None:
                log.warning("admin exit asked, but the site file sets no admin_pin")
                return
            self.pad.open()

    def _check(self, entered: str) -> None:
        if self.pin is not None and hmac.compare_digest(entered.encode(), self.pin.encode()):
            log.info("admin PIN accepted: leaving the kiosk")
            self.pad.hide()
            self.unlock()
            self.exit_requested.emit()
        else:
            log.info("wrong admin PIN")
            self.pad.open("Wrong PIN. Try again.")
