"""Login (with the clerk's language) and the choice of counter (this PC's last one preselected)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Signal
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
from counter.qt import texts
from counter.qt.texts import translate
from counter.state import Phase, ViewState
from shared.languages import language


class QtLoginScreen(QWidget):
    """User name, password and language; the hub's answer (or its reason for a 401) below.

    Signals: ``language_chosen(str)`` (the clerk picked another language).
    """

    language_chosen = Signal(str)

    def __init__(
        self, model: CounterModel, languages: Sequence[str] = (), parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.username = QLineEdit(self)
        self.username.setObjectName("username")
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.language = QComboBox(self)
        self.language.setObjectName("language")
        for code in languages:
            self.language.addItem(language(code).name, code)
        self.submit = QPushButton(self)
        self.message = QLabel(self)
        self.message.setObjectName("loginMessage")
        self.message.setWordWrap(True)
        self.title = QLabel(self)
        self.labels = [QLabel(self) for _ in range(3)]
        form = QFormLayout()
        for label, field in zip(
            self.labels, (self.username, self.password, self.language), strict=True
        ):
            form.addRow(label, field)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addWidget(self.submit)
        layout.addWidget(self.message)
        layout.addStretch(2)
        self.retranslate()
        self.submit.clicked.connect(self._login)
        self.password.returnPressed.connect(self._login)
        self.language.activated.connect(self._language)
        model.changed.connect(self._render)
        self._render(model.view_state())

    def retranslate(self) -> None:
        """The fixed labels in the clerk's language."""
        self.title.setText("<h2>{}</h2>".format(translate("counter", "Aufruf – counter")))
        self.submit.setText(translate("counter", "Log in"))
        words = (
            translate("counter", "User name"),
            translate("counter", "Password"),
            translate("counter", "Language"),
        )
        for label, text in zip(self.labels, words, strict=True):
            label.setText(text)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        """Another language: every text again."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self._render(self.model.view_state())
        super().changeEvent(event)

    def _render(self, state: ViewState) -> None:
        """Show the login message and the language in use."""
        shown = state.message if state.phase is Phase.LOGIN else None
        self.message.setText(texts.message(shown))
        self.submit.setEnabled(not state.busy)
        index = self.language.findData(state.language)
        if index >= 0:
            self.language.setCurrentIndex(index)

    def _language(self, index: int) -> None:
        code = self.language.itemData(index)
        if code:
            self.language_chosen.emit(str(code))

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
        self.confirm = QPushButton(self)
        self.title = QLabel(self)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.title)
        layout.addWidget(self.counters)
        layout.addWidget(self.confirm)
        layout.addStretch(2)
        self.retranslate()
        self.confirm.clicked.connect(self._choose)
        model.changed.connect(self._render)
        self._render(model.view_state())

    def retranslate(self) -> None:
        """The fixed labels in the clerk's language."""
        self.title.setText("<h2>{}</h2>".format(translate("counter", "Which counter?")))
        self.confirm.setText(translate("counter", "Work at this counter"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        """Another language: the labels again."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

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
