"""The event protocol: typed, frozen events with a sequence number, encoded to JSON.

Staff events (for counters and kiosks) carry `TicketInfo`. The public stream (wall displays)
carries only `Public…` events: ticket numbers and counter names, never names or appointment
details. The server derives the public form with `to_public()`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import Field, TypeAdapter

from shared.devices import PrinterStatus
from shared.domain import CounterState, DeviceRole, TicketOrigin, TicketStatus, UserRole
from shared.lifecycle import TicketAction


@dataclass(frozen=True, slots=True, kw_only=True)
class TicketInfo:
    """What staff see of a ticket (no visitor names; appointment only by id)."""

    id: int
    number: str
    service_id: str
    status: TicketStatus
    origin: TicketOrigin
    emergency: bool
    language: str
    created_at: datetime
    queued_at: datetime | None = None
    called_at: datetime | None = None
    counter_id: str | None = None
    pinned_counter_id: str | None = None
    recalls: int = 0
    note: str = ""
    due_at: datetime | None = None
    """For a checked-in appointment: the booked time (the queue policy ranks by it)."""


class CallReasonCode(StrEnum):
    """Why a ticket was called: the policy's class, or a clerk's own choice."""

    EMERGENCY = "emergency"
    PINNED = "pinned"
    APPOINTMENT_DUE = "appointment_due"
    OVERDUE = "overdue"
    WALK_IN = "walk_in"
    BY_HAND = "by_hand"
    RECALL = "recall"


@dataclass(frozen=True, slots=True, kw_only=True)
class CallReason:
    """Why a ticket was called, machine-readable, for the counter app to word per language."""

    code: CallReasonCode
    waited_minutes: int = 0
    due_in_minutes: int | None = None
    """Appointments: minutes until the booked time (negative: that long ago)."""
    limit_minutes: int | None = None
    """Overdue: the policy's maximum wait."""
    weight: float | None = None
    score: float | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AlarmInfo:
    """A staff alarm: a clerk at a counter needs help (staff only, never public)."""

    id: int
    counter_id: str
    counter_name: str
    raised_by: str
    raised_at: datetime
    acknowledged_by: str | None = None
    acknowledged_at: datetime | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CounterInfo:
    """A counter's state as staff see it."""

    id: str
    name: str
    location: str
    state: CounterState
    clerk: str | None = None
    ticket_number: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class TicketIssued:
    """A new ticket was issued (walk-in or check-in)."""

    type: Literal["ticket.issued"] = "ticket.issued"
    seq: int
    at: datetime
    ticket: TicketInfo


@dataclass(frozen=True, slots=True, kw_only=True)
class TicketCalled:
    """A ticket was called (or recalled) to a counter."""

    type: Literal["ticket.called"] = "ticket.called"
    seq: int
    at: datetime
    ticket: TicketInfo
    counter_id: str
    counter_name: str
    location: str
    recall: bool = False
    reason: str = ""
    why: CallReason | None = None
    floor: str = ""
    room: str = ""
    direction: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class TicketChanged:
    """A ticket took another step: started, finished, no-show, cancelled, parked, transferred."""

    type: Literal["ticket.changed"] = "ticket.changed"
    seq: int
    at: datetime
    ticket: TicketInfo
    action: TicketAction


@dataclass(frozen=True, slots=True, kw_only=True)
class CounterChanged:
    """A counter opened, paused or closed, or its clerk changed."""

    type: Literal["counter.changed"] = "counter.changed"
    seq: int
    at: datetime
    counter: CounterInfo


class DeviceProblem(StrEnum):
    """Why the hub thinks a device is not doing its job."""

    NO_STREAM = "no_stream"
    """A wall display has had no event stream for the alert delay."""
    NO_ACK = "no_ack"
    """A wall display did not acknowledge a call it was sent within the alert delay."""
    OFFLINE = "offline"
    """A kiosk has had neither an event stream nor a request for the alert delay."""


@dataclass(frozen=True, slots=True, kw_only=True)
class DeviceAlert:
    """A kiosk or wall display stopped answering (`raised`), or is back (not `raised`).

    Staff only. `role` says which kind of device it is; a device has at most one alert open
    at a time (a new `problem` clears the old one first).
    """

    type: Literal["device.alert"] = "device.alert"
    seq: int
    at: datetime
    device_id: str
    name: str
    role: DeviceRole
    raised: bool
    problem: DeviceProblem


