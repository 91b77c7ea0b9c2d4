"""The entities of an office: sites, services (concerns), counters, clerks, devices, tickets.

Plain frozen dataclasses and enums; no Qt, no database. Times are aware datetimes in UTC.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from shared.languages import in_language


class TicketStatus(StrEnum):
    """Where a ticket stands in its life."""

    WAITING = "waiting"
    CALLED = "called"
    SERVING = "serving"
    DONE = "done"
    NO_SHOW = "no_show"
    CANCELLED = "cancelled"
    PARKED = "parked"


class TicketOrigin(StrEnum):
    """How the visitor came: without appointment, or checked in for one."""

    WALK_IN = "walk_in"
    APPOINTMENT = "appointment"


class CounterState(StrEnum):
    """Whether a counter takes visitors now."""

    OPEN = "open"
    PAUSED = "paused"
    CLOSED = "closed"


class UserRole(StrEnum):
    """What a person logged in at a counter may do (each includes the ones before)."""

    CLERK = "clerk"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


class DeviceRole(StrEnum):
    """What a paired machine is."""

    KIOSK = "kiosk"
    DISPLAY = "display"
    COUNTER = "counter"


@dataclass(frozen=True, slots=True)
class Service:
    """A concern a visitor can come for, with its ticket letter."""

    id: str
    letter: str
    names: Mapping[str, str]
    documents: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    expected_minutes: float = 10.0
    emergency: bool = False
    daily_cap: int | None = None
    explanations: Mapping[str, str] = field(default_factory=dict)
    """One line per language saying what the concern is for (the kiosk shows it)."""

    def name(self, language: str, fallback: str = "en") -> str:
        """The service's name in a language, else the fallback, else any."""
        return (
            self.names.get(language) or self.names.get(fallback) or next(iter(self.names.values()))
        )

    def documents_in(self, language: str) -> tuple[str, ...]:
        """What to have ready, in a language, else English, else German (as the kiosk shows)."""
        return in_language(self.documents, language) or ()


@dataclass(frozen=True, slots=True)
class Counter:
    """A desk where visitors are served, with its weight per service it serves."""

    id: str
    name: str
    location: str = ""
    weights: Mapping[str, float] = field(default_factory=dict)
    floor: str = ""
    room: str = ""
    direction: str = ""

    def serves(self, service_id: str) -> bool:
        """Whether this counter takes tickets of a service at all."""
        return self.weights.get(service_id, 0.0) > 0.0


@dataclass(frozen=True, slots=True)
class Clerk:
    """A person who logs in at a counter."""

    username: str
    display_name: str
    role: UserRole
    disabled: bool = False
    """A disabled user cannot log in (`aufruf user disable`)."""


@dataclass(frozen=True, slots=True)
class Device:
    """A paired machine (kiosk, display, counter PC)."""

    id: str
    name: str
    role: DeviceRole
    revoked: bool = False


@dataclass(frozen=True, slots=True)
class Ticket:
    """A visitor's place in the queue, from issue to the end of service."""

    id: int
    number: str
    service_id: str
    day: date
    seq: int
    status: TicketStatus
    created_at: datetime
    origin: TicketOrigin = TicketOrigin.WALK_IN
    language: str = "de"
    emergency: bool = False
    due_at: datetime | None = None
    """For a checked-in appointment: the booked time."""
    called_at: datetime | None = None
    """When the ticket was first called (waiting time ends here)."""
    last_called_at: datetime | None = None
    started_at: datetime | None = None
    finished_at: datetime | None = None
    counter_id: str | None = None
    """The counter that called it last."""
    pinned_counter_id: str | None = None
    """A transfer to a named counter: only that counter may call it."""
    queued_at: datetime | None = None
    """When it (re)entered the queue: issue time, or the time of its last transfer."""
    appointment_id: int | None = None
    recalls: int = 0
    transfers: int = 0
    note: str = ""

    @property
    def waiting_since(self) -> datetime:
        """The time its current wait began."""
        return self.queued_at or self.created_at


@dataclass(frozen=True, slots=True)
class Appointment:
    """A booked visit; its holder checks in at the kiosk with the booking number."""

    id: int
    number: str
    service_id: str
    scheduled_at: datetime
    name: str = ""
    """Private: never leaves the server except to a clerk."""
    ticket_id: int | None = None
    checked_in_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Site:
    """One office: its services and counters and the time zone that decides its day."""

    id: str
    name: str
    timezone: str
    services: Mapping[str, Service]
    counters: Mapping[str, Counter]
    languages: tuple[str, ...] = ("de", "en")
