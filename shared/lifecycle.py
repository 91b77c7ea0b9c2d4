"""The life of a ticket: every legal step as a pure function, every illegal one refused.

waiting → called → serving → done, plus recall, no-show, cancel, park and transfer.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from enum import StrEnum

from shared.domain import Ticket, TicketStatus


class TicketAction(StrEnum):
    """A step in a ticket's life, as clerks and events name it."""

    CALL = "call"
    RECALL = "recall"
    START = "start"
    FINISH = "finish"
    NO_SHOW = "no_show"
    CANCEL = "cancel"
    PARK = "park"
    TRANSFER = "transfer"


ALLOWED_FROM: dict[TicketAction, frozenset[TicketStatus]] = {
    TicketAction.CALL: frozenset({TicketStatus.WAITING, TicketStatus.PARKED}),
    TicketAction.RECALL: frozenset({TicketStatus.CALLED}),
    TicketAction.START: frozenset({TicketStatus.CALLED}),
    TicketAction.FINISH: frozenset({TicketStatus.SERVING}),
    TicketAction.NO_SHOW: frozenset({TicketStatus.CALLED}),
    TicketAction.CANCEL: frozenset({TicketStatus.WAITING, TicketStatus.PARKED}),
    TicketAction.PARK: frozenset({TicketStatus.CALLED, TicketStatus.SERVING}),
    TicketAction.TRANSFER: frozenset(
        {TicketStatus.CALLED, TicketStatus.SERVING, TicketStatus.PARKED}
    ),
}


class IllegalTransitionError(ValueError):
    """A step that a ticket in its current state cannot take."""

    def __init__(self, ticket: Ticket, action: TicketAction, detail: str = "") -> None:
        allowed = ", ".join(sorted(ALLOWED_FROM[action]))
        message = (
            f"ticket {ticket.number} is {ticket.status.value}; cannot {action.value} it "
            f"(only from: {allowed})"
        )
        super().__init__(f"{message}: {detail}" if detail else message)
        self.ticket = ticket
        self.action = action


def _check(ticket: Ticket, action: TicketAction) -> None:
    if ticket.status not in ALLOWED_FROM[action]:
        raise IllegalTransitionError(ticket, action)


def call(ticket: Ticket, counter_id: str, now: datetime) -> Ticket:
    """Call a waiting (or parked) ticket to a counter."""
    _check(ticket, TicketAction.CALL)
    if ticket.pinned_counter_id is not None and ticket.pinned_counter_id != counter_id:
        raise IllegalTransitionError(
            ticket, TicketAction.CALL, f"it is transferred to counter {ticket.pinned_counter_id}"
        )
    return replace(
        ticket,
        status=TicketStatus.CALLED,
        counter_id=counter_id,
        called_at=ticket.called_at or now,
        last_called_at=now,
    )


def recall(ticket: Ticket, now: datetime) -> Ticket:
    """Call the same ticket again to the same counter."""
    _check(ticket, TicketAction.RECALL)
    return replace(ticket, recalls=ticket.recalls + 1, last_called_at=now)


def start(ticket: Ticket, now: datetime) -> Ticket:
    """The visitor has arrived at the counter: service begins."""
    _check(ticket, TicketAction.START)
    return replace(ticket, status=TicketStatus.SERVING, started_at=now)


def finish(ticket: Ticket, now: datetime) -> Ticket:
    """Service is over."""
    _check(ticket, TicketAction.FINISH)
    return replace(ticket, status=TicketStatus.DONE, finished_at=now)


def no_show(ticket: Ticket, now: datetime) -> Ticket:
    """The called visitor did not come."""
    _check(ticket, TicketAction.NO_SHOW)
    return replace(ticket, status=TicketStatus.NO_SHOW, finished_at=now)


def cancel(ticket: Ticket, now: datetime) -> Ticket:
    """Withdraw a ticket that has not been served."""
    _check(ticket, TicketAction.CANCEL)
    return replace(ticket, status=TicketStatus.CANCELLED, finished_at=now)


def park(ticket: Ticket, now: datetime, note: str = "") -> Ticket:
    """Set a ticket aside (the visitor fetches a document); it can be called again later."""
    _check(ticket, TicketAction.PARK)
    return replace(ticket, status=TicketStatus.PARKED, note=note or ticket.note, queued_at=now)


def transfer(
    ticket: Ticket,
    now: datetime,
    *,
    service_id: str | None = None,
    counter_id: str | None = None,
    note: str = "",
) -> Ticket:
    """Send a ticket back to the queue for another service and/or a named counter."""
    _check(ticket, TicketAction.TRANSFER)
    if service_id is None and counter_id is None:
        raise IllegalTransitionError(
            ticket, TicketAction.TRANSFER, "name a service, a counter, or both"
        )
    return replace(
        ticket,
        status=TicketStatus.WAITING,
        service_id=service_id or ticket.service_id,
        pinned_counter_id=counter_id,
        counter_id=None,
        started_at=None,
        queued_at=now,
        transfers=ticket.transfers + 1,
        note=note or ticket.note,
    )
