"""Request and response bodies of the HTTP API, validated by pydantic."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field

from shared.domain import Site
from shared.protocol import CallReason, TicketInfo

Identifier = Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.-]+$")]
Language = Annotated[
    str, Field(min_length=2, max_length=16, pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")
]
IdempotencyKey = Annotated[str, Field(min_length=8, max_length=128, pattern=r"^[A-Za-z0-9_.:-]+$")]
Note = Annotated[str, Field(max_length=500)]
TicketId = Annotated[int, Field(ge=1, le=2**31 - 1)]


_MEANING = {
    400: "bad input (unknown service, malformed body)",
    401: "missing or unknown token",
    403: "this role may not do this",
    404: "no such ticket, counter or appointment",
    409: "not possible in the current state",
    413: "the body is too large",
    429: "too many tickets from this kiosk; see Retry-After",
}


class ErrorOut(BaseModel):
    """An error answer: what went wrong, for people."""

    detail: str


def error_responses(*codes: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI entries for the error codes an endpoint may answer with."""
    return {code: {"model": ErrorOut, "description": _MEANING[code]} for code in codes}


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Health(BaseModel):
    """The answer of `GET /health`."""

    status: str
    site: str
    api: int


class LoginRequest(_Body):
    """A clerk's credentials."""

    username: Annotated[str, Field(min_length=1, max_length=64)]
    password: Annotated[str, Field(min_length=1, max_length=256)]


class SessionOut(BaseModel):
    """A new session: its token (shown once), the role and the username."""

    token: str
    role: str
    username: str


class IssueRequest(_Body):
    """Ask for a walk-in ticket."""

    service_id: Identifier
    language: Language
    emergency: bool = False
    idempotency_key: IdempotencyKey


class CheckInRequest(_Body):
    """Check in for a booked appointment."""

    appointment_number: Annotated[
        str, Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.-]+$")
    ]
    language: Language
    idempotency_key: IdempotencyKey


class IssuedTicket(BaseModel):
    """A ticket as the kiosk prints it."""

    ticket: TicketInfo
    service_name: str
    expected_wait_minutes: float | None
    position: int
    status_url: str


class TicketStatusOut(BaseModel):
    """The visitor's status page data (behind the QR code)."""

    number: str
    status: str
    position: int | None
    counter_name: str | None
    service_name: str


class CalledOut(BaseModel):
    """A ticket called to a counter and why the policy chose it."""

    ticket: TicketInfo
    reason: str
    why: CallReason | None = None


class CallRequest(_Body):
    """Call a named ticket to a counter."""

    ticket_id: TicketId


class StepRequest(_Body):
    """An optional note for a ticket step (used by park)."""

    note: Note = ""


class TransferRequest(_Body):
    """Send a ticket to another service and/or a named counter."""

    service_id: Identifier | None = None
    counter_id: Identifier | None = None
    note: Note = ""


class ImportOut(BaseModel):
    """The result of an appointments import."""

    imported: int
    skipped: int
    errors: list[str]


class ServiceOut(BaseModel):
    """A service as kiosks show it."""

    id: str
    letter: str
    names: dict[str, str]
    documents: dict[str, list[str]]
    expected_minutes: float
    emergency: bool


class CounterOut(BaseModel):
    """A counter and the services it serves (with weights)."""

    id: str
    name: str
    location: str
    weights: dict[str, float]


class SiteOut(BaseModel):
    """The site's public description: services, counters, languages."""

    id: str
    name: str
    timezone: str
    languages: list[str]
    services: list[ServiceOut]
    counters: list[CounterOut]

    @classmethod
    def of(cls, site: Site) -> SiteOut:
        """Describe a site."""
        return cls(
            id=site.id,
            name=site.name,
            timezone=site.timezone,
            languages=list(site.languages),
            services=[
                ServiceOut(
                    id=s.id,
                    letter=s.letter,
                    names=dict(s.names),
                    documents={k: list(v) for k, v in s.documents.items()},
                    expected_minutes=s.expected_minutes,
                    emergency=s.emergency,
                )
                for s in site.services.values()
            ],
            counters=[
                CounterOut(id=c.id, name=c.name, location=c.location, weights=dict(c.weights))
                for c in site.counters.values()
            ],
        )
