"""The queue policy: which waiting ticket a counter calls next, and why.

A pure function of the waiting tickets, the counter's service profile and the time; no
database, no Qt. The server, the wait estimate and the office simulator all use it.

The rule, in the order a counter looks (the first class that has a candidate wins):

1. ``EMERGENCY`` — tickets marked as emergencies; oldest wait first.
2. ``PINNED`` — tickets transferred to *this* counter by name; oldest wait first.
3. ``APPOINTMENT_DUE`` — checked-in appointments from ``due_at - appointment_window`` on;
   earliest booked time first (then oldest wait).
4. ``OVERDUE`` — any other ticket that has waited ``max_wait`` or longer; oldest wait first,
   whatever the weights. This class is the no-starvation guarantee.
5. ``WALK_IN`` — everything else (including appointments checked in too early): highest
   score first, where ``score = weight × (1 + ageing_per_minute × minutes waited)`` and
   ``weight`` is the counter's weight for the ticket's service.

Candidates are the tickets with status ``WAITING`` that are `eligible` for the counter: its
service has a weight > 0 at the counter and it is not pinned to another counter; a ticket
pinned to this counter is eligible whatever its service. Every tie is broken by
``(waiting_since, id)``, so within one class and one service the queue is first-in, first-out,
and the same input always gives the same answer.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import IntEnum, StrEnum

from shared.domain import Counter, Ticket, TicketOrigin, TicketStatus

log = logging.getLogger(__name__)

_TieKey = tuple[float, datetime, datetime, int]


class ChoiceReason(StrEnum):
    """Why the policy chose a ticket (the class it was chosen from)."""

    EMERGENCY = "emergency"
    PINNED = "pinned"
    APPOINTMENT_DUE = "appointment_due"
    OVERDUE = "overdue"
    WALK_IN = "walk_in"


class _Rank(IntEnum):
    EMERGENCY = 0
    PINNED = 1
    APPOINTMENT_DUE = 2
    OVERDUE = 3
    WALK_IN = 4


_REASON = {
    _Rank.EMERGENCY: ChoiceReason.EMERGENCY,
    _Rank.PINNED: ChoiceReason.PINNED,
    _Rank.APPOINTMENT_DUE: ChoiceReason.APPOINTMENT_DUE,
    _Rank.OVERDUE: ChoiceReason.OVERDUE,
    _Rank.WALK_IN: ChoiceReason.WALK_IN,
}


@dataclass(frozen=True, slots=True)
class CounterProfile:
    """What a counter serves: service id -> weight (> 0 means it serves that service)."""

    counter_id: str
    weights: Mapping[str, float] = field(default_factory=dict)

    @classmethod
    def of(cls, counter: Counter) -> CounterProfile:
        """The profile of a configured counter."""
        return cls(counter_id=counter.id, weights=dict(counter.weights))

    def weight(self, service_id: str) -> float:
        """The counter's weight for a service (0.0 when it does not serve it)."""
        return max(self.weights.get(service_id, 0.0), 0.0)

    def serves(self, service_id: str) -> bool:
        """Whether the counter takes tickets of a service at all."""
        return self.weight(service_id) > 0.0


@dataclass(frozen=True, slots=True)
class PolicySettings:
    """The tunable numbers of the policy (see the module docstring for the rule)."""

    appointment_window: timedelta = timedelta(minutes=15)
    """A checked-in appointment is due from ``due_at - appointment_window`` on."""
    ageing_per_minute: float = 0.1
    """How fast waiting raises a walk-in's score: +10 % of its weight per minute by default."""
    max_wait: timedelta = timedelta(minutes=60)
    """A ticket waiting this long is called before all walk-ins, oldest first."""

    def __post_init__(self) -> None:
        if self.appointment_window < timedelta(0):
            raise ValueError("appointment_window must not be negative")
        if self.ageing_per_minute < 0:
            raise ValueError("ageing_per_minute must not be negative")
        if self.max_wait <= timedelta(0):
            raise ValueError("max_wait must be positive")


DEFAULT_SETTINGS = PolicySettings()
"""The settings used when none are given."""


@dataclass(frozen=True, slots=True)
class Choice:
    """The ticket a counter should call, the class it came from, and a line for the clerk."""

    ticket: Ticket
    reason: ChoiceReason
    explanation: str


def eligible(ticket: Ticket, profile: CounterProfile) -> bool:
    """Whether the counter may call it: pinned here, or served here and not pinned elsewhere.

    Status is not looked at here; `choose_next` only considers WAITING tickets.
    """
    if ticket.pinned_counter_id is not None:
        return ticket.pinned_counter_id == profile.counter_id
    return profile.serves(ticket.service_id)


def waited_minutes(ticket: Ticket, now: datetime) -> float:
    """Minutes the ticket has waited in its current wait (0 if it starts in the future)."""
    return max((now - ticket.waiting_since).total_seconds() / 60.0, 0.0)


def walk_in_score(
    ticket: Ticket, profile: CounterProfile, now: datetime, settings: PolicySettings
) -> float:
    """The walk-in score: weight × (1 + ageing_per_minute × minutes waited)."""
    weight = profile.weight(ticket.service_id)
    return weight * (1.0 + settings.ageing_per_minute * waited_minutes(ticket, now))


