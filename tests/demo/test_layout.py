"""The demo office's window layout, without Qt: every window at once, none over another."""

from __future__ import annotations

import itertools

import pytest

from server.demo.layout import (
    COUNTERS,
    KIOSK,
    LANDSCAPE,
    LANDSCAPE_LEAST,
    PORTRAIT,
    Frame,
    Layout,
    Rect,
    Size,
    lay_out,
)

# The apps' minimum sizes as they report them (`minimumSizeHint` of each window, measured).
LEAST = {
    KIOSK: Size(970, 1018),
    COUNTERS[0]: Size(649, 439),
    COUNTERS[1]: Size(649, 439),
    LANDSCAPE: Size(535, 162),
    PORTRAIT: Size(535, 162),
}
TITLE_BAR = Frame(left=1, top=30, right=1, bottom=1)
NO_FRAME = Frame()


def _outer(rect: Rect, frame: Frame) -> Rect:
    return Rect(
        rect.x - frame.left,
        rect.y - frame.top,
        rect.width + frame.left + frame.right,
        rect.height + frame.top + frame.bottom,
    )


def _check(layout: Layout, screen: Rect, frame: Frame = NO_FRAME) -> None:
    """On the screen, no overlap, each window at least its minimum, displays 16:9 and 9:16."""
    assert layout.fits
    assert {KIOSK, *COUNTERS, LANDSCAPE} <= set(layout.places)
    for name, rect in layout.places.items():
        assert _outer(rect, frame).within(layout.screen), name
        assert rect.width >= LEAST[name].width, name
        assert rect.height >= LEAST[name].height, name
        # What the screen shows: the logical rect drawn at the scale lies on the real screen.
        assert (rect.right + frame.right) * layout.scale <= screen.right + 1, name
        assert (rect.bottom + frame.bottom) * layout.scale <= screen.bottom + 1, name
    for (one, a), (other, b) in itertools.combinations(layout.places.items(), 2):
        assert not _outer(a, frame).overlaps(_outer(b, frame)), (one, other)
    landscape = layout.places[LANDSCAPE]
    assert landscape.width >= LANDSCAPE_LEAST
    assert abs(landscape.width / landscape.height - 16 / 9) < 0.01
    if PORTRAIT in layout.places:
        portrait = layout.places[PORTRAIT]
        assert abs(portrait.height / portrait.width - 16 / 9) < 0.01


def test_full_hd_holds_the_whole_office_drawn_a_little_smaller() -> None:
    screen = Rect(0, 0, 1920, 1080)
    layout = lay_out(screen, LEAST)
    _check(layout, screen)
    # At full size the wall display would be a sliver beside the counters: drawn smaller.
    assert 0.75 <= layout.scale < 1.0
    assert PORTRAIT in layout.places


def test_a_laptop_screen_holds_the_whole_office_drawn_smaller() -> None:
    screen = Rect(0, 0, 1366, 768)
    layout = lay_out(screen, LEAST)
    _check(layout, screen)
    assert 0.5 <= layout.scale < 0.75
    assert PORTRAIT in layout.places


def test_a_large_screen_holds_the_whole_office_at_full_size() -> None:
    screen = Rect(0, 0, 2560, 1440)
    layout = lay_out(screen, LEAST)
    _check(layout, screen)
    assert layout.scale == 1.0
    assert layout.places[KIOSK] == Rect(0, 0, 970, 1440)
    assert layout.places[LANDSCAPE].width > 700
    assert PORTRAIT in layout.places


def test_wider_counters_leave_less_room_for_the_displays() -> None:
    screen = Rect(0, 0, 1920, 1080)
    wide = dict(LEAST) | {name: Size(848, 439) for name in COUNTERS}
    layout = lay_out(screen, wide)
    _check(layout, screen)
    assert layout.scale < lay_out(screen, LEAST).scale


@pytest.mark.parametrize(("width", "height"), [(1920, 1080), (1366, 768), (2560, 1440)])
def test_window_frames_and_a_panel_are_left_room(width: int, height: int) -> None:
    screen = Rect(0, 32, width, height - 32)  # a top panel: the available geometry
    layout = lay_out(screen, LEAST, TITLE_BAR)
    _check(layout, screen, TITLE_BAR)
    assert all(rect.y >= layout.screen.y + TITLE_BAR.top for rect in layout.places.values())


def test_the_portrait_display_is_left_out_where_it_does_not_fit() -> None:
    screen = Rect(0, 0, 3440, 1000)  # wide and low: room for a wall display, none under it
    layout = lay_out(screen, LEAST)
    _check(layout, screen)
    assert PORTRAIT not in layout.places


def test_a_screen_too_small_for_any_scale_overlaps_the_windows_and_says_so() -> None:
    layout = lay_out(Rect(0, 0, 640, 480), LEAST)
    assert not layout.fits
    assert layout.scale == 0.5
    assert set(layout.places) == set(LEAST)
    assert all(rect.x < layout.screen.right for rect in layout.places.values())


def test_a_rect_spec_reads_back() -> None:
    rect = Rect(-10, 20, 300, 400)
    assert Rect.parse(rect.spec()) == rect
