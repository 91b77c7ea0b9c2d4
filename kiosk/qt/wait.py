"""The wait screen: a request is on its way to the hub."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from kiosk.model import KioskModel
from kiosk.qt import texts
from kiosk.qt.screen import QtScreen, Speaker
from kiosk.way import Screen, ViewState

__all__ = ["QtWaitScreen"]


class QtWaitScreen(QtScreen):
    """ "One moment, please."."""

    kind = Screen.WAIT
    has_back = False

    def __init__(self, model: KioskModel, speaker: Speaker, parent: QWidget | None = None) -> None:
        super().__init__(model, speaker, parent)
        self.body.addStretch(1)
        self.message = self.title()
        self.body.addStretch(1)

    def show_state(self, state: ViewState) -> None:  # noqa: ARG002 (same for every state)
        """The calm line."""
        self.message.setText(texts.one_moment())
