"""The waiting room's forms of the events (wall displays), and `to_public` that derives them.

Ticket numbers and counter names only: never visitor names or appointment details.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from shared.lifecycle import TicketAction
from shared.protocol.staff import StaffEvent, TicketCalled, TicketChanged, TicketIssued


@dataclass(frozen=True, slots=True, kw_only=True)
class PublicCall:
    """A call as the waiting room sees it: number, counter and where it is, nothing personal.

    `language` is the one the visitor chose at the kiosk (None when the site turned that off),
    so a display can also announce the call in it; `waiting` is how many wait after it.
    """

    type: Literal["public.call"] = "public.call"
    seq: int
    at: datetime
    number: str
    counter_id: str
    counter_name: str
    location: str
    recall: bool = False
    floor: str = ""
    room: str = ""
    direction: str = ""
    language: str | None = None
    waiting: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class PublicClear:
    """A called number left the board (served, no-show, parked, transferred)."""

    type: Literal["public.clear"] = "public.clear"
    seq: int
    at: datetime
    number: str
    counter_id: str
    waiting: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class PublicWaiting:
    """How many visitors wait now (a ticket was issued, or left the queue without a call)."""

    type: Literal["public.waiting"] = "public.waiting"
    seq: int
    at: datetime
    waiting: int


@dataclass(frozen=True, slots=True, kw_only=True)
class PublicSnapshot:
    """The board as the waiting room sees it: the current calls and how many wait."""

    type: Literal["public.snapshot"] = "public.snapshot"
    seq: int
    at: datetime
    calls: tuple[PublicCall, ...]
    waiting: int


PublicEvent = PublicCall | PublicClear | PublicWaiting

_CLEARING = frozenset(
    {
        TicketAction.FINISH,
        TicketAction.NO_SHOW,
        TicketAction.PARK,
        TicketAction.TRANSFER,
        TicketAction.CANCEL,
    }
)


def to_public(
    event: StaffEvent,
    previous_counter_id: str | None = None,
    *,
    waiting: int | None = None,
    with_language: bool = True,
) -> PublicEvent | None:
    """The waiting room's view of a staff event, or None when the room need not see it.

    `waiting` (how many wait after the event; the hub counts) rides on calls and clears, and
    turns any other ticket event into a `PublicWaiting`. `with_language` False leaves the
    ticket's language out of calls (a site setting).
    """
    if not isinstance(event, TicketIssued | TicketCalled | TicketChanged):
        return None  # counters, alarms, device alerts: staff only
    if isinstance(event, TicketCalled):
        return PublicCall(
            seq=event.seq,
            at=event.at,
            number=event.ticket.number,
            counter_id=event.counter_id,
            counter_name=event.counter_name,
            location=event.location,
            recall=event.recall,
            floor=event.floor,
            room=event.room,
            direction=event.direction,
            language=event.ticket.language if with_language else None,
            waiting=waiting,
        )
    if isinstance(event, TicketChanged) and event.action in _CLEARING:
        counter = event.ticket.counter_id or previous_counter_id
        if counter is not None:
            return PublicClear(
                seq=event.seq,
                at=event.at,
                number=event.ticket.number,
                counter_id=counter,
                waiting=waiting,
            )
    if waiting is None:
        return None
    return PublicWaiting(seq=event.seq, at=event.at, waiting=waiting)
