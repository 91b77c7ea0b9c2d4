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


class QtTransferDialog(QDialog):
    """Concern, counter (optional) and a note; OK sends the transfer."""

    def __init__(self, model: CounterModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.setWindowTitle("Weiterleiten")
        state = model.view_state()
        self.concern = QComboBox(self)
        self.concern.addItem("(Anliegen bleibt)", None)
        for choice in state.concerns:
            self.concern.addItem(choice.name, choice.id)
        self.counter = QComboBox(self)
        self.counter.addItem("(jeder passende Schalter)", None)
        for choice in state.counters:
            if choice.id != state.counter_id:
                self.counter.addItem(choice.name, choice.id)
        self.note = QLineEdit(self)
        self.note.setMaxLength(500)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        form = QFormLayout(self)
        form.addRow("Anliegen", self.concern)
        form.addRow("Schalter", self.counter)
        form.addRow("Notiz", self.note)
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
