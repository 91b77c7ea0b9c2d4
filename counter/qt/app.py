"""The composition root of the counter app: builds the parts and wires every signal once."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, QTimer

from counter.desk_devices import DeviceKind
from counter.model import CounterModel
from counter.qt.alert_sounds import QtAlertSounds, SoundQueue
from counter.qt.bridge import QtHubBridge
from counter.qt.devices import QtDeskDevices
from counter.qt.window import QtCounterWindow
from counter.state import HubRequest
from shared.clock import Clock
from shared.qt.client import QtHubClient
from shared.qt.pairing import QtHubLocator
from shared.qt.sound import QtSoundQueue
from shared.qt.translations import QtTranslations

log = logging.getLogger(__name__)

COUNTER_KEY = "counter/id"
LANGUAGE_KEY = "counter/language"
LOCAL_DEVICE_KEYS = {
    DeviceKind.SIGN: "counter/sign_port",
    DeviceKind.PRINTER: "counter/printer_address",
}
"""Where this PC keeps a sign port or printer address picked over the site file's."""
I18N_DIR = Path(__file__).resolve().parents[1] / "i18n"
"""Where `counter_<lang>.qm` are (compiled from the `.ts` files at install, see setup.py)."""
DEFAULT_LANGUAGE = "de"
TICK_MS = 30_000
"""How often the waits on screen grow (a repaint; the hub is not asked)."""


@dataclass(frozen=True)
class CounterOptions:
    """How the app starts."""

    server_url: str | None = None
    language: str | None = None
    """The clerk's language; None: the one this PC used last (German at first)."""
    timeout: float = 10.0


class CounterApp(QObject):
    """The clerk's app: model, window, hub client, LED sign, receipt printer and sounds."""

    def __init__(
        self,
        options: CounterOptions,
        settings: QSettings,
        clock: Clock,
        devices: QtDeskDevices | None = None,
        *,
        sounds: SoundQueue | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.options = options
        self.settings = settings
        remembered = settings.value(COUNTER_KEY)
        self.devices = devices or QtDeskDevices.none()
        self.devices.apply_local(
            {kind: str(v) for kind, key in LOCAL_DEVICE_KEYS.items() if (v := settings.value(key))}
        )
        self.translations = QtTranslations(I18N_DIR, "counter")
        lang = options.language or str(settings.value(LANGUAGE_KEY) or DEFAULT_LANGUAGE)
        self.translations.switch(lang)
        self.model = CounterModel(
            clock,
            language=lang,
            remembered_counter=str(remembered) if remembered else None,
            can_print=self.devices.can_print,
        )
        languages = self.translations.available() or [DEFAULT_LANGUAGE]
        self.window = QtCounterWindow(self.model, settings, languages, self.devices)
        self.sounds = sounds if sounds is not None else QtSoundQueue(self)
        self.alert_sounds = QtAlertSounds(self.model, self.sounds, parent=self)
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
        self.devices.problem.connect(self.window.statusBar().showMessage)
        self.ticker.timeout.connect(self.model.tick)
        self.window.language_chosen.connect(self.set_language)
        self.devices.local_changed.connect(self._remember_devices)

    def set_language(self, lang: str) -> None:
        """Switch every window to the clerk's language now; remembered on this PC."""
        self.translations.switch(lang)
        self.model.set_language(lang)
        self.settings.setValue(LANGUAGE_KEY, lang)
        self.settings.sync()

    def start(self) -> None:
        """Find the hub and show the window."""
        self.locator.start()
        self.ticker.start()
        self.devices.start()
        self.window.show()

    def stop(self) -> None:
        """Close the stream, the sign and the printer (again: nothing more happens)."""
        if self._stopped:
            return
        self._stopped = True
        self.ticker.stop()
        self.alert_sounds.stop()
        self.locator.stop()
        if self.bridge is not None:
            self.bridge.close()
        if self.client is not None:
            self.client.close()
        self.window.compact.remember()
        self.devices.stop()
        self.translations.uninstall()

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

    def _remember_devices(self) -> None:
        """This PC's own sign port and printer address, or none: the site file's."""
        for kind, key in LOCAL_DEVICE_KEYS.items():
            if (picked := self.devices.picks.local.get(kind)) is not None:
                self.settings.setValue(key, picked)
            else:
                self.settings.remove(key)
        self.settings.sync()

    def _remember_counter(self, counter_id: str) -> None:
        self.settings.setValue(COUNTER_KEY, counter_id)
        self.settings.sync()
