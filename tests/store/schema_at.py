"""A store's database still at an older migration, on SQLite or the test PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import Engine

from server.db.engine import MIGRATIONS, create_engine_for


def upgrade_to(engine: Engine, revision: str) -> None:
    """Run the migrations up to `revision` (and no further)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)


def engine_at(request: pytest.FixtureRequest, tmp_path: Path, revision: str) -> Iterator[Engine]:
    """For a fixture with params sqlite/postgres: an engine whose schema is at `revision`."""
    if request.param == "sqlite":
        engine = create_engine_for(None, tmp_path)
    else:
        engine = create_engine_for(request.getfixturevalue("pg_schema_url"))
    upgrade_to(engine, revision)
    yield engine
    engine.dispose()
