"""The wall display's composition root: finds the hub, pairs, wires model, views and sounds.

Start-up needs nobody: the hub comes from `--server` or zeroconf, the token from the
display's `TokenStore` (first start: the pairing screen), the display's counters, sounds
and info texts from ``GET /display`` (`QtHubClient.display_setup`, a typed `DisplaySetup`; an
answer of another shape is logged, the calls are shown without it, and it is asked again).
Then the public event stream: each event goes into the
`DisplayModel`; each painted board is acknowledged to the hub (`DisplayAck`); each new call
is chimed and announced.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from platformdirs import user_cache_dir
from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLayout, QStackedWidget

from display.model import DisplayModel
from display.qt.announcer import QtAnnouncer, SoundQueue, sound_queue, speaker
from display.qt.window import QtDisplayWindow
from shared.board import PublicBoardEvent
from shared.client_state import ConnectionState
from shared.clock import Clock, SystemClock
from shared.display_setup import DisplaySetup
from shared.pairing import TokenStore
from shared.protocol import (
    DisplayAck,
    PublicCall,
    PublicClear,
    PublicSnapshot,
    PublicWaiting,
    encode_ack,
)
from shared.qt.client import ApiError, QtHubClient
from shared.qt.pairing import QtHubLocator, QtPairingScreen

log = logging.getLogger(__name__)

RETRY_MS = 3000
"""How soon a failed setup request is tried again."""
_BOARD_EVENTS = (PublicSnapshot, PublicCall, PublicClear, PublicWaiting)


@dataclass
class DisplayOptions:
    """How to start: where the hub is, windowed or not, where the token and sounds live."""

    server_url: str | None = None
    windowed: bool = False
    token_store: TokenStore = field(default_factory=lambda: TokenStore("display"))
    speech_cache: Path = field(default_factory=lambda: Path(user_cache_dir("aufruf")) / "speech")
    silent: bool | None = None
    """True: sounds are timed, not played (tests); None: silent only without an audio output."""
    monotonic: Callable[[], float] = time.monotonic
    heartbeat_interval: float = 15.0
    sounds: SoundQueue | None = None
    """Where the WAVs go (default: the shared `QtSoundQueue`)."""
    clock: Clock = field(default_factory=SystemClock)
    """The time of day the display shows (the demo office gives it the hub's)."""
    paint_stamps: Path | None = None
    """Append "p seq numbers time" after each paint of the board and "a seq number time" for
    each call that arrives (the latency benchmark; time is `perf_counter`)."""


class DisplayApp(QObject):
    """Builds the display and wires every part in `_connect_signals`."""

    def __init__(self, options: DisplayOptions, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.options = options
        self.model = DisplayModel()
        self.window = QtDisplayWindow(clock=options.clock)
        self.stack = QStackedWidget()
        self.stack.setWindowTitle("Aufruf")
        self.stack.addWidget(self.window)
        stack_layout = self.stack.layout()
        if stack_layout is not None:
            stack_layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.locator = QtHubLocator(options.server_url, parent=self)
        sounds = options.sounds or sound_queue(self, silent=options.silent)
        self.announcer = QtAnnouncer(sounds, speaker(options.speech_cache), parent=self)
        self.client: QtHubClient | None = None
        self.pairing: QtPairingScreen | None = None
        self.acked = 0
        """The newest seq acknowledged to the hub."""
        self.painted = 0
        """The newest seq painted on the screen."""
        self._greeted = False
        self._wake = QTimer(self)
        self._wake.setSingleShot(True)
        self._wake.setTimerType(Qt.TimerType.PreciseTimer)
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setInterval(RETRY_MS)
        self._streaming = False
        self._malformed = False
        """The last setup the hub answered was of another shape (warned once until a good one)."""
        self._closed = False
        self._stamps = options.paint_stamps.open("a", buffering=1) if options.paint_stamps else None

    # ------------------------------------------------------------------ start and stop
    def start(self) -> None:
        """Show the screen and look for the hub."""
        self.locator.located.connect(self._located)
        self._retry.timeout.connect(self._load_setup)
        self._wake.timeout.connect(self.refresh)
        self.model.board_changed.connect(self.refresh)
        self.model.setup_changed.connect(self.refresh)
        self.model.reconnecting_changed.connect(lambda _on: self.refresh())
        self.model.call_arrived.connect(self.announcer.announce)
        self.window.calls.painted.connect(self._acknowledge)
        if self._stamps is not None:
            self.window.calls.painted.connect(self._stamp)
        if self.options.windowed:
            self.stack.resize(1280, 720)
            self.stack.show()
        else:
            self.stack.showFullScreen()
        self.refresh()
        self.locator.start()

    def shutdown(self) -> None:
        """Close the stream, the timers, the sound worker and the window (once)."""
        if self._closed:
            return
        self._closed = True
        self._wake.stop()
        self._retry.stop()
        self.locator.stop()
        self.window.clock.stop()
        if self.client is not None:
            self.client.close()
        self.announcer.stop()
        for signal in (
            self.model.board_changed,
            self.model.setup_changed,
            self.model.reconnecting_changed,
            self.model.call_arrived,
        ):
            signal.disconnect()
        self.stack.close()
        self.stack.deleteLater()
        if self._stamps is not None:
            self._stamps.close()

    # ------------------------------------------------------------------ the hub
    def _located(self, url: str) -> None:
        log.info("hub at %s", url)
        token = self.options.token_store.load()
        self.client = QtHubClient(
            url, token or "", self, heartbeat_interval=self.options.heartbeat_interval
        )
        self._connect_signals()
        if token is None:
            self._pair()
        else:
            self._load_setup()

    def _connect_signals(self) -> None:
        """Every wire between the hub client and the model, in one place."""
        assert self.client is not None
        self.client.event_received.connect(self._on_event)
        self.client.connection_changed.connect(self._on_connection)

    def _pair(self) -> None:
        assert self.client is not None
        if self.pairing is None:
            self.pairing = QtPairingScreen("display", self.client)
            self.pairing.paired.connect(self._paired)
            self.stack.addWidget(self.pairing)
        self.stack.setCurrentWidget(self.pairing)

    def _paired(self, token: str) -> None:
        self.options.token_store.save(token)
        self.stack.setCurrentWidget(self.window)
        self._load_setup()

    def _load_setup(self) -> None:
        assert self.client is not None
        self.client.display_setup().then(self._setup_loaded, self._setup_failed)

    def _setup_failed(self, error: ApiError) -> None:
        if error.status in (401, 403):
            log.warning("the hub refused the display's token (%s): pairing again", error.detail)
            self.options.token_store.forget()
            self._pair()
            return
        if error.unreadable:
            self._setup_malformed(error)
            return
        log.info("no display setup yet (%s); trying again", error.detail)
        self.model.connection_changed(online=False, now=self.options.monotonic())
        self._retry.start()

    def _setup_malformed(self, error: ApiError) -> None:
        """The hub answered, but not a `DisplaySetup`: show the calls without it, ask again."""
        kept = "the last setup" if self.model.setup is not None else "no setup"
        level = logging.INFO if self._malformed else logging.WARNING
        log.log(
            level,
            "unreadable display setup: %s; showing the calls with %s, asking again in %g s",
            error.detail,
            kept,
            RETRY_MS / 1000,
        )
        self._malformed = True
        self._start_stream()
        self._retry.start()

    def _setup_loaded(self, setup: DisplaySetup) -> None:
        self._malformed = False
        self.window.set_zone(setup.timezone)
        self.announcer.chime_on = setup.chime
        self.announcer.speak_on = setup.announce
        self.model.set_setup(setup)
        self._start_stream()

    def _start_stream(self) -> None:
        if not self._streaming and self.client is not None:
            self._streaming = True
            self.client.connect_events()

    def _on_event(self, event: object) -> None:
        if self._stamps is not None and isinstance(event, PublicCall):
            self._stamps.write(f"a {event.seq} {event.number} {time.perf_counter():.6f}\n")
        if isinstance(event, _BOARD_EVENTS):
            board_event: PublicBoardEvent = event
            self.model.receive(board_event, self.options.monotonic())

    def _on_connection(self, state: object) -> None:
        online = state is ConnectionState.CONNECTED
        self.model.connection_changed(online=online, now=self.options.monotonic())
        if online:
            self._greeted = False  # ack at once: a restarted hub watches displays that ack
            self._send_ack()

    def _stamp(self, seq: int) -> None:
        at = time.perf_counter()  # CLOCK_MONOTONIC: comparable with the benchmark's process
        board = self.model.board
        numbers = ",".join(c.number for c in (*board.current, *board.history)) or "-"
        if self._stamps is not None:
            self._stamps.write(f"p {seq} {numbers} {at:.6f}\n")

    def _acknowledge(self, seq: int) -> None:
        """The board up to `seq` is on the screen: tell the hub."""
        self.painted = max(self.painted, seq)
        self._send_ack()

    def _send_ack(self) -> None:
        if self.client is None or (self.painted <= self.acked and self._greeted):
            return
        if self.client.send_on_stream(encode_ack(DisplayAck(seq=self.painted))):
            self.acked = self.painted
            self._greeted = True

    # ------------------------------------------------------------------ time
    def refresh(self) -> None:
        """Render the model now and wake again when the picture next changes by itself."""
        if self._closed:
            return
        now = self.options.monotonic()
        self.model.tick(now)
        self.window.show_state(self.model.view_state(now))
        wake = self.model.next_change(now)
        if wake is None:
            self._wake.stop()
        else:
            self._wake.start(max(10, int((wake - now) * 1000) + 5))


def application() -> QApplication:
    """The running QApplication (made when there is none)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(["aufruf-display"])
    return app
