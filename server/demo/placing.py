"""The windowed demo asks each window for its minimum size and screen, then tells it its place.

Each window started with `--place NAME` prints ``place NAME WxH X,Y,W,H L,T,R,B``
(`shared.qt.showcase`); once all have, `layout.lay_out` decides and each is told
``geometry X,Y,W,H``, or ``close`` when there is no room for it. A window that asks after the
layout was made (started again at another scale) is told its place at once.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass

from server.demo.children import Child
from server.demo.layout import Frame, Layout, Rect, Size, lay_out

PLACE = re.compile(r"^place (\S+) (\d+)x(\d+) (-?\d+,-?\d+,\d+,\d+) (\d+),(\d+),(\d+),(\d+)$")


@dataclass(frozen=True)
class Asked:
    """One window's question: who, its minimum size, its screen and its frame."""

    child: Child
    least: Size
    screen: Rect
    frame: Frame


class Placer:
    """Collects the windows' questions, lays them out once and answers each."""

    def __init__(self, names: tuple[str, ...], screen: Rect | None = None) -> None:
        self.names = names
        self.screen = screen
        """The screen to lay out on (None: the one the windows report)."""
        self.layout: Layout | None = None
        self.asked: dict[str, Asked] = {}
        self.everyone = threading.Event()
        self._lock = threading.Lock()

    def hear(self, child: Child, line: str) -> None:
        """A line a window printed (a child's reader thread calls this)."""
        match = PLACE.match(line)
        if match is None:
            return
        name = match[1]
        frame = Frame(*(int(match[k]) for k in range(5, 9)))
        asked = Asked(child, Size(int(match[2]), int(match[3])), Rect.parse(match[4]), frame)
        with self._lock:
            self.asked[name] = asked
            if self.layout is not None:
                self._answer(name, self.layout)
            elif set(self.names) <= set(self.asked):
                self.everyone.set()

    def decide(self) -> Layout:
        """Lay the windows out on the screen from their answers (all have asked)."""
        with self._lock:
            asked = dict(self.asked)
        screen = self.screen or next(iter(asked.values())).screen
        frame = Frame(
            max(a.frame.left for a in asked.values()),
            max(a.frame.top for a in asked.values()),
            max(a.frame.right for a in asked.values()),
            max(a.frame.bottom for a in asked.values()),
        )
        return lay_out(screen, {name: asked[name].least for name in self.names}, frame)

    def answer_all(self, layout: Layout) -> None:
        """Tell every window that asked its place; later askers are told at once."""
        with self._lock:
            self.layout = layout
            for name in self.asked:
                self._answer(name, layout)

    def forget(self, layout: Layout) -> None:
        """The windows start again (at the layout's scale): answer them as they ask."""
        with self._lock:
            self.asked.clear()
            self.layout = layout

    def _answer(self, name: str, layout: Layout) -> None:
        rect = layout.places.get(name)
        self.asked[name].child.tell(f"geometry {rect.spec()}" if rect else "close")


def describe(layout: Layout) -> str:
    """One line for the demo's output: the scale and each window's place."""
    places = "; ".join(f"{name} {rect.spec()}" for name, rect in layout.places.items())
    note = "" if layout.fits else " (the screen is too small: windows overlap)"
    return f"windows placed at scale {layout.scale:g}{note}: {places}"
