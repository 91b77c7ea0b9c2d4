"""The clerk's action buttons: one click and one shortcut each, the shortcut on the button."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QPushButton, QWidget

from counter.actions import SHORTCUTS, Verb
from counter.qt import texts


class QtActionButtons:
    """Makes and updates the buttons of some verbs; `on_press(verb)` runs on click or key."""

    def __init__(
        self, verbs: Iterable[Verb], on_press: Callable[[Verb], None], parent: QWidget
    ) -> None:
        self.buttons: dict[Verb, QPushButton] = {}
        self.shortcuts: dict[Verb, QShortcut] = {}
        self._on_press = on_press
        for verb in verbs:
            button = QPushButton(parent)
            button.setObjectName(f"verb_{verb.value}")
            button.clicked.connect(lambda _=False, v=verb: on_press(v))
            self.buttons[verb] = button
            # A QShortcut acts at once (a button's own shortcut animates a 100 ms click first).
            shortcut = QShortcut(QKeySequence(SHORTCUTS[verb]), parent)
            shortcut.activated.connect(lambda v=verb: self._key(v))
            self.shortcuts[verb] = shortcut

    def _key(self, verb: Verb) -> None:
        if self.buttons[verb].isEnabled():
            self._on_press(verb)

    def render(self, enabled: frozenset[Verb]) -> None:
        """Words in the clerk's language; only the possible ones enabled."""
        for verb, button in self.buttons.items():
            button.setText(texts.verb(verb))
            button.setEnabled(verb in enabled)
