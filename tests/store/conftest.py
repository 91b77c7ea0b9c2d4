"""Fixtures of the store tests: a real SQLite file and a real PostgreSQL schema per test."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine

from server.db.engine import create_engine_for, migrate
from server.store import Store
from shared.clock import FakeClock
from shared.domain import Counter, Service, Site
from tests.pg import fresh_schema, require_postgres

BERLIN = "Europe/Berlin"
START = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)  # 09:00 in Berlin


def make_site(counters: int = 2, cap: int | None = 50) -> Site:
    """A small office: general (A, daily cap), passports (P), emergencies (N)."""
    services = {
        "general": Service("general", "A", {"de": "Allgemein", "en": "General"}, daily_cap=cap),
        "passport": Service(
            "passport", "P", {"de": "Pass", "en": "Passport"}, expected_minutes=5.0
        ),
        "urgent": Service("urgent", "N", {"de": "Notfall", "en": "Urgent"}, emergency=True),
    }
    desks = {
        f"c{i}": Counter(
            f"c{i}",
            f"Schalter {i}",
            f"Raum {100 + i}",
            {"general": 1.0, "passport": 1.0 if i % 2 else 0.0, "urgent": 1.0},
        )
        for i in range(1, counters + 1)
    }
    return Site("office", "Ausländerbehörde", BERLIN, services, desks, ("de", "en", "tr"))


@pytest.fixture(scope="session")
def pg_available() -> bool:
    """Whether PostgreSQL answers; without it the tests skip, except in CI where they fail."""
    require_postgres()
    return True


@pytest.fixture
def pg_schema_url(pg_available: bool) -> Iterator[str]:
    """A URL whose search_path is a fresh schema, dropped after the test."""
    assert pg_available
    with fresh_schema("store") as url:
        yield url


def _sqlite(tmp_path: Path) -> Engine:
    return create_engine_for(None, tmp_path)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """A migrated engine on a real SQLite file or a real PostgreSQL schema."""
    if request.param == "sqlite":
        eng = _sqlite(tmp_path)
    else:
        eng = create_engine_for(request.getfixturevalue("pg_schema_url"))
    migrate(eng)
    yield eng
    eng.dispose()


@pytest.fixture
def clock() -> FakeClock:
    """A clock standing at 09:00 Berlin time on a Monday."""
    return FakeClock(START)


@pytest.fixture
def site_maker() -> Callable[..., Site]:
    """`make_site` as a fixture: make_site(counters=2, cap=50)."""
    return make_site


@pytest.fixture
def site() -> Site:
    """The small test office."""
    return make_site()


@pytest.fixture
def store(engine: Engine, site: Site, clock: FakeClock) -> Store:
    """A store on the migrated engine."""
    return Store(engine, site, clock)
