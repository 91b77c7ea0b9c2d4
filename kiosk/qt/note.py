"""The note screen: the printer failed, so the number stays large to be written down."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from kiosk.model import KioskModel
from kiosk.qt import texts
from kiosk.qt.screen import QtScreen, Speaker
from kiosk.qt.style import QtWrapButton
from kiosk.way import Screen, ViewState

__all__ = ["QtNoteNumberScreen"]


class QtNoteNumberScreen(QtScreen):
    """ "Please write down your number", the number, and a hint to the reception."""

    kind = Screen.NOTE_NUMBER
    has_back = False

    def __init__(self, model: KioskModel, speaker: Speaker, parent: QWidget | None = None) -> None:
        super().__init__(model, speaker, parent)
        self.instruction = self.title()
        self.number = self.title("number")
        self.hint = self.title("notice")
        self.next_step = self.title("muted")
        self.body.addStretch(1)
        self.finished = QtWrapButton(role="primary")
        self.finished.clicked.connect(model.done)
        self.body.addWidget(self.finished)

    def show_state(self, state: ViewState) -> None:
        """The number and what to do."""
        self.instruction.setText(texts.note_number())
        self.number.setText(state.issued.number if state.issued else "")
        self.hint.setText(texts.printer_broken())
        self.next_step.setText(texts.watch_screens())
        self.finished.setText(texts.finished())
