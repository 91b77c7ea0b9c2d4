"""Engines and transactions: SQLite (WAL, synchronous=FULL, BEGIN IMMEDIATE) or PostgreSQL."""

from __future__ import annotations

import logging
import threading
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from platformdirs import user_data_dir
from sqlalchemy import Engine, create_engine, event, select, text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from server.db.models import EventSeqRow

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"
READ_OPTION = "aufruf_read_only"
BUSY_TIMEOUT_MS = 30_000
_PG_MIGRATE_LOCK = 0x41756652  # "AufR": one migrator at a time
_WRITE_LOCKS: weakref.WeakKeyDictionary[Engine, threading.RLock] = weakref.WeakKeyDictionary()
_LOCKS_GUARD = threading.Lock()


def _writer_lock(engine: Engine) -> threading.RLock:
    """One lock per SQLite engine: threads queue for the writer slot instead of busy-polling."""
    with _LOCKS_GUARD:
        lock = _WRITE_LOCKS.get(engine)
        if lock is None:
            lock = _WRITE_LOCKS[engine] = threading.RLock()
        return lock


def database_url(url: str | None, data_dir: Path | None = None, *, make_dir: bool = True) -> str:
    """The URL itself, or when None that of `aufruf.sqlite3` in the data directory (made,
    unless `make_dir` is false: a read-only command creates nothing)."""
    if url is not None:
        return url
    folder = data_dir if data_dir is not None else Path(user_data_dir("aufruf"))
    if make_dir:
        folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'aufruf.sqlite3'}"


def create_engine_for(url: str | None, data_dir: Path | None = None) -> Engine:
    """An engine for a database URL, or for the SQLite file in the data directory when None."""
    url = database_url(url, data_dir)
    if url.startswith("sqlite"):
        return _sqlite_engine(url)
    for plain in ("postgresql://", "postgres://"):
        if url.startswith(plain):  # psycopg 3 is the driver we ship, not psycopg2
            url = "postgresql+psycopg://" + url.removeprefix(plain)
    return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=30)


def _sqlite_engine(url: str) -> Engine:
    if ":memory:" in url or url.rstrip("/") == "sqlite:":
        raise ValueError("the store needs a SQLite file, not an in-memory database")
    engine = create_engine(url, pool_size=10, max_overflow=30, pool_timeout=60)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = FULL")
            cursor.execute("PRAGMA foreign_keys = ON")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        read_only = conn.get_execution_options().get(READ_OPTION, False)
        conn.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")

    return engine


def read_engine(engine: Engine) -> Engine:
    """The same engine for consistent read-only transactions (no writer lock)."""
    if engine.dialect.name == "postgresql":
        return engine.execution_options(isolation_level="REPEATABLE READ", **{READ_OPTION: True})
    return engine.execution_options(**{READ_OPTION: True})


@contextmanager
def write_session(engine: Engine) -> Iterator[Session]:
    """One write transaction; writers are serialised (BEGIN IMMEDIATE / row lock on event_seq)."""
    if engine.dialect.name == "sqlite":
        # BEGIN IMMEDIATE (see _on_begin) takes SQLite's one writer slot; other processes wait
        # for it in busy_timeout, threads of this process queue fairly on the lock.
        with (
            _writer_lock(engine),
            Session(engine, expire_on_commit=False) as session,
            session.begin(),
        ):
            session.connection()  # BEGIN IMMEDIATE now, not at the first statement
            yield session
        return
    with Session(engine, expire_on_commit=False) as session, session.begin():
        # This row lock orders all writers, so event seqs commit in order and a writer
        # sees everything committed before it (READ COMMITTED takes a new snapshot per statement).
        session.execute(select(EventSeqRow.value).where(EventSeqRow.id == 1).with_for_update())
        yield session


@contextmanager
def read_session(reader: Engine) -> Iterator[Session]:
    """One read-only transaction on an engine from `read_engine` (a consistent snapshot)."""
    with Session(reader, expire_on_commit=False) as session, session.begin():
        yield session


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision (alembic upgrade head); safe to run again."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_MIGRATE_LOCK})
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
    log.info("database schema is at the newest revision")
