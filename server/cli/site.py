"""The site file and database a command works on: `--config`, `--database-url`, the `Store`."""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

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


@contextmanager
def store_of(args: argparse.Namespace) -> Iterator[Store]:
    """`open_store` whose database connections are closed on leaving (in-process callers)."""
    config = load_site(args)
    url = args.database_url or config.server.database_url
    engine = create_engine_for(url, config.server.data_dir)
    try:
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
