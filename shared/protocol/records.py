"""What staff events carry: a ticket, a call's reason, an alarm, a counter, a device's report.

Staff only: the public stream never carries these (see `shared.protocol.public`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from shared.devices import PrinterStatus
from shared.domain import CounterState, DeviceRole, TicketOrigin, TicketStatus


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
