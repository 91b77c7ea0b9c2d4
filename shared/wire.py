"""The REST API's request bodies and answers: frozen dataclasses the hub and the apps share.

The hub validates the bodies it receives and the answers it sends with these classes (FastAPI
reads their constraints for the OpenAPI); the client (`shared.qt.client`) builds the bodies
from them and hands the apps the answers as these types (`Answer`). Events of the live
stream are in `shared.protocol`; `TicketInfo`, `CounterInfo` and `Snapshot` come from there.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Annotated, Any, Generic, TypeVar

from pydantic import ConfigDict, Field, TypeAdapter, ValidationError, with_config

from shared.devices import PrinterStatus
from shared.domain import DeviceRole, Site, TicketStatus, UserRole
from shared.protocol import AlarmInfo, CallReason, CounterInfo, TicketInfo
from shared.text import Line, Lines, Secret

T = TypeVar("T")

Identifier = Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.-]+$")]
Language = Annotated[
    str, Field(min_length=2, max_length=16, pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")
]
IdempotencyKey = Annotated[str, Field(min_length=8, max_length=128, pattern=r"^[A-Za-z0-9_.:-]+$")]
Note = Lines
"""A clerk's note: tab and newlines allowed, no NUL or other controls (`shared.text`)."""
TicketId = Annotated[int, Field(ge=1, le=2**31 - 1)]

_BODY = ConfigDict(extra="forbid")
"""Request bodies refuse unknown keys (a typo is a 422, not silently ignored)."""


# ---------------------------------------------------------------------- request bodies
@with_config(_BODY)
@dataclass(frozen=True, slots=True, kw_only=True)
class LoginRequest:
    """A clerk's credentials."""

    username: Annotated[Line, Field(max_length=64)]
    password: Secret


@with_config(_BODY)
@dataclass(frozen=True, slots=True, kw_only=True)
class IssueRequest:
    """Ask for a walk-in ticket."""

    service_id: Identifier
    language: Language
    emergency: bool = False
    idempotency_key: IdempotencyKey


@with_config(_BODY)
@dataclass(frozen=True, slots=True, kw_only=True)
class CheckInRequest:
    """Check in for a booked appointment."""

    appointment_number: Annotated[
        str, Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.-]+$")
    ]
    language: Language
    idempotency_key: IdempotencyKey


@with_config(_BODY)
@dataclass(frozen=True, slots=True, kw_only=True)
class CallRequest:
    """Call a named ticket to a counter."""

    ticket_id: TicketId


@with_config(_BODY)
@dataclass(frozen=True, slots=True, kw_only=True)
class StepRequest:
    """A ticket step's optional body: a note (kept by park) and the clerk's counter."""

    note: Note = ""
    at_counter: Identifier | None = None
    """The counter the clerk acts at: a ticket another counter holds is refused
    (`not_your_ticket`) instead of stepped. Without it any staff member may step any ticket."""


@with_config(_BODY)
@dataclass(frozen=True, slots=True, kw_only=True)
class TransferRequest:
    """Send a ticket to another service and/or a named counter."""

    service_id: Identifier | None = None
    counter_id: Identifier | None = None
    note: Note = ""
    at_counter: Identifier | None = None
    """The counter the clerk acts at (as for `StepRequest`)."""


@with_config(_BODY)
@dataclass(frozen=True, slots=True, kw_only=True)
class RaiseAlarmRequest:
    """Raise the alarm at a counter."""

    counter_id: Identifier


# ---------------------------------------------------------------------- answers
@dataclass(frozen=True, slots=True, kw_only=True)
class Health:
    """The answer of `GET /health`."""

    status: str
    site: str
    api: int


@dataclass(frozen=True, slots=True, kw_only=True)
class SessionAnswer:
    """A new session: its token (shown once), the role and the username."""

    token: str
    role: UserRole
    username: str


