"""What every kiosk screen has: the top bar (read aloud, larger text, back) and re-rendering.

A screen renders the model's `ViewState` when the model changes or the language changes;
its touches go straight to the model's verbs. No business ifs, no I/O.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.model import KioskModel
from kiosk.qt import texts
from kiosk.qt.style import QtWrapButton
from kiosk.way import Screen, ViewState

__all__ = ["NoSpeaker", "QtScreen", "Speaker"]


class Speaker(Protocol):
    """Reads a text aloud in a language (offline); ``available`` says where it can."""

    def available(self, language: str) -> bool:
        """Whether there is a voice for ``language``."""
        ...

    def speak(self, text: str, language: str) -> None:
        """Read ``text`` aloud."""
        ...


class NoSpeaker:
    """No voices at all: every read-aloud button stays hidden."""

    def available(self, language: str) -> bool:  # noqa: ARG002 (protocol)
        """Never."""
        return False

    def speak(self, text: str, language: str) -> None:
        """Nothing to do."""


class QtScreen(QWidget):
    """The base of one kiosk screen: top bar, a body layout, rendering on change."""

    kind: Screen = Screen.START
    has_back = True

    def __init__(self, model: KioskModel, speaker: Speaker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "screen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.model = model
        self.speaker = speaker
        self.read_button = QtWrapButton(role="small")
        self.read_button.clicked.connect(self._read_aloud)
        self.size_button = QtWrapButton(role="small")
        self.size_button.clicked.connect(model.toggle_large_text)
        self.back_button = QtWrapButton(role="small")
        self.back_button.clicked.connect(model.back)
        self.back_button.setVisible(self.has_back)
        bar = QHBoxLayout()
        bar.addWidget(self.back_button)
        bar.addStretch(1)
        bar.addWidget(self.read_button)
        bar.addWidget(self.size_button)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 16, 40, 24)
        outer.setSpacing(16)
        outer.addLayout(bar)
        self.body = QVBoxLayout()
        self.body.setSpacing(16)
        outer.addLayout(self.body, 1)
        model.changed.connect(self._changed)

    def title(self, role: str = "title", layout: QBoxLayout | None = None) -> QLabel:
        """A centred, wrapping label in the body (or in ``layout``)."""
        label = QLabel()
        label.setProperty("role", role)
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setTextFormat(Qt.TextFormat.PlainText)
        (layout if layout is not None else self.body).addWidget(label)
        return label

    def spoken(self) -> str:
        """What the read-aloud button says: every label's text, in order."""
        return " ".join(
            label.text()
            for label in self.findChildren(QLabel)
            if label.isVisible() and label.text() and not isinstance(label.parent(), QtWrapButton)
        )

    def show_state(self, state: ViewState) -> None:
        """Show ``state`` (each screen fills in its own part)."""

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        """A new language: render again."""
        if event.type() == QEvent.Type.LanguageChange:
            self._changed(self.model.view_state())
        super().changeEvent(event)

    def _changed(self, state: ViewState) -> None:
        if state.screen is not self.kind:
            return
        self.read_button.setText(texts.read_aloud())
        self.read_button.setVisible(self.speaker.available(state.language))
        self.size_button.setText(texts.normal_text() if state.large_text else texts.larger_text())
        self.back_button.setText(texts.back())
        self.show_state(state)

    def _read_aloud(self) -> None:
        self.speaker.speak(self.spoken(), self.model.view_state().language)
