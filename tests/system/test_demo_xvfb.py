"""The README's demo (`aufruf demo examples/office.toml --windows`) under a real X server.

Xvfb at 1920x1080 (installed here as root when missing): the kiosk, both counters, the wall
display and the portrait one are mapped where the demo's layout put them, side by side, and
the screen's picture shows each of them drawn.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.demo_office import SHOWN, Demo, blank_shots, demo
from tests.xserver import XWindow, drawn, mapped, missing_xvfb, screenshot, xvfb

pytestmark = pytest.mark.slow

SCREEN = (1920, 1080)
SPEED = 60
WINDOWS = ("kiosk", "counter-1", "counter-2", "display", "display-portrait")
Box = tuple[int, int, int, int]


@pytest.fixture
def display() -> Iterator[str]:
    """A fresh Xvfb server's DISPLAY."""
    reason = missing_xvfb()
    if reason is not None:
        pytest.skip(reason)
    with xvfb(*SCREEN) as name:
        yield name


def _on_screen(box: Box, scale: float) -> Box:
    """A layout rect (logical pixels at `scale`) in the screen's pixels."""
    return tuple(round(value * scale) for value in box)  # type: ignore[return-value]


def _window_at(windows: list[XWindow], box: Box) -> XWindow | None:
    x, y, width, height = box
    for window in windows:
        near = (window.x - x, window.y - y, window.width - width, window.height - height)
        if all(abs(d) <= 2 for d in near):
            return window
    return None


def _took_places(running: Demo) -> bool:
    placed = running.placed()
    told = {line.split(" placed at ")[0] for line in running.lines if " placed at " in line}
    return bool(placed) and set(placed) <= told


def _eventually(check: Callable[[], str | None], attempts: int = 60) -> None:
    """Look again until `check` finds nothing wrong (each look takes a second or more)."""
    problem = check()
    for _ in range(attempts):
        if problem is None:
            return
        problem = check()
    assert problem is None, problem


def test_the_demo_maps_and_draws_every_window_side_by_side_on_a_real_x_server(
    tmp_path: Path, display: str
) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    with demo(tmp_path, env | {"DISPLAY": display}, SPEED) as running:
        running.wait("the windows placed", running.placed)
        running.wait("every window in its place", lambda: _took_places(running))
        running.wait("a call on the wall display", lambda: running.matches(SHOWN))
        assert ", windows; Ctrl-C ends it" in running.log()  # not offscreen: a screen was seen
        places, scale = running.placed(), running.scale()
        assert list(places) == [*WINDOWS], running.log()  # 1920x1080 holds all five
        boxes = {name: _on_screen(box, scale) for name, box in places.items()}
        picture = tmp_path / "screen.png"

        def look() -> str | None:
            windows = mapped(display)
            for name, box in boxes.items():
                if _window_at(windows, box) is None:
                    return f"{name} is not mapped at {box}: {windows}"
            screenshot(display, picture)
            blank = [name for name, box in boxes.items() if not drawn(picture, box)]
            return f"not drawn: {blank}" if blank else None

        _eventually(look)
    width, height = SCREEN
    for name, (x, y, w, h) in boxes.items():
        assert min(x, y) >= 0, (name, boxes[name])
        assert x + w <= width, (name, boxes[name])
        assert y + h <= height, (name, boxes[name])
    for (one, a), (other, b) in itertools.combinations(boxes.items(), 2):
        apart = (
            a[0] + a[2] <= b[0] or b[0] + b[2] <= a[0] or a[1] + a[3] <= b[1] or b[1] + b[3] <= a[1]
        )
        assert apart, (one, a, other, b)
    assert "Traceback" not in running.log(), running.log()
    assert blank_shots(tmp_path / "out") == []  # also those saved as the windows stopped
