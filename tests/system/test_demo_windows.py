"""`aufruf demo --windows`: the real apps as windows, offscreen for an office hour."""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PIL import Image

from tests.processes import popen_with_sigint_ignored
from tests.system.conftest import AUFRUF, EXAMPLE

pytestmark = pytest.mark.slow

WINDOWS = ("kiosk", "counter-*", "counter-*", "display", "display-portrait")
SPEED = 120  # an office hour is 30 s
ISSUED = re.compile(r"^kiosk: ticket (\S+) issued$")
CALLED = re.compile(r"^(\S+): calls (\S+)$")
SHOWN = re.compile(r"^display: (\S+) → (.+)$")
SHOT = re.compile(r"^screenshot (.+)-(\d{3})\.png$")


@dataclass
class Demo:
    """The demo's output, line by line, with a condition to wait on."""

    process: subprocess.Popen[str]
    lines: list[str] = field(default_factory=list)
    changed: threading.Condition = field(default_factory=threading.Condition)

    def read(self) -> None:
        """Collect the output until the demo ends."""
        assert self.process.stdout is not None
        for line in self.process.stdout:
            with self.changed:
                self.lines.append(line.rstrip("\n"))
                self.changed.notify_all()
        with self.changed:
            self.lines.append("<ended>")
            self.changed.notify_all()

    def matches(self, pattern: re.Pattern[str]) -> list[re.Match[str]]:
        """Every line so far that matches."""
        return [m for line in list(self.lines) if (m := pattern.match(line))]

    def wait(self, done: str, check: Callable[[], object], timeout: float = 240) -> None:
        """Wait until `check()` is true (a bound for a busy machine, not the expected time)."""
        with self.changed:
            self.changed.wait_for(lambda: bool(check()) or "<ended>" in self.lines, timeout)
            ok = bool(check())
        assert ok, f"{done}:\n" + self.log()

    def log(self) -> str:
        """Everything the demo printed."""
        return "\n".join(self.lines)


@contextmanager
def demo(tmp_path: Path, env: dict[str, str]) -> Iterator[Demo]:
    """`aufruf demo --windows` running; stopped by SIGINT (Ctrl-C) at the end."""
    out = tmp_path / "out"
    proc = popen_with_sigint_ignored(
        [AUFRUF, "demo", str(EXAMPLE), "--windows", "--out", str(out), "--speed", str(SPEED)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env=env | {"XDG_DATA_HOME": str(tmp_path), "PYTHONUNBUFFERED": "1"},
    )
    running = Demo(proc)
    reader = threading.Thread(target=running.read, daemon=True)
    reader.start()
    try:
        yield running
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=60) == 0, running.log()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        reader.join(10)
        assert proc.stdout is not None
        proc.stdout.close()


def _shots(running: Demo) -> Counter[str]:
    return Counter(Path(m[1]).name for m in running.matches(SHOT))


def _every_call_shown(running: Demo) -> bool:
    shown = Counter(m[1] for m in running.matches(SHOWN))
    return all(shown[m[2]] >= 2 for m in running.matches(CALLED))  # both displays


def _not_blank(path: Path) -> bool:
    with Image.open(path) as image:
        colours = image.convert("RGB").getcolors(maxcolors=1_000_000)
    return colours is None or len(colours) > 10


def test_the_offscreen_office_runs_an_hour_calls_each_ticket_once_and_shows_every_call(
    tmp_path: Path,
) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    with demo(tmp_path, env) as running:
        # An office hour has passed when every window has saved its second half-hour shot.
        running.wait("two screenshots of each window", lambda: _hour_passed(running))
        running.wait("a call", lambda: running.matches(CALLED))
        running.wait("every call on both displays", lambda: _every_call_shown(running))
    log = running.log()
    assert "Traceback" not in log, log
    issued = [m[1] for m in running.matches(ISSUED)]
    called = [m[2] for m in running.matches(CALLED)]
    assert issued, log
    assert len(called) == len(set(called)), f"a ticket was called twice:\n{log}"
    assert set(called) <= set(issued), log
    database = tmp_path / "aufruf" / "demo" / "aufruf.sqlite3"
    with closing(sqlite3.connect(database)) as conn:
        status = dict(conn.execute("SELECT number, status FROM tickets").fetchall())
    for number in set(issued) - set(called):
        assert status[number] in ("waiting", "called"), (number, status[number])
    tickets = sorted((tmp_path / "out" / "tickets").glob("job-*.png"))
    assert len(tickets) >= len(issued) - 1, log  # the last may still be printing at the stop
    shots = sorted((tmp_path / "out" / "screenshots").glob("*.png"))
    by_window: dict[str, list[Path]] = {}
    for shot in shots:
        by_window.setdefault(shot.stem.rsplit("-", 1)[0], []).append(shot)
    assert len(by_window) == len(WINDOWS), sorted(by_window)
    for window, files in by_window.items():
        assert len(files) >= 2, window
        assert all(_not_blank(f) for f in files), window
        assert len({f.read_bytes() for f in files}) > 1, f"{window}'s screenshots are all alike"


def _hour_passed(running: Demo) -> bool:
    names = {m[1] for m in running.matches(SHOT) if int(m[2]) >= 2}
    return len(names) >= len(WINDOWS)
