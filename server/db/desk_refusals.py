"""The clerk's refused steps as errors with a reason code and the true state (`StepRefused`).

Each builder returns the `StoreError` to raise: its message stays the hub's English sentence
(logs, old clients), its `step` carries the `shared.desk_refusal.StepRefusal` and the facts
read in the same transaction — the ticket's number and status, who holds it, the counter's
state — so the counter app words what is true instead of guessing.
"""

from __future__ import annotations

from dataclasses import replace

from server.errors import StoreError, step_refused
from shared.desk_refusal import StepRefusal, StepRefused
from shared.domain import Counter, CounterState, Site, Ticket, TicketStatus
from shared.lifecycle import IllegalTransitionError, TicketAction

_FINISHED = frozenset({TicketStatus.DONE, TicketStatus.NO_SHOW, TicketStatus.CANCELLED})
_IN_HAND = frozenset({TicketStatus.CALLED, TicketStatus.SERVING})
_WAITING = frozenset({TicketStatus.WAITING, TicketStatus.PARKED})


def unknown_ticket(ticket_id: int) -> StoreError:
    """No ticket with this id (404)."""
    return step_refused(
        StepRefused(
            reason=StepRefusal.UNKNOWN_TICKET,
            detail=f"no ticket with id {ticket_id}",
            ticket_id=ticket_id,
        )
    )


def unknown_counter(counter_id: str, *, status: int | None = None) -> StoreError:
    """No counter with this id (404 in the path; 400 as a transfer's target)."""
    detail = (
        f"no counter with id {counter_id!r}"
        if status is None
        else (f"unknown counter {counter_id!r}")
    )
    step = StepRefused(reason=StepRefusal.UNKNOWN_COUNTER, detail=detail, counter_id=counter_id)
    return step_refused(step, status=status)


def unknown_service(service_id: str) -> StoreError:
    """A transfer to a concern the site does not offer (400)."""
    return step_refused(
        StepRefused(
            reason=StepRefusal.UNKNOWN_SERVICE,
            detail=f"unknown service {service_id!r}",
            service_id=service_id,
        )
    )


def text_too_long(what: str, limit: int) -> StoreError:
    """A note or a clerk's name over the limit (400)."""
    return step_refused(
        StepRefused(
            reason=StepRefusal.TEXT_TOO_LONG,
            detail=f"{what} is longer than {limit} characters",
            limit=limit,
        )
    )


def no_target(ticket: Ticket) -> StoreError:
    """A transfer that names neither a concern nor a counter (400)."""
    step = StepRefused(reason=StepRefusal.NO_TARGET, detail="name a service, a counter, or both")
    return step_refused(_ticket(step, ticket, None))


def counter_not_open(counter: Counter, state: CounterState) -> StoreError:
    """Calling at a paused or closed counter (409)."""
    paused = state is CounterState.PAUSED
    step = StepRefused(
        reason=StepRefusal.COUNTER_PAUSED if paused else StepRefusal.COUNTER_CLOSED,
        detail=f"{counter.name} is {state.value}; open it before calling",
    )
    return step_refused(_counter(step, counter, state))


def counter_busy(
    counter: Counter, state: CounterState, held: Ticket, *, closing: bool
) -> StoreError:
    """Calling or closing while the counter still holds a ticket (409)."""
    number = held.number
    detail = (
        f"finish, park or no-show {number} before closing {counter.name}"
        if closing
        else f"{counter.name} still has {number} ({held.status.value}); "
        f"finish, park or no-show {number} first"
    )
    step = StepRefused(reason=StepRefusal.COUNTER_BUSY, detail=detail)
    return step_refused(_ticket(_counter(step, counter, state), held, None))


def not_your_ticket(ticket: Ticket, site: Site, at_counter: str) -> StoreError:
    """A step on a ticket another counter holds (409)."""
    holder = _holder(ticket, site)
    step = StepRefused(
        reason=StepRefusal.NOT_YOUR_TICKET,
        detail=f"ticket {ticket.number} is {ticket.status.value} at "
        f"{holder.name if holder else ticket.counter_id}, not at {at_counter}",
        counter_id=at_counter,
    )
    return step_refused(_ticket(step, ticket, site))


def illegal_step(error: IllegalTransitionError, site: Site) -> StoreError:
    """A step the ticket's status does not allow, with the reason that says why (409)."""
    ticket, action = error.ticket, error.action
    step = StepRefused(reason=_illegal_reason(ticket, action), detail=str(error))
    return step_refused(_ticket(step, ticket, site))


def _illegal_reason(ticket: Ticket, action: TicketAction) -> StepRefusal:
    status = ticket.status
    if status in _FINISHED:
        return StepRefusal.ALREADY_FINISHED
    if action in (TicketAction.CALL, TicketAction.CANCEL):
        return (
            StepRefusal.TICKET_TAKEN if status in _IN_HAND else (StepRefusal.TRANSFERRED_ELSEWHERE)
        )
    if status in _WAITING:
        return StepRefusal.TICKET_NOT_CALLED
    if action is TicketAction.FINISH:
        return StepRefusal.TICKET_NOT_STARTED
    if action is TicketAction.TRANSFER:
        return StepRefusal.NO_TARGET
    return StepRefusal.ALREADY_STARTED


def unknown_alarm(alarm_id: int) -> StoreError:
    """No alarm with this id (404)."""
    return step_refused(
        StepRefused(
            reason=StepRefusal.UNKNOWN_ALARM,
            detail=f"no alarm with id {alarm_id}",
            alarm_id=alarm_id,
        )
    )


def alarm_acknowledged(alarm_id: int, by: str | None) -> StoreError:
    """Acknowledging an alarm someone acknowledged already (409)."""
    return step_refused(
        StepRefused(
            reason=StepRefusal.ALARM_ACKNOWLEDGED,
            detail=f"alarm {alarm_id} was already acknowledged by {by}",
            alarm_id=alarm_id,
        )
    )


def _holder(ticket: Ticket, site: Site | None) -> Counter | None:
    """The counter that holds the ticket, or the one it is transferred to."""
    held_by = ticket.counter_id if ticket.status in _IN_HAND else ticket.pinned_counter_id
    if held_by is None:
        return None
    known = site.counters.get(held_by) if site is not None else None
    return known or Counter(id=held_by, name=held_by)


def _ticket(step: StepRefused, ticket: Ticket, site: Site | None) -> StepRefused:
    """The refusal with the ticket's facts: number, status, who holds it."""
    holder = _holder(ticket, site)
    return replace(
        step,
        ticket_id=ticket.id,
        ticket_number=ticket.number,
        ticket_status=ticket.status,
        holder_id=holder.id if holder else None,
        holder_name=holder.name if holder else None,
    )


def _counter(step: StepRefused, counter: Counter, state: CounterState) -> StepRefused:
    """The refusal with the counter's facts: id, name, state."""
    return replace(step, counter_id=counter.id, counter_name=counter.name, counter_state=state)


def key_reused(key: str) -> StoreError:
    """An `Idempotency-Key` sent again with another request (409); nothing is done."""
    return step_refused(
        StepRefused(
            reason=StepRefusal.IDEMPOTENCY_KEY_REUSED,
            detail=f"the Idempotency-Key {key!r} was used for another request",
        )
    )
