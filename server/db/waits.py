"""Expected wait for a ticket: `shared.estimate` fed from today's queue and finished tickets."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from server.db.models import CounterRow, TicketRow
from server.db.tickets import to_ticket
from shared.domain import CounterState, Site, Ticket, TicketStatus
from shared.estimate import ServiceTimes, estimate_wait
from shared.policy import CounterProfile, PolicySettings, eligible

RECENT = timedelta(hours=2)


def open_profiles(session: Session, site: Site) -> list[CounterProfile]:
    """The profiles of the configured counters that are open now."""
    open_ids = session.scalars(
        select(CounterRow.id).where(CounterRow.state == CounterState.OPEN.value)
    )
    return [CounterProfile.of(site.counters[cid]) for cid in open_ids if cid in site.counters]


def expected_wait_minutes(
    session: Session, site: Site, ticket: Ticket, now: datetime, policy: PolicySettings
) -> float | None:
    """Minutes a waiting ticket should still wait, or None when no open counter serves it."""
    if ticket.status is not TicketStatus.WAITING:
        return None
    counters = open_profiles(session, site)
    if not any(eligible(ticket, profile) for profile in counters):
        return None
    waiting = [
        to_ticket(row)
        for row in session.scalars(
            select(TicketRow).where(
                TicketRow.day == ticket.day, TicketRow.status == TicketStatus.WAITING.value
            )
        )
    ]
    finished = [
        to_ticket(row)
        for row in session.scalars(
            select(TicketRow).where(
                TicketRow.status == TicketStatus.DONE.value, TicketRow.finished_at >= now - RECENT
            )
        )
    ]
    configured = {sid: service.expected_minutes for sid, service in site.services.items()}
    times = ServiceTimes.from_recent(finished, configured, now, window=RECENT)
    wait = estimate_wait(ticket.service_id, waiting, counters, times, now, policy, ticket=ticket)
    return None if wait is None else round(wait.total_seconds() / 60.0, 1)
