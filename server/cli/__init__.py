"""The `aufruf` command: run the hub, check the site file, pair devices, add users, demo.

One module per command group, each with its `cmd_…` functions and an `add_commands(sub)` that
adds its sub-commands: `hub` (server), `config` (init, check-config), `device`, `user`,
`appointments`, `report` (figures for the council), `backup` (backup, restore), `demo`, `apps`
(kiosk, counter, display); `site` (the site file, `--config`/`--database-url`, the store),
`arguments` (value types, exit code 2) and `table` (the tab-separated lists) are what they
share. Heavy modules (the server, the demo, the apps) load only inside the command that runs
them.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence

from server.backup import BackupError
from server.cli import appointments, apps, backup, config, demo, device, hub, report, user
from server.cli.appointments import cmd_appointments_import
from server.cli.apps import cmd_counter, cmd_display, cmd_kiosk
from server.cli.arguments import USAGE_ERROR, UsageError
from server.cli.backup import cmd_backup, cmd_restore
from server.cli.config import cmd_check_config, cmd_init
from server.cli.demo import cmd_demo
from server.cli.device import cmd_device_add, cmd_device_list, cmd_device_revoke
from server.cli.hub import cmd_server
from server.cli.report import cmd_report
from server.cli.site import DEFAULT_CONFIG
from server.cli.user import cmd_user_add, cmd_user_disable, cmd_user_enable, cmd_user_list
from server.errors import StoreError
from server.logs import configure_logging
from shared.config import ConfigError

__all__ = [
    "DEFAULT_CONFIG",
    "USAGE_ERROR",
    "UsageError",
    "build_parser",
    "cmd_appointments_import",
    "cmd_backup",
    "cmd_check_config",
    "cmd_counter",
    "cmd_demo",
    "cmd_device_add",
    "cmd_device_list",
    "cmd_device_revoke",
    "cmd_display",
    "cmd_init",
    "cmd_kiosk",
    "cmd_report",
    "cmd_restore",
    "cmd_server",
    "cmd_user_add",
    "cmd_user_disable",
    "cmd_user_enable",
    "cmd_user_list",
    "execute",
    "main",
]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of `aufruf`."""
    parser = argparse.ArgumentParser(prog="aufruf", description="Aufruf call-up system hub")
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for group in (hub, config, device, user, appointments, report, backup, demo, apps):
        group.add_commands(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `aufruf` console script."""
    args = build_parser().parse_args(argv)
    configure_logging(logging.DEBUG if args.verbose else logging.INFO)
    return execute(args)


def execute(args: argparse.Namespace) -> int:
    """Run a parsed command; bad input is printed and gives exit code 2."""
    func: Callable[[argparse.Namespace], int] = args.func
    try:
        return func(args)
    except (BackupError, ConfigError, StoreError, UsageError) as exc:
        print(f"aufruf: error: {exc}", file=sys.stderr)
        return USAGE_ERROR
    except BrokenPipeError:  # `aufruf report | head`: the reader has gone, nothing to say
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        return 130
