"""The kiosk's composition root: builds client, printer queue, scanners, model and views.

Everything is made here and handed on by constructor; all signals are wired in one
`_connect_signals()`. `main()` is what `aufruf kiosk` runs.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from platformdirs import user_cache_dir
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from hardware.escpos.printer import printer_from_site
from hardware.printer import PrinterError, PrinterStatus
from hardware.qt.print_queue import QtPrintQueue
from hardware.qt.scanner import QtSerialScanner
from hardware.qt.wedge import QtWedgeFilter
from hardware.scanner import SerialScanner
from hardware.serialport import SerialSettings
from hardware.ticket import TicketPrint
from kiosk.model import KioskModel
from kiosk.qt.appointment import QtAppointmentScreen
from kiosk.qt.concerns import QtConcernsScreen
from kiosk.qt.documents import QtDocumentsScreen
from kiosk.qt.note import QtNoteNumberScreen
from kiosk.qt.reception import QtReceptionScreen
from kiosk.qt.refused import QtRefusedScreen
from kiosk.qt.screen import QtScreen, Speaker
from kiosk.qt.start import QtStartScreen
from kiosk.qt.ticket import QtTicketScreen
from kiosk.qt.voice import QtReadAloud
from kiosk.qt.wait import QtWaitScreen
from kiosk.qt.way import QtWayScreen
from kiosk.qt.window import QtKioskWindow
from kiosk.site import issued_from_ticket, site_from_answer
from kiosk.way import CheckInRequest, Failure, Request, Screen, Timings
from shared.clock import Clock, SystemClock
from shared.config import KioskConfig, OfficeConfig
from shared.devices import PrinterStatus as DevicePrinterStatus
from shared.languages import offered
from shared.pairing import TokenStore
from shared.qt.client import ApiError, QtHubClient
from shared.qt.lockdown import QtLockdown
from shared.qt.pairing import QtHubLocator, QtPairingScreen
from shared.qt.sound import QtSoundQueue
from shared.qt.translations import QtTranslations
from shared.speech import Speaker as SpeechMaker
from shared.wire import IssuedTicket, SiteAnswer, WalkInsAnswer

log = logging.getLogger(__name__)

__all__ = ["I18N_DIR", "KioskApp", "KioskOptions"]

I18N_DIR = Path(__file__).resolve().parents[1] / "i18n"
REQUEST_TIMEOUT = 2.5
"""Seconds before a request counts as unanswered (the reception screen comes within 3 s)."""


@dataclass
class KioskOptions:
    """How to start: which hub, full screen or not, where the token lives, the timers."""

    server_url: str | None = None
    windowed: bool = False
    token_store: TokenStore = field(default_factory=lambda: TokenStore("kiosk"))
    timings: Timings = field(default_factory=Timings)
    clock: Clock = field(default_factory=SystemClock)
    speaker: Speaker | None = None
    """Read aloud (None: espeak-ng into the user's cache dir, played by `QtSoundQueue`)."""
    status_poll_ms: int = 5000
    wedge_clock: Callable[[], int] | None = None
    """Milliseconds for the keyboard-wedge detector (tests step it by hand)."""


class KioskApp(QObject):
    """One running kiosk: finds the hub, pairs, then serves visitors."""

    def __init__(self, config: OfficeConfig, kiosk: KioskConfig, options: KioskOptions) -> None:
        super().__init__()
        self.config = config
        self.kiosk = kiosk
        self.options = options
        self.window = QtKioskWindow()
        self.lockdown = QtLockdown(self.window, kiosk.admin_pin, self)
        self.translations = QtTranslations(I18N_DIR, "kiosk")
        self.locator = QtHubLocator(options.server_url, site_id=config.site.id, parent=self)
        self.wedge = (
            QtWedgeFilter(parent=self, clock=options.wedge_clock)
            if options.wedge_clock is not None
            else QtWedgeFilter(parent=self)
        )
        printer = printer_from_site(kiosk.printer)
        self.queue = (
            QtPrintQueue(printer, poll_interval_ms=options.status_poll_ms, parent=self)
            if printer is not None
            else None
        )
        self.scanner = (
            QtSerialScanner(SerialScanner(SerialSettings(kiosk.scanner)), self)
            if kiosk.scanner
            else None
        )
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.retry = QTimer(self)
        self.retry.setSingleShot(True)
        self.retry.setInterval(round(options.timings.retry * 1000))
        self.client: QtHubClient | None = None
        self.model: KioskModel | None = None
        self.read_aloud: QtReadAloud | None = None
        self.speaker: Speaker = options.speaker or self._read_aloud()
        self.pairing: QtPairingScreen | None = None
        self.screens: list[QtScreen] = []
        self._job: str | None = None
        self._closed = False
        self._offer_asked = False

    # ------------------------------------------------------------------ start-up
    def start(self) -> None:
        """Show the window and look for the hub."""
        self.translations.switch(self.config.site.default_language)
        self.locator.located.connect(self._located)
        self.retry.timeout.connect(self._load_site)
        self.lockdown.exit_requested.connect(self.stop)
        self.lockdown.apply(fullscreen=not self.options.windowed)
        self.locator.start()

    def stop(self) -> None:
        """Close everything and leave the event loop (the admin PIN was entered)."""
        self.shutdown()
        QApplication.quit()

    def shutdown(self) -> None:
        """Close the hub client, the printer, the scanner and the window (once)."""
        if self._closed:
            return
        self._closed = True
        self.timer.stop()
        self.retry.stop()
        self.locator.stop()
        if self.client is not None:
            self.client.close()
        if self.queue is not None:
            self.queue.stop()
        if self.scanner is not None:
            self.scanner.stop()
        if self.read_aloud is not None:
            self.read_aloud.close()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.wedge)
            app.removeEventFilter(self)
        self.lockdown.unlock()
        self.window.close()

    def _read_aloud(self) -> Speaker:
        maker = SpeechMaker(Path(user_cache_dir("aufruf")) / "speech")
        self.read_aloud = QtReadAloud(maker, QtSoundQueue(self), self)
        return self.read_aloud

    def _located(self, url: str) -> None:
        log.info("hub at %s", url)
        token = self.options.token_store.load()
        self.client = QtHubClient(url, token or "", self, timeout=REQUEST_TIMEOUT)
        if token is None:
            self._pair()
        else:
            self._load_site()

    def _pair(self) -> None:
        assert self.client is not None
        if self.pairing is None:
            self.pairing = QtPairingScreen("kiosk", self.client)
            self.pairing.paired.connect(self._paired)
        self.window.show_page(self.pairing)

    def _paired(self, token: str) -> None:
        self.options.token_store.save(token)
        self._load_site()

    def _load_site(self) -> None:
        assert self.client is not None
        reply = self.client.site()
        reply.succeeded.connect(self._site_loaded)
        reply.failed.connect(self._site_failed)

    def _site_failed(self, error: ApiError) -> None:
        if error.status in (401, 403):
            log.warning("the hub refused the kiosk's token: pairing again")
            self.options.token_store.forget()
            self._pair()
        else:
            self.window.show_starting()
            self.retry.start()

    def _site_loaded(self, answer: SiteAnswer) -> None:
        if self.model is not None:
            return
        site = site_from_answer(answer)
        self.model = KioskModel(site, self.options.clock, timings=self.options.timings)
        languages = offered(self.config.kiosk_languages(self.kiosk.id))
        speaker = self.speaker
        model = self.model
        self.screens = [
            QtStartScreen(model, speaker, languages),
            QtWayScreen(model, speaker),
            QtAppointmentScreen(model, speaker),
            QtConcernsScreen(model, speaker),
            QtDocumentsScreen(model, speaker),
            QtWaitScreen(model, speaker),
            QtTicketScreen(model, speaker),
            QtNoteNumberScreen(model, speaker),
            QtRefusedScreen(model, speaker),
            QtReceptionScreen(model, speaker),
        ]
        self.window.add_screens(self.screens)
        self._connect_signals()
        self.window.show_state(model.view_state())
        if self.queue is not None:
            self.queue.start()
        if self.scanner is not None:
            self.scanner.start()
        assert self.client is not None
        self.client.connect_events()
        log.info("kiosk %s ready", self.kiosk.id)

    def _connect_signals(self) -> None:
        """Every wire between the parts, in one place."""
        model, client = self.model, self.client
        assert model is not None
        assert client is not None
        model.changed.connect(self.window.show_state)
        model.changed.connect(self._arm_timer)
        model.changed.connect(self._ask_offer)
        model.language_changed.connect(self.translations.switch)
        model.request_ready.connect(self._send)
        model.print_requested.connect(self._print)
        self.timer.timeout.connect(self._expire)
        self.wedge.scanned.connect(model.scanned)
        client.connection_changed.connect(self.window.banner.show_state)
        if self.scanner is not None:
            self.scanner.scanned.connect(model.scanned)
        if self.queue is not None:
            self.queue.printed.connect(self._printed)
            self.queue.print_failed.connect(self._print_failed)
            self.queue.printer_status_changed.connect(self._report_printer)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.wedge)
            app.installEventFilter(self)

    # ------------------------------------------------------------------ running
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        """Every touch anywhere restarts the idle timer."""
        if event.type() == QEvent.Type.MouseButtonPress and self.model is not None:
            self.model.touched()
        return super().eventFilter(watched, event)

    def _ask_offer(self, state: Any) -> None:
        """On the way to the concerns: ask which are offered now and which are used up."""
        if state.screen is not Screen.CONCERNS or self._offer_asked or self.client is None:
            return
        self._offer_asked = True
        reply = self.client.walk_ins()
        reply.succeeded.connect(self._offer_answered)
        reply.failed.connect(self._offer_failed)

    def _offer_answered(self, answer: WalkInsAnswer) -> None:
        self._offer_asked = False
        if self.model is not None:
            offered = tuple(s.service_id for s in answer.services)
            used_up = frozenset(s.service_id for s in answer.services if s.used_up)
            self.model.walk_in_offer(offered, used_up)

    def _offer_failed(self, error: ApiError) -> None:
        self._offer_asked = False
        log.info("walk-in offer not read (the site's list stays): %s", error)

    def _expire(self) -> None:
        """The model's deadline came: let it act; a timer that fired early is armed again."""
        assert self.model is not None
        before = self.model.view_state()
        self.model.expire()
        if self.model.view_state() is before:
            self._arm_timer(before)

    def _arm_timer(self, state: Any) -> None:
        deadline = state.deadline
        if deadline is None:
            self.timer.stop()
            return
        delay = (deadline - self.options.clock.now()).total_seconds()
        self.timer.start(max(1, math.ceil(delay * 1000)))

    def _send(self, request: Request) -> None:
        assert self.client is not None
        if isinstance(request, CheckInRequest):
            reply = self.client.check_in(request.appointment_number, request.language, request.key)
        else:
            reply = self.client.issue_ticket(request.service_id, request.language, request.key)
        key = request.key
        reply.succeeded.connect(lambda answer: self._answered(key, answer))
        reply.failed.connect(lambda error: self._failed(key, error))

    def _answered(self, key: str, answer: IssuedTicket) -> None:
        assert self.model is not None
        self.model.answered(key, issued_from_ticket(answer))

    def _failed(self, key: str, error: ApiError) -> None:
        assert self.model is not None
        if error.unreadable:  # the hub acted, we cannot read how: retried like a 502
            log.warning("unreadable answer from the hub: %s", error.detail)
            self.model.failed(key, Failure(502, f"unreadable answer: {error.detail}"))
            return
        self.model.failed(key, Failure(error.status, error.detail, error.reason or None))

    def _print(self, ticket: TicketPrint) -> None:
        assert self.model is not None
        if self.queue is None:
            self.model.printed()  # no printer: the screen is the ticket
            return
        self._job = self.queue.submit(ticket)

    def _printed(self, job_id: str) -> None:
        if job_id == self._job and self.model is not None:
            self.model.printed()

    def _print_failed(self, job_id: str, error: PrinterError) -> None:
        log.warning("ticket not printed: %s", error)
        if job_id == self._job and self.model is not None:
            self.model.print_failed(error.status)

    def _report_printer(self, status: PrinterStatus) -> None:
        """Tell the hub (and so the staff) how the printer is."""
        if status is not PrinterStatus.OK:
            log.warning("printer: %s", status.value)
        if self.client is not None and self.client.token:
            reply = self.client.report_status(DevicePrinterStatus(status.value))
            reply.failed.connect(lambda error: log.info("printer status not reported: %s", error))


def application() -> QGuiApplication:
    """The running QApplication (made when there is none)."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    return QApplication(["aufruf-kiosk"])
