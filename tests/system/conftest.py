"""Fixtures of the system tests: the real `aufruf server` process on SQLite or PostgreSQL."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
from sqlalchemy import Engine, select

from server.db.models import EventRow
from server.store import Store, create_engine_for, migrate
from shared.clock import SystemClock
from shared.config import OfficeConfig, load_config
from shared.protocol import (
    CounterChanged,
    StaffEvent,
    TicketCalled,
    TicketChanged,
    TicketIssued,
    decode,
)
from tests.pg import fresh_schema, require_postgres

REPO = Path(__file__).resolve().parents[2]
AUFRUF = str(Path(sys.executable).with_name("aufruf"))
EXAMPLE = REPO / "examples" / "office.toml"
PASSWORD = "correct horse battery"
PROBLEM = re.compile(r" (WARNING|ERROR|CRITICAL) |Traceback")
LISTENING = re.compile(r"Aufruf listening on (http://\S+):(\d+)")
WALK_IN_SERVICES = (
    "residence_extension",
    "settlement_permit",
    "blue_card",
    "eat_pickup",
    "reception",
    "formal_obligation",
)
"""Services of the example office without a daily cap and not emergencies."""
STAFF = (TicketIssued, TicketCalled, TicketChanged, CounterChanged)


def site_file(tmp_path: Path, extra_counters: int = 32, rate: int = 6000) -> Path:
    """A copy of examples/office.toml: no zeroconf, a high kiosk rate, `extra_counters` more
    counters (t01, t02, …) that serve every walk-in service."""
    text = EXAMPLE.read_text(encoding="utf-8")
    text = text.replace("zeroconf = true", "zeroconf = false", 1)
    text = re.sub(
        r"tickets_per_minute_per_kiosk = \d+", f"tickets_per_minute_per_kiosk = {rate}", text
    )
    services = ", ".join(f"{s} = 1" for s in WALK_IN_SERVICES)
    for number in range(1, extra_counters + 1):
        text += (
            f'\n[[counters]]\nid = "t{number:02d}"\nname = "Testschalter {number}"\n'
            f'location = "Raum T.{number:02d}"\nservices = {{ {services} }}\n'
        )
    ids = ", ".join(f'"t{number:02d}"' for number in range(1, extra_counters + 1))
    text += f'\n[[displays]]\nid = "test"\nname = "Testanzeige"\ncounters = [{ids}]\n'
    path = tmp_path / "office.toml"
    path.write_text(text, encoding="utf-8")
    return path


def counter_ids(count: int) -> list[str]:
    """The ids of the first `count` extra counters of `site_file`."""
    return [f"t{number:02d}" for number in range(1, count + 1)]


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A real SQLite file in tmp_path, or a fresh schema of the real PostgreSQL."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'hub.sqlite3'}"
        return
    require_postgres()
    with fresh_schema("system") as url:
        yield url


@dataclass
class Database:
    """The hub's database as the test sees it directly (same URL as the server process)."""

    url: str
    site_path: Path
    config: OfficeConfig
    engine: Engine
    store: Store

    def events(self) -> list[StaffEvent]:
        """The whole event log in seq order."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(EventRow.payload).order_by(EventRow.seq)).scalars()
            events = [decode(payload) for payload in rows]
        return [e for e in events if isinstance(e, STAFF)]


@pytest.fixture
def database(database_url: str, tmp_path: Path) -> Iterator[Database]:
    """The migrated database of a test site (32 extra counters) and a store on it."""
    path = site_file(tmp_path)
    config = load_config(path)
    engine = create_engine_for(database_url)
    migrate(engine)
    store = Store(engine, config.to_site(), SystemClock())
    yield Database(database_url, path, config, engine, store)
    engine.dispose()


@dataclass
class HubProcess:
    """`aufruf server --port 0` as a child process; its log is collected line by line."""

    config_path: Path
    database_url: str
    lines: list[str] = field(default_factory=list)
    base: str = ""
    process: subprocess.Popen[str] | None = None
    startup_seconds: float = 0.0
    _reader: threading.Thread | None = None

    def start(self, timeout: float = 30.0) -> str:
        """Start the hub and wait for `Aufruf listening on http://HOST:PORT`; return the URL."""
        self.lines = []
        self.base = ""
        started = time.monotonic()
        listening = threading.Event()
        self.process = subprocess.Popen(
            [
                *(AUFRUF, "server", "--config", str(self.config_path), "--port", "0"),
                *("--database-url", self.database_url),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env=os.environ | {"PYTHONUNBUFFERED": "1"},
        )
        self._reader = threading.Thread(
            target=self._read, args=(self.process, listening), daemon=True
        )
        self._reader.start()
        if not listening.wait(timeout):
            self.kill()
            raise AssertionError("the hub did not start:\n" + "".join(self.lines))
        self.startup_seconds = time.monotonic() - started
        return self.base

    def _read(self, process: subprocess.Popen[str], listening: threading.Event) -> None:
        assert process.stdout is not None
        for line in process.stdout:
            self.lines.append(line)
            match = LISTENING.search(line)
            if match and not listening.is_set():
                self.base = f"{match.group(1)}:{match.group(2)}"
                listening.set()

    @property
    def pid(self) -> int:
        """The server's process id."""
        assert self.process is not None
        return self.process.pid

    def cpu_seconds(self) -> float:
        """CPU time (user + system) the server process has used so far (Linux /proc)."""
        fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def kill(self) -> None:
        """SIGKILL: the process dies at once, mid-request, with no shutdown at all."""
        self._end(signal.SIGKILL)

    def stop(self) -> int:
        """SIGTERM (graceful shutdown); return the exit status."""
        return self._end(signal.SIGTERM)

    def _end(self, sig: signal.Signals) -> int:
        if self.process is None:
            return 0
        if self.process.poll() is None:
            self.process.send_signal(sig)
        try:
            status = self.process.wait(15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            status = self.process.wait(5)
        if self._reader is not None:
            self._reader.join(5)
        assert self.process.stdout is not None
        self.process.stdout.close()
        self.process = None
        return status

    def log(self) -> str:
        """Everything the server printed so far."""
        return "".join(self.lines)

    def problems(self) -> list[str]:
        """The log lines at WARNING or above, and tracebacks."""
        return [line for line in self.lines if PROBLEM.search(line)]


@pytest.fixture
def hub_factory(database: Database) -> Iterator[Callable[[], HubProcess]]:
    """Make hub processes over the test database; all of them are ended after the test."""
    made: list[HubProcess] = []

    def make() -> HubProcess:
        hub = HubProcess(database.site_path, database.url)
        made.append(hub)
        return hub

    yield make
    for hub in made:
        hub.kill()


def api(base: str, token: str | None = None, timeout: float = 30.0) -> httpx.Client:
    """An HTTP client for /api/v1 of a hub, with a bearer token when given."""
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return httpx.Client(base_url=f"{base}/api/v1", headers=headers, timeout=timeout)


def log_in(base: str, username: str) -> str:
    """Log `username` (password `PASSWORD`) in at a running hub; return the session token."""
    with api(base) as http:
        login = {"username": username, "password": PASSWORD}
        token: str = http.post("/sessions", json=login).json()["token"]
    return token


def open_counters(base: str, token: str, count: int) -> list[str]:
    """Open the first `count` extra counters of `site_file` at a running hub; return their ids."""
    counters = counter_ids(count)
    with api(base, token) as http:
        for counter in counters:
            assert http.post(f"/counters/{counter}/open").status_code == 200
    return counters
