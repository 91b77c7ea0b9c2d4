"""A whole kiosk for the end-to-end tests: real hub, network printer emulator, the Qt app.

The hub is `server.app` on a SQLite file (copied from a template made once per session) on
127.0.0.1:0; the printer is `NetworkPrinterEmulator` on 127.0.0.1:0; the kiosk is
`KioskApp` in a window, paired by a token kept in tmp. Tests touch its buttons with qtbot.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from sqlalchemy import Engine

from hardware.emulator import EmulatorState, NetworkPrinterEmulator
from kiosk.model import KioskModel
from kiosk.qt.app import KioskApp, KioskOptions
from kiosk.qt.screen import NoSpeaker, Speaker
from kiosk.qt.window import QtKioskWindow
from kiosk.way import Screen, Timings
from server.app import ServerOptions, create_app
from server.serve import ServerThread
from server.store import Store, create_engine_for, migrate
from shared.clock import SystemClock
from shared.config import OfficeConfig, parse_config
from shared.domain import DeviceRole
from shared.languages import KIOSK_LANGUAGES
from shared.pairing import TokenStore

LANGUAGES = ", ".join(f'"{lang.code}"' for lang in KIOSK_LANGUAGES)
PIN = "2468"

SITE_TOML = f"""
[site]
id = "kiosk-test"
name = "Testamt"
timezone = "Europe/Berlin"
languages = [{LANGUAGES}]
status_base_url = "http://127.0.0.1:8470"

[server]
zeroconf = false

[[services]]
id = "general"
letter = "A"
names = {{ de = "Allgemein", en = "General" }}
documents = {{ de = ["Reisepass"], en = ["Passport"] }}
expected_minutes = 10

[[services]]
id = "passport"
letter = "P"
names = {{ de = "Pass", en = "Passport" }}
expected_minutes = 5
daily_cap = 1

[[services]]
id = "urgent"
letter = "X"
names = {{ de = "Notfall", en = "Emergency" }}
emergency = true

[[counters]]
id = "c1"
name = "Schalter 1"
services = {{ general = 10, passport = 5, urgent = 10 }}

[[kiosks]]
id = "k1"
name = "Kiosk"
admin_pin = "{PIN}"
printer = {{ transport = "network", host = "127.0.0.1", port = PORT }}
"""

FAST = Timings(idle=1.0, ticket=0.3, note_number=0.6, refused=1.0, request=1.0, retry=0.3)
"""Short timers, so tests wait on real timers for fractions of a second."""


def site_config(printer_port: int, scanner: Path | None = None) -> OfficeConfig:
    """The test site with its kiosk's printer on ``printer_port`` (and a serial scanner)."""
    text = SITE_TOML.replace("PORT", str(printer_port))
    if scanner is not None:
        text += f'scanner = "{scanner}"\n'
    return parse_config(text)


@dataclass(frozen=True)
class Template:
    """A migrated database with a kiosk device; its token."""

    path: Path
    token: str


@pytest.fixture(scope="session")
def kiosk_template(tmp_path_factory: pytest.TempPathFactory) -> Template:
    """The template database, made once per session."""
    path = tmp_path_factory.mktemp("kiosk-template") / "hub.sqlite3"
    config = site_config(9100)
    engine = create_engine_for(f"sqlite:///{path}")
    migrate(engine)
    store = Store(engine, config.to_site(), SystemClock())
    _, token = store.add_device("kiosk test", DeviceRole.KIOSK)
    engine.dispose()
    return Template(path, token)


@dataclass
class RunningHub:
    """A hub serving the test site; it can stop and serve again on the same port."""

    engine: Engine
    store: Store
    config: OfficeConfig
    port: int = 0
    thread: ServerThread | None = None

    @property
    def url(self) -> str:
        """``http://127.0.0.1:<port>``."""
        return f"http://127.0.0.1:{self.port}"

    def serve(self) -> None:
        """Serve (on the previous port after a stop)."""
        site = self.config.to_site()
        options = ServerOptions(tickets_per_minute_per_kiosk=600)
        app = create_app(
            self.store, site=site, config=self.config, clock=SystemClock(), options=options
        )
        self.thread = ServerThread(app, port=self.port)
        self.port = self.thread.start()

    def stop(self) -> None:
        """Stop serving (the database stays)."""
        if self.thread is not None:
            self.thread.stop()
            self.thread = None


