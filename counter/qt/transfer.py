"""Transfer the ticket in hand to another concern and/or a named counter, with a note."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from counter.model import CounterModel
from counter.qt.texts import translate


class QtTransferDialog(QDialog):
    """Concern, counter (optional) and a note; OK sends the transfer."""

    def __init__(self, model: CounterModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.setWindowTitle(translate("counter", "Transfer"))
        state = model.view_state()
        self.concern = QComboBox(self)
        self.concern.addItem(translate("counter", "(same concern)"), None)
        for choice in state.concerns:
            self.concern.addItem(choice.name, choice.id)
        self.counter = QComboBox(self)
        self.counter.addItem(translate("counter", "(any suitable counter)"), None)
        for choice in state.counters:
            if choice.id != state.counter_id:
                self.counter.addItem(choice.name, choice.id)
        self.note = QLineEdit(self)
        self.note.setMaxLength(500)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        form = QFormLayout(self)
        form.addRow(translate("counter", "Concern"), self.concern)
        form.addRow(translate("counter", "Counter"), self.counter)
        form.addRow(translate("counter", "Note"), self.note)
        form.addRow(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.accepted.connect(self._send)

    def _send(self) -> None:
        self.model.transfer(
            service_id=self.concern.currentData(),
            counter_id=self.counter.currentData(),
            note=self.note.text(),
        )
