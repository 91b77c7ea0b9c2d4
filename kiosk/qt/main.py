"""`aufruf kiosk` (and `aufruf-kiosk`): parse the command line, start the kiosk, run Qt."""

from __future__ import annotations

import argparse
import faulthandler
import logging
import os
import signal
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from kiosk.qt.app import KioskApp, KioskOptions
from shared.config import ConfigError, load_config

log = logging.getLogger(__name__)

__all__ = ["build_parser", "main"]

DEFAULT_CONFIG = Path("/etc/aufruf/office.toml")


def build_parser() -> argparse.ArgumentParser:
    """The kiosk's options."""
    parser = argparse.ArgumentParser(prog="aufruf kiosk", description="the check-in kiosk")
    parser.add_argument("--server", default=None, help="the hub's URL (default: zeroconf)")
    parser.add_argument("--windowed", action="store_true", help="a normal window, not full screen")
    parser.add_argument(
        "--config",
        type=Path,
        default=None,
        help=f"the site file (default: $AUFRUF_CONFIG or {DEFAULT_CONFIG})",
    )
    parser.add_argument("--kiosk", default=None, help="the kiosk's id in the site file")
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging")
    return parser


def _stop_on_signals(app: QApplication, kiosk: KioskApp) -> QTimer:
    """SIGINT and SIGTERM stop the kiosk, whatever the process inherited.

    `KioskApp.stop` unlocks the window first: Qt's quit asks every window to close, and the
    locked kiosk window refuses.
    """
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: kiosk.stop())
    faulthandler.register(signal.SIGUSR1, all_threads=True)  # `kill -USR1`: where is it?
    wake = QTimer(app)  # a Python slot every 200 ms lets Python run its signal handlers
    wake.timeout.connect(lambda: None)
    wake.start(200)
    return wake


def main(argv: Sequence[str] | None = None) -> int:
    """Run the kiosk until the admin PIN or a signal ends it."""
    args = build_parser().parse_args(argv)
    path = args.config or Path(os.environ.get("AUFRUF_CONFIG") or DEFAULT_CONFIG)
    try:
        config = load_config(path)
    except ConfigError as exc:
        print(f"aufruf kiosk: error: {exc}", file=sys.stderr)
        return 2
    if not config.kiosks:
        print(f"aufruf kiosk: error: {path} has no [[kiosks]]", file=sys.stderr)
        return 2
    try:
        kiosk = config.kiosk(args.kiosk) if args.kiosk else config.kiosks[0]
    except KeyError:
        known = ", ".join(k.id for k in config.kiosks)
        print(f"aufruf kiosk: error: no kiosk {args.kiosk!r} (known: {known})", file=sys.stderr)
        return 2
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        datefmt="%H:%M:%S",
        force=True,  # python-escpos configures the root logger when imported
    )
    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    kiosk_app = KioskApp(
        config, kiosk, KioskOptions(server_url=args.server, windowed=args.windowed)
    )
    wake = _stop_on_signals(app, kiosk_app)
    kiosk_app.start()
    code = app.exec()
    wake.stop()
    kiosk_app.shutdown()
    return code


if __name__ == "__main__":
    sys.exit(main())
