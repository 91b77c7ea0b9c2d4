"""Login and the choice of counter (the one this PC used last is preselected)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter.model import CounterModel
from counter.state import Phase, ViewState


class QtLoginScreen(QWidget):
    """User name and password; the hub's answer (or its reason for a 401) below."""

    def __init__(self, model: CounterModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.username = QLineEdit(self)
        self.username.setObjectName("username")
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.submit = QPushButton("Anmelden", self)
        self.message = QLabel(self)
        self.message.setObjectName("loginMessage")
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow("Benutzername", self.username)
        form.addRow("Passwort", self.password)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(QLabel("<h2>Aufruf – Schalter</h2>"))
        layout.addLayout(form)
        layout.addWidget(self.submit)
        layout.addWidget(self.message)
        layout.addStretch(2)
        self.submit.clicked.connect(self._login)
        self.password.returnPressed.connect(self._login)
        model.changed.connect(self._render)
        self._render(model.view_state())

    def _render(self, state: ViewState) -> None:
        """Show the login message."""
        self.message.setText(state.message if state.phase is Phase.LOGIN else "")
        self.submit.setEnabled(not state.busy)

    def _login(self) -> None:
        self.model.login(self.username.text(), self.password.text())
        self.password.clear()


class QtCounterChoice(QWidget):
    """Pick or confirm the counter."""

    def __init__(self, model: CounterModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.counters = QComboBox(self)
        self.counters.setObjectName("counterChoice")
        self.confirm = QPushButton("An diesem Schalter arbeiten", self)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(QLabel("<h2>Welcher Schalter?</h2>"))
        layout.addWidget(self.counters)
        layout.addWidget(self.confirm)
        layout.addStretch(2)
        self.confirm.clicked.connect(self._choose)
        model.changed.connect(self._render)
        self._render(model.view_state())

    def _render(self, state: ViewState) -> None:
        """List the counters; preselect the remembered one."""
        ids = [self.counters.itemData(i) for i in range(self.counters.count())]
        if ids != [c.id for c in state.counters]:
            self.counters.clear()
            for choice in state.counters:
                self.counters.addItem(choice.name, choice.id)
        if state.counter_id is not None:
            self.counters.setCurrentIndex(max(self.counters.findData(state.counter_id), 0))

    def _choose(self) -> None:
        counter_id = self.counters.currentData()
        if counter_id is not None:
            self.model.choose_counter(str(counter_id))
