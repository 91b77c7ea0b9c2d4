"""The site file and database a command works on: `--config`, `--database-url`, the `Store`."""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from server.backup import sqlite_path
from server.cli.arguments import UsageError
from server.db.engine import database_url
from server.store import Store, create_engine_for, migrate
from shared.clock import SystemClock
from shared.config import OfficeConfig, load_config

DEFAULT_CONFIG = Path("/etc/aufruf/office.toml")


def load_site(args: argparse.Namespace) -> OfficeConfig:
    """The site file of `--config`, else `$AUFRUF_CONFIG`, else `DEFAULT_CONFIG`."""
    path = args.config or Path(os.environ.get("AUFRUF_CONFIG") or DEFAULT_CONFIG)
    return load_config(path)


def open_store(args: argparse.Namespace) -> Store:
    """The site's store, its database migrated to the newest schema."""
    config = load_site(args)
    url = args.database_url or config.server.database_url
    engine = create_engine_for(url, config.server.data_dir)
    migrate(engine)
    return Store(engine, config.to_site(), SystemClock())


POINT_AT_IT = "point at the hub's with --config (its site file) or --database-url"


def existing_database_url(args: argparse.Namespace, config: OfficeConfig) -> str:
    """The database URL for a read-only command, which creates nothing: its SQLite file (and
    data dir) must be there; else a UsageError naming the path and how to point at the right
    one (a wrong data dir must not give an empty new database and a report of zeros)."""
    url = database_url(
        args.database_url or config.server.database_url, config.server.data_dir, make_dir=False
    )
    database = sqlite_path(url)
    if database is not None and not database.is_file():
        raise UsageError(f"there is no database at {database}; {POINT_AT_IT}")
    return url


@contextmanager
def existing_store(args: argparse.Namespace) -> Iterator[Store]:
    """The store of a read-only command (`report`, `device list`, `user list`), its database
    connections closed on leaving. The database must exist and have Aufruf's tables (else a
    UsageError: it is neither created nor migrated from nothing); an older schema of ours is
    brought to the newest, as the hub does at its start."""
    config = load_site(args)
    url = existing_database_url(args, config)
    shown = make_url(url).render_as_string(hide_password=True)
    engine = create_engine_for(url)
    try:
        try:
            ours = inspect(engine).has_table("alembic_version")
        except DBAPIError as exc:
            first = str(exc.orig).strip().splitlines()[0] if str(exc.orig).strip() else ""
            raise UsageError(f"cannot read the database {shown}: {first}") from None
        if not ours:
            raise UsageError(f"the database {shown} has no Aufruf tables; {POINT_AT_IT}")
        migrate(engine)
        yield Store(engine, config.to_site(), SystemClock())
    finally:
        engine.dispose()


def database_url_of(args: argparse.Namespace, config: OfficeConfig) -> str:
    """The database URL: `--database-url`, else the site file's (relative to its data dir)."""
    return database_url(args.database_url or config.server.database_url, config.server.data_dir)


def with_store(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """Give a command the `--config` and `--database-url` options."""
    parser.add_argument(
        "--config",
        type=Path,
        default=None,
        help=f"the site file (default: $AUFRUF_CONFIG or {DEFAULT_CONFIG})",
    )
    parser.add_argument("--database-url", default=None, help="overrides [server] database_url")
    return parser
