"""Today's key figures of the office, read from the store: tickets, waits, no-shows.

A wait is the time from issue (walk-in) or check-in (appointment) to the ticket's first call;
tickets not yet called are counted as waiting, not as waits. Percentiles use the nearest-rank
method on the whole day's waits (no sampling, no interpolation), so each figure is the wait of
a real visitor. The functions are `server.report`'s, so the council's report agrees.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from server.db.models import TicketRow
from server.report import TicketTimes, median, minutes, nearest_rank
from shared.domain import TicketOrigin, TicketStatus
from shared.wire import DayFigures

__all__ = ["day_figures", "nearest_rank", "ticket_times"]


def day_figures(session: Session, day: date) -> DayFigures:
    """Count the day's tickets and measure their waits until first call."""
    rows = session.execute(
        select(TicketRow.status, TicketRow.created_at, TicketRow.called_at).where(
            TicketRow.day == day
        )
    ).all()
    waits = sorted(minutes(created, called) for _, created, called in rows if called)
    statuses = [TicketStatus(status) for status, _, _ in rows]
    return DayFigures(
        day=day,
        tickets=len(rows),
        called=len(waits),
        waiting=statuses.count(TicketStatus.WAITING),
        done=statuses.count(TicketStatus.DONE),
        no_shows=statuses.count(TicketStatus.NO_SHOW),
        median_wait_minutes=round(median(waits), 1) if waits else None,
        p90_wait_minutes=round(nearest_rank(waits, 0.9), 1) if waits else None,
        longest_wait_minutes=round(waits[-1], 1) if waits else None,
    )


def ticket_times(session: Session, first: date, last: date) -> list[TicketTimes]:
    """The report's view of the tickets issued on the site-local days `first`..`last`."""
    rows = session.execute(
        select(
            TicketRow.day,
            TicketRow.issued_service_id,
            TicketRow.origin,
            TicketRow.status,
            TicketRow.created_at,
            TicketRow.due_at,
            TicketRow.called_at,
            TicketRow.started_at,
            TicketRow.finished_at,
        ).where(TicketRow.day.between(first, last))
    )
    return [
        TicketTimes(
            day=day,
            service_id=service_id,
            origin=TicketOrigin(origin),
            status=TicketStatus(status),
            created_at=created_at,
            due_at=due_at,
            called_at=called_at,
            started_at=started_at,
            finished_at=finished_at,
        )
        for (
            day,
            service_id,
            origin,
            status,
            created_at,
            due_at,
            called_at,
            started_at,
            finished_at,
        ) in rows
    ]