def start_hub(tmp_path: Path, template: Template, config: OfficeConfig) -> RunningHub:
    """Copy the template database and serve it."""
    shutil.copy(template.path, tmp_path / "hub.sqlite3")
    engine = create_engine_for(f"sqlite:///{tmp_path / 'hub.sqlite3'}")
    hub = RunningHub(engine, Store(engine, config.to_site(), SystemClock()), config)
    hub.serve()
    return hub


@dataclass
class Kiosk:
    """The kiosk under test and what it talks to."""

    app: KioskApp
    hub: RunningHub
    printer: NetworkPrinterEmulator
    qtbot: Any
    token: str
    """The kiosk's device token (as `aufruf device add` printed it)."""

    @property
    def model(self) -> KioskModel:
        """The model (exists once the hub answered)."""
        assert self.app.model is not None
        return self.app.model

    @property
    def window(self) -> QtKioskWindow:
        """The one window."""
        return self.app.window

    def screen(self) -> Screen:
        """The screen shown now."""
        return self.model.view_state().screen

    def wait_screen(self, screen: Screen, timeout: int = 10_000) -> None:
        """Wait until the window shows ``screen``."""
        self.qtbot.waitUntil(
            lambda: (
                self.app.model is not None
                and self.window.stack.currentWidget() is self.window.screens.get(screen)
            ),
            timeout=timeout,
        )

    def go_to(self, screen: Screen) -> None:
        """Wait for ``screen`` and fail with what is shown instead."""
        try:
            self.wait_screen(screen)
        except Exception as exc:
            state = self.model.view_state() if self.app.model is not None else None
            raise AssertionError(f"wanted {screen}, the kiosk is at {state}") from exc

    def tap(self, button: QPushButton) -> None:
        """Touch a visible, enabled button (as a finger would: press and release on it)."""
        assert button.isVisible(), f"{button.text()!r} is not visible"
        assert button.isEnabled(), f"{button.text()!r} is disabled"
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    def widget(self, screen: Screen) -> Any:
        """The view of ``screen``."""
        return self.window.screens[screen]

    def book(self, number: str, minutes_from_now: int = 10, service: str = "general") -> None:
        """Book an appointment (today, unless the minutes say otherwise)."""
        berlin = ZoneInfo("Europe/Berlin")
        now = SystemClock().now().astimezone(berlin).replace(tzinfo=None) + timedelta(
            minutes=minutes_from_now
        )
        csv = f"number,service_id,scheduled_at,name\n{number},{service},{now:%Y-%m-%dT%H:%M},Test\n"
        result = self.hub.store.import_appointments(csv)
        assert result.imported == 1, result.errors


MakeKiosk = Callable[..., Kiosk]


@pytest.fixture
def make_kiosk(qtbot: Any, tmp_path: Path, kiosk_template: Template) -> Iterator[MakeKiosk]:
    """Builds a started kiosk against a fresh hub and printer emulator."""
    made: list[Kiosk] = []

    def make(
        *,
        paired: bool = True,
        state: EmulatorState = EmulatorState.OK,
        timings: Timings = FAST,
        status_poll_ms: int = 60_000,
        scanner: Path | None = None,
        speaker: Speaker | None = None,
        wedge_clock: Callable[[], int] | None = None,
        drop_after: int = 512,
        bytes_per_second: int = 8000,
    ) -> Kiosk:
        printer = NetworkPrinterEmulator(
            state=state, drop_after=drop_after, bytes_per_second=bytes_per_second
        )
        printer.start()
        config = site_config(printer.port, scanner)
        hub = start_hub(tmp_path, kiosk_template, config)
        tokens = TokenStore("kiosk", tmp_path / "config")
        if paired:
            tokens.save(kiosk_template.token)
        options = KioskOptions(
            server_url=hub.url,
            windowed=True,
            token_store=tokens,
            timings=timings,
            status_poll_ms=status_poll_ms,
            wedge_clock=wedge_clock,
            speaker=speaker or NoSpeaker(),
        )
        app = KioskApp(config, config.kiosks[0], options)
        kiosk = Kiosk(app, hub, printer, qtbot, kiosk_template.token)
        made.append(kiosk)
        app.window.resize(1920, 1080)
        app.start()
        return kiosk

    yield make
    for kiosk in made:
        kiosk.app.shutdown()
        kiosk.hub.stop()
        kiosk.hub.engine.dispose()
        kiosk.printer.stop()
