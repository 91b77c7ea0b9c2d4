"""The one injectable source of time: every part of Aufruf asks a `Clock` for now."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    """Anything that tells the current time as an aware UTC datetime."""

    def now(self) -> datetime:
        """Return the current time, timezone-aware, in UTC."""
        ...


class SystemClock:
    """The wall clock of the machine."""

    def now(self) -> datetime:
        """Return the machine's current time in UTC."""
        return datetime.now(UTC)


class FakeClock:
    """A clock that stands still until a test or the simulator moves it."""

    def __init__(self, start: datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("FakeClock needs a timezone-aware start time")
        self._now = self._start = start.astimezone(UTC)

    def now(self) -> datetime:
        """Return the time the clock was last set to."""
        return self._now

    def monotonic(self) -> float:
        """Seconds since the start, for code that measures spans with `time.monotonic`."""
        return (self._now - self._start).total_seconds()

    def advance(self, delta: timedelta | float) -> datetime:
        """Move the clock forward by a timedelta or a number of seconds; return the new now."""
        step = delta if isinstance(delta, timedelta) else timedelta(seconds=delta)
        if step < timedelta(0):
            raise ValueError("time does not run backwards")
        self._now += step
        return self._now

    def set(self, when: datetime) -> None:
        """Jump to an aware datetime (forward or back, for day-rollover tests)."""
        if when.tzinfo is None:
            raise ValueError("FakeClock needs a timezone-aware time")
        self._now = when.astimezone(UTC)
