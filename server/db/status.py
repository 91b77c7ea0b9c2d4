"""Reads for the visitors' status pages: one ticket behind its key, and places in bulk."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from server.db.models import TicketRow
from server.db.visitors import status_of
from server.db.waits import expected_wait_minutes
from server.errors import NotFoundError
from shared.domain import Site, Ticket, TicketStatus
from shared.policy import PolicySettings


@dataclass(frozen=True)
class TicketPage:
    """A ticket as its status page shows it: the ticket, its place and expected wait."""

    ticket: Ticket
    position: int | None
    wait_minutes: float | None


def ticket_page(
    session: Session,
    site: Site,
    ticket_id: int,
    key: str,
    *,
    today: date,
    now: datetime,
    policy: PolicySettings,
) -> TicketPage:
    """Today's ticket behind a key; NotFoundError for a wrong key or another day's ticket."""
    ticket, place = status_of(session, ticket_id, key)
    if ticket.day != today:
        raise NotFoundError("no ticket with this id and key")
    wait = expected_wait_minutes(session, site, ticket, now, policy)
    return TicketPage(ticket, place, wait)


def places(session: Session, day: date, ticket_ids: Collection[int]) -> dict[int, int]:
    """The 1-based place of each waiting ticket among `ticket_ids` (one query for all)."""
    wanted = set(ticket_ids)
    rows = session.execute(
        select(TicketRow.id, TicketRow.service_id)
        .where(TicketRow.day == day, TicketRow.status == TicketStatus.WAITING.value)
        .order_by(func.coalesce(TicketRow.queued_at, TicketRow.created_at), TicketRow.id)
    )
    seen: dict[str, int] = {}
    found: dict[int, int] = {}
    for ticket_id, service_id in rows:
        seen[service_id] = seen.get(service_id, 0) + 1
        if ticket_id in wanted:
            found[ticket_id] = seen[service_id]
    return found
