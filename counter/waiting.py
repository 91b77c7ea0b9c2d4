"""The waiting picture of one counter: per concern count and longest wait, and the next few
tickets in the order the hub's own queue policy (`shared.policy.rank`) would call them.

Qt-free, computed on the client from the staff snapshot and events (no polling, no extra
endpoint): the same policy code and settings the hub calls with, so the list shows what
*Next* will do — as long as no other counter calls first.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from shared.domain import Ticket, TicketStatus
from shared.policy import ChoiceReason, CounterProfile, PolicySettings, rank, waited_minutes
from shared.protocol import TicketInfo


@dataclass(frozen=True, slots=True, kw_only=True)
class ConcernLine:
    """One concern this counter serves: how many wait, and the longest wait in minutes."""

    service_id: str
    name: str
    count: int
    longest_minutes: int


@dataclass(frozen=True, slots=True, kw_only=True)
class NextLine:
    """A ticket the policy would call soon, with its marks."""

    ticket_id: int
    number: str
    concern: str
    waited_minutes: int
    reason: ChoiceReason
    emergency: bool
    overdue: bool
    appointment: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class WaitingPicture:
    """What waits for a counter."""

    concerns: tuple[ConcernLine, ...] = ()
    next_tickets: tuple[NextLine, ...] = ()
    total: int = 0
    """Tickets this counter may call (every concern it serves, and tickets pinned to it)."""


def to_ticket(info: TicketInfo) -> Ticket:
    """The domain ticket of a staff ticket (enough for the policy)."""
    return Ticket(
        id=info.id,
        number=info.number,
        service_id=info.service_id,
        day=info.created_at.date(),
        seq=0,
        status=info.status,
        created_at=info.created_at,
        origin=info.origin,
        language=info.language,
        emergency=info.emergency,
        due_at=info.due_at,
        called_at=info.called_at,
        counter_id=info.counter_id,
        pinned_counter_id=info.pinned_counter_id,
        queued_at=info.queued_at,
        recalls=info.recalls,
        note=info.note,
    )


def picture(
    tickets: Iterable[TicketInfo],
    profile: CounterProfile,
    names: Mapping[str, str],
    now: datetime,
    settings: PolicySettings,
    *,
    size: int = 5,
) -> WaitingPicture:
    """The waiting picture of a counter: concerns it serves, then the next `size` tickets."""
    waiting = [to_ticket(t) for t in tickets if t.status is TicketStatus.WAITING]
    ranked = rank(waiting, profile, now, settings)
    lines = []
    for service_id, weight in profile.weights.items():
        if weight <= 0:
            continue
        mine = [t for t in waiting if t.service_id == service_id and t.pinned_counter_id is None]
        longest = max((waited_minutes(t, now) for t in mine), default=0.0)
        lines.append(
            ConcernLine(
                service_id=service_id,
                name=names.get(service_id, service_id),
                count=len(mine),
                longest_minutes=int(longest),
            )
        )
    upcoming = tuple(
        NextLine(
            ticket_id=choice.ticket.id,
            number=choice.ticket.number,
            concern=names.get(choice.ticket.service_id, choice.ticket.service_id),
            waited_minutes=int(waited_minutes(choice.ticket, now)),
            reason=choice.reason,
            emergency=choice.ticket.emergency,
            overdue=now - choice.ticket.waiting_since >= settings.max_wait,
            appointment=choice.reason is ChoiceReason.APPOINTMENT_DUE,
        )
        for choice in ranked[:size]
    )
    return WaitingPicture(concerns=tuple(lines), next_tickets=upcoming, total=len(ranked))
