"""The refusal screen: why the hub said no, kindly, and what to do instead."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from kiosk.model import KioskModel
from kiosk.qt import texts
from kiosk.qt.screen import QtScreen, Speaker
from kiosk.qt.style import QtWrapButton
from kiosk.way import Screen, ViewState
from shared.refusal import Refusal

__all__ = ["QtRefusedScreen"]

_NO_WALK_IN = frozenset({Refusal.ALREADY_CHECKED_IN, Refusal.QUOTA_USED_UP})


class QtRefusedScreen(QtScreen):
    """The message, then the ways on: type again, a walk-in ticket, the start."""

    kind = Screen.REFUSED
    has_back = False

    def __init__(self, model: KioskModel, speaker: Speaker, parent: QWidget | None = None) -> None:
        super().__init__(model, speaker, parent)
        self.body.addStretch(1)
        self.message = self.title()
        self.body.addStretch(1)
        self.again = QtWrapButton()
        self.again.clicked.connect(model.choose_appointment)
        self.walk_in = QtWrapButton(role="primary")
        self.walk_in.clicked.connect(model.choose_walk_in)
        self.start = QtWrapButton()
        self.start.clicked.connect(model.done)
        for button in (self.again, self.walk_in, self.start):
            self.body.addWidget(button)

    def show_state(self, state: ViewState) -> None:
        """The refusal's message and its buttons."""
        refusal = state.refusal
        self.message.setText(texts.refusal_text(refusal))
        self.again.setText(texts.type_again())
        self.again.setVisible(refusal is Refusal.UNKNOWN)
        self.walk_in.setText(texts.ticket_without_appointment())
        # A check-in that failed (no concern chosen yet) may still get a walk-in ticket.
        self.walk_in.setVisible(state.concern is None and refusal not in _NO_WALK_IN)
        self.start.setText(texts.back_to_start())
