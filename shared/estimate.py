"""Expected waiting time for a ticket, from the queue ahead, the open counters and service times.

The model, kept simple on purpose so it can be explained to a visitor and checked by hand:

1. **Service minutes** per service come from `ServiceTimes`: the median time a counter was
   busy with a ticket (last call to finish) over recent finished tickets, or the configured
   ``expected_minutes`` while there are fewer than ``min_samples`` of them.
2. **Counters** that count are the open ones that serve the ticket's service (weight > 0, or
   the counter a ticket is pinned to). None of them: no estimate (``None``).
3. **Work ahead**: every waiting ticket that the queue policy (`shared.policy.ahead_of`) puts
   before our ticket at one of those counters. Each brings its service minutes times the
   share of its counters that are also ours: a ticket ahead that three open counters serve,
   only one of them ours, brings a third of its minutes.
4. **Wait** = work ahead / number of our counters.

It ignores what is being served right now (a counter busy for five more minutes) and
visitors who will overtake later (an emergency, a due appointment); it is a fair guess, not
a promise.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from statistics import median

from shared.domain import Ticket, TicketStatus
from shared.policy import DEFAULT_SETTINGS, CounterProfile, PolicySettings, ahead_of, eligible

log = logging.getLogger(__name__)

_BUSY = frozenset({TicketStatus.CALLED, TicketStatus.SERVING})

DEFAULT_MINUTES = 10.0
"""Minutes assumed for a service that has neither recent samples nor a configured time."""


@dataclass(frozen=True, slots=True)
class ServiceTimes:
    """Minutes a counter spends per ticket of each service: measured, else configured."""

    measured: Mapping[str, float] = field(default_factory=dict)
    configured: Mapping[str, float] = field(default_factory=dict)
    default: float = DEFAULT_MINUTES

    def minutes(self, service_id: str) -> float:
        """The minutes to expect for one ticket of a service."""
        if service_id in self.measured:
            return self.measured[service_id]
        return self.configured.get(service_id, self.default)

    @classmethod
    def from_recent(
        cls,
        finished: Sequence[Ticket],
        configured: Mapping[str, float],
        now: datetime,
        window: timedelta = timedelta(hours=2),
        min_samples: int = 3,
    ) -> ServiceTimes:
        """Median service minutes of tickets DONE within `window` before `now`, per service."""
        samples: dict[str, list[float]] = {}
        for ticket in finished:
            minutes = busy_minutes(ticket)
            if minutes is None or ticket.finished_at is None:
                continue
            if not now - window <= ticket.finished_at <= now:
                continue
            samples.setdefault(ticket.service_id, []).append(minutes)
        measured = {
            service: median(values)
            for service, values in samples.items()
            if len(values) >= max(min_samples, 1)
        }
        return cls(measured=measured, configured=dict(configured))


def busy_minutes(ticket: Ticket) -> float | None:
    """Minutes a counter was busy with a DONE ticket (last call, else start, to finish)."""
    if ticket.status is not TicketStatus.DONE or ticket.finished_at is None:
        return None
    began = ticket.last_called_at or ticket.called_at or ticket.started_at
    if began is None:
        return None
    return max((ticket.finished_at - began).total_seconds() / 60.0, 0.0)


def _newcomer(service_id: str, waiting: Sequence[Ticket], now: datetime) -> Ticket:
    """A walk-in issued now, sorting after every ticket already there."""
    next_id = max((t.id for t in waiting), default=0) + 1
    return Ticket(
        id=next_id,
        number="",
        service_id=service_id,
        day=date.min,
        seq=next_id,
        status=TicketStatus.WAITING,
        created_at=now,
    )


def tickets_ahead(
    subject: Ticket,
    waiting: Sequence[Ticket],
    counters: Sequence[CounterProfile],
    now: datetime,
    settings: PolicySettings = DEFAULT_SETTINGS,
) -> list[Ticket]:
    """Waiting tickets called before `subject` at any counter that may call it, oldest first."""
    ahead: dict[int, Ticket] = {}
    for profile in counters:
        if not eligible(subject, profile):
            continue
        for other in ahead_of(subject, waiting, profile, now, settings):
            ahead[other.id] = other
    return sorted(ahead.values(), key=lambda t: (t.waiting_since, t.id))


def remaining_minutes(ticket: Ticket, times: ServiceTimes, now: datetime) -> float:
    """Minutes a called or serving ticket should still keep its counter busy (0 when overdue)."""
    began = ticket.last_called_at or ticket.called_at or ticket.started_at or now
    elapsed = max((now - began).total_seconds() / 60.0, 0.0)
    return max(times.minutes(ticket.service_id) - elapsed, 0.0)


def estimate_wait(  # noqa: PLR0917 -- positional order agreed with the store (store_api.md)
    service_id: str,
    waiting: Sequence[Ticket],
    open_counters: Sequence[CounterProfile],
    times: ServiceTimes,
    now: datetime,
    settings: PolicySettings = DEFAULT_SETTINGS,
    *,
    ticket: Ticket | None = None,
    serving: Sequence[Ticket] = (),
) -> timedelta | None:
    """Expected wait for a new walk-in of a service (or for `ticket`, if given); None if unserved.

    Pass ``ticket`` when `waiting` already holds the ticket being estimated (it is then left out
    of the work ahead); without it a walk-in issued at `now` is assumed. ``serving`` are the
    CALLED/SERVING tickets: the first of our counters frees up when its ticket is done.
    """
    subject = ticket if ticket is not None else _newcomer(service_id, waiting, now)
    ours = [c for c in open_counters if eligible(subject, c)]
    if not ours:
        return None
    ours_ids = {c.counter_id for c in ours}
    remaining = dict.fromkeys(ours_ids, 0.0)
    for busy in serving:
        if busy.status in _BUSY and busy.counter_id in remaining:
            remaining[busy.counter_id] = remaining_minutes(busy, times, now)
    work = 0.0
    for other in tickets_ahead(subject, waiting, ours, now, settings):
        theirs = {c.counter_id for c in open_counters if eligible(other, c)}
        work += times.minutes(other.service_id) * len(theirs & ours_ids) / len(theirs)
    wait = timedelta(minutes=min(remaining.values()) + work / len(ours))
    log.debug("estimate for %s: %.1f min of work on %d counters", service_id, work, len(ours))
    return wait
