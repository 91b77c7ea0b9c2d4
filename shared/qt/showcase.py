"""What every app needs as a window of the demo office: a place, screenshots, a clean stop.

A window is placed by `--geometry X,Y,W,H`, or asks the demo for its place (`--place NAME`):
once its content is built it prints ``place NAME WxH X,Y,W,H L,T,R,B`` (its minimum size, the
available geometry of its screen and its frame margins) and takes ``geometry X,Y,W,H`` or
``close`` (no room for it on this screen) from its standard input.
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QRect, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

log = logging.getLogger(__name__)


def add_showcase_arguments(parser: argparse.ArgumentParser) -> None:
    """--geometry X,Y,W,H or --place NAME, --shots DIR and --shot-every SECONDS (real)."""
    parser.add_argument("--geometry", default=None, help="X,Y,WIDTH,HEIGHT of the window")
    parser.add_argument("--place", default=None, help="ask the demo on stdin/stdout for a place")
    parser.add_argument("--shots", type=Path, default=None, help="write screenshots here")
    parser.add_argument("--shot-every", type=float, default=30.0, help="seconds between them")


def _rect(spec: str) -> QRect:
    x, y, width, height = (int(part) for part in spec.split(","))
    return QRect(x, y, width, height)


class Showcase(QObject):
    """Places a window and saves a screenshot of it every `every` seconds as NAME-NNN.png.

    Signals: ``told(str)``, a line from the demo (from the reading thread; handled on the
    GUI thread).
    """

    told = Signal(str)

    def __init__(
        self,
        window: QWidget,
        name: str,
        args: argparse.Namespace,
        *,
        close: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.name = name
        self.shots: Path | None = args.shots
        self.place: str | None = getattr(args, "place", None)
        self.close = close or QApplication.quit
        self.count = 0
        self._asked = False
        if args.geometry:
            window.setGeometry(_rect(args.geometry))
        self.timer = QTimer(self)
        self.timer.setInterval(max(200, round(args.shot_every * 1000)))
        self.timer.timeout.connect(self.shoot)
        self.told.connect(self._told)

    def start(self) -> None:
        """Begin taking screenshots (when a folder was named)."""
        if self.shots is not None:
            self.shots.mkdir(parents=True, exist_ok=True)
            self.timer.start()

    def ready(self) -> None:
        """The window has its content: ask the demo where it goes (once, with `--place`)."""
        if self.place is None or self._asked:
            return
        self._asked = True
        window = self.window
        hint, least = window.minimumSizeHint(), window.minimumSize()
        width, height = max(hint.width(), least.width()), max(hint.height(), least.height())
        screen = window.screen().availableGeometry()
        frame, inner = window.frameGeometry(), window.geometry()
        margins = (
            inner.left() - frame.left(),
            inner.top() - frame.top(),
            frame.right() - inner.right(),
            frame.bottom() - inner.bottom(),
        )
        where = f"{screen.x()},{screen.y()},{screen.width()},{screen.height()}"
        print(
            f"place {self.place} {width}x{height} {where} {','.join(map(str, margins))}",
            flush=True,
        )
        threading.Thread(target=self._listen, name="showcase-stdin", daemon=True).start()

    def _listen(self) -> None:
        for line in sys.stdin:
            self.told.emit(line.strip())

    def _told(self, line: str) -> None:
        verb, _, rest = line.partition(" ")
        if verb == "geometry":
            self.window.setGeometry(_rect(rest))
            print(f"{self.place} placed at {rest}", flush=True)
        elif verb == "close":
            print(f"{self.place}: no room on this screen, closed", flush=True)
            self.close()
        else:
            log.warning("the demo said something unknown: %r", line)

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
    """SIGINT and SIGTERM take a last screenshot and call `stop`, once (a Ctrl-C reaches the
    window and then the demo's SIGTERM: one last shot, one stop); a timer lets Python run its
    handlers during Qt's loop.

    The handler only asks the event loop to do it: Python runs a signal handler between any
    two bytecodes, also inside an event filter while Qt is half way through switching a
    stacked page (the old page hidden, the new one not yet shown), and a grab then is one
    colour. From the loop's top the window is whole; after the loop ended nothing is shot.
    """
    stopping: list[bool] = []

    def finish() -> None:
        if showcase is not None:
            showcase.shoot()
        stop()

    def handle(*_: object) -> None:
        if not stopping:
            stopping.append(True)
            QTimer.singleShot(0, app, finish)

    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, handle)
    wake = QTimer(app)
    wake.timeout.connect(lambda: None)
    wake.start(200)
    return wake
