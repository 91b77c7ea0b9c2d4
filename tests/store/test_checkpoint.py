"""WAL checkpoints: our connections leave them to the hub's thread, which copies the log
into the database file while writers go on, and a hub on PostgreSQL has none."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from sqlalchemy import Engine, text

from server.db.checkpoint import FALLBACK_PAGES, WalCheckpointer, sqlite_file
from server.db.engine import create_engine_for, write_session
from server.housekeeping import Housekeeper, HousekeepingSchedule
from server.store import Store
from shared.clock import FakeClock
from tests.store.conftest import START, make_site

PAGE = 4096


def _write(engine: Engine, commits: int) -> None:
    """`commits` transactions of about one page each, as the hub's steps do."""
    with write_session(engine) as session:
        session.execute(text("CREATE TABLE IF NOT EXISTS filler (blob BLOB)"))
    for _ in range(commits):
        with write_session(engine) as session:
            session.execute(text("INSERT INTO filler VALUES (randomblob(3000))"))


def _wal_pages(path: Path) -> int:
    wal = path.with_name(path.name + "-wal")
    return wal.stat().st_size // PAGE if wal.exists() else 0


def test_a_commit_does_not_checkpoint_where_sqlite_would(tmp_path: Path) -> None:
    engine = create_engine_for(None, tmp_path)
    try:
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == FALLBACK_PAGES
        path = sqlite_file(engine)
        assert path is not None
        _write(engine, 1200)  # SQLite's own default would have checkpointed at 1000 pages
        assert _wal_pages(path) > 1100
    finally:
        engine.dispose()


def test_the_checkpointer_copies_the_log_while_a_writer_goes_on(tmp_path: Path) -> None:
    engine = create_engine_for(None, tmp_path)
    path = sqlite_file(engine)
    assert path is not None
    checkpointer = WalCheckpointer(path, every=0.01)
    writer = threading.Thread(target=_write, args=(engine, 600))
    try:
        checkpointer.start()
        writer.start()
        writer.join()
        rounds = checkpointer.rounds
        checkpointer.stop()  # a last checkpoint after the writer's last commit
        assert checkpointer.rounds > rounds
        conn = sqlite3.connect(path)
        try:
            assert conn.execute("SELECT count(*) FROM filler").fetchone() == (600,)
            pages, copied = WalCheckpointer(path).checkpoint(conn)
            assert pages == copied  # nothing was left behind
            _write(engine, 10)
            again, _ = WalCheckpointer(path).checkpoint(conn)
        finally:
            conn.close()
        assert pages > 600
        assert again < 100  # all copied: the next commits started the log over
    finally:
        checkpointer.stop()
        engine.dispose()


def test_the_hubs_housekeeping_runs_the_checkpoints_on_sqlite_only(tmp_path: Path) -> None:
    engine = create_engine_for(None, tmp_path)
    try:
        store = Store(engine, make_site(), FakeClock(START))
        keeper = Housekeeper(store, FakeClock(START), HousekeepingSchedule(checkpoint_every=0.01))
        assert keeper.checkpointer is not None
        assert keeper.checkpointer.path == tmp_path / "aufruf.sqlite3"
    finally:
        engine.dispose()
    assert sqlite_file(create_engine_for("postgresql://127.0.0.1/test")) is None
