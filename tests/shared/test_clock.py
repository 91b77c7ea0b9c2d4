"""The clocks: the machine's, and the fake that tests and the simulator move by hand."""

from __future__ import annotations

import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from shared.clock import Clock, FakeClock, ScaledClock, SystemClock

START = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)


def test_system_clock_tells_aware_utc_now() -> None:
    clock: Clock = SystemClock()
    before = datetime.now(UTC)
    now = clock.now()
    after = datetime.now(UTC)
    assert now.tzinfo is UTC
    assert before <= now <= after


def test_fake_clock_stands_still() -> None:
    clock: Clock = FakeClock(START)
    assert clock.now() == START
    assert clock.now() == START


def test_fake_clock_normalises_to_utc() -> None:
    berlin = datetime(2026, 11, 23, 9, 0, tzinfo=ZoneInfo("Europe/Berlin"))
    clock = FakeClock(berlin)
    assert clock.now() == START
    assert clock.now().tzinfo is UTC
    clock.set(datetime(2026, 11, 23, 12, 0, tzinfo=timezone(timedelta(hours=2))))
    assert clock.now() == datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
    assert clock.now().tzinfo is UTC


def test_fake_clock_advances_by_timedelta_or_seconds() -> None:
    clock = FakeClock(START)
    assert clock.advance(timedelta(minutes=5)) == START + timedelta(minutes=5)
    assert clock.advance(30) == START + timedelta(minutes=5, seconds=30)
    assert clock.advance(0.5) == START + timedelta(minutes=5, seconds=30.5)
    assert clock.advance(0) == clock.now()


def test_fake_clock_counts_monotonic_seconds_from_its_start() -> None:
    clock = FakeClock(START)
    assert clock.monotonic() == 0.0
    clock.advance(1.5)
    assert clock.monotonic() == 1.5
    clock.advance(timedelta(minutes=1))
    assert clock.monotonic() == 61.5


@pytest.mark.parametrize("step", [timedelta(seconds=-1), -0.001])
def test_fake_clock_never_runs_backwards(step: timedelta | float) -> None:
    clock = FakeClock(START)
    with pytest.raises(ValueError, match="does not run backwards"):
        clock.advance(step)
    assert clock.now() == START


def test_fake_clock_can_jump_back_with_set() -> None:
    clock = FakeClock(START)
    clock.set(START - timedelta(days=1))
    assert clock.now() == START - timedelta(days=1)


def test_fake_clock_refuses_naive_times() -> None:
    naive = datetime(2026, 11, 23, 8, 0)  # noqa: DTZ001
    with pytest.raises(ValueError, match="timezone-aware start"):
        FakeClock(naive)
    clock = FakeClock(START)
    with pytest.raises(ValueError, match="timezone-aware time"):
        clock.set(naive)
    assert clock.now() == START


def test_a_scaled_clock_runs_speed_times_faster_from_its_start() -> None:
    before = time.monotonic()
    clock = ScaledClock(START, 60.0, origin=before - 10)  # started 10 real seconds ago
    now = clock.now()
    after = time.monotonic()
    assert (
        START + timedelta(minutes=10)
        <= now
        <= START + timedelta(seconds=(after - before + 10) * 60)
    )


def test_a_scaled_clock_read_back_from_its_spec_in_another_process_agrees() -> None:
    clock = ScaledClock(START, 20.0)
    script = (
        "import sys; from shared.clock import ScaledClock; "
        "print(ScaledClock.from_spec(sys.argv[1]).now().isoformat())"
    )
    first = clock.now()
    out = subprocess.run(
        [sys.executable, "-c", script, clock.spec()], capture_output=True, text=True, check=True
    )
    last = clock.now()
    assert first <= datetime.fromisoformat(out.stdout.strip()) <= last


def test_a_scaled_clock_refuses_a_naive_start_a_bad_speed_and_a_bad_spec() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        ScaledClock(datetime(2026, 11, 23, 8, 0), 20.0)  # noqa: DTZ001 - the point of the test
    with pytest.raises(ValueError, match="positive"):
        ScaledClock(START, 0)
    with pytest.raises(ValueError):
        ScaledClock.from_spec("yesterday")
