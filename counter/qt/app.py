"""The composition root of the counter app: builds the parts and wires every signal once."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QObject, QSettings, QTimer

from counter.model import CounterModel
from counter.qt.bridge import QtHubBridge
from counter.qt.devices import QtDeskDevices
from counter.qt.window import QtCounterWindow
from counter.state import HubRequest
from shared.clock import Clock
from shared.qt.client import QtHubClient
from shared.qt.pairing import QtHubLocator

log = logging.getLogger(__name__)

COUNTER_KEY = "counter/id"
TICK_MS = 30_000
"""How often the waits on screen grow (a repaint; the hub is not asked)."""


@dataclass(frozen=True)
class CounterOptions:
    """How the app starts."""

    server_url: str | None = None
    language: str = "de"
    timeout: float = 10.0


class CounterApp(QObject):
    """The clerk's app: model, window, hub client, LED sign and receipt printer."""

    def __init__(
        self,
        options: CounterOptions,
        settings: QSettings,
        clock: Clock,
        devices: QtDeskDevices | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.options = options
        self.settings = settings
        remembered = settings.value(COUNTER_KEY)
        self.devices = devices or QtDeskDevices.none()
        self.model = CounterModel(
            clock,
            language=options.language,
            remembered_counter=str(remembered) if remembered else None,
            can_print=self.devices.can_print,
        )
        self.window = QtCounterWindow(self.model, settings)
        self.locator = QtHubLocator(options.server_url, parent=self)
        self.client: QtHubClient | None = None
        self.bridge: QtHubBridge | None = None
        self._waiting: list[HubRequest] = []
        self._stopped = False
        self.ticker = QTimer(self)
        self.ticker.setInterval(TICK_MS)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.locator.located.connect(self._located)
        self.model.request_ready.connect(self._early_request)
        self.model.counter_chosen.connect(self._remember_counter)
        self.model.called.connect(self.devices.show_number)
        self.model.receipt_requested.connect(self.devices.print_receipt)
        self.model.alert_raised.connect(self.devices.alert)
        self.devices.problem.connect(self.window.statusBar().showMessage)
        self.ticker.timeout.connect(self.model.tick)

    def start(self) -> None:
        """Find the hub and show the window."""
        self.locator.start()
        self.ticker.start()
        self.window.show()

    def stop(self) -> None:
        """Close the stream, the sign and the printer (again: nothing more happens)."""
        if self._stopped:
            return
        self._stopped = True
        self.ticker.stop()
        self.locator.stop()
        if self.bridge is not None:
            self.bridge.close()
        if self.client is not None:
            self.client.close()
        self.window.compact.remember()
        self.devices.stop()

    def _located(self, url: str) -> None:
        log.info("hub at %s", url)
        self.client = QtHubClient(url, "", self, timeout=self.options.timeout)
        self.bridge = QtHubBridge(self.model, self.client, self)
        self.model.request_ready.disconnect(self._early_request)
        waiting, self._waiting = self._waiting, []
        for request in waiting:
            self.bridge.send(request)

    def _early_request(self, request: HubRequest) -> None:
        """A request made before the hub was found waits for it."""
        self._waiting.append(request)

    def _remember_counter(self, counter_id: str) -> None:
        self.settings.setValue(COUNTER_KEY, counter_id)
        self.settings.sync()
