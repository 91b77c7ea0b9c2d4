"""`aufruf appointments import`: read booked appointments from a CSV file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from server.cli.arguments import USAGE_ERROR, UsageError
from server.cli.site import open_store, with_store


def cmd_appointments_import(args: argparse.Namespace) -> int:
    """Import appointments from a CSV file."""
    try:
        text = Path(args.file).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read {args.file}: {exc}") from exc
    result = open_store(args).import_appointments(text)
    print(f"imported {result.imported}, skipped {result.skipped}")
    for error in result.errors:
        print(f"  {error}", file=sys.stderr)
    return 0 if not result.errors else USAGE_ERROR


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `appointments` and its action."""
    appointments = sub.add_parser("appointments", help="appointments").add_subparsers(
        dest="action", required=True, metavar="ACTION"
    )
    imp = with_store(appointments.add_parser("import", help="import a CSV of appointments"))
    imp.add_argument("file", type=Path)
    imp.set_defaults(func=cmd_appointments_import)
