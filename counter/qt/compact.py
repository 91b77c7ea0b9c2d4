"""The compact bar: an always-on-top strip for clerks who work in another program all day.

Number, Next, Recall, Finish and the waiting count; it remembers its place and size.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QSettings, Qt
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from counter.actions import Verb, available
from counter.model import CounterModel
from counter.qt.buttons import QtActionButtons
from counter.qt.texts import translate
from counter.state import ViewState

GEOMETRY_KEY = "compact/geometry"


class QtCompactBar(QWidget):
    """A small window that stays on top; its geometry lives in QSettings."""

    def __init__(
        self, model: CounterModel, settings: QSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, Qt.WindowType.Tool | Qt.WindowType.WindowStaysOnTopHint)
        self.setObjectName("compactBar")
        self.setWindowTitle("Aufruf")
        self.model = model
        self.settings = settings
        self.number = QLabel(self)
        self.number.setObjectName("compactNumber")
        font = self.number.font()
        font.setPointSize(16)
        font.setBold(True)
        self.number.setFont(font)
        self.waiting = QLabel(self)
        self.waiting.setObjectName("compactWaiting")
        self.buttons = QtActionButtons((Verb.NEXT, Verb.RECALL, Verb.FINISH), self._press, self)
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 4, 6, 4)
        row.addWidget(self.number)
        for button in self.buttons.buttons.values():
            row.addWidget(button)
        row.addWidget(self.waiting)
        saved = settings.value(GEOMETRY_KEY)
        if isinstance(saved, QByteArray):
            self.restoreGeometry(saved)
        model.changed.connect(self._render)
        self._render(model.view_state())

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt API)
        """Render what changed while hidden."""
        super().showEvent(event)
        self._render(self.model.view_state())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        """Another language: the words again."""
        if event.type() == QEvent.Type.LanguageChange:
            self._render(self.model.view_state())
        super().changeEvent(event)

    def _render(self, state: ViewState) -> None:
        """Number, buttons and the waiting count (only while shown)."""
        if not self.isVisible():
            return
        self.number.setText(state.current.number if state.current else "—")
        waiting = translate("counter", "{count} waiting").format(count=state.waiting.total)
        self.waiting.setText(waiting)
        self.buttons.render(available(state))

    def remember(self) -> None:
        """Keep place and size for the next start."""
        self.settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        self.settings.sync()

    def moveEvent(self, event: object) -> None:  # noqa: N802 (Qt API)
        """Remember the place."""
        super().moveEvent(event)  # type: ignore[arg-type]
        self.remember()

    def resizeEvent(self, event: object) -> None:  # noqa: N802 (Qt API)
        """Remember the size."""
        super().resizeEvent(event)  # type: ignore[arg-type]
        self.remember()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt API)
        """Remember, then hide."""
        self.remember()
        super().closeEvent(event)

    def _press(self, verb: Verb) -> None:
        {
            Verb.NEXT: self.model.call_next,
            Verb.RECALL: self.model.recall,
            Verb.FINISH: self.model.finish,
        }[verb]()
