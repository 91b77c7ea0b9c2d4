"""The way screen: "I have an appointment" or "I have no appointment"."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from kiosk.model import KioskModel
from kiosk.qt import texts
from kiosk.qt.screen import QtScreen, Speaker
from kiosk.qt.style import QtWrapButton
from kiosk.way import Screen, ViewState

__all__ = ["QtWayScreen"]


class QtWayScreen(QtScreen):
    """Two large buttons."""

    kind = Screen.WAY

    def __init__(self, model: KioskModel, speaker: Speaker, parent: QWidget | None = None) -> None:
        super().__init__(model, speaker, parent)
        self.question = self.title()
        self.body.addStretch(1)
        self.appointment = QtWrapButton(role="primary")
        self.appointment.setMinimumHeight(200)
        self.appointment.clicked.connect(model.choose_appointment)
        self.walk_in = QtWrapButton(role="primary")
        self.walk_in.setMinimumHeight(200)
        self.walk_in.clicked.connect(model.choose_walk_in)
        self.body.addWidget(self.appointment)
        self.body.addWidget(self.walk_in)
        self.body.addStretch(1)

    def show_state(self, state: ViewState) -> None:  # noqa: ARG002 (same for every state)
        """The question and the two answers."""
        self.question.setText(texts.appointment_question())
        self.appointment.setText(texts.have_appointment())
        self.walk_in.setText(texts.no_appointment())
