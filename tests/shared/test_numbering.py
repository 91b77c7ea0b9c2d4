"""Ticket numbers and the site's day: local midnight in Europe/Berlin, across both DST changes."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shared.clock import FakeClock
from shared.numbering import format_number, local_day

BERLIN = "Europe/Berlin"


@pytest.mark.parametrize(
    ("instant", "day"),
    [
        # winter (CET, UTC+1): midnight is 23:00 UTC the evening before
        (datetime(2026, 1, 14, 22, 59, 59, tzinfo=UTC), date(2026, 1, 14)),
        (datetime(2026, 1, 14, 23, 0, tzinfo=UTC), date(2026, 1, 15)),
        # summer (CEST, UTC+2): midnight is 22:00 UTC
        (datetime(2026, 7, 1, 21, 59, 59, tzinfo=UTC), date(2026, 7, 1)),
        (datetime(2026, 7, 1, 22, 0, tzinfo=UTC), date(2026, 7, 2)),
        # spring forward 2026-03-29: the day begins in CET and ends in CEST
        (datetime(2026, 3, 28, 22, 59, 59, tzinfo=UTC), date(2026, 3, 28)),
        (datetime(2026, 3, 28, 23, 0, tzinfo=UTC), date(2026, 3, 29)),
        (datetime(2026, 3, 29, 21, 59, 59, tzinfo=UTC), date(2026, 3, 29)),
        (datetime(2026, 3, 29, 22, 0, tzinfo=UTC), date(2026, 3, 30)),
        # fall back 2026-10-25: the day begins in CEST and ends in CET
        (datetime(2026, 10, 24, 21, 59, 59, tzinfo=UTC), date(2026, 10, 24)),
        (datetime(2026, 10, 24, 22, 0, tzinfo=UTC), date(2026, 10, 25)),
        (datetime(2026, 10, 25, 22, 59, 59, tzinfo=UTC), date(2026, 10, 25)),
        (datetime(2026, 10, 25, 23, 0, tzinfo=UTC), date(2026, 10, 26)),
    ],
)
def test_local_day_turns_at_local_midnight(instant: datetime, day: date) -> None:
    assert local_day(instant, BERLIN) == day


def test_local_day_of_another_offset_is_the_same_instant() -> None:
    tokyo = datetime(2026, 3, 29, 7, 30, tzinfo=ZoneInfo("Asia/Tokyo"))  # 22:30 UTC the day before
    assert local_day(tokyo, BERLIN) == date(2026, 3, 28)
    assert local_day(tokyo, "Asia/Tokyo") == date(2026, 3, 29)


@pytest.mark.parametrize(
    ("day", "hours"), [(date(2026, 3, 29), 23), (date(2026, 10, 25), 25), (date(2026, 6, 1), 24)]
)
def test_dst_days_are_23_and_25_hours_long(day: date, hours: int) -> None:
    start = datetime.combine(day - timedelta(days=1), time(0), tzinfo=UTC)
    minutes = [start + timedelta(minutes=m) for m in range(3 * 24 * 60)]
    assert sum(local_day(m, BERLIN) == day for m in minutes) == hours * 60


def _issue_all(clock: FakeClock, steps: int, step: timedelta) -> list[tuple[date, str]]:
    """Issue one ticket per step the way the store does: the daily sequence restarts each day."""
    issued: list[tuple[date, str]] = []
    counts: dict[date, int] = {}
    for _ in range(steps):
        day = local_day(clock.now(), BERLIN)
        counts[day] = counts.get(day, 0) + 1
        issued.append((day, format_number("A", counts[day])))
        clock.advance(step)
    return issued


@pytest.mark.parametrize(
    "evening",
    [
        datetime(2026, 3, 28, 22, 30, tzinfo=UTC),  # 23:30 CET before spring forward
        datetime(2026, 10, 25, 22, 30, tzinfo=UTC),  # 23:30 CET after fall back
    ],
)
def test_numbers_restart_at_midnight_on_dst_days(evening: datetime) -> None:
    clock = FakeClock(evening)
    issued = _issue_all(clock, steps=8, step=timedelta(minutes=10))
    numbers = [number for _, number in issued]
    assert numbers == ["A001", "A002", "A003", "A001", "A002", "A003", "A004", "A005"]
    assert len({day for day, _ in issued}) == 2


def test_numbers_do_not_restart_at_the_dst_switch_itself() -> None:
    # 00:30 to 04:30 local on 2026-03-29 (02:00 does not exist) and 2026-10-25 (02:00-03:00 twice)
    for night in (
        datetime(2026, 3, 28, 23, 30, tzinfo=UTC),
        datetime(2026, 10, 24, 22, 30, tzinfo=UTC),
    ):
        issued = _issue_all(FakeClock(night), steps=9, step=timedelta(minutes=30))
        assert [n for _, n in issued] == [format_number("A", i) for i in range(1, 10)]


def test_local_day_needs_an_aware_time() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        local_day(datetime(2026, 3, 29, 12, 0), BERLIN)  # noqa: DTZ001


@pytest.mark.parametrize(
    ("letter", "seq", "text"),
    [("A", 1, "A001"), ("A", 42, "A042"), ("B", 999, "B999"), ("Z", 1234, "Z1234")],
)
def test_format_number(letter: str, seq: int, text: str) -> None:
    assert format_number(letter, seq) == text


@pytest.mark.parametrize("seq", [0, -1])
def test_format_number_starts_at_one(seq: int) -> None:
    with pytest.raises(ValueError, match="starts at 1"):
        format_number("A", seq)


@given(letter=st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZ"), seq=st.integers(1, 10**6))
def test_format_number_round_trips(letter: str, seq: int) -> None:
    text = format_number(letter, seq)
    assert text[0] == letter
    assert len(text) >= 4
    assert int(text[1:]) == seq


@given(
    st.datetimes(timezones=st.just(UTC)),
    st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=3)),
)
def test_local_day_never_goes_back(instant: datetime, step: timedelta) -> None:
    assert local_day(instant, BERLIN) <= local_day(instant + step, BERLIN)
    assert local_day(instant, BERLIN) == instant.astimezone(ZoneInfo(BERLIN)).date()
