"""The concerns screen: the walk-in concerns offered now, each with one line of explanation."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QWidget

from kiosk.model import KioskModel
from kiosk.qt import texts
from kiosk.qt.screen import QtScreen, Speaker
from kiosk.qt.style import QtWrapButton
from kiosk.way import Concern, Screen, ViewState

__all__ = ["QtConcernsScreen"]

COLUMNS = 2


class QtConcernsScreen(QtScreen):
    """A button per concern; one whose quota is used up says so."""

    kind = Screen.CONCERNS

    def __init__(self, model: KioskModel, speaker: Speaker, parent: QWidget | None = None) -> None:
        super().__init__(model, speaker, parent)
        self.instruction = self.title()
        self.grid = QGridLayout()
        self.grid.setSpacing(16)
        self.body.addLayout(self.grid, 1)
        self.buttons: dict[str, QtWrapButton] = {}
        self._shown: tuple[Concern, ...] = ()

    def show_state(self, state: ViewState) -> None:
        """The instruction and the concern buttons (rebuilt only when the concerns change)."""
        self.instruction.setText(texts.choose_concern())
        ids = tuple(c.id for c in state.concerns)
        if ids != tuple(self.buttons):
            for button in self.buttons.values():
                button.hide()
                button.deleteLater()
            self.buttons = {}
            for index, concern in enumerate(state.concerns):
                button = QtWrapButton()
                button.clicked.connect(
                    lambda _=False, cid=concern.id: self.model.choose_concern(cid)
                )
                self.grid.addWidget(button, index // COLUMNS, index % COLUMNS)
                button.show()
                self.buttons[concern.id] = button
        self._shown = state.concerns
        self._label(state.concerns, rtl=state.rtl)

    def _label(self, concerns: tuple[Concern, ...], *, rtl: bool) -> None:
        # A name from the site file may fall back to English; the kiosk's own line still
        # runs in the visitor's direction (a right-to-left mark starts it).
        sold_out = ("\u200f" if rtl else "") + texts.no_more_today()
        for concern in concerns:
            button = self.buttons[concern.id]
            second = sold_out if concern.quota_used_up else concern.explanation
            button.setText(f"{concern.name}\n{second}" if second else concern.name)
            button.set_role("unavailable" if concern.quota_used_up else "")
