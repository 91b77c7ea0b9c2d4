"""`aufruf demo --windows` as a child process whose output a test (or script) waits on."""

from __future__ import annotations

import re
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image

from tests.processes import popen_with_sigint_ignored

REPO = Path(__file__).resolve().parents[1]
AUFRUF = str(Path(sys.executable).with_name("aufruf"))
EXAMPLE = REPO / "examples" / "office.toml"
PLACED = re.compile(r"^windows placed at scale ([\d.]+): (.+)$")
SHOWN = re.compile(r"^display (\S+): (\S+) → (.+)$")


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

    def placed(self) -> dict[str, tuple[int, int, int, int]]:
        """The windows the demo placed and where (`windows placed at scale 1: kiosk 0,0,…`)."""
        match = next(iter(self.matches(PLACED)), None)
        if match is None:
            return {}
        places = (place.split() for place in match[2].split("; "))
        return {name: _rect(spec) for name, spec in places}

    def scale(self) -> float:
        """The scale the windows are drawn at."""
        match = next(iter(self.matches(PLACED)), None)
        assert match is not None, self.log()
        return float(match[1])


def blank_shots(out: Path) -> list[str]:
    """The windows' screenshots under `out` that are blank: ten colours or fewer (a window
    shot half way through switching screens is one)."""
    blank = []
    for shot in sorted((out / "screenshots").glob("*.png")):
        with Image.open(shot) as image:
            colours = image.convert("RGB").getcolors(maxcolors=1_000_000)
        if colours is not None and len(colours) <= 10:
            blank.append(shot.name)
    return blank


def _rect(spec: str) -> tuple[int, int, int, int]:
    x, y, width, height = (int(part) for part in spec.split(","))
    return x, y, width, height


@contextmanager
def demo(tmp_path: Path, env: dict[str, str], speed: float) -> Iterator[Demo]:
    """`aufruf demo --windows` running; stopped by SIGINT (Ctrl-C) at the end."""
    out = tmp_path / "out"
    proc = popen_with_sigint_ignored(
        [AUFRUF, "demo", str(EXAMPLE), "--windows", "--out", str(out), "--speed", f"{speed:g}"],
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
