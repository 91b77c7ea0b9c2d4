"""The counter app's main window: login, counter choice or the desk, by the model's phase."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QSettings, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QWidget

from counter.model import CounterModel
from counter.qt.compact import QtCompactBar
from counter.qt.desk import QtDeskScreen
from counter.qt.devices import QtDeskDevices
from counter.qt.devices_view import QtDevicesView
from counter.qt.login import QtCounterChoice, QtLoginScreen
from counter.qt.supervisor import QtSupervisorView
from counter.qt.texts import translate
from counter.qt.transfer import QtTransferDialog
from counter.state import Phase, ViewState
from shared.languages import language


class QtCounterWindow(QMainWindow):
    """One window; the compact bar, the supervisor view and the devices view are separate
    top-level windows.

    Signals: ``language_chosen(str)`` (from the login screen or the View menu).
    """

    language_chosen = Signal(str)

    def __init__(
        self,
        model: CounterModel,
        settings: QSettings,
        languages: Sequence[str] = (),
        devices: QtDeskDevices | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.login = QtLoginScreen(model, languages, self)
        self.choice = QtCounterChoice(model, self)
        self.desk = QtDeskScreen(model, self)
        self.stack = QStackedWidget(self)
        for screen in (self.login, self.choice, self.desk):
            self.stack.addWidget(screen)
        self.setCentralWidget(self.stack)
        self.compact = QtCompactBar(model, settings)
        self.supervisor = QtSupervisorView(model)
        self.devices = QtDevicesView(devices or QtDeskDevices.none())
        self.transfer: QtTransferDialog | None = None
        self.view = self.menuBar().addMenu("")
        self.compact_action = QAction(self)
        self.compact_action.setShortcut(QKeySequence("Ctrl+K"))
        self.compact_action.setCheckable(True)
        self.supervisor_action = QAction(self)
        self.supervisor_action.setShortcut(QKeySequence("Ctrl+U"))
        self.devices_action = QAction(self)
        self.devices_action.setShortcut(QKeySequence("Ctrl+D"))
        self.logout_action = QAction(self)
        for action in (self.compact_action, self.supervisor_action, self.devices_action):
            self.view.addAction(action)
        self.languages = self.view.addMenu("")
        self.language_actions = QActionGroup(self)
        for code in languages:
            action = self.languages.addAction(language(code).name)
            action.setCheckable(True)
            action.setData(code)
            self.language_actions.addAction(action)
        self.view.addAction(self.logout_action)
        self.retranslate()
        self.compact_action.toggled.connect(self.show_compact)
        self.supervisor_action.triggered.connect(self.show_supervisor)
        self.devices_action.triggered.connect(self.show_devices)
        self.logout_action.triggered.connect(model.logout)
        self.language_actions.triggered.connect(lambda a: self.language_chosen.emit(a.data()))
        self.login.language_chosen.connect(self.language_chosen)
        self.desk.transfer_requested.connect(self.open_transfer)
        model.changed.connect(self._render)
        self._render(model.view_state())

    def retranslate(self) -> None:
        """Title and menu in the clerk's language."""
        self.setWindowTitle(translate("counter", "Aufruf – counter"))
        self.view.setTitle(translate("counter", "View"))
        self.compact_action.setText(translate("counter", "Compact bar"))
        self.supervisor_action.setText(translate("counter", "Overview (supervisors)"))
        self.devices_action.setText(translate("counter", "Devices (LED sign, printer)"))
        self.languages.setTitle(translate("counter", "Language"))
        self.logout_action.setText(translate("counter", "Log out"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        """Another language: title and menu again."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _render(self, state: ViewState) -> None:
        """Show the screen of the phase."""
        screen = {Phase.LOGIN: self.login, Phase.CHOOSE_COUNTER: self.choice}.get(
            state.phase, self.desk
        )
        self.stack.setCurrentWidget(screen)
        self.supervisor_action.setEnabled(state.supervisor)
        self.compact_action.setEnabled(state.phase is Phase.WORKING)
        for action in self.language_actions.actions():
            action.setChecked(action.data() == state.language)
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

    def show_devices(self) -> None:
        """Open the devices view, with the serial ports present now."""
        self.devices.list_ports()
        self.devices.show()
        self.devices.raise_()

    def open_transfer(self) -> None:
        """The transfer dialog (not modal: the event loop keeps running)."""
        self.transfer = QtTransferDialog(self.model, self)
        self.transfer.open()