@dataclass(frozen=True, slots=True, kw_only=True)
class IssuedTicket:
    """A ticket as the kiosk prints it."""

    ticket: TicketInfo
    service_name: str
    expected_wait_minutes: float | None
    position: int
    status_url: str
    booked_at: datetime | None = None
    """For a check-in: the appointment's booked time (the concern is `ticket.service_id`)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class TicketStatusAnswer:
    """The visitor's status page data (behind the QR code)."""

    number: str
    status: TicketStatus
    position: int | None
    counter_name: str | None
    service_name: str


@dataclass(frozen=True, slots=True, kw_only=True)
class CalledTicket:
    """A ticket called to a counter and why the policy chose it."""

    ticket: TicketInfo
    reason: str
    """The policy's explanation in English, e.g. ``walk-in, waiting 25 min, weight 1``."""
    why: CallReason | None = None
    """The same as data, for the counter app to word in its own language."""
    seq: int | None = None
    """The stream position of this answer (see `SteppedTicket.seq`)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class SteppedTicket(TicketInfo):
    """A ticket after a clerk's step (recall, start, finish, no-show, park, cancel, transfer),
    with the stream position of the state it shows.

    `seq` is the seq of the last event the step committed; for a step that committed none
    (nothing changed) it is the hub's newest seq at the step's commit, so the answer shows
    the state after every event up to `seq` and before any later one. A client whose staff
    stream already reached `seq` holds this state or a later one and keeps its own. A retry
    with the same ``Idempotency-Key`` gets the first answer, with its first `seq`. None only
    in a replayed answer that a hub before this field kept (apply it as newest).
    """

    seq: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CounterAnswer(CounterInfo):
    """A counter after a clerk's open, pause or close, with the stream position of the state
    it shows: `seq` as in `SteppedTicket` (a verb that changed nothing commits no event and
    answers with the hub's newest seq)."""

    seq: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AlarmAnswer(AlarmInfo):
    """A staff alarm after it was raised or acknowledged, with `seq` as in `SteppedTicket`
    (an alarm already open, raised again, commits no event)."""

    seq: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ImportAnswer:
    """The result of an appointments import."""

    imported: int
    skipped: int
    errors: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class SiteService:
    """A service as kiosks show it."""

    id: str
    letter: str
    names: dict[str, str]
    documents: dict[str, tuple[str, ...]]
    expected_minutes: float
    emergency: bool
    explanations: dict[str, str] = field(default_factory=dict)
    """One line per language saying what the concern is for."""


@dataclass(frozen=True, slots=True, kw_only=True)
class SiteCounter:
    """A counter and the services it serves (with weights)."""

    id: str
    name: str
    location: str
    weights: dict[str, float]


@dataclass(frozen=True, slots=True, kw_only=True)
class SiteAnswer:
    """The site's public description: services, counters, languages."""

    id: str
    name: str
    timezone: str
    languages: tuple[str, ...]
    services: tuple[SiteService, ...]
    counters: tuple[SiteCounter, ...]

    @classmethod
    def of(cls, site: Site) -> SiteAnswer:
        """Describe a site."""
        return cls(
            id=site.id,
            name=site.name,
            timezone=site.timezone,
            languages=tuple(site.languages),
            services=tuple(
                SiteService(
                    id=s.id,
                    letter=s.letter,
                    names=dict(s.names),
                    documents={k: tuple(v) for k, v in s.documents.items()},
                    expected_minutes=s.expected_minutes,
                    emergency=s.emergency,
                    explanations=dict(s.explanations),
                )
                for s in site.services.values()
            ),
            counters=tuple(
                SiteCounter(id=c.id, name=c.name, location=c.location, weights=dict(c.weights))
                for c in site.counters.values()
            ),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class PolicyAnswer:
    """The queue policy's settings, so a counter can rank its waiting list like the hub."""

    appointment_window_minutes: float
    ageing_per_minute: float
    max_wait_minutes: float


@dataclass(frozen=True, slots=True, kw_only=True)
class DayFigures:
    """The key figures of one day so far."""

    day: date
    tickets: int
    """Tickets issued (walk-ins and check-ins)."""
    called: int
    """Tickets called at least once (their waits are below)."""
    waiting: int
    done: int
    no_shows: int
    median_wait_minutes: float | None
    p90_wait_minutes: float | None
    longest_wait_minutes: float | None


@dataclass(frozen=True, slots=True, kw_only=True)
class DeviceContact:
    """A paired device and when the hub last heard from it (since the hub started)."""

    id: str
    name: str
    role: DeviceRole
    revoked: bool
    last_seen: datetime | None
    streaming: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class StaffContact:
    """A staff member and when the hub last heard from them (since the hub started)."""

    username: str
    display_name: str
    role: str
    last_seen: datetime | None
    streaming: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class Overview:
    """What the supervisor view adds to the staff stream."""

    at: datetime
    figures: DayFigures
    devices: tuple[DeviceContact, ...]
    staff: tuple[StaffContact, ...]


# ---------------------------------------------------------------------- kiosk
@with_config(_BODY)
@dataclass(frozen=True, slots=True, kw_only=True)
class DeviceStatusReport:
    """A device's report: its printer's state (`hardware`'s `PrinterStatus` values)."""

    printer: PrinterStatus


@dataclass(frozen=True, slots=True, kw_only=True)
class WalkInService:
    """A concern offered to walk-ins and today's state of its daily quota."""

    service_id: str
    daily_cap: int | None
    """None: no limit."""
    issued_today: int
    """Numbers of this concern given out today (appointments too, as the cap counts)."""
    remaining: int | None
    used_up: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class WalkInsAnswer:
    """The concerns a kiosk offers to walk-ins now (site order, no emergencies), with quotas."""

    day: date
    services: tuple[WalkInService, ...]


# ---------------------------------------------------------------------- encoding
class AnswerError(ValueError):
    """An answer that does not have the type it should; the message says which fields."""


_ADAPTERS: dict[type[Any], TypeAdapter[Any]] = {}


def body_of(request: object) -> dict[str, Any]:
    """A request body as JSON-ready data; fields left at their default are not sent."""
    kind = type(request)
    adapter = _ADAPTERS.get(kind) or _ADAPTERS.setdefault(kind, TypeAdapter(kind))
    data: dict[str, Any] = adapter.dump_python(request, mode="json", exclude_defaults=True)
    return data


class Answer(Generic[T]):
    """How a client reads one route's answer: parsed JSON in, a typed value out."""

    def __init__(self, adapter: TypeAdapter[T], name: str) -> None:
        self.adapter = adapter
        self.name = name

    @classmethod
    def of(cls, kind: type[T]) -> Answer[T]:
        """The answer of one type: ``Answer.of(IssuedTicket)``."""
        return cls(TypeAdapter(kind), kind.__name__)

    def decode(self, data: object) -> T:
        """``data`` (parsed JSON, None for an empty answer) as a ``T``."""
        try:
            return self.adapter.validate_python(data)
        except ValidationError as exc:
            problems = "; ".join(
                f"{'.'.join(str(p) for p in error['loc']) or 'answer'}: {error['msg']}"
                for error in exc.errors()[:3]
            )
            more = f" (and {exc.error_count() - 3} more)" if exc.error_count() > 3 else ""
            raise AnswerError(f"does not fit {self.name}: {problems}{more}") from exc

    def __repr__(self) -> str:
        return f"Answer({self.name})"


__all__ = [
    "AlarmAnswer",
    "Answer",
    "AnswerError",
    "CallRequest",
    "CalledTicket",
    "CheckInRequest",
    "CounterAnswer",
    "DayFigures",
    "DeviceContact",
    "DeviceStatusReport",
    "Health",
    "IdempotencyKey",
    "Identifier",
    "ImportAnswer",
    "IssueRequest",
    "IssuedTicket",
    "Language",
    "LoginRequest",
    "Note",
    "Overview",
    "PolicyAnswer",
    "RaiseAlarmRequest",
    "SessionAnswer",
    "SiteAnswer",
    "SiteCounter",
    "SiteService",
    "StaffContact",
    "StepRequest",
    "SteppedTicket",
    "TicketId",
    "TicketStatusAnswer",
    "TransferRequest",
    "WalkInService",
    "WalkInsAnswer",
    "body_of",
]
