"""`aufruf demo FILE --windows`: the demo office as real windows, each app in its own process.

The hub runs here (`server.demo.office`), a network printer emulator saves each printed
ticket as a PNG, and the real apps run as child processes (`python -m kiosk.qt.demo`, …): one
kiosk used by scripted visitors through its own model (walk-ins, and check-ins of the day's
appointments, which the office imported into the hub), two counters worked by scripted
clerks through theirs, a wall display in landscape and one in portrait, each paired with its
own token. All run on the hub's clock. The windows are laid out from the screen and their
minimum sizes (`server.demo.layout`); without a screen (no DISPLAY or WAYLAND_DISPLAY) the
same office runs offscreen. Every window saves a screenshot every office half hour; tickets
and screenshots go to one folder, named at start. The hub never imports Qt: the apps are
processes, not imports.
"""

from __future__ import annotations

import asyncio
import logging
import os
import re
import sys
import tempfile
from pathlib import Path

import httpx

from server.demo.children import Child, Children
from server.demo.layout import COUNTERS, KIOSK, LANDSCAPE, PORTRAIT, Rect
from server.demo.office import (
    CLERK_PASSWORD,
    Booking,
    Office,
    OpenOffice,
    import_appointments,
    open_office,
)
from server.demo.placing import Placer, describe
from server.demo.stream import print_calls, run_for, say
from shared.config import OfficeConfig
from shared.domain import Site
from shared.shutdown import interrupt_on_stop_signals, run_until_stopped

log = logging.getLogger(__name__)

READY = re.compile(r"ready at 127\.0\.0\.1:(\d+)")
HALF_HOUR = 1800.0
OFFICE_DAY = 10 * 3600.0
"""What the offscreen demo runs by default: 07:58 to about 18:00 in office time."""
APPOINTMENTS = 40
"""The day's appointments: one every 12 office minutes from 08:08."""
OFFSCREEN = Rect(0, 0, 2560, 1440)
"""The screen the windows are laid out for offscreen (room for all five)."""
WINDOWS = (KIOSK, *COUNTERS, LANDSCAPE, PORTRAIT)
PLACING_TIMEOUT = 120.0
"""Seconds to wait for every window to ask for its place (a bound for a busy machine)."""


def _busiest(site: Site, clerks: dict[str, str]) -> list[tuple[str, str]]:
    """The two counters (and their clerks) that serve the most walk-in services."""
    walk_ins = [s.id for s in site.services.values() if not s.emergency]

    def served(counter_id: str) -> int:
        return sum(site.counters[counter_id].serves(service) for service in walk_ins)

    return sorted(clerks.items(), key=lambda item: -served(item[0]))[:2]


def served(site: Site, counters: list[tuple[str, str]]) -> list[str]:
    """The walk-in services these counters serve (what the demo's visitors come for)."""
    walk_ins = [s.id for s in site.services.values() if not s.emergency]
    return [s for s in walk_ins if any(site.counters[c].serves(s) for c, _ in counters)]


def has_screen() -> bool:
    """Whether a graphical session is there to show windows on."""
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


async def _book(office: Office) -> list[Booking]:
    services = served(office.site, _busiest(office.site, office.clerks))
    async with httpx.AsyncClient(base_url=f"{office.base}/api/v1", timeout=30) as client:
        return await import_appointments(client, office, APPOINTMENTS, services)


def _write_bookings(bookings: list[Booking], path: Path) -> Path:
    rows = ["number,booked_at", *(f"{b.number},{b.at.isoformat()}" for b in bookings)]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


