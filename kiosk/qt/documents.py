"""The documents screen: what to have ready, then the one large "print ticket" button."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from kiosk.model import KioskModel
from kiosk.qt import texts
from kiosk.qt.screen import QtScreen, Speaker
from kiosk.qt.style import QtWrapButton
from kiosk.way import Screen, ViewState

__all__ = ["QtDocumentsScreen"]


class QtDocumentsScreen(QtScreen):
    """The concern's name, its document list, and "print ticket"."""

    kind = Screen.DOCUMENTS

    def __init__(self, model: KioskModel, speaker: Speaker, parent: QWidget | None = None) -> None:
        super().__init__(model, speaker, parent)
        self.concern = self.title()
        self.instruction = self.title("muted")
        self.documents = self.title("notice")
        self.documents.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.body.addStretch(1)
        self.print_button = QtWrapButton(role="primary")
        self.print_button.setMinimumHeight(180)
        self.print_button.clicked.connect(model.print_ticket)
        self.body.addWidget(self.print_button)

    def show_state(self, state: ViewState) -> None:
        """The chosen concern and its papers."""
        concern = state.concern
        documents = concern.documents if concern else ()
        self.concern.setText(concern.name if concern else "")
        self.instruction.setText(texts.have_ready() if documents else texts.no_papers())
        self.documents.setText("\n".join(f"•  {doc}" for doc in documents))
        self.documents.setVisible(bool(documents))
        self.print_button.setText(texts.print_ticket())
