"""Today's key figures of the office, read from the store: tickets, waits, no-shows.

A wait is the time from issue (walk-in) or check-in (appointment) to the ticket's first call;
tickets not yet called are counted as waiting, not as waits. Percentiles use the nearest-rank
method on the whole day's waits (no sampling, no interpolation), so each figure is the wait of
a real visitor.
"""

from __future__ import annotations

import math
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from server.db.models import TicketRow
from shared.domain import TicketStatus
from shared.wire import DayFigures


def nearest_rank(sorted_values: list[float], fraction: float) -> float:
    """The nearest-rank percentile of sorted values (fraction in (0, 1])."""
    index = max(math.ceil(fraction * len(sorted_values)) - 1, 0)
    return sorted_values[index]


def _median(values: list[float]) -> float:
    middle = len(values) // 2
    if len(values) % 2:
        return values[middle]
    return (values[middle - 1] + values[middle]) / 2


def day_figures(session: Session, day: date) -> DayFigures:
    """Count the day's tickets and measure their waits until first call."""
    rows = session.execute(
        select(TicketRow.status, TicketRow.created_at, TicketRow.called_at).where(
            TicketRow.day == day
        )
    ).all()
    waits = sorted(
        (called - created).total_seconds() / 60.0 for _, created, called in rows if called
    )
    statuses = [TicketStatus(status) for status, _, _ in rows]
    return DayFigures(
        day=day,
        tickets=len(rows),
        called=len(waits),
        waiting=statuses.count(TicketStatus.WAITING),
        done=statuses.count(TicketStatus.DONE),
        no_shows=statuses.count(TicketStatus.NO_SHOW),
        median_wait_minutes=round(_median(waits), 1) if waits else None,
        p90_wait_minutes=round(nearest_rank(waits, 0.9), 1) if waits else None,
        longest_wait_minutes=round(waits[-1], 1) if waits else None,
    )