class OfficeWindows:
    """The five windows of the office: started, placed, started again at a smaller scale."""

    def __init__(
        self, children: Children, opened: OpenOffice, config_path: Path, folder: Path, speed: float
    ) -> None:
        self.children = children
        self.opened = opened
        self.config_path = config_path
        self.folder = folder
        self.speed = speed
        self.placer = Placer(WINDOWS, None if has_screen() else OFFSCREEN)
        self.started: list[Child] = []

    def open(self, printer: str) -> None:
        """Start the windows, wait for their questions, place them (smaller when needed)."""
        self._start(printer, {})
        if not self._wait():
            say("not every window asked for its place: they stay where they are")
            return
        layout = self.placer.decide()
        if layout.scale != 1.0:
            say(f"the office needs more room: drawing it at scale {layout.scale:g}")
            self.children.stop(self.started)
            self.placer.forget(layout)
            self._start(printer, {"QT_SCALE_FACTOR": f"{layout.scale:g}"})
        else:
            self.placer.answer_all(layout)
        say(describe(layout))
        if PORTRAIT not in layout.places:
            say("the portrait display does not fit on this screen: left out")

    def _wait(self) -> bool:
        waited = 0.0
        while not self.placer.everyone.wait(0.5):
            waited += 0.5
            ended = any(child.process.poll() is not None for child in self.started)
            if ended or waited >= PLACING_TIMEOUT:
                return False
        return True

    def _start(self, printer: str, env: dict[str, str]) -> None:
        office, speed = self.opened.office, self.speed
        common = ("--speed", f"{speed:g}", "--clock", office.clock.spec())
        shots = (
            "--shots",
            str(self.folder / "screenshots"),
            "--shot-every",
            f"{HALF_HOUR / speed:g}",
        )
        bookings = self.folder / "appointments.csv"
        counters = _busiest(office.site, office.clerks)
        concerns = ",".join(served(office.site, counters))
        self.started = [
            self._window(
                "kiosk.qt.demo",
                *("--server", office.base, f"--token={office.kiosk_tokens[0]}"),
                *("--config", str(self.config_path), "--printer-port", printer),
                *("--appointments", str(bookings), "--concerns", concerns, *common),
                *("--place", KIOSK, *shots),
                env=env,
            )
        ]
        for slot, (counter, user) in zip(COUNTERS, counters, strict=False):
            self.started.append(
                self._window(
                    *("counter.qt.demo", "--server", office.base, "--user", user),
                    *("--password", CLERK_PASSWORD, "--counter", counter, *common),
                    *("--place", slot, *shots),
                    env=env,
                )
            )
        for name in (LANDSCAPE, PORTRAIT):
            self.started.append(
                self._window(
                    *("display.qt.demo", "--server", office.base),
                    *(f"--token={office.display_tokens[name]}", "--name", name),
                    *("--clock", office.clock.spec(), "--place", name, *shots),
                    env=env,
                )
            )

    def _window(self, module: str, *args: str, env: dict[str, str]) -> Child:
        return self.children.start(module, *args, env=env, on_line=self.placer.hear)


def run_windowed_demo(
    config_path: Path,
    config: OfficeConfig,
    *,
    port: int = 0,
    speed: float = 20.0,
    duration: float | None = None,
    out: Path | None = None,
) -> int:
    """Run the office with windows (or offscreen) until a signal or `duration` seconds."""
    interrupt_on_stop_signals()
    folder = out or Path(tempfile.mkdtemp(prefix="aufruf-demo-"))
    folder.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    if not has_screen():
        env["QT_QPA_PLATFORM"] = "offscreen"
    if duration is None and not has_screen():
        duration = OFFICE_DAY / speed
    opened = open_office(config, port=port, speed=speed)
    logging.getLogger("uvicorn.error").setLevel(logging.WARNING)  # a line per connection
    office = opened.office
    screen = "windows" if has_screen() else "offscreen (no screen)"
    print(f"Demo office {office.site.name!r} at {office.base}, {screen}; Ctrl-C ends it.")
    print(f"Printed tickets and screenshots go to {folder}", flush=True)
    children = Children(env)
    try:
        bookings = asyncio.run(_book(office))
        _write_bookings(bookings, folder / "appointments.csv")
        say(f"{len(bookings)} appointments booked for today")
        printer = children.start_and_wait(
            "hardware.emulator", "--port", "0", "--out", str(folder / "tickets"), pattern=READY
        )
        if printer is None:
            print("the printer emulator did not start", file=sys.stderr)
            return 1
        OfficeWindows(children, opened, config_path, folder, speed).open(printer)
        work = run_for(print_calls(office, opened.port), duration)
        if asyncio.run(run_until_stopped(work)):
            print("\nstopping the demo")
    except KeyboardInterrupt:
        print("\nstopping the demo")
    finally:
        children.stop()
        opened.thread.stop()
    print(f"Printed tickets and screenshots are in {folder}")
    return 0
