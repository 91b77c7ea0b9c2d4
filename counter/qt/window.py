"""The counter app's main window: login, counter choice or the desk, by the model's phase."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QWidget

from counter.model import CounterModel
from counter.qt.compact import QtCompactBar
from counter.qt.desk import QtDeskScreen
from counter.qt.login import QtCounterChoice, QtLoginScreen
from counter.qt.supervisor import QtSupervisorView
from counter.qt.transfer import QtTransferDialog
from counter.state import Phase, ViewState


class QtCounterWindow(QMainWindow):
    """One window; the compact bar and the supervisor view are separate top-level windows."""

    def __init__(
        self, model: CounterModel, settings: QSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.setWindowTitle("Aufruf – Schalter")
        self.login = QtLoginScreen(model, self)
        self.choice = QtCounterChoice(model, self)
        self.desk = QtDeskScreen(model, self)
        self.stack = QStackedWidget(self)
        for screen in (self.login, self.choice, self.desk):
            self.stack.addWidget(screen)
        self.setCentralWidget(self.stack)
        self.compact = QtCompactBar(model, settings)
        self.supervisor = QtSupervisorView(model)
        self.transfer: QtTransferDialog | None = None
        view = self.menuBar().addMenu("Ansicht")
        self.compact_action = QAction("Kompakte Leiste", self)
        self.compact_action.setShortcut(QKeySequence("Ctrl+K"))
        self.compact_action.setCheckable(True)
        self.supervisor_action = QAction("Übersicht (Leitung)", self)
        self.supervisor_action.setShortcut(QKeySequence("Ctrl+U"))
        self.logout_action = QAction("Abmelden", self)
        for action in (self.compact_action, self.supervisor_action, self.logout_action):
            view.addAction(action)
        self.compact_action.toggled.connect(self.show_compact)
        self.supervisor_action.triggered.connect(self.show_supervisor)
        self.logout_action.triggered.connect(model.logout)
        self.desk.transfer_requested.connect(self.open_transfer)
        model.changed.connect(self._render)
        self._render(model.view_state())

    def _render(self, state: ViewState) -> None:
        """Show the screen of the phase."""
        screen = {Phase.LOGIN: self.login, Phase.CHOOSE_COUNTER: self.choice}.get(
            state.phase, self.desk
        )
        self.stack.setCurrentWidget(screen)
        self.supervisor_action.setEnabled(state.supervisor)
        self.compact_action.setEnabled(state.phase is Phase.WORKING)
        if state.phase is not Phase.WORKING:
            self.compact.hide()
            self.supervisor.hide()

    def show_compact(self, shown: bool) -> None:
        """Show or hide the compact bar."""
        self.compact.setVisible(shown)

    def show_supervisor(self) -> None:
        """Open the supervisor view and load today's figures."""
        self.model.load_overview()
        self.supervisor.show()
        self.supervisor.raise_()

    def open_transfer(self) -> None:
        """The transfer dialog (not modal: the event loop keeps running)."""
        self.transfer = QtTransferDialog(self.model, self)
        self.transfer.open()
