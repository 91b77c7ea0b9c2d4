"""`aufruf backup` and `aufruf restore`: copy the SQLite database, put a copy back."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from server.backup import backup, postgres_guidance, restore, sqlite_path
from server.cli.arguments import USAGE_ERROR
from server.cli.site import database_url_of, existing_database_url, load_site, with_store


def cmd_backup(args: argparse.Namespace) -> int:
    """Copy the hub's SQLite database consistently, also while the hub runs."""
    url = existing_database_url(args, load_site(args))
    database = sqlite_path(url)
    if database is None:
        print(postgres_guidance(url, args.file, restore=False), file=sys.stderr)
        return USAGE_ERROR
    tickets = backup(database, args.file)
    print(f"backed up {database} to {args.file} ({tickets} tickets)")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    """Put a backup in place of the hub's SQLite database (the hub must be stopped)."""
    url = database_url_of(args, load_site(args))
    database = sqlite_path(url)
    if database is None:
        print(postgres_guidance(url, args.file, restore=True), file=sys.stderr)
        return USAGE_ERROR
    tickets = restore(args.file, database)
    print(f"restored {args.file} into {database} ({tickets} tickets); start the hub again")
    return 0


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `backup` and `restore`."""
    save = with_store(sub.add_parser("backup", help="copy the database (also while it runs)"))
    save.add_argument("file", type=Path, help="the backup file to write")
    save.set_defaults(func=cmd_backup)
    back = with_store(sub.add_parser("restore", help="put a backup in place (hub stopped)"))
    back.add_argument("file", type=Path, help="a file `aufruf backup` wrote")
    back.set_defaults(func=cmd_restore)
