"""The demo asks each window for its size and tells it its place, over the child's pipes."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator

import pytest

from server.demo.children import Child
from server.demo.layout import PORTRAIT, Rect
from server.demo.placing import Placer, describe

ECHO = "import sys\nfor line in sys.stdin:\n    print(line, end='', flush=True)\n"
"""A child that says back what it is told (a window process reads its place so)."""
ASKS = {
    "kiosk": "place kiosk 970x1018 0,0,1920,1080 0,0,0,0",
    "counter-1": "place counter-1 848x439 0,0,1920,1080 0,0,0,0",
    "counter-2": "place counter-2 848x439 0,0,1920,1080 0,0,0,0",
    "display": "place display 535x162 0,0,1920,1080 0,0,0,0",
    "display-portrait": "place display-portrait 535x162 0,0,1920,1080 0,0,0,0",
}


@pytest.fixture
def children() -> Iterator[dict[str, Child]]:
    """One echoing child process per window."""
    started = {
        name: Child(
            name,
            subprocess.Popen(
                [sys.executable, "-c", ECHO],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
            ),
        )
        for name in ASKS
    }
    yield started
    for child in started.values():
        assert child.process.stdin is not None
        child.process.stdin.close()
        assert child.process.wait(10) == 0
        assert child.process.stdout is not None
        child.process.stdout.close()


def _heard(child: Child) -> str:
    assert child.process.stdout is not None
    return child.process.stdout.readline().strip()


def test_each_window_is_told_its_place_once_all_have_asked(children: dict[str, Child]) -> None:
    placer = Placer(tuple(ASKS))
    for name, line in ASKS.items():
        assert not placer.everyone.is_set()
        placer.hear(children[name], line)
        placer.hear(children[name], f"{name} window ready")  # other lines are not questions
    assert placer.everyone.is_set()
    layout = placer.decide()
    assert layout.screen == Rect(0, 0, 2400, 1350)  # 1920x1080 drawn at 0.8
    placer.answer_all(layout)
    for name, child in children.items():
        assert _heard(child) == f"geometry {layout.places[name].spec()}"
    assert describe(layout).startswith("windows placed at scale 0.8: kiosk 0,0,970,1350; ")


def test_windows_started_again_are_answered_as_they_ask_and_one_without_room_is_closed(
    children: dict[str, Child],
) -> None:
    placer = Placer(tuple(ASKS), screen=Rect(0, 0, 3440, 1000))  # no room for the portrait
    for name, line in ASKS.items():
        placer.hear(children[name], line)
    layout = placer.decide()
    placer.forget(layout)
    placer.hear(children["kiosk"], ASKS["kiosk"])
    assert _heard(children["kiosk"]) == f"geometry {layout.places['kiosk'].spec()}"
    assert PORTRAIT not in layout.places
    placer.hear(children[PORTRAIT], ASKS[PORTRAIT])
    assert _heard(children[PORTRAIT]) == "close"
