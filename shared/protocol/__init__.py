"""The event protocol: typed, frozen events with a sequence number, encoded to JSON.

Staff events (for counters and kiosks) carry `TicketInfo`. The public stream (wall displays)
carries only `Public…` events: ticket numbers and counter names, never names or appointment
details. The server derives the public form with `to_public()`.

The modules: `records` (what staff events carry: `TicketInfo`, `CallReason`, `AlarmInfo`,
`CounterInfo`, `DeviceInfo`), `staff` (the staff stream's events and `Snapshot`), `public`
(the waiting room's forms and `to_public`), `control` (`Heartbeat`, `DisplayAck`), `codec`
(the `Event` union, `encode`/`decode`, `encode_ack`/`decode_ack`). Import from here.
"""

from __future__ import annotations

from shared.domain import UserRole
from shared.protocol.codec import Event, decode, decode_ack, encode, encode_ack
from shared.protocol.control import DisplayAck, Heartbeat
from shared.protocol.public import (
    PublicCall,
    PublicClear,
    PublicEvent,
    PublicSnapshot,
    PublicWaiting,
    to_public,
)
from shared.protocol.records import (
    AlarmInfo,
    CallReason,
    CallReasonCode,
    CounterInfo,
    DeviceInfo,
    TicketInfo,
)
from shared.protocol.staff import (
    AlarmAcknowledged,
    AlarmRaised,
    CounterChanged,
    DeviceAlert,
    DeviceProblem,
    DeviceStatusChanged,
    Snapshot,
    StaffEvent,
    TicketCalled,
    TicketChanged,
    TicketIssued,
)

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
