"""`aufruf backup` / `aufruf restore`: a consistent copy of the SQLite database, taken live.

The copy uses SQLite's online backup API (`sqlite3.Connection.backup`) in one step: it reads
one snapshot of the database (WAL mode: the hub keeps writing meanwhile) and writes it to a
temporary file that is checked and then renamed, so FILE is either the old or a whole backup.
A running hub holds a shared `flock` on its database file; `restore` takes it exclusively, so
it refuses to run under a live hub. PostgreSQL: the commands print the `pg_dump`/`pg_restore`
lines to use instead (its own tools do it better).
"""

from __future__ import annotations

import fcntl
import logging
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import IO

from sqlalchemy.engine import make_url

log = logging.getLogger(__name__)


class BackupError(Exception):
    """A backup or restore that cannot be done; the message says why and what to do."""


def sqlite_path(url: str) -> Path | None:
    """The database file of a SQLite URL; None for another database."""
    parsed = make_url(url)
    if not parsed.drivername.startswith("sqlite"):
        return None
    if not parsed.database or parsed.database == ":memory:":
        raise BackupError(f"{url} is not a database file")
    return Path(parsed.database)


def postgres_guidance(url: str, file: Path, *, restore: bool) -> str:
    """What to run for a PostgreSQL database (its own tools make the consistent dump)."""
    parsed = make_url(url).set(drivername="postgresql")
    shown = parsed.render_as_string(hide_password=True)
    if restore:
        return (
            "The hub's database is PostgreSQL: restore it with pg_restore.\n"
            "Stop the hub first (systemctl stop aufruf-server), then run:\n"
            f"  pg_restore --clean --if-exists --no-owner --dbname '{shown}' {file}\n"
            "and start the hub again (systemctl start aufruf-server)."
        )
    return (
        "The hub's database is PostgreSQL: back it up with pg_dump (consistent while it runs):\n"
        f"  pg_dump --format=custom --file {file} '{shown}'\n"
        "(the password: a ~/.pgpass entry or PGPASSWORD)."
    )


@contextmanager
def hub_lock(database: Path) -> Iterator[None]:
    """Held by a running hub: a shared lock on its SQLite file (`restore` takes it exclusively)."""
    with _open_for_lock(database) as handle:
        fcntl.flock(handle, fcntl.LOCK_SH)
        yield


def _open_for_lock(database: Path) -> IO[bytes]:
    return database.open("rb")  # flock is separate from SQLite's own (fcntl) locks


def backup(database: Path, file: Path) -> int:
    """Copy the live database to `file` consistently; return the number of tickets in it."""
    if not database.exists():
        raise BackupError(f"there is no database at {database}")
    partial = file.with_name(f".{file.name}.partial")
    partial.unlink(missing_ok=True)
    try:
        source = sqlite3.connect(database, timeout=30)
        with closing(source), closing(sqlite3.connect(partial)) as target:
            source.backup(target)  # pages=-1: one step, one snapshot
        tickets = _check(partial)
        partial.replace(file)
    except sqlite3.Error as exc:
        raise BackupError(f"cannot back up {database} to {file}: {exc}") from exc
    except OSError as exc:
        raise BackupError(f"cannot write {file}: {exc}") from exc
    finally:
        partial.unlink(missing_ok=True)
    log.info("backed up %s to %s (%d tickets)", database, file, tickets)
    return tickets


def restore(file: Path, database: Path) -> int:
    """Replace the database's content by the backup's; refused while a hub uses it."""
    if not file.exists():
        raise BackupError(f"there is no backup at {file}")
    try:
        tickets = _check(file)
    except sqlite3.Error as exc:
        raise BackupError(f"{file} is not an Aufruf database backup: {exc}") from exc
    database.parent.mkdir(parents=True, exist_ok=True)
    database.touch(exist_ok=True)
    with _open_for_lock(database) as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BackupError(
                f"a hub is running on {database}; stop it first "
                "(systemctl stop aufruf-server), restore, then start it again"
            ) from None
        try:
            source = sqlite3.connect(file)
            with closing(source), closing(sqlite3.connect(database, timeout=30)) as target:
                source.backup(target)
        except sqlite3.Error as exc:
            raise BackupError(f"cannot restore {file} into {database}: {exc}") from exc
    log.info("restored %s into %s (%d tickets)", file, database, tickets)
    return tickets


def _check(file: Path) -> int:
    """The number of tickets in a database file that is whole and has Aufruf's schema."""
    with closing(sqlite3.connect(file)) as conn:
        problems = conn.execute("PRAGMA quick_check").fetchall()
        if problems != [("ok",)]:
            raise sqlite3.DatabaseError(f"damaged: {problems[:3]}")
        conn.execute("SELECT version_num FROM alembic_version").fetchone()
        count: int = conn.execute("SELECT count(*) FROM tickets").fetchone()[0]
        return count
