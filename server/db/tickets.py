"""Ticket rows ↔ domain tickets, and the ticket queries the queue operations share."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.orm import Session

from server.db import desk_refusals
from server.db.models import CounterRow, TicketRow
from shared.domain import Ticket, TicketOrigin, TicketStatus
from shared.protocol import TicketInfo

LIVE = (TicketStatus.WAITING, TicketStatus.CALLED, TicketStatus.SERVING, TicketStatus.PARKED)
IN_HAND = (TicketStatus.CALLED, TicketStatus.SERVING)
CANDIDATES = 3
"""How many tickets per (service, emergency, pin, origin) group `waiting_for` loads."""


def to_ticket(row: TicketRow) -> Ticket:
    """The domain ticket of a row."""
    return Ticket(
        id=row.id,
        number=row.number,
        service_id=row.service_id,
        day=row.day,
        seq=row.seq,
        status=TicketStatus(row.status),
        created_at=row.created_at,
        origin=TicketOrigin(row.origin),
        language=row.language,
        emergency=row.emergency,
        due_at=row.due_at,
        called_at=row.called_at,
        last_called_at=row.last_called_at,
        started_at=row.started_at,
        finished_at=row.finished_at,
        counter_id=row.counter_id,
        pinned_counter_id=row.pinned_counter_id,
        queued_at=row.queued_at,
        appointment_id=row.appointment_id,
        recalls=row.recalls,
        transfers=row.transfers,
        note=row.note,
    )


def store_ticket(row: TicketRow, ticket: Ticket) -> None:
    """Copy the fields a lifecycle step may change from the domain ticket onto its row."""
    row.status = ticket.status.value
    row.service_id = ticket.service_id
    row.queued_at = ticket.queued_at
    row.called_at = ticket.called_at
    row.last_called_at = ticket.last_called_at
    row.started_at = ticket.started_at
    row.finished_at = ticket.finished_at
    row.counter_id = ticket.counter_id
    row.pinned_counter_id = ticket.pinned_counter_id
    row.recalls = ticket.recalls
    row.transfers = ticket.transfers
    row.note = ticket.note


def ticket_info(ticket: Ticket) -> TicketInfo:
    """What staff see of a ticket."""
    return TicketInfo(
        id=ticket.id,
        number=ticket.number,
        service_id=ticket.service_id,
        status=ticket.status,
        origin=ticket.origin,
        emergency=ticket.emergency,
        language=ticket.language,
        created_at=ticket.created_at,
        queued_at=ticket.queued_at,
        called_at=ticket.called_at,
        counter_id=ticket.counter_id,
        pinned_counter_id=ticket.pinned_counter_id,
        recalls=ticket.recalls,
        note=ticket.note,
        due_at=ticket.due_at,
    )


def get_row(session: Session, ticket_id: int) -> TicketRow:
    """The row of a ticket, or NotFoundError (reason `unknown_ticket`)."""
    row = session.get(TicketRow, ticket_id)
    if row is None:
        raise desk_refusals.unknown_ticket(ticket_id)
    return row


def sync_counter(session: Session, row: TicketRow) -> None:
    """Keep `counters.ticket_id` in step: the counter holding a called/serving ticket, else none."""
    if TicketStatus(row.status) in IN_HAND and row.counter_id is not None:
        session.execute(
            update(CounterRow).where(CounterRow.id == row.counter_id).values(ticket_id=row.id)
        )
    else:
        session.execute(
            update(CounterRow).where(CounterRow.ticket_id == row.id).values(ticket_id=None)
        )


def next_seq(session: Session, day: date, service_id: str) -> int:
    """The next daily sequence number of a service (writers are serialised, so no race)."""
    last = session.scalar(
        select(func.max(TicketRow.seq)).where(
            TicketRow.day == day, TicketRow.issued_service_id == service_id
        )
    )
    return (last or 0) + 1


def position(session: Session, ticket: Ticket) -> int:
    """1-based place among today's waiting tickets of its service (by waiting time, then id)."""
    since = ticket.waiting_since
    ahead = session.scalar(
        select(func.count(TicketRow.id)).where(
            TicketRow.day == ticket.day,
            TicketRow.service_id == ticket.service_id,
            TicketRow.status == TicketStatus.WAITING.value,
            or_(
                TicketRow.queued_at < since,
                and_(TicketRow.queued_at == since, TicketRow.id < ticket.id),
            ),
        )
    )
    return (ahead or 0) + 1


def waiting_for(
    session: Session, day: date, counter_id: str, services: Sequence[str]
) -> list[Ticket]:
    """The candidates among today's waiting tickets a counter may call (see `CANDIDATES`).

    Eligible are its services unpinned, or anything pinned to it. The policy is first-in,
    first-out within one service and one class (emergency, pinned, origin), so only the
    first few of each such group by waiting time can win. Checked-in appointments (few, and
    ordered by booked time) are all loaded. This keeps *call next* fast with thousands waiting.
    """
    group = (
        TicketRow.service_id,
        TicketRow.emergency,
        TicketRow.pinned_counter_id,
        TicketRow.origin,
    )
    ranked = (
        select(
            TicketRow.id,
            func.row_number()
            .over(partition_by=group, order_by=(TicketRow.queued_at, TicketRow.id))
            .label("by_wait"),
            TicketRow.origin,
        )
        .where(
            TicketRow.day == day,
            TicketRow.status == TicketStatus.WAITING.value,
            or_(
                TicketRow.pinned_counter_id == counter_id,
                and_(
                    TicketRow.pinned_counter_id.is_(None),
                    TicketRow.service_id.in_(list(services)),
                ),
            ),
        )
        .subquery()
    )
    wanted = select(ranked.c.id).where(
        or_(ranked.c.by_wait <= CANDIDATES, ranked.c.origin == TicketOrigin.APPOINTMENT.value)
    )
    rows = session.scalars(select(TicketRow).where(TicketRow.id.in_(wanted)))
    return [to_ticket(row) for row in rows]


def tickets_of_day(session: Session, day: date, statuses: Sequence[TicketStatus]) -> list[Ticket]:
    """Tickets of a day in the given states, in issue order."""
    rows = session.scalars(
        select(TicketRow)
        .where(TicketRow.day == day, TicketRow.status.in_([s.value for s in statuses]))
        .order_by(TicketRow.id)
    )
    return [to_ticket(row) for row in rows]
