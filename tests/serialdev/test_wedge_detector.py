"""WedgeDetector: scan or typing, decided from plain characters and millisecond times."""

from __future__ import annotations

import pytest

from hardware.wedge import ENTER, WedgeDetector


def type_burst(detector: WedgeDetector, text: str, start: int, gap: int) -> int:
    """Feed `text` one character every `gap` ms from `start`; return the next free time."""
    t = start
    for char in text:
        assert detector.feed(char, t) is None
        t += gap
    return t


def test_fast_burst_with_enter_is_a_scan() -> None:
    detector = WedgeDetector()
    t = type_burst(detector, "T-2026-0042", 1000, 8)
    assert detector.pending == "T-2026-0042"
    assert detector.feed(ENTER, t) == "T-2026-0042"
    assert detector.pending == ""
    assert detector.take_released() == ""


def test_line_feed_also_ends_a_scan() -> None:
    detector = WedgeDetector()
    t = type_burst(detector, "1234", 0, 5)
    assert detector.feed("\n", t) == "1234"


def test_slow_typing_is_released_character_by_character() -> None:
    detector = WedgeDetector()
    detector.feed("h", 0)
    assert detector.take_released() == ""  # may still be a scan
    detector.feed("i", 150)
    assert detector.take_released() == "h"
    assert detector.pending == "i"
    assert detector.feed(ENTER, 300) is None
    assert detector.take_released() == "i"


def test_short_burst_is_typing() -> None:
    detector = WedgeDetector(min_length=4)
    t = type_burst(detector, "123", 0, 5)
    assert detector.feed(ENTER, t) is None
    assert detector.take_released() == "123"


def test_burst_then_a_pause_before_enter_is_typing() -> None:
    detector = WedgeDetector()
    t = type_burst(detector, "12345", 0, 5)
    assert detector.feed(ENTER, t + 200) is None
    assert detector.take_released() == "12345"


def test_pause_in_the_middle_splits_the_burst() -> None:
    detector = WedgeDetector()
    t = type_burst(detector, "ab", 0, 5)
    t = type_burst(detector, "1234", t + 500, 5)
    assert detector.take_released() == "ab"
    assert detector.feed(ENTER, t) == "1234"


def test_gap_exactly_at_the_limit_still_counts_as_fast() -> None:
    detector = WedgeDetector(max_gap_ms=30)
    t = type_burst(detector, "1234", 0, 30)
    assert detector.feed(ENTER, t) == "1234"


def test_flush_releases_what_is_pending() -> None:
    detector = WedgeDetector()
    type_burst(detector, "abc", 0, 5)
    detector.flush()
    assert (detector.pending, detector.take_released()) == ("", "abc")
    assert detector.take_released() == ""


def test_overlong_burst_is_typing() -> None:
    detector = WedgeDetector(max_length=8)
    t = type_burst(detector, "A" * 10, 0, 2)
    assert detector.take_released() == "A" * 8
    assert detector.feed(ENTER, t) is None
    assert detector.take_released() == "AA"


def test_pattern_rejects_fast_non_codes() -> None:
    detector = WedgeDetector(pattern=r"[A-Z0-9-]{4,32}")
    t = type_burst(detector, "hello", 0, 5)
    assert detector.feed(ENTER, t) is None
    assert detector.take_released() == "hello"
    t = type_burst(detector, "AB-12", t + 100, 5)
    assert detector.feed(ENTER, t) == "AB-12"


def test_enter_alone_is_nothing() -> None:
    detector = WedgeDetector()
    assert detector.feed(ENTER, 0) is None
    assert detector.take_released() == ""


@pytest.mark.parametrize(("low", "high"), [(0, 4), (5, 4)])
def test_bad_lengths_are_rejected(low: int, high: int) -> None:
    with pytest.raises(ValueError, match="min_length"):
        WedgeDetector(min_length=low, max_length=high)
