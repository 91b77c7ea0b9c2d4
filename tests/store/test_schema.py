"""The migration builds exactly the models' schema, idempotently; SQLite runs durable."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect, select, text, update
from sqlalchemy.exc import StatementError

from server.db.engine import MIGRATIONS, create_engine_for, migrate, write_session
from server.db.models import AppointmentRow, Base, EventSeqRow

TABLES = {
    "alarms",
    "appointments",
    "counters",
    "device_status",
    "devices",
    "event_seq",
    "events",
    "idempotency_keys",
    "sessions",
    "tickets",
    "users",
}


def test_migration_matches_the_models(engine: Engine) -> None:
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        assert diff == []
        assert set(inspect(conn).get_table_names()) >= TABLES
        version = conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
    heads = ScriptDirectory(str(MIGRATIONS)).get_heads()
    assert heads == [version]  # one head: two branches' migrations were not left side by side


def test_migrate_again_changes_nothing(engine: Engine) -> None:
    with write_session(engine) as session:
        session.execute(update(EventSeqRow).values(value=41))
    migrate(engine)
    migrate(engine)
    with engine.connect() as conn:
        assert conn.execute(select(EventSeqRow.value)).scalars().all() == [41]
        assert conn.execute(text("SELECT count(*) FROM alembic_version")).scalar_one() == 1


def test_fresh_sqlite_file_in_the_data_dir(tmp_path: Path) -> None:
    engine = create_engine_for(None, tmp_path / "data")
    try:
        migrate(engine)
        assert (tmp_path / "data" / "aufruf.sqlite3").is_file()
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar_one() == "wal"
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar_one() == 2  # FULL
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar_one() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar_one() == 30_000
            assert set(inspect(conn).get_table_names()) >= TABLES
    finally:
        engine.dispose()


def test_sqlite_write_transactions_begin_immediate(tmp_path: Path) -> None:
    engine = create_engine_for(None, tmp_path)
    other = sqlite3.connect(tmp_path / "aufruf.sqlite3", timeout=0, isolation_level=None)
    try:
        migrate(engine)
        # Another writer cannot start while a write transaction is open, although it has
        # written nothing yet: the write lock is taken at BEGIN.
        with write_session(engine), pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
        other.execute("BEGIN IMMEDIATE")
        other.execute("ROLLBACK")
    finally:
        other.close()
        engine.dispose()


def test_sqlite_refuses_memory_database() -> None:
    with pytest.raises(ValueError, match="SQLite file"):
        create_engine_for("sqlite:///:memory:")


@pytest.mark.postgres
def test_plain_postgresql_url_uses_psycopg3(pg_schema_url: str) -> None:
    engine = create_engine_for(pg_schema_url.replace("postgresql+psycopg://", "postgresql://"))
    try:
        assert engine.dialect.driver == "psycopg"
        migrate(engine)
        with engine.connect() as conn:
            assert conn.execute(select(EventSeqRow.value)).scalar_one() == 0
    finally:
        engine.dispose()


def test_naive_times_are_refused(engine: Engine) -> None:
    naive = datetime(2026, 1, 1)  # noqa: DTZ001 -- the point of the test
    row = AppointmentRow(number="n", service_id="general", scheduled_at=naive, name="")
    with write_session(engine) as session:
        session.add(row)
        with pytest.raises(StatementError, match="naive datetime"):
            session.flush()
        session.rollback()
