"""The start screen: "Welcome" cycling through the languages and the language grid."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QGridLayout, QWidget

from kiosk.model import KioskModel
from kiosk.qt import texts
from kiosk.qt.screen import QtScreen, Speaker
from kiosk.qt.style import QtWrapButton
from kiosk.way import Screen, ViewState
from shared.languages import Language

__all__ = ["QtStartScreen"]

COLUMNS = 4


class QtStartScreen(QtScreen):
    """A button per language, each written in its own script."""

    kind = Screen.START
    has_back = False

    def __init__(
        self,
        model: KioskModel,
        speaker: Speaker,
        languages: tuple[Language, ...],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(model, speaker, parent)
        self.languages = languages
        self.welcome = self.title("welcome")
        self.hint = self.title()
        grid = QGridLayout()
        grid.setSpacing(20)
        self.buttons: dict[str, QtWrapButton] = {}
        for index, lang in enumerate(languages):
            button = QtWrapButton(lang.name)
            button.label.setLayoutDirection(
                Qt.LayoutDirection.RightToLeft if lang.rtl else Qt.LayoutDirection.LeftToRight
            )
            button.clicked.connect(lambda _=False, code=lang.code: model.choose_language(code))
            grid.addWidget(button, index // COLUMNS, index % COLUMNS)
            self.buttons[lang.code] = button
        self.body.addLayout(grid, 1)
        self._shown = 0
        self.cycle = QTimer(self)
        self.cycle.setInterval(round(model.timings.greeting * 1000))
        self.cycle.timeout.connect(self.next_greeting)
        self.cycle.start()
        self._changed(model.view_state())

    def next_greeting(self) -> None:
        """Show "Welcome" in the next language."""
        if self.languages:
            self._shown = (self._shown + 1) % len(self.languages)
            self._show_greeting()

    def show_state(self, state: ViewState) -> None:  # noqa: ARG002 (same for every state)
        """The greeting and the hint."""
        self._show_greeting()
        self.hint.setText(texts.touch_language())

    def _show_greeting(self) -> None:
        if self.languages:
            lang = self.languages[self._shown]
            self.welcome.setText(lang.welcome)
            self.welcome.setLayoutDirection(
                Qt.LayoutDirection.RightToLeft if lang.rtl else Qt.LayoutDirection.LeftToRight
            )
