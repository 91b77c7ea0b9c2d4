"""What every app needs as a window of the demo office: a place, screenshots, a clean stop."""

from __future__ import annotations

import argparse
import logging
import signal
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

log = logging.getLogger(__name__)


def add_showcase_arguments(parser: argparse.ArgumentParser) -> None:
    """--geometry X,Y,W,H, --shots DIR and --shot-every SECONDS (real seconds)."""
    parser.add_argument("--geometry", default=None, help="X,Y,WIDTH,HEIGHT of the window")
    parser.add_argument("--shots", type=Path, default=None, help="write screenshots here")
    parser.add_argument("--shot-every", type=float, default=30.0, help="seconds between them")


class Showcase(QObject):
    """Places a window and saves a screenshot of it every `every` seconds as NAME-NNN.png."""

    def __init__(self, window: QWidget, name: str, args: argparse.Namespace) -> None:
        super().__init__(window)
        self.window = window
        self.name = name
        self.shots: Path | None = args.shots
        self.count = 0
        if args.geometry:
            x, y, width, height = (int(part) for part in args.geometry.split(","))
            window.setGeometry(x, y, width, height)
        self.timer = QTimer(self)
        self.timer.setInterval(max(200, round(args.shot_every * 1000)))
        self.timer.timeout.connect(self.shoot)

    def start(self) -> None:
        """Begin taking screenshots (when a folder was named)."""
        if self.shots is not None:
            self.shots.mkdir(parents=True, exist_ok=True)
            self.timer.start()

    def shoot(self) -> None:
        """Save the window as it looks now."""
        if self.shots is None:
            return
        self.count += 1
        path = self.shots / f"{self.name}-{self.count:03d}.png"
        if self.window.grab().save(str(path)):
            print(f"screenshot {path}", flush=True)
        else:
            log.warning("cannot save the screenshot %s", path)


def stop_on_signals(
    app: QApplication, stop: Callable[[], None], showcase: Showcase | None = None
) -> QTimer:
    """SIGINT and SIGTERM take a last screenshot and call `stop`; a timer lets Python run its
    handlers during Qt's loop."""

    def handle(*_: object) -> None:
        if showcase is not None:
            showcase.shoot()
        stop()

    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, handle)
    wake = QTimer(app)
    wake.timeout.connect(lambda: None)
    wake.start(200)
    return wake
