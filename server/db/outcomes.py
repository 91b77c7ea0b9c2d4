"""What the store's methods return: frozen results carrying the events they caused."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Generic, Literal, TypeVar

from shared.checkin import CheckInWindow
from shared.domain import DeviceRole, TicketStatus, UserRole
from shared.policy import PolicySettings
from shared.protocol import (
    AlarmInfo,
    CallReason,
    CounterInfo,
    DeviceInfo,
    DeviceProblem,
    StaffEvent,
    TicketInfo,
)

R = TypeVar("R")


@dataclass(frozen=True)
class StoreSettings:
    """Tunables of the store: the queue policy, the replay window, the status page base URL."""

    policy: PolicySettings = field(default_factory=PolicySettings)
    replay_limit: int = 1000
    status_base_url: str = ""
    checkin: CheckInWindow = field(default_factory=CheckInWindow)


@dataclass(frozen=True)
class Issued:
    """A ticket handed to a visitor (new, or the same one again for a retried request)."""

    ticket: TicketInfo
    service_name: str
    expected_wait_minutes: float | None
    position: int
    status_key: str
    events: tuple[StaffEvent, ...]
    booked_at: datetime | None = None
    """For a check-in: the appointment's booked time."""


@dataclass(frozen=True)
class Called:
    """A ticket called to a counter, with why the policy chose it."""

    ticket: TicketInfo
    reason: str
    events: tuple[StaffEvent, ...]
    why: CallReason | None = None


@dataclass(frozen=True)
class Changed:
    """A ticket after a step (start, finish, no-show, park, cancel, transfer)."""

    ticket: TicketInfo
    events: tuple[StaffEvent, ...]
    previous_counter_id: str | None = None
    """The counter that held the ticket before the step (a transfer clears `counter_id`);
    pass it to `shared.protocol.to_public` so the wall display clears the number."""


@dataclass(frozen=True)
class CounterUpdate:
    """A counter after its state or clerk changed."""

    counter: CounterInfo
    events: tuple[StaffEvent, ...]


@dataclass(frozen=True)
class Principal:
    """Who is calling: a paired device or a logged-in user."""

    kind: Literal["device", "user"]
    id: str
    name: str
    device_role: DeviceRole | None
    user_role: UserRole | None


@dataclass(frozen=True)
class TicketStatusView:
    """The visitor's status page (QR code target): no names, no other visitors."""

    number: str
    status: TicketStatus
    position: int | None
    counter_name: str | None
    service_name: str


@dataclass(frozen=True)
class ImportResult:
    """The outcome of an appointment import: rows taken, rows already known, rows refused."""

    imported: int
    skipped: int
    errors: tuple[str, ...]


@dataclass(frozen=True)
class AlarmUpdate:
    """A staff alarm after it was raised or acknowledged (no event when nothing changed)."""

    alarm: AlarmInfo
    events: tuple[StaffEvent, ...]


@dataclass(frozen=True)
class DeviceReport:
    """A device's kept status after a report; an event only when its printer state changed."""

    device: DeviceInfo
    events: tuple[StaffEvent, ...]


@dataclass(frozen=True, slots=True)
class AlertChange:
    """A device's alert to raise or to clear (what the device watch decided)."""

    device_id: str
    name: str
    role: DeviceRole
    problem: DeviceProblem
    raised: bool


@dataclass(frozen=True, slots=True)
class Logged:
    """The outcome of a mutation whose only result is the events it logged."""

    events: tuple[StaffEvent, ...]


@dataclass(frozen=True)
class Performed(Generic[R]):
    """A clerk's step done once: its outcome (None when a retry got the first answer
    again), the answer as sent, and the events it caused (none for a replay)."""

    outcome: R | None
    status: int
    body: bytes
    replayed: bool
    events: tuple[StaffEvent, ...]


@dataclass(frozen=True)
class Anonymised:
    """Rows whose personal data one housekeeping round blanked (`server.db.personal`)."""

    tickets: int
    appointments: int
    events: int
    """Logged ticket events whose copy of a clerk's note was blanked."""
    skipped: tuple[int, ...]
    """Seqs of logged events with a note that were left as they were: their payload is not
    JSON, or has no ticket object with a note (they come again each round)."""
