"""`aufruf display`: parse the command line, start the wall display, run Qt."""

from __future__ import annotations

import argparse
import logging
import signal
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from display.qt.app import DisplayApp, DisplayOptions, application

log = logging.getLogger(__name__)

__all__ = ["build_parser", "main"]


def build_parser() -> argparse.ArgumentParser:
    """The display's options."""
    parser = argparse.ArgumentParser(prog="aufruf display", description="the wall display")
    parser.add_argument("--server", default=None, help="the hub's URL (default: zeroconf)")
    parser.add_argument("--windowed", action="store_true", help="a normal window, not full screen")
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging")
    parser.add_argument(
        "--stamp-paints",
        type=Path,
        default=None,
        help="append a line per painted board to this file (bench/display_latency.py)",
    )
    return parser


def _stop_on_signals(app: QApplication) -> QTimer:
    """SIGINT and SIGTERM quit the event loop."""
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: app.quit())
    wake = QTimer(app)  # lets Python run its signal handlers while Qt waits
    wake.start(500)
    return wake


def main(argv: Sequence[str] | None = None) -> int:
    """Run the display until a signal ends it."""
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        datefmt="%H:%M:%S",
    )
    app = application()
    wake = _stop_on_signals(app)
    options = DisplayOptions(
        server_url=args.server, windowed=args.windowed, paint_stamps=args.stamp_paints
    )
    display = DisplayApp(options)
    display.start()
    code = app.exec()
    wake.stop()
    display.shutdown()
    return code


if __name__ == "__main__":
    sys.exit(main())
