"""SQLite's WAL checkpoints off the request path: a thread of the hub does them every second.

In WAL mode a commit appends pages to the write-ahead log; a *checkpoint* copies them back
into the database file and syncs it. By default SQLite runs one inside the commit that takes
the log past 1000 pages (~4 MB): that commit (a clerk's *Next*) then copies megabytes and
waits for the disk. Under a busy hour that was one call in ~40 held up by 50–140 ms
(docs/performance.md). So:

- every connection of ours checkpoints on its own only past `FALLBACK_PAGES` (~40 MB): a
  safety net should this thread not keep up, never reached while it runs;
- the hub runs a `WalCheckpointer`: one thread with its own connection that asks for a
  PASSIVE checkpoint (it waits for no reader and no writer, it copies what it can) every
  `every` seconds, ~100 KB a second in that busy hour. A writer never waits for it.

CLI commands need no thread: SQLite checkpoints when the last connection to the file closes.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from pathlib import Path

from sqlalchemy import Engine

log = logging.getLogger(__name__)

FALLBACK_PAGES = 10_000
"""WAL pages after which a committing connection checkpoints itself (`wal_autocheckpoint`)."""
BEHIND_PAGES = FALLBACK_PAGES // 2
"""A log this long after a checkpoint means readers hold it back: worth a warning."""


def sqlite_file(engine: Engine) -> Path | None:
    """The database file of a SQLite engine; None for any other database."""
    if engine.dialect.name != "sqlite" or not engine.url.database:
        return None
    return Path(engine.url.database)


class WalCheckpointer:
    """Copies a SQLite database's write-ahead log into the file, in its own thread."""

    def __init__(self, path: Path, every: float = 1.0) -> None:
        self.path = path
        self.every = every
        self.rounds = 0
        """Checkpoints asked for (tests wait on it)."""
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._warned = False

    @classmethod
    def for_engine(cls, engine: Engine, every: float = 1.0) -> WalCheckpointer | None:
        """A checkpointer for a SQLite engine's file; None for PostgreSQL (it has none)."""
        path = sqlite_file(engine)
        return None if path is None else cls(path, every)

    def start(self) -> None:
        """Start the thread (once)."""
        if self._thread is None:
            self._stop.clear()
            self._thread = threading.Thread(target=self._run, name="wal-checkpoint", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        """Stop the thread after a last checkpoint (the hub stops)."""
        if self._thread is not None:
            self._stop.set()
            self._thread.join()
            self._thread = None

    def _run(self) -> None:
        try:
            conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        except sqlite3.Error:
            log.exception("cannot open %s for checkpoints; commits will do them", self.path)
            return
        try:
            while not self._stop.wait(self.every):
                self.checkpoint(conn)
            self.checkpoint(conn)
        finally:
            conn.close()

    def checkpoint(self, conn: sqlite3.Connection) -> tuple[int, int]:
        """One PASSIVE checkpoint: (pages in the log, pages copied); (0, 0) when it failed."""
        self.rounds += 1
        try:
            row = conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        except sqlite3.Error as exc:  # a busy or locked file: the next round tries again
            log.warning("WAL checkpoint of %s failed: %s", self.path, exc)
            return 0, 0
        _, pages, copied = (int(v) for v in row)
        if pages - copied > BEHIND_PAGES and not self._warned:
            self._warned = True
            log.warning(
                "the WAL of %s holds %d pages not yet copied: long reads keep the checkpoint "
                "from finishing",
                self.path,
                pages - copied,
            )
        return pages, copied
