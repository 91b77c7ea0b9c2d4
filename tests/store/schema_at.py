"""A store's database still at an older migration (SQLite or the test PostgreSQL), and the
query plans SQLite chose for a block's statements."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, event

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


@contextmanager
def sqlite_plans(engine: Engine, *starts: str) -> Iterator[list[str]]:
    """SQLite's query plan of each statement run in the block that starts with one of
    `starts`; the list is filled when the block ends."""
    statements: list[tuple[str, Any]] = []

    def record(*args: Any) -> None:
        if args[2].lstrip().startswith(starts):
            statements.append((args[2], args[3]))

    plans: list[str] = []
    event.listen(engine, "before_cursor_execute", record)
    try:
        yield plans
    finally:
        event.remove(engine, "before_cursor_execute", record)
    with engine.connect() as conn:
        plans.extend(
            " ".join(row[3] for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", params))
            for sql, params in statements
        )
