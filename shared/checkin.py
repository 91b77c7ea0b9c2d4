"""When a booked visitor may check in: a window around the booked time (pure, no I/O).

The window opens `early` before the booked time and closes `late` after it, both inclusive.
"Too late" means the booked slot has passed by more than `late`: the counter has planned the
time for someone else, so the visitor is sent to the reception (who may fit them in or book
again) rather than silently queued behind the day's appointments.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from shared.refusal import Refusal

DEFAULT_EARLY = timedelta(minutes=60)
DEFAULT_LATE = timedelta(minutes=15)


@dataclass(frozen=True, slots=True)
class CheckInWindow:
    """How long before and after the booked time a check-in is accepted."""

    early: timedelta = DEFAULT_EARLY
    late: timedelta = DEFAULT_LATE

    def opens(self, booked_at: datetime) -> datetime:
        """The first moment a check-in for `booked_at` is accepted."""
        return booked_at - self.early

    def closes(self, booked_at: datetime) -> datetime:
        """The last moment a check-in for `booked_at` is accepted."""
        return booked_at + self.late

    def judge(self, booked_at: datetime, now: datetime) -> Refusal | None:
        """None when `now` is inside the window, else TOO_EARLY or TOO_LATE."""
        if now < self.opens(booked_at):
            return Refusal.TOO_EARLY
        if now > self.closes(booked_at):
            return Refusal.TOO_LATE
        return None


__all__ = ["DEFAULT_EARLY", "DEFAULT_LATE", "CheckInWindow"]
