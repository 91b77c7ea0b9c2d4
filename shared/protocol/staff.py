"""The events the staff stream carries (counters, kiosks, the supervisor), and its snapshot.

Each is a frozen dataclass with its `type` tag and the `seq` the event log gave it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Literal

from shared.domain import DeviceRole
from shared.lifecycle import TicketAction
from shared.protocol.records import AlarmInfo, CallReason, CounterInfo, DeviceInfo, TicketInfo


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
