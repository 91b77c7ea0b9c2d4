"""The appointment screen: a large keypad for the number, or the booking letter's code."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QWidget

from kiosk.model import KioskModel
from kiosk.qt import texts
from kiosk.qt.screen import QtScreen, Speaker
from kiosk.qt.style import QtWrapButton
from kiosk.way import Screen, ViewState

__all__ = ["QtAppointmentScreen"]

KEYS = ("1", "2", "3", "4", "5", "6", "7", "8", "9", "erase", "0", "ok")


class QtAppointmentScreen(QtScreen):
    """The typed digits, the keypad, and the hint to use the scanner."""

    kind = Screen.APPOINTMENT

    def __init__(self, model: KioskModel, speaker: Speaker, parent: QWidget | None = None) -> None:
        super().__init__(model, speaker, parent)
        self.instruction = self.title()
        self.digits = self.title("digits")
        self.digits.setMinimumHeight(100)
        grid = QGridLayout()
        grid.setSpacing(16)
        self.keys: dict[str, QtWrapButton] = {}
        for index, key in enumerate(KEYS):
            button = QtWrapButton(key, role="primary" if key == "ok" else "")
            button.setMinimumSize(220, 100)
            if key == "erase":
                button.clicked.connect(model.erase)
            elif key == "ok":
                button.clicked.connect(model.submit_number)
            else:
                button.clicked.connect(lambda _=False, d=key: model.press_digit(d))
            grid.addWidget(button, index // 3, index % 3)
            self.keys[key] = button
        # Digits read left to right in every language: the keypad keeps its layout.
        pad = QWidget()
        pad.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        pad.setLayout(grid)
        self.body.addWidget(pad, 1, Qt.AlignmentFlag.AlignHCenter)
        self.scan_hint = self.title("muted")

    def show_state(self, state: ViewState) -> None:
        """The instruction, the digits so far, the key labels."""
        self.instruction.setText(texts.type_number())
        self.digits.setText(state.digits or " ")
        self.keys["erase"].setText(texts.erase())
        self.keys["ok"].setText(texts.ok())
        self.keys["ok"].setEnabled(bool(state.digits))
        self.scan_hint.setText(texts.or_scan())
