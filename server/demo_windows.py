"""`aufruf demo FILE --windows`: the demo office as real windows, each app in its own process.

The hub runs here (as in `server.demo`), a network printer emulator saves each printed ticket
as a PNG, and the real apps run as child processes (`python -m kiosk.qt.demo`, …): one kiosk
touched by scripted visitors through its own model, two counters worked by scripted clerks
through theirs, a wall display in landscape and one in portrait. Without a screen (no DISPLAY
or WAYLAND_DISPLAY) the same office runs offscreen. Every window saves a screenshot every
office half hour; tickets and screenshots go to one folder, named at start. The hub never
imports Qt: the apps are processes, not imports.
"""

from __future__ import annotations

import asyncio
import logging
import os
import re
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from server.demo import CLERK_PASSWORD, open_office, print_calls, run_for
from shared.config import OfficeConfig
from shared.domain import Site
from shared.shutdown import interrupt_on_stop_signals, run_until_stopped

log = logging.getLogger(__name__)

READY = re.compile(r"ready at 127\.0\.0\.1:(\d+)")
HALF_HOUR = 1800.0
OFFICE_DAY = 10 * 3600.0
"""What the offscreen demo runs by default: 07:58 to about 18:00 in office time."""
NOISE = ("propagateSizeHints", "qt.multimedia.symbolsresolver")
"""Qt's harmless offscreen chatter, not passed on."""
LAYOUT = {  # x, y, width, height on a 1920x1080 screen: every window visible at once
    "kiosk": "0,0,540,1040",
    "counter-1": "550,0,600,510",
    "counter-2": "550,540,600,500",
    "display": "1160,0,760,430",
    "display-portrait": "1160,460,320,580",
}


def _busiest(site: Site, clerks: dict[str, str]) -> list[tuple[str, str]]:
    """The two counters (and their clerks) that serve the most walk-in services."""
    walk_ins = [s.id for s in site.services.values() if not s.emergency]

    def served(counter_id: str) -> int:
        return sum(site.counters[counter_id].serves(service) for service in walk_ins)

    return sorted(clerks.items(), key=lambda item: -served(item[0]))[:2]


def has_screen() -> bool:
    """Whether a graphical session is there to show windows on."""
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


class Children:
    """The demo's child processes; their output is passed on line by line."""

    def __init__(self, env: dict[str, str]) -> None:
        self.env = env
        self.processes: list[subprocess.Popen[str]] = []
        self.readers: list[threading.Thread] = []

    def start(self, *args: str, watch: re.Pattern[str] | None = None) -> str | None:
        """Start `python -m …`; with `watch`, wait for a line matching it and return group 1."""
        process = subprocess.Popen(  # noqa: S603 - our own interpreter and modules
            [sys.executable, "-m", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env=self.env,
        )
        self.processes.append(process)
        found: list[str] = []
        seen = threading.Event()

        def read() -> None:
            assert process.stdout is not None
            for line in process.stdout:
                if not any(noise in line for noise in NOISE):
                    print(line.rstrip("\n"), flush=True)
                match = watch.search(line) if watch is not None else None
                if match and not seen.is_set():
                    found.append(match[1])
                    seen.set()
            seen.set()
            code = process.wait()
            if code not in (0, -15):  # -15: our own SIGTERM at the end
                print(f"{args[0]} ended with exit status {code}", flush=True)

        reader = threading.Thread(target=read, name=f"demo-{args[0]}", daemon=True)
        reader.start()
        self.readers.append(reader)
        if watch is None:
            return None
        seen.wait(120)
        return found[0] if found else None

    def stop(self) -> None:
        """SIGTERM to all, then wait (and kill what does not end)."""
        for process in self.processes:
            if process.poll() is None:
                process.terminate()
        for process in self.processes:
            try:
                process.wait(15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        for reader in self.readers:
            reader.join(5)


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
    shots = ("--shots", str(folder / "screenshots"), "--shot-every", f"{HALF_HOUR / speed:g}")
    try:
        printer = children.start(
            "hardware.emulator", "--port", "0", "--out", str(folder / "tickets"), watch=READY
        )
        if printer is None:
            print("the printer emulator did not start", file=sys.stderr)
            return 1
        children.start(
            *("kiosk.qt.demo", "--server", office.base, "--token", office.kiosk_tokens[0]),
            *("--config", str(config_path), "--printer-port", printer, "--speed", f"{speed:g}"),
            *("--geometry", LAYOUT["kiosk"], *shots),
        )
        for number, (counter, user) in enumerate(_busiest(office.site, office.clerks), start=1):
            children.start(
                *("counter.qt.demo", "--server", office.base, "--user", user),
                *("--password", CLERK_PASSWORD, "--counter", counter, "--speed", f"{speed:g}"),
                *("--geometry", LAYOUT[f"counter-{number}"], *shots),
            )
        for name in ("display", "display-portrait"):
            children.start(
                *("display.qt.demo", "--server", office.base, "--token", office.display_token),
                *("--name", name, "--geometry", LAYOUT[name], *shots),
            )
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
