"""The demo office's kiosk: the real kiosk app in a window, touched by scripted visitors.

`python -m kiosk.qt.demo --server URL --token T --config FILE` (started by `aufruf demo`).
Each visitor uses the kiosk's own model as a person would. A walk-in touches a language, "no
appointment", a concern, "print ticket", "finished". A booked visitor holds the booking
letter's code under the scanner (`KioskModel.scanned`): the day's appointments come from
`--appointments` (what the office imported into the hub), read on the office's clock
(`--clock`); now and then one comes too early or too late and is refused. The ticket goes to
the printer the site file names, or to `--printer-port` (the demo's network printer emulator).
"""

from __future__ import annotations

import argparse
import csv
import logging
import random
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

from kiosk.model import KioskModel
from kiosk.qt.app import KioskApp, KioskOptions
from kiosk.way import Screen, ViewState
from shared.checkin import CheckInWindow
from shared.clock import Clock, ScaledClock, SystemClock
from shared.config import NetworkPrinter, load_config
from shared.pairing import TokenStore
from shared.qt.showcase import Showcase, add_showcase_arguments, stop_on_signals

log = logging.getLogger(__name__)

MEAN_ARRIVAL = 150.0
"""Office seconds between two visitors at this kiosk, on average."""
LANGUAGES = ("de", "de", "en", "ar", "tr", "uk", "fa")
CHECK_IN = 0.4
"""How often a visitor with a booking due now comes to check in (else a walk-in comes)."""
MISTAKE = 0.05
"""How often a visitor comes with a booking too early or too late to check in."""


@dataclass(frozen=True)
class Booking:
    """An appointment of the day: the number on the booking letter and the booked time."""

    number: str
    at: datetime


def read_bookings(path: Path) -> list[Booking]:
    """The `number,booked_at` CSV the demo wrote (booked_at ISO with its zone)."""
    with path.open(encoding="utf-8", newline="") as file:
        return [
            Booking(row["number"], datetime.fromisoformat(row["booked_at"]))
            for row in csv.DictReader(file)
        ]


class SilentSpeaker:
    """The demo reads nothing aloud (many windows, one loudspeaker)."""

    def available(self, language: str) -> bool:  # noqa: ARG002 - the protocol's signature
        """No voice for any language."""
        return False

    def speak(self, text: str, language: str) -> None:
        """Say nothing."""


class Visitors(QObject):
    """Scripted visitors: one touch on the kiosk's model every step, like a person's."""

    def __init__(
        self,
        app: KioskApp,
        speed: float,
        rng: random.Random,
        *,
        clock: Clock | None = None,
        bookings: Sequence[Booking] = (),
        concerns: Sequence[str] = (),
    ) -> None:
        super().__init__(app)
        self.app = app
        self.speed = speed
        self.rng = rng
        self.clock: Clock = clock or SystemClock()
        self.bookings = list(bookings)
        self.concerns = frozenset(concerns)
        """What walk-ins come for (the concerns the office's open counters serve; all: empty)."""
        self.window = CheckInWindow()
        self.scanned: str | None = None
        """The booking number the visitor in front of the kiosk scanned."""
        self.next_visitor = time.monotonic()
        self.reported: set[str] = set()
        self.showcase: Showcase | None = None
        """Asked for the window's place once the kiosk has its screens."""
        self.timer = QTimer(self)
        self.timer.setInterval(max(100, round(20_000 / speed)))  # ~20 office seconds a touch
        self.timer.timeout.connect(self.step)

    def step(self) -> None:
        """The visitor in front of the kiosk does the next thing."""
        model = self.app.model
        if model is not None and self.showcase is not None:
            self.showcase.ready()
        if model is None or model.pending is not None:
            return
        state = model.view_state()
        if state.screen is Screen.START:
            if time.monotonic() >= self.next_visitor:
                self._arrive(model)
        elif state.screen is Screen.WAY:
            model.choose_walk_in()
        elif state.screen is Screen.CONCERNS:
            self._choose_concern(model)
        elif state.screen is Screen.DOCUMENTS:
            model.print_ticket()
        elif state.screen in (Screen.TICKET, Screen.REFUSED):
            self._leave(model, state)
        elif state.screen is Screen.NOTE_NUMBER:
            model.done()
        elif state.screen is Screen.RECEPTION:
            model.start_over()

    def _leave(self, model: KioskModel, state: ViewState) -> None:
        """The ticket (once printed) or the refusal read: "finished", and the next visitor."""
        if state.screen is Screen.TICKET:
            self._report(model)
            if state.printing:
                return
        elif self.scanned is not None:
            reason = state.refusal.value if state.refusal else "other"
            print(f"kiosk: check-in {self.scanned} refused ({reason})", flush=True)
            self.scanned = None
        model.done()
        self._next()

    def _arrive(self, model: KioskModel) -> None:
        """The next visitor: a booked one scans the letter's code, a walk-in chooses."""
        booking = self._booking()
        model.touched()
        if booking is None:
            model.choose_language(self.rng.choice(LANGUAGES))
            return
        self.scanned = booking.number
        model.scanned(booking.number)

    def _booking(self) -> Booking | None:
        """The booking this visitor holds: one due now, or now and then one too early or late."""
        now = self.clock.now()
        due = [b for b in self.bookings if self.window.judge(b.at, now) is None]
        wrong = [b for b in self.bookings if self.window.judge(b.at, now) is not None]
        roll = self.rng.random()
        if due and roll < CHECK_IN:
            booking = due[0]
        elif wrong and roll > 1 - MISTAKE:
            booking = self.rng.choice(wrong)
        else:
            return None
        self.bookings.remove(booking)
        return booking

    def _next(self) -> None:
        wait = self.rng.expovariate(1 / MEAN_ARRIVAL) / self.speed
        self.next_visitor = time.monotonic() + wait

    def _choose_concern(self, model: KioskModel) -> None:
        open_ones = [
            c
            for c in model.view_state().concerns
            if not c.quota_used_up and (not self.concerns or c.id in self.concerns)
        ]
        if open_ones:
            model.choose_concern(self.rng.choice(open_ones).id)
        else:
            model.start_over()

    def _report(self, model: KioskModel) -> None:
        issued = model.view_state().issued
        if issued is not None and issued.number not in self.reported:
            self.reported.add(issued.number)
            if self.scanned is not None:
                print(f"kiosk: check-in {self.scanned} as {issued.number}", flush=True)
                self.scanned = None
            print(f"kiosk: ticket {issued.number} issued", flush=True)