def _is_due(ticket: Ticket, now: datetime, settings: PolicySettings) -> bool:
    return (
        ticket.origin is TicketOrigin.APPOINTMENT
        and ticket.due_at is not None
        and now >= ticket.due_at - settings.appointment_window
    )


def _rank(
    ticket: Ticket, profile: CounterProfile, now: datetime, settings: PolicySettings
) -> _Rank:
    if ticket.emergency:
        return _Rank.EMERGENCY
    if ticket.pinned_counter_id == profile.counter_id:
        return _Rank.PINNED
    if _is_due(ticket, now, settings):
        return _Rank.APPOINTMENT_DUE
    if now - ticket.waiting_since >= settings.max_wait:
        return _Rank.OVERDUE
    return _Rank.WALK_IN


def _sort_key(
    ticket: Ticket, rank: _Rank, profile: CounterProfile, now: datetime, settings: PolicySettings
) -> tuple[int, _TieKey]:
    since = ticket.waiting_since
    if rank is _Rank.APPOINTMENT_DUE and ticket.due_at is not None:
        return rank, (0.0, ticket.due_at, since, ticket.id)
    if rank is _Rank.WALK_IN:
        return rank, (-walk_in_score(ticket, profile, now, settings), since, since, ticket.id)
    return rank, (0.0, since, since, ticket.id)


def _minutes(delta: timedelta) -> int:
    return int(delta.total_seconds() // 60)


def _explain(
    ticket: Ticket, rank: _Rank, profile: CounterProfile, now: datetime, settings: PolicySettings
) -> str:
    waiting = f"waiting {_minutes(max(now - ticket.waiting_since, timedelta(0)))} min"
    if rank is _Rank.EMERGENCY:
        return f"emergency, {waiting}"
    if rank is _Rank.PINNED:
        return f"transferred to this counter, {waiting}"
    if rank is _Rank.APPOINTMENT_DUE and ticket.due_at is not None:
        if ticket.due_at > now:
            when = f"due in {_minutes(ticket.due_at - now)} min"
        else:
            when = f"due {_minutes(now - ticket.due_at)} min ago"
        return f"appointment {when}, {waiting}"
    if rank is _Rank.OVERDUE:
        return f"{waiting}, over the {_minutes(settings.max_wait)} min limit"
    weight = profile.weight(ticket.service_id)
    score = walk_in_score(ticket, profile, now, settings)
    return f"walk-in, {waiting}, weight {weight:g}, score {score:.1f}"


def _candidates(
    waiting: Sequence[Ticket], profile: CounterProfile, now: datetime, settings: PolicySettings
) -> list[tuple[tuple[int, _TieKey], _Rank, Ticket]]:
    keyed = []
    for ticket in waiting:
        if ticket.status is not TicketStatus.WAITING or not eligible(ticket, profile):
            continue
        tier = _rank(ticket, profile, now, settings)
        keyed.append((_sort_key(ticket, tier, profile, now, settings), tier, ticket))
    return keyed


def rank(
    waiting: Sequence[Ticket],
    profile: CounterProfile,
    now: datetime,
    settings: PolicySettings = DEFAULT_SETTINGS,
) -> list[Choice]:
    """All candidates for the counter in the order the policy would call them."""
    keyed = sorted(_candidates(waiting, profile, now, settings), key=lambda item: item[0])
    return [
        Choice(ticket, _REASON[tier], _explain(ticket, tier, profile, now, settings))
        for _, tier, ticket in keyed
    ]


def ahead_of(
    subject: Ticket,
    waiting: Sequence[Ticket],
    profile: CounterProfile,
    now: datetime,
    settings: PolicySettings = DEFAULT_SETTINGS,
) -> list[Ticket]:
    """The candidates the counter would call before `subject` (as if it were waiting there)."""
    mine = _sort_key(subject, _rank(subject, profile, now, settings), profile, now, settings)
    return [
        ticket
        for key, _, ticket in _candidates(waiting, profile, now, settings)
        if ticket.id != subject.id and key < mine
    ]


def choose_next(
    waiting: Sequence[Ticket],
    profile: CounterProfile,
    now: datetime,
    settings: PolicySettings = DEFAULT_SETTINGS,
) -> Choice | None:
    """The ticket the counter should call now, or None when no candidate waits for it."""
    best: tuple[tuple[int, _TieKey], _Rank, Ticket] | None = None
    for ticket in waiting:
        if ticket.status is not TicketStatus.WAITING or not eligible(ticket, profile):
            continue
        tier = _rank(ticket, profile, now, settings)
        key = _sort_key(ticket, tier, profile, now, settings)
        if best is None or key < best[0]:
            best = (key, tier, ticket)
    if best is None:
        return None
    _, tier, ticket = best
    choice = Choice(ticket, _REASON[tier], _explain(ticket, tier, profile, now, settings))
    log.debug("counter %s: %s (%s)", profile.counter_id, ticket.number, choice.explanation)
    return choice
