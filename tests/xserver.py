"""A real X server for tests and screenshots: Xvfb on a free display, its windows, its picture.

`xvfb()` starts Xvfb on a display it picks itself (`-displayfd`: no guessed numbers, no
lock-file races), `mapped()` reads the viewable top-level windows with `xwininfo`, and
`screenshot()` grabs the root window with Qt (`python -m shared.qt.screenshot`).
"""

from __future__ import annotations

import os
import re
import select
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

PACKAGES = ("xvfb", "x11-utils", "libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1")
"""What the demo needs under X (tasks.py installs them too)."""
PROGRAMS = ("Xvfb", "xwininfo")
TOP_LEVEL = re.compile(
    r"^ {5}(0x[0-9a-f]+) .*?\s(\d+)x(\d+)\+-?\d+\+-?\d+\s+\+(-?\d+)\+(-?\d+)\s*$"
)
"""A child of the root in `xwininfo -root -tree` (five spaces in; grandchildren are deeper)."""


def missing_xvfb() -> str | None:
    """None when Xvfb and xwininfo are there (installed now as root if need be), else why not."""
    if all(shutil.which(program) for program in PROGRAMS):
        return None
    if os.geteuid() == 0 and shutil.which("apt-get"):
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        for command in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", *PACKAGES]):
            subprocess.run(command, env=env, check=False, capture_output=True, timeout=900)
        if all(shutil.which(program) for program in PROGRAMS):
            return None
        return f"Xvfb could not be installed (apt-get install {' '.join(PACKAGES)} failed)"
    return f"Xvfb is not installed and this is not root: apt-get install {' '.join(PACKAGES)}"


@contextmanager
def xvfb(width: int, height: int, *, timeout: float = 60.0) -> Iterator[str]:
    """An Xvfb server with one screen of `width`x`height`; yields its DISPLAY (":N")."""
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        [
            *("Xvfb", "-displayfd", str(write_end), "-screen", "0", f"{width}x{height}x24"),
            *("-nolisten", "tcp", "-noreset"),
        ],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    os.close(write_end)
    try:
        yield f":{_display_number(read_end, server, timeout)}"
    finally:
        os.close(read_end)
        server.terminate()
        try:
            server.wait(15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        assert server.stderr is not None
        server.stderr.close()


def _display_number(pipe: int, server: subprocess.Popen[str], timeout: float) -> int:
    """The display number Xvfb writes to the pipe once it accepts clients."""
    text = b""
    deadline = time.monotonic() + timeout
    while not text.endswith(b"\n"):
        left = deadline - time.monotonic()
        ready, _, _ = select.select([pipe], [], [], max(left, 0))
        if not ready:
            raise TimeoutError(f"Xvfb named no display within {timeout:g} s")
        chunk = os.read(pipe, 16)
        if not chunk:
            assert server.stderr is not None
            raise RuntimeError(f"Xvfb ended: {server.stderr.read()}")
        text += chunk
    return int(text)


@dataclass(frozen=True)
class XWindow:
    """A top-level window as the X server has it: id, size and place on the screen."""

    id: str
    width: int
    height: int
    x: int
    y: int


def mapped(display: str) -> list[XWindow]:
    """The viewable top-level windows (`xwininfo -root -tree`, `Map State: IsViewable`)."""
    env = dict(os.environ, DISPLAY=display)
    tree = _xwininfo(env, "-root", "-tree")
    found = []
    for line in tree.splitlines():
        match = TOP_LEVEL.match(line)
        if match is None:
            continue
        window = XWindow(match[1], int(match[2]), int(match[3]), int(match[4]), int(match[5]))
        if "IsViewable" in _xwininfo(env, "-id", window.id):
            found.append(window)
    return found


def _xwininfo(env: dict[str, str], *args: str) -> str:
    answer = subprocess.run(
        ["xwininfo", *args],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=30,
    )
    return answer.stdout


def screenshot(display: str, out: Path) -> Path:
    """The whole screen of `display` as a PNG (Qt grabs the root window)."""
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    subprocess.run(
        [sys.executable, "-m", "shared.qt.screenshot", str(out)],
        env=env | {"DISPLAY": display},
        check=True,
        capture_output=True,
        timeout=60,
    )
    return out


def drawn(picture: Path, box: tuple[int, int, int, int]) -> bool:
    """Whether the rectangle (x, y, width, height) of the picture shows more than a fill."""
    x, y, width, height = box
    with Image.open(picture) as image:
        part = image.convert("RGB").crop((x, y, x + width, y + height))
        colours = part.getcolors(maxcolors=1_000_000)
    return colours is None or len(colours) > 10
