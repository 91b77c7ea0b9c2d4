"""The demo office's counter: the real counter app in a window, worked by a scripted clerk.

`python -m counter.qt.demo --server URL --user NAME --password PW --counter ID` (started by
`aufruf demo`). The clerk uses the counter's own model as a person uses its buttons: logs in,
sits down at the counter, presses Next, greets the visitor (start) and finishes. The counter
runs on the office's clock (`--clock`), so the waits it shows are the hub's; at each call it
prints the waits its list shows, with the time its clock says.
"""

from __future__ import annotations

import argparse
import logging
import random
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from counter.qt.app import TICK_MS, CounterApp, CounterOptions
from counter.state import Phase, ViewState
from shared.clock import Clock, ScaledClock, SystemClock
from shared.domain import TicketStatus
from shared.qt.showcase import Showcase, add_showcase_arguments, stop_on_signals

log = logging.getLogger(__name__)


class Clerk(QObject):
    """A scripted clerk: one press on the counter's model when the last one has been answered."""

    def __init__(
        self, app: CounterApp, args: argparse.Namespace, rng: random.Random, clock: Clock
    ) -> None:
        super().__init__(app)
        self.app = app
        self.clock = clock
        self.args = args
        self.rng = rng
        self.speed: float = args.speed
        self.not_before = time.monotonic()
        self.timer = QTimer(self)
        self.timer.setInterval(max(100, round(10_000 / self.speed)))  # every ~10 office seconds
        self.timer.timeout.connect(self.step)

    def _later(self, low: float, high: float) -> None:
        """The clerk's next press comes after `low`-`high` office seconds."""
        self.not_before = time.monotonic() + self.rng.uniform(low, high) / self.speed

    def step(self) -> None:
        """Press the next button, when the model is not busy and the clerk is ready."""
        model = self.app.model
        state = model.view_state()
        if state.busy or model.pending is not None or time.monotonic() < self.not_before:
            return
        if state.phase is Phase.LOGIN:
            if self.app.client is not None:
                model.login(self.args.user, self.args.password)
                self._later(5, 10)
        elif state.phase is Phase.CHOOSE_COUNTER:
            model.choose_counter(self.args.counter)
        elif state.current is None:
            model.call_next()
            self._later(30, 60)  # nobody waits: try again in a while
        elif state.current.status is TicketStatus.CALLED:
            print(f"{self.args.counter}: calls {state.current.number}", flush=True)
            self._report_waits()
            model.start()
            self._later(120, 600)
        elif state.current.status is TicketStatus.SERVING:
            model.finish()
            self._later(10, 40)

    def _report_waits(self) -> None:
        """`c1: at 2026-11-23T08:14:05+00:00 waiting A043 12, T1002 3` as the list shows it."""
        now = self.clock.now()
        self.app.model.tick()  # the waits as of now, as the next repaint shows them
        state: ViewState = self.app.model.view_state()
        waits = ", ".join(f"{t.number} {t.waited_minutes}" for t in state.waiting.next_tickets)
        print(f"{self.args.counter}: at {now.isoformat()} waiting {waits or '-'}", flush=True)


def build_parser() -> argparse.ArgumentParser:
    """The demo counter's options."""
    parser = argparse.ArgumentParser(prog="python -m counter.qt.demo")
    parser.add_argument("--server", required=True, help="the hub's URL")
    parser.add_argument("--user", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--counter", required=True, help="the counter's id")
    parser.add_argument("--speed", type=float, default=20.0, help="time lapse factor")
    parser.add_argument("--clock", default=None, help="the office's clock (ScaledClock.spec)")
    add_showcase_arguments(parser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the scripted counter until SIGINT/SIGTERM."""
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    app = QApplication.instance() or QApplication(["aufruf-demo-counter"])
    assert isinstance(app, QApplication)
    with tempfile.TemporaryDirectory(prefix="aufruf-demo-counter-") as folder:
        settings = QSettings(str(Path(folder) / "counter.ini"), QSettings.Format.IniFormat)
        clock = ScaledClock.from_spec(args.clock) if args.clock else SystemClock()
        counter = CounterApp(CounterOptions(server_url=args.server), settings, clock)
        counter.ticker.setInterval(max(1000, round(TICK_MS / args.speed)))  # office time
        clerk = Clerk(counter, args, random.Random(), clock)
        counter.start()
        showcase = Showcase(counter.window, f"counter-{args.counter}", args)
        showcase.start()
        showcase.ready()
        wake = stop_on_signals(app, app.quit, showcase)
        clerk.timer.start()
        print(f"counter {args.counter} window ready", flush=True)
        code = app.exec()
        wake.stop()
        counter.stop()
    return int(code)


if __name__ == "__main__":
    sys.exit(main())
