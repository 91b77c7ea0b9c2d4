"""The council's report: tickets and waits per period and service, aggregates only; no I/O.

The definitions are those of today's key figures (`server.db.figures.day_figures` uses the
functions here): a wait runs from issue (walk-in) or check-in (appointment) to the ticket's
*first* call; a ticket never called has no wait (it is counted, not measured); the median is
the middle value (the mean of the two middle ones for an even count), other percentiles are by
nearest rank over every value, no sampling. A ticket counts under the service it was issued
for and the site-local day it was issued on.

Data protection: rows hold counts and statistics, never a ticket. A statistic over fewer than
`SMALLEST` values (a median, a 90th percentile, the longest wait, a share) is withheld (None,
printed "–"), so no single visitor's wait can be read off a quiet day's cell.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from shared.domain import TicketOrigin, TicketStatus

SMALLEST = 5
"""The fewest values a statistic is shown for; below it the cell is withheld."""


class Grouping(StrEnum):
    """The length of the report's periods."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    TOTAL = "total"


@dataclass(frozen=True, slots=True, kw_only=True)
class TicketTimes:
    """What the report reads of a ticket: no number, no name, no note."""

    day: date
    service_id: str
    origin: TicketOrigin
    status: TicketStatus
    created_at: datetime
    due_at: datetime | None = None
    called_at: datetime | None = None
    started_at: datetime | None = None
    finished_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Period:
    """A stretch of site-local days, both ends included, and its label (2026-11, 2026-W45)."""

    label: str
    first: date
    last: date


@dataclass(frozen=True, slots=True, kw_only=True)
class Figures:
    """Counts and statistics of a set of tickets (minutes, shares in percent; None: withheld)."""

    issued: int
    walk_ins: int
    appointments: int
    called: int
    served: int
    no_shows: int
    never_called: int
    """Cancelled, left or still waiting before the first call: their wait is unknown."""
    median_wait: float | None
    p90_wait: float | None
    longest_wait: float | None
    within_30: float | None
    """Share of the measured waits (called tickets) of at most 30 minutes."""
    within_60: float | None
    median_at_counter: float | None
    """Started to finished, over the tickets that have both."""
    median_late: float | None
    """Appointments: first call after the booked time (negative: called before it)."""
    p90_late: float | None


@dataclass(frozen=True, slots=True)
class ReportRow:
    """One period's figures for a service, or for all services (`service_id` None)."""

    period: Period
    service_id: str | None
    figures: Figures


def median(sorted_values: Sequence[float]) -> float:
    """The middle of sorted values; the mean of the two middle ones for an even count."""
    middle = len(sorted_values) // 2
    if len(sorted_values) % 2:
        return sorted_values[middle]
    return (sorted_values[middle - 1] + sorted_values[middle]) / 2


def nearest_rank(sorted_values: Sequence[float], fraction: float) -> float:
    """The nearest-rank percentile of sorted values (fraction in (0, 1])."""
    index = max(math.ceil(fraction * len(sorted_values)) - 1, 0)
    return sorted_values[index]


def minutes(start: datetime, end: datetime) -> float:
    """The minutes from one instant to another."""
    return (end - start).total_seconds() / 60.0


def _shown(values: Sequence[float], statistic: float) -> float | None:
    """The statistic rounded to 0.1, or None when too few values stand behind it."""
    return round(statistic, 1) if len(values) >= SMALLEST else None


def _share(values: Sequence[float], limit: float) -> float | None:
    if len(values) < SMALLEST:
        return None
    return round(100.0 * sum(1 for v in values if v <= limit) / len(values), 1)


def figures_of(tickets: Sequence[TicketTimes]) -> Figures:
    """Count a set of tickets and measure their waits (statistics withheld below SMALLEST)."""
    waits = sorted(minutes(t.created_at, t.called_at) for t in tickets if t.called_at)
    at_counter = sorted(
        minutes(t.started_at, t.finished_at) for t in tickets if t.started_at and t.finished_at
    )
    late = sorted(
        minutes(t.due_at, t.called_at)
        for t in tickets
        if t.origin is TicketOrigin.APPOINTMENT and t.due_at and t.called_at
    )
    statuses = [t.status for t in tickets]
    appointments = sum(1 for t in tickets if t.origin is TicketOrigin.APPOINTMENT)
    return Figures(
        issued=len(tickets),
        walk_ins=len(tickets) - appointments,
        appointments=appointments,
        called=len(waits),
        served=statuses.count(TicketStatus.DONE),
        no_shows=statuses.count(TicketStatus.NO_SHOW),
        never_called=len(tickets) - len(waits),
        median_wait=_shown(waits, median(waits)) if waits else None,
        p90_wait=_shown(waits, nearest_rank(waits, 0.9)) if waits else None,
        longest_wait=_shown(waits, waits[-1]) if waits else None,
        within_30=_share(waits, 30.0),
        within_60=_share(waits, 60.0),
        median_at_counter=_shown(at_counter, median(at_counter)) if at_counter else None,
        median_late=_shown(late, median(late)) if late else None,
        p90_late=_shown(late, nearest_rank(late, 0.9)) if late else None,
    )


def _next_start(day: date, grouping: Grouping) -> date:
    """The first day of the period after the one `day` is in."""
    if grouping is Grouping.DAY:
        return day + timedelta(days=1)
    if grouping is Grouping.WEEK:
        return day + timedelta(days=7 - day.weekday())
    if day.month == 12:
        return date(day.year + 1, 1, 1)
    return date(day.year, day.month + 1, 1)


def _label(first: date, last: date, grouping: Grouping) -> str:
    if grouping is Grouping.DAY:
        return first.isoformat()
    if grouping is Grouping.WEEK:
        year, week, _ = first.isocalendar()
        return f"{year}-W{week:02d}"
    if grouping is Grouping.MONTH:
        return f"{first.year}-{first.month:02d}"
    return f"{first.isoformat()} to {last.isoformat()}"


def periods(first: date, last: date, grouping: Grouping) -> list[Period]:
    """The periods covering `first`..`last` (ISO weeks, calendar months; cut at both ends)."""
    if grouping is Grouping.TOTAL:
        return [Period(_label(first, last, grouping), first, last)]
    found: list[Period] = []
    start = first
    while start <= last:
        end = min(_next_start(start, grouping) - timedelta(days=1), last)
        found.append(Period(_label(start, end, grouping), start, end))
        start = end + timedelta(days=1)
    return found


def build_report(
    tickets: Iterable[TicketTimes],
    first: date,
    last: date,
    grouping: Grouping,
    service_ids: Sequence[str],
) -> list[ReportRow]:
    """Per period: a row per service (the site's, then unknown ids), then all services.

    Every configured service has a row in every period, with zeros where nothing happened;
    a service id no longer in the site config gets rows once it has a ticket in the range.
    """
    spans = periods(first, last, grouping)
    starts = [p.first for p in spans]
    grouped: dict[tuple[int, str], list[TicketTimes]] = defaultdict(list)
    for ticket in tickets:
        if first <= ticket.day <= last:
            grouped[bisect_right(starts, ticket.day) - 1, ticket.service_id].append(ticket)
    unknown = sorted({sid for _, sid in grouped} - set(service_ids))
    services = [*service_ids, *unknown]
    rows: list[ReportRow] = []
    for index, period in enumerate(spans):
        every: list[TicketTimes] = []
        for sid in services:
            mine = grouped.get((index, sid), [])
            every.extend(mine)
            rows.append(ReportRow(period, sid, figures_of(mine)))
        rows.append(ReportRow(period, None, figures_of(every)))
    return rows
