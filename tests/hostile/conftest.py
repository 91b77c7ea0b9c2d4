"""The hub as an attacker meets it: `aufruf server` on SQLite and on PostgreSQL, a token per role.

One hub per database and module (argon2 makes users slow to add); every test that uses it
checks afterwards that the hub is healthy and logged no error and no traceback.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from server.store import Store, create_engine_for, migrate
from shared.clock import SystemClock
from shared.config import load_config
from shared.domain import DeviceRole, UserRole
from tests.api.conftest import template  # noqa: F401 - the API tests' template database
from tests.pg import fresh_schema, require_postgres
from tests.system.conftest import PASSWORD, HubProcess, site_file

ERROR_LINE = re.compile(r" (ERROR|CRITICAL) |Traceback|Exception in ASGI")
APPOINTMENTS = ("H001", "H002", "H003")


@dataclass
class HostileHub:
    """A running hub under attack: its address, the store behind it and a token per role."""

    process: HubProcess
    store: Store
    tokens: dict[str, str]
    database: str

    @property
    def base(self) -> str:
        """`http://127.0.0.1:PORT`."""
        return self.process.base

    @property
    def port(self) -> int:
        """The port the hub listens on."""
        return int(self.base.rsplit(":", 1)[1])

    def client(self, role: str | None = None) -> httpx.Client:
        """An HTTP client for /api/v1 (with the role's token when given)."""
        headers = {"Authorization": f"Bearer {self.tokens[role]}"} if role else {}
        return httpx.Client(base_url=f"{self.base}/api/v1", headers=headers, timeout=30)

    def errors(self) -> list[str]:
        """Log lines at ERROR or above, and tracebacks."""
        return [line for line in self.process.lines if ERROR_LINE.search(line)]

    def assert_healthy(self) -> None:
        """The hub answers, serves a display's stream, and logged no error or traceback."""
        with self.client() as http:
            assert http.get("/health").json()["status"] == "ok"
        with self.client("clerk") as http:
            assert http.get("/queue").status_code == 200
        assert self.errors() == [], "\n".join(self.errors())


def _url(database: str, tmp: Path) -> Iterator[str]:
    if database == "sqlite":
        yield f"sqlite:///{tmp / 'hub.sqlite3'}"
        return
    require_postgres()
    with fresh_schema("hostile") as url:
        yield url


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def hostile_hub(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[HostileHub]:
    """`aufruf server` on a fresh database with a device per role and three users."""
    tmp = tmp_path_factory.mktemp("hostile")
    path = site_file(tmp, extra_counters=2)
    for url in _url(request.param, tmp):
        engine = create_engine_for(url)
        migrate(engine)
        store = Store(engine, load_config(path).to_site(), SystemClock())
        tokens = {role.value: store.add_device(role.value, role)[1] for role in DeviceRole}
        for role in (UserRole.CLERK, UserRole.SUPERVISOR, UserRole.ADMIN):
            store.add_user(role.value, PASSWORD, role, role.value.title())
            tokens[role.value] = store.login(role.value, PASSWORD)[1]
        store.import_appointments(
            "number,service_id,scheduled_at,name\n"
            + "".join(f"{n},reception,2030-01-01T09:00:00,Someone\n" for n in APPOINTMENTS)
        )
        process = HubProcess(path, url)
        process.start()
        try:
            yield HostileHub(process, store, tokens, request.param)
        finally:
            process.stop()
            engine.dispose()
