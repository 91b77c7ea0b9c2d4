"""The kiosk's one window: the connection banner over a stack of screens."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from kiosk.qt import texts
from kiosk.qt.screen import QtScreen
from kiosk.qt.style import style_sheet
from kiosk.way import Screen, ViewState
from shared.qt.banner import QtConnectionBanner

__all__ = ["QtKioskWindow"]


class QtKioskWindow(QWidget):
    """Shows the screen the model is on; before the model exists, a start-up page."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kioskWindow")
        self.setWindowTitle("Aufruf")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.banner = QtConnectionBanner()
        self.stack = QStackedWidget()
        self.starting = QLabel()
        self.starting.setProperty("role", "title")
        self.starting.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.starting.setWordWrap(True)
        self.stack.addWidget(self.starting)
        self.screens: dict[Screen, QtScreen] = {}
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(self.banner)
        box.addWidget(self.stack, 1)
        self._large: bool | None = None
        self.set_large_text(large=False)
        self.show_starting()

    def show_starting(self) -> None:
        """The page before the hub answered: the calm reception text."""
        self.starting.setText(f"{texts.go_to_reception()}\n{texts.machine_not_working()}")
        self.stack.setCurrentWidget(self.starting)

    def show_page(self, page: QWidget) -> None:
        """Show another page (the pairing screen)."""
        if self.stack.indexOf(page) < 0:
            self.stack.addWidget(page)
        self.stack.setCurrentWidget(page)

    def add_screens(self, screens: list[QtScreen]) -> None:
        """Take the kiosk's screens."""
        for screen in screens:
            self.screens[screen.kind] = screen
            self.stack.addWidget(screen)

    def show_state(self, state: ViewState) -> None:
        """Switch to the state's screen and text size."""
        self.set_large_text(large=state.large_text)
        screen = self.screens.get(state.screen)
        if screen is not None and self.stack.currentWidget() is not screen:
            self.stack.setCurrentWidget(screen)

    def set_large_text(self, *, large: bool) -> None:
        """Normal or large text everywhere."""
        if large != self._large:
            self._large = large
            self.setStyleSheet(style_sheet(large=large))
