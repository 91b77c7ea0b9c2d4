"""`aufruf init` and `aufruf check-config`: write a starter site file, validate one."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from server.cli.arguments import USAGE_ERROR, UsageError
from shared.config import check_config, starter_config


def cmd_init(args: argparse.Namespace) -> int:
    """Write the starter site file."""
    path: Path = args.file
    if path.exists() and not args.force:
        raise UsageError(f"{path} exists; use --force to overwrite it")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(starter_config(), encoding="utf-8")
    print(f"wrote {path}; edit it, then run: aufruf check-config {path}")
    return 0


def cmd_check_config(args: argparse.Namespace) -> int:
    """Validate a site file; exit 2 with the errors when it is broken."""
    ok, text = check_config(args.file)
    print(text, file=sys.stdout if ok else sys.stderr)
    return 0 if ok else USAGE_ERROR


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `init` and `check-config`."""
    init = sub.add_parser("init", help="write a starter site file")
    init.add_argument("file", type=Path, nargs="?", default=Path("office.toml"))
    init.add_argument("--force", action="store_true", help="overwrite an existing file")
    init.set_defaults(func=cmd_init)

    check = sub.add_parser("check-config", help="validate a site file")
    check.add_argument("file", type=Path)
    check.set_defaults(func=cmd_check_config)