@dataclass(frozen=True, slots=True, kw_only=True)
class AlarmRaised:
    """A clerk raised the staff alarm at a counter (staff stream only)."""

    type: Literal["alarm.raised"] = "alarm.raised"
    seq: int
    at: datetime
    alarm: AlarmInfo


@dataclass(frozen=True, slots=True, kw_only=True)
class AlarmAcknowledged:
    """Someone came to help: the staff alarm is acknowledged (staff stream only)."""

    type: Literal["alarm.acknowledged"] = "alarm.acknowledged"
    seq: int
    at: datetime
    alarm: AlarmInfo


@dataclass(frozen=True, slots=True, kw_only=True)
class DeviceInfo:
    """A paired device's last report, for staff: its printer's state and last contact."""

    id: str
    name: str
    role: DeviceRole
    printer: PrinterStatus
    changed_at: datetime
    """When the printer's state last changed."""
    last_contact: datetime
    """When the device last reported."""


@dataclass(frozen=True, slots=True, kw_only=True)
class DeviceStatusChanged:
    """A device reported a new printer state (staff stream only: office alerts)."""

    type: Literal["device.status"] = "device.status"
    seq: int
    at: datetime
    device: DeviceInfo


@dataclass(frozen=True, slots=True, kw_only=True)
class Snapshot:
    """The whole live state, sent when a client is too far behind to replay."""

    type: Literal["snapshot"] = "snapshot"
    seq: int
    at: datetime
    tickets: tuple[TicketInfo, ...]
    counters: tuple[CounterInfo, ...]
    alarms: tuple[AlarmInfo, ...] = ()
    """Staff alarms not yet acknowledged."""
    alerts: tuple[DeviceAlert, ...] = ()
    """The device alerts (kiosks, displays) raised and not yet cleared."""
    devices: tuple[DeviceInfo, ...] = ()


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


@dataclass(frozen=True, slots=True, kw_only=True)
class Heartbeat:
    """Sent on an idle stream so both ends know the line is alive; seq is the latest."""

    type: Literal["heartbeat"] = "heartbeat"
    seq: int
    at: datetime


StaffEvent = (
    TicketIssued
    | TicketCalled
    | TicketChanged
    | CounterChanged
    | AlarmRaised
    | AlarmAcknowledged
    | DeviceAlert
    | DeviceStatusChanged
)
PublicEvent = PublicCall | PublicClear | PublicWaiting
Event = Annotated[
    TicketIssued
    | TicketCalled
    | TicketChanged
    | CounterChanged
    | AlarmRaised
    | AlarmAcknowledged
    | DeviceAlert
    | DeviceStatusChanged
    | Snapshot
    | PublicCall
    | PublicClear
    | PublicWaiting
    | PublicSnapshot
    | Heartbeat,
    Field(discriminator="type"),
]

_ADAPTER: TypeAdapter[Event] = TypeAdapter(Event)


def encode(event: Event) -> str:
    """Encode an event as one line of JSON."""
    return _ADAPTER.dump_json(event).decode()


def decode(text: str | bytes) -> Event:
    """Decode one JSON event; raises pydantic.ValidationError on anything malformed."""
    return _ADAPTER.validate_json(text)


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


@dataclass(frozen=True, slots=True, kw_only=True)
class DisplayAck:
    """Sent by a display on its event stream: it has shown every call up to `seq`."""

    type: Literal["ack"] = "ack"
    seq: int


_ACK: TypeAdapter[DisplayAck] = TypeAdapter(DisplayAck)


def encode_ack(ack: DisplayAck) -> str:
    """Encode a display's acknowledgement as JSON."""
    return _ACK.dump_json(ack).decode()


def decode_ack(text: str | bytes) -> DisplayAck:
    """Decode a display's acknowledgement; raises pydantic.ValidationError when malformed."""
    return _ACK.validate_json(text)


__all__ = [
    "AlarmAcknowledged",
    "AlarmInfo",
    "AlarmRaised",
    "CallReason",
    "CallReasonCode",
    "CounterChanged",
    "CounterInfo",
    "DeviceAlert",
    "DeviceInfo",
    "DeviceProblem",
    "DeviceStatusChanged",
    "DisplayAck",
    "Event",
    "Heartbeat",
    "PublicCall",
    "PublicClear",
    "PublicEvent",
    "PublicSnapshot",
    "PublicWaiting",
    "Snapshot",
    "StaffEvent",
    "TicketCalled",
    "TicketChanged",
    "TicketInfo",
    "TicketIssued",
    "UserRole",
    "decode",
    "decode_ack",
    "encode",
    "encode_ack",
    "to_public",
]
