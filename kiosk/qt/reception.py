"""The reception screen: the hub cannot be reached; calm, and back by itself."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from kiosk.model import KioskModel
from kiosk.qt import texts
from kiosk.qt.screen import QtScreen, Speaker
from kiosk.way import Screen, ViewState

__all__ = ["QtReceptionScreen"]


class QtReceptionScreen(QtScreen):
    """ "Please go to the reception." No buttons: the kiosk returns when the hub answers."""

    kind = Screen.RECEPTION
    has_back = False

    def __init__(self, model: KioskModel, speaker: Speaker, parent: QWidget | None = None) -> None:
        super().__init__(model, speaker, parent)
        self.body.addStretch(1)
        self.message = self.title()
        self.reason = self.title("muted")
        self.body.addStretch(1)

    def show_state(self, state: ViewState) -> None:  # noqa: ARG002 (same for every state)
        """The calm lines."""
        self.message.setText(texts.go_to_reception())
        self.reason.setText(texts.machine_not_working())
