"""Where the demo office's windows go on a screen: all at once, none over another (Qt-free).

Three columns: the kiosk at its minimum width and the screen's height; the two counters
stacked at their minimum width; the wall display (16:9) as wide as the rest allows, and the
portrait display (9:16) under it when it fits. Windows keep their minimum sizes; only the
displays grow and shrink. When even the minimums do not fit, the whole office is drawn
smaller: a `scale` below 1 (the demo runs the apps with `QT_SCALE_FACTOR`), so that its
logical screen is larger. Rects are in the logical pixels of that scale.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

GAP = 8
"""Pixels between two windows."""
LANDSCAPE_LEAST = 480
"""The wall display is at least this wide (logical pixels), or the office is drawn smaller."""
PORTRAIT_LEAST = 270
"""The portrait display is at least this wide, or it is left out."""
SCALES = tuple(round(1 - step * 0.05, 2) for step in range(11))
"""The scales tried, largest first (1.0 down to 0.5)."""
KIOSK = "kiosk"
COUNTERS = ("counter-1", "counter-2")
LANDSCAPE = "display"
PORTRAIT = "display-portrait"


@dataclass(frozen=True)
class Size:
    """A width and a height in pixels."""

    width: int
    height: int


@dataclass(frozen=True)
class Rect:
    """A rectangle in pixels; `right` and `bottom` are exclusive."""

    x: int
    y: int
    width: int
    height: int

    @property
    def right(self) -> int:
        """The first column right of it."""
        return self.x + self.width

    @property
    def bottom(self) -> int:
        """The first row below it."""
        return self.y + self.height

    def overlaps(self, other: Rect) -> bool:
        """Whether the two share a pixel."""
        return (
            self.x < other.right
            and other.x < self.right
            and self.y < other.bottom
            and other.y < self.bottom
        )

    def within(self, other: Rect) -> bool:
        """Whether it lies wholly inside `other`."""
        return (
            other.x <= self.x
            and other.y <= self.y
            and self.right <= other.right
            and self.bottom <= other.bottom
        )

    def spec(self) -> str:
        """`X,Y,W,H` (what `--geometry` and the `geometry` line take)."""
        return f"{self.x},{self.y},{self.width},{self.height}"

    @classmethod
    def parse(cls, spec: str) -> Rect:
        """The rect of an `X,Y,W,H` spec."""
        x, y, width, height = (int(part) for part in spec.split(","))
        return cls(x, y, width, height)


@dataclass(frozen=True)
class Frame:
    """What the window manager adds around a window (title bar, borders), in pixels."""

    left: int = 0
    top: int = 0
    right: int = 0
    bottom: int = 0

    def around(self, size: Size) -> Size:
        """The outer size of a window of `size`."""
        return Size(size.width + self.left + self.right, size.height + self.top + self.bottom)

    def inside(self, cell: Rect) -> Rect:
        """The window's own rect in an outer `cell`."""
        return Rect(
            cell.x + self.left,
            cell.y + self.top,
            cell.width - self.left - self.right,
            cell.height - self.top - self.bottom,
        )


@dataclass(frozen=True)
class Layout:
    """Each placed window's rect at `scale`; a window not in `places` has no room."""

    scale: float
    screen: Rect
    """The screen in the logical pixels of `scale`."""
    places: dict[str, Rect] = field(default_factory=dict)
    fits: bool = True
    """False: not even the minimums fit at the smallest scale; windows overlap."""


def logical(screen: Rect, scale: float) -> Rect:
    """The screen in the logical pixels of `scale` (larger when the office is drawn smaller)."""
    return Rect(
        math.floor(screen.x / scale),
        math.floor(screen.y / scale),
        math.floor(screen.width / scale),
        math.floor(screen.height / scale),
    )


def lay_out(screen: Rect, least: Mapping[str, Size], frame: Frame = Frame()) -> Layout:
    """The largest scale at which the kiosk, both counters and the wall display fit."""
    for scale in SCALES:
        layout = _at(scale, logical(screen, scale), least, frame)
        if layout is not None:
            return layout
    return _cascade(SCALES[-1], logical(screen, SCALES[-1]), least, frame)


def _at(scale: float, room: Rect, least: Mapping[str, Size], frame: Frame) -> Layout | None:
    kiosk = frame.around(least[KIOSK])
    counters = [frame.around(least[name]) for name in COUNTERS]
    counter_width = max(size.width for size in counters)
    half = (room.height - GAP) // 2
    if kiosk.height > room.height or half < max(size.height for size in counters):
        return None
    cells = {KIOSK: Rect(room.x, room.y, kiosk.width, room.height)}
    left = room.x + kiosk.width + GAP
    cells[COUNTERS[0]] = Rect(left, room.y, counter_width, half)
    cells[COUNTERS[1]] = Rect(left, room.y + half + GAP, counter_width, room.height - half - GAP)
    left += counter_width + GAP
    column = Rect(left, room.y, room.right - left, room.height)
    displays = _displays(column, least, frame)
    if displays is None:
        return None
    cells.update(displays)
    places = {name: frame.inside(cell) for name, cell in cells.items()}
    return Layout(scale, room, places)


def _displays(column: Rect, least: Mapping[str, Size], frame: Frame) -> dict[str, Rect] | None:
    """The wall display on top of the column, the portrait one under it if both fit."""
    wall = least[LANDSCAPE]
    wall_width = max(LANDSCAPE_LEAST, wall.width)
    if PORTRAIT in least:  # leave the portrait display its least height under the wall display
        portrait_width = max(PORTRAIT_LEAST, least[PORTRAIT].width)
        portrait_least = frame.around(Size(portrait_width, portrait_width * 16 // 9))
        above = column.height - GAP - portrait_least.height
        landscape = _fitted(Size(column.width, above), frame, (16, 9))
        if landscape.width >= wall_width and landscape.height >= wall.height:
            top = column.y + frame.around(landscape).height + GAP
            portrait = _fitted(Size(column.width, column.bottom - top), frame, (9, 16))
            if portrait.width >= portrait_width and portrait.height >= least[PORTRAIT].height:
                return {
                    LANDSCAPE: Rect(column.x, column.y, *_outer(landscape, frame)),
                    PORTRAIT: Rect(column.x, top, *_outer(portrait, frame)),
                }
    landscape = _fitted(Size(column.width, column.height), frame, (16, 9))
    if landscape.width < wall_width or landscape.height < wall.height:
        return None
    return {LANDSCAPE: Rect(column.x, column.y, *_outer(landscape, frame))}


def _fitted(cell: Size, frame: Frame, ratio: tuple[int, int]) -> Size:
    """The largest window of `ratio` (width, height) whose outer size fits `cell`."""
    width = cell.width - frame.left - frame.right
    height = cell.height - frame.top - frame.bottom
    if width * ratio[1] > height * ratio[0]:
        width = height * ratio[0] // ratio[1]
    height = width * ratio[1] // ratio[0]
    return Size(max(width, 0), max(height, 0))


def _outer(size: Size, frame: Frame) -> tuple[int, int]:
    outer = frame.around(size)
    return outer.width, outer.height


def _cascade(scale: float, room: Rect, least: Mapping[str, Size], frame: Frame) -> Layout:
    """Too small a screen: each window at its minimum, stepped down and right from the corner."""
    step = max(frame.top, 32)
    places = {}
    for number, (name, size) in enumerate(least.items()):
        offset = number * step
        places[name] = Rect(
            room.x + frame.left + offset, room.y + frame.top + offset, *_outer(size, Frame())
        )
    return Layout(scale, room, places, fits=False)
