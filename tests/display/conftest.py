"""A real hub for the display's tests (SQLite file, uvicorn on 127.0.0.1) and a display app."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import Engine

from display.qt.app import DisplayApp, DisplayOptions
from server.app import ServerOptions, create_app
from server.serve import ServerThread
from server.store import Store, create_engine_for, migrate
from shared.clock import FakeClock
from shared.config import OfficeConfig, parse_config
from shared.domain import DeviceRole, UserRole
from shared.pairing import TokenStore

SITE = """
[site]
id = "display-e2e"
name = "Testamt"
languages = ["de", "en", "ar"]

[server]
zeroconf = false

[[services]]
id = "general"
letter = "A"
names = { de = "Allgemein", en = "General" }

[[counters]]
id = "c1"
name = "Schalter 1"
floor = "1. OG"
room = "Raum 1.12"
services = { general = 10 }

[[counters]]
id = "c2"
name = "Schalter 2"
services = { general = 10 }

[[counters]]
id = "c3"
name = "Schalter 3"
services = { general = 10 }

[[counters]]
id = "c4"
name = "Schalter 4"
services = { general = 10 }

[[counters]]
id = "c5"
name = "Schalter 5"
services = { general = 10 }

[[counters]]
id = "c6"
name = "Schalter 6"
services = { general = 10 }

[[displays]]
id = "og1"
name = "Wartebereich 1. OG"
counters = ["c1", "c2", "c4", "c5", "c6"]

[[displays]]
id = "eg"
name = "Foyer"
counters = ["c3"]

[info]
texts.de = ["Willkommen"]
texts.ar = ["أهلاً"]
"""
PASSWORD = "correct horse battery"


@dataclass
class E2EHub:
    """A hub that can be stopped and started again on the same port and database."""

    path: Path
    clock: FakeClock
    config: OfficeConfig = field(default_factory=lambda: parse_config(SITE))
    port: int = 0
    tokens: dict[str, str] = field(default_factory=dict)
    engine: Engine | None = None
    thread: ServerThread | None = None
    store: Store | None = None

    @property
    def url(self) -> str:
        """The hub's base URL."""
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        """Serve (again) on the same port and database."""
        site = self.config.to_site()
        self.engine = create_engine_for(f"sqlite:///{self.path}")
        migrate(self.engine)
        self.store = Store(self.engine, site, self.clock)
        if not self.tokens:
            self.tokens["og1"] = self.store.add_device("og1", DeviceRole.DISPLAY)[1]
            self.store.add_user("clerk", PASSWORD, UserRole.CLERK, "Clerk")
            self.tokens["clerk"] = self.store.login("clerk", PASSWORD)[1]
        options = ServerOptions(heartbeat_seconds=1.0, device_check_seconds=0.05)
        app = create_app(
            self.store, site=site, config=self.config, clock=self.clock, options=options
        )
        self.thread = ServerThread(app, port=self.port)
        self.port = self.thread.start()

    def stop(self) -> None:
        """Stop serving (the database stays)."""
        if self.thread is not None:
            self.thread.stop()
            self.thread = None
        if self.engine is not None:
            self.engine.dispose()
            self.engine = None

    def clerk(self) -> httpx.Client:
        """An HTTP client with the clerk's session."""
        return httpx.Client(
            base_url=f"{self.url}/api/v1",
            headers={"Authorization": f"Bearer {self.tokens['clerk']}"},
            timeout=10,
        )

    def issue(self, clerk: httpx.Client, language: str = "ar") -> dict[str, Any]:
        """Issue a walk-in ticket."""
        body = {"service_id": "general", "language": language, "idempotency_key": uuid.uuid4().hex}
        answer = clerk.post("/tickets", json=body)
        assert answer.status_code == 200, answer.text
        return dict(answer.json())

    def call(self, clerk: httpx.Client, counter: str) -> dict[str, Any]:
        """Open a counter and call the next ticket there."""
        clerk.post(f"/counters/{counter}/open")
        answer = clerk.post(f"/counters/{counter}/call-next")
        assert answer.status_code == 200, answer.text
        return dict(answer.json())


@pytest.fixture
def e2e_hub(tmp_path: Path) -> Iterator[E2EHub]:
    """A running hub with a display device "og1" (counters c1 and c2) and a clerk."""
    hub = E2EHub(
        tmp_path / "hub.sqlite3", FakeClock(datetime.fromisoformat("2026-11-23T09:00+01:00"))
    )
    hub.start()
    yield hub
    hub.stop()


@dataclass
class RecordingSounds:
    """The sound output's edge: records each WAV file queued, in order (no audio device)."""

    paths: list[Path] = field(default_factory=list)

    def enqueue(self, path: Path) -> object:
        """Record a queued file."""
        self.paths.append(path)
        return path


@pytest.fixture
def display_app(e2e_hub: E2EHub, tmp_path: Path) -> Iterator[DisplayApp]:
    """The display app, paired with og1's token, windowed, sounds recorded."""
    store = TokenStore("display", tmp_path / "config")
    store.save(e2e_hub.tokens["og1"])
    options = DisplayOptions(
        server_url=e2e_hub.url,
        windowed=True,
        token_store=store,
        speech_cache=tmp_path / "speech",
        silent=True,
        heartbeat_interval=1.0,
        sounds=RecordingSounds(),
    )
    app = DisplayApp(options)
    app.start()
    yield app
    app.shutdown()
