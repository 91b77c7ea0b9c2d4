"""The one injectable source of time: every part of Aufruf asks a `Clock` for now."""

from __future__ import annotations

import asyncio
import time
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


class ScaledClock:
    """A clock that starts at a chosen time and runs `speed` times faster than real time.

    It counts from a moment of `time.monotonic()`, which every process on the machine shares:
    `spec()` written on one process's command line and `from_spec()` read in another give two
    clocks that agree (the demo office's hub and its apps run on one clock so).
    """

    def __init__(self, start: datetime, speed: float, *, origin: float | None = None) -> None:
        if start.tzinfo is None:
            raise ValueError("ScaledClock needs a timezone-aware start time")
        if speed <= 0:
            raise ValueError("ScaledClock needs a positive speed")
        self._start = start.astimezone(UTC)
        self._real = time.monotonic() if origin is None else origin
        self.speed = speed

    def now(self) -> datetime:
        """The scaled current time."""
        return self._start + timedelta(seconds=(time.monotonic() - self._real) * self.speed)

    def begin(self) -> None:
        """Start the run from the start time now (after a slow setup)."""
        self._real = time.monotonic()

    async def sleep(self, scaled_seconds: float) -> None:
        """Sleep for a span of scaled time."""
        await asyncio.sleep(scaled_seconds / self.speed)

    def spec(self) -> str:
        """`START@ORIGINxSPEED`, e.g. `2026-11-23T06:58:00+00:00@12345.678x20` (`from_spec`)."""
        return f"{self._start.isoformat()}@{self._real!r}x{self.speed!r}"

    @classmethod
    def from_spec(cls, spec: str) -> ScaledClock:
        """The clock that `spec()` wrote (ValueError for anything else)."""
        start, _, rest = spec.partition("@")
        origin, _, speed = rest.partition("x")
        return cls(datetime.fromisoformat(start), float(speed), origin=float(origin))
