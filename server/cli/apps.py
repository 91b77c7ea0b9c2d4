"""`aufruf kiosk|counter|display`: start an app (its Qt code is loaded only then).

The hub never imports Qt or an app: each command finds its app's `main` with `importlib`.
"""

from __future__ import annotations

import argparse
import importlib
from pathlib import Path


def cmd_kiosk(args: argparse.Namespace) -> int:
    """Start the check-in kiosk (its Qt code is loaded only now: the hub never imports Qt)."""
    kiosk_main = importlib.import_module("kiosk.qt.main").main
    argv = list(args.kiosk_args)
    if args.server:
        argv += ["--server", args.server]
    if args.windowed:
        argv.append("--windowed")
    if args.config:
        argv += ["--config", str(args.config)]
    if args.kiosk:
        argv += ["--kiosk", args.kiosk]
    code: int = kiosk_main(argv)
    return code


def cmd_display(args: argparse.Namespace) -> int:
    """Start the wall display (its Qt code is loaded only now: the hub never imports Qt)."""
    display_main = importlib.import_module("display.qt.main").main
    argv = ["--server", args.server] if args.server else []
    if args.windowed:
        argv.append("--windowed")
    code: int = display_main(argv)
    return code


def cmd_counter(args: argparse.Namespace) -> int:
    """Start the clerk's counter app (its Qt code is loaded only now: the hub never imports Qt)."""
    counter_main = importlib.import_module("counter.qt.main").main
    argv = []
    for flag in ("server", "config", "counter", "language", "settings"):
        value = getattr(args, flag)
        if value is not None:
            argv += [f"--{flag}", str(value)]
    code: int = counter_main(argv)
    return code


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `kiosk`, `counter` and `display`."""
    kiosk = sub.add_parser("kiosk", help="run the check-in kiosk (full screen)")
    kiosk.add_argument("--server", default=None, help="the hub's URL (default: zeroconf)")
    kiosk.add_argument("--windowed", action="store_true", help="a window instead of full screen")
    kiosk.add_argument("--config", type=Path, default=None, help="the site file")
    kiosk.add_argument("--kiosk", default=None, help="the kiosk's id in the site file")
    kiosk.set_defaults(func=cmd_kiosk, kiosk_args=[])

    counter = sub.add_parser("counter", help="start the clerk's counter app")
    counter.add_argument("--server", help="the hub's URL (default: zeroconf)")
    counter.add_argument("--config", type=Path, help="the site file (LED sign, receipt printer)")
    counter.add_argument("--counter", help="the counter this PC stands at (default: the last)")
    counter.add_argument("--language", choices=("de", "en"), help="the clerk's language")
    counter.add_argument("--settings", type=Path, help="keep the app's settings in this file")
    counter.set_defaults(func=cmd_counter)

    wall = sub.add_parser("display", help="run the wall display (full screen)")
    wall.add_argument("--server", default=None, help="the hub's URL (default: zeroconf)")
    wall.add_argument("--windowed", action="store_true", help="a window instead of full screen")
    wall.set_defaults(func=cmd_display)