def build_parser() -> argparse.ArgumentParser:
    """The demo kiosk's options."""
    parser = argparse.ArgumentParser(prog="python -m kiosk.qt.demo")
    parser.add_argument("--server", required=True, help="the hub's URL")
    parser.add_argument("--token", required=True, help="the kiosk's device token")
    parser.add_argument("--config", type=Path, required=True, help="the site file")
    parser.add_argument("--printer-port", type=int, default=None, help="a network printer")
    parser.add_argument("--speed", type=float, default=20.0, help="time lapse factor")
    parser.add_argument("--clock", default=None, help="the office's clock (ScaledClock.spec)")
    parser.add_argument("--appointments", type=Path, default=None, help="number,booked_at CSV")
    parser.add_argument("--concerns", default="", help="what walk-ins come for (ids, commas)")
    add_showcase_arguments(parser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the scripted kiosk until SIGINT/SIGTERM."""
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    config = load_config(args.config)
    kiosk = config.kiosks[0]
    if args.printer_port is not None:
        printer = NetworkPrinter.model_validate(
            {"transport": "network", "host": "127.0.0.1", "port": args.printer_port}
        )
        kiosk = kiosk.model_copy(update={"printer": printer})
    app = QApplication.instance() or QApplication(["aufruf-demo-kiosk"])
    assert isinstance(app, QApplication)
    with tempfile.TemporaryDirectory(prefix="aufruf-demo-kiosk-") as folder:
        tokens = TokenStore("kiosk", Path(folder))
        tokens.save(args.token)
        options = KioskOptions(
            server_url=args.server, windowed=True, token_store=tokens, speaker=SilentSpeaker()
        )
        kiosk_app = KioskApp(config, kiosk, options)
        clock = ScaledClock.from_spec(args.clock) if args.clock else SystemClock()
        bookings = read_bookings(args.appointments) if args.appointments else []
        visitors = Visitors(
            kiosk_app,
            args.speed,
            random.Random(),
            clock=clock,
            bookings=bookings,
            concerns=[c for c in args.concerns.split(",") if c],
        )
        kiosk_app.start()
        showcase = Showcase(kiosk_app.window, "kiosk", args, close=kiosk_app.stop)
        visitors.showcase = showcase
        showcase.start()
        wake = stop_on_signals(app, kiosk_app.stop, showcase)
        visitors.timer.start()
        print("kiosk window ready", flush=True)
        code = app.exec()
        wake.stop()
        kiosk_app.shutdown()
    return code


if __name__ == "__main__":
    sys.exit(main())
