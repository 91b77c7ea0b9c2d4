"""A real hub for the API tests: a SQLite file, uvicorn on 127.0.0.1:0, real tokens."""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import Engine

from server.app import ServerOptions, create_app
from server.serve import ServerThread
from server.store import Store, StoreSettings, create_engine_for, migrate
from shared.clock import Clock, SystemClock
from shared.config import OfficeConfig, parse_config
from shared.domain import DeviceRole, UserRole
from tests.pg import fresh_schema, require_postgres

SITE_TOML = """
[site]
id = "test-office"
name = "Testamt"
timezone = "Europe/Berlin"
languages = ["de", "en", "ar"]

[server]
zeroconf = false
tickets_per_minute_per_kiosk = 30

[[services]]
id = "general"
letter = "A"
names = { de = "Allgemein", en = "General" }
expected_minutes = 10

[[services]]
id = "passport"
letter = "P"
names = { de = "Pass", en = "Passport" }
expected_minutes = 5

[[services]]
id = "urgent"
letter = "X"
names = { de = "Notfall", en = "Emergency" }
emergency = true

[[counters]]
id = "c1"
name = "Schalter 1"
location = "Raum 1.12"
services = { general = 10, passport = 5, urgent = 10 }

[[counters]]
id = "c2"
name = "Schalter 2"
location = "Raum 1.14"
services = { general = 5, passport = 10 }
"""

PASSWORD = "correct horse battery"


@dataclass
class Hub:
    """A running test hub: its address, its store and a token per role."""

    base: str
    port: int
    store: Store
    tokens: dict[str, str]
    config: OfficeConfig
    thread: ServerThread
    engine: Engine
    http: httpx.Client = field(init=False)

    def __post_init__(self) -> None:
        self.http = httpx.Client(base_url=f"{self.base}/api/v1", timeout=10)

    def auth(self, role: str | None) -> dict[str, str]:
        """The Authorization header of a role (empty for None)."""
        return {"Authorization": f"Bearer {self.tokens[role]}"} if role else {}

    def stop(self) -> None:
        """Stop the server and close the database."""
        self.http.close()
        self.thread.stop()
        self.engine.dispose()

    def client(self, role: str | None = None) -> httpx.Client:
        """An HTTP client for /api/v1, authorised as `role` (None: no token)."""
        headers = {"Authorization": f"Bearer {self.tokens[role]}"} if role else {}
        return httpx.Client(base_url=f"{self.base}/api/v1", headers=headers, timeout=10)

    def issue(
        self, service_id: str = "general", role: str = "kiosk", **extra: object
    ) -> dict[str, Any]:
        """Issue a ticket over HTTP and return the answer's JSON (asserting 200)."""
        body = {"service_id": service_id, "language": "de", "idempotency_key": uuid.uuid4().hex}
        answer = self.http.post("/tickets", json=body | extra, headers=self.auth(role))
        assert answer.status_code == 200, answer.text
        return dict(answer.json())

    def ws_url(self, since: int = 0) -> str:
        """The event stream's address."""
        return f"ws://127.0.0.1:{self.port}/api/v1/events?since={since}"


@pytest.fixture
def config_path(tmp_path: Path) -> Path:
    """The test site file."""
    path = tmp_path / "office.toml"
    path.write_text(SITE_TOML, encoding="utf-8")
    return path


@dataclass(frozen=True)
class Template:
    """A migrated SQLite file with every role's device or user (argon2 is slow: do it once)."""

    path: Path
    tokens: dict[str, str]


@pytest.fixture(scope="session")
def template(tmp_path_factory: pytest.TempPathFactory) -> Template:
    """The template database, made once per test session."""
    path = tmp_path_factory.mktemp("template") / "hub.sqlite3"
    config = parse_config(SITE_TOML)
    engine = create_engine_for(f"sqlite:///{path}")
    migrate(engine)
    store = Store(engine, config.to_site(), SystemClock())
    tokens = {role.value: store.add_device(f"test {role.value}", role)[1] for role in DeviceRole}
    for role in UserRole:
        store.add_user(role.value, PASSWORD, role, role.value.title())
        tokens[role.value] = store.login(role.value, PASSWORD)[1]
    engine.dispose()
    return Template(path, tokens)


def start_hub(
    tmp_path: Path,
    template: Template,
    options: ServerOptions,
    settings: StoreSettings | None = None,
    site_toml: str = SITE_TOML,
    clock: Clock | None = None,
) -> Hub:
    """Copy the template database and serve it (a variant of the site, a fake clock: optional)."""
    config = parse_config(site_toml)
    site = config.to_site()
    for suffix in ("", "-wal"):
        source = template.path.with_name(template.path.name + suffix)
        if source.exists():
            shutil.copy(source, tmp_path / f"hub.sqlite3{suffix}")
    engine = create_engine_for(f"sqlite:///{tmp_path / 'hub.sqlite3'}")
    store = Store(engine, site, clock or SystemClock(), settings or StoreSettings())
    app = create_app(store, site=site, config=config, clock=clock or SystemClock(), options=options)
    thread = ServerThread(app)
    port = thread.start()
    base = f"http://127.0.0.1:{port}"
    return Hub(base, port, store, dict(template.tokens), config, thread, engine)


@pytest.fixture
def hub(tmp_path: Path, template: Template) -> Iterator[Hub]:
    """A running hub with short heartbeats and a generous rate limit."""
    options = ServerOptions(tickets_per_minute_per_kiosk=600, heartbeat_seconds=0.3)
    running = start_hub(tmp_path, template, options)
    yield running
    running.stop()


@pytest.fixture
def pg_hub() -> Iterator[Hub]:
    """A running hub on a fresh schema of the real PostgreSQL (kiosk, display, clerk)."""
    require_postgres()
    with fresh_schema("api") as url:
        config = parse_config(SITE_TOML)
        site = config.to_site()
        engine = create_engine_for(url)
        migrate(engine)
        store = Store(engine, site, SystemClock())
        tokens = {
            r.value: store.add_device(r.value, r)[1] for r in (DeviceRole.KIOSK, DeviceRole.DISPLAY)
        }
        store.add_user("clerk", PASSWORD, UserRole.CLERK, "Clerk")
        tokens["clerk"] = store.login("clerk", PASSWORD)[1]
        options = ServerOptions()
        app = create_app(store, site=site, config=config, clock=SystemClock(), options=options)
        thread = ServerThread(app)
        port = thread.start()
        hub = Hub(f"http://127.0.0.1:{port}", port, store, tokens, config, thread, engine)
        yield hub
        hub.stop()
