"""What the kiosk knows of its site (from ``GET /site``) and of an issued ticket. Qt-free.

Texts come per language from the site file and fall back to English, then German.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from kiosk.way import Concern, Issued
from shared.languages import in_language
from shared.wire import IssuedTicket, SiteAnswer

__all__ = [
    "KioskSite",
    "ServiceTexts",
    "issued_from_answer",
    "issued_from_ticket",
    "site_from_answer",
]


@dataclass(frozen=True, slots=True)
class ServiceTexts:
    """One service's names, explanations and document lists per language."""

    id: str
    names: Mapping[str, str]
    documents: Mapping[str, Sequence[str]] = field(default_factory=dict)
    explanations: Mapping[str, str] = field(default_factory=dict)
    emergency: bool = False
    quota_used_up: bool = False

    def concern(self, language: str) -> Concern:
        """The concern as shown in ``language`` (falling back to English)."""
        return Concern(
            id=self.id,
            name=str(in_language(self.names, language) or self.id),
            explanation=str(in_language(self.explanations, language) or ""),
            documents=tuple(in_language(self.documents, language) or ()),
            quota_used_up=self.quota_used_up,
        )


@dataclass(frozen=True, slots=True)
class KioskSite:
    """The office as the kiosk shows it: name, time zone, languages, walk-in concerns."""

    name: str
    timezone: str
    languages: tuple[str, ...]
    services: tuple[ServiceTexts, ...]

    @property
    def default_language(self) -> str:
        """The site's first language."""
        return self.languages[0] if self.languages else "de"

    def hub_language(self, language: str) -> str:
        """The language code to send to the hub: the visitor's if the site has it, else en."""
        return language if language in self.languages else "en"

    def concerns(self, language: str) -> tuple[Concern, ...]:
        """The walk-in concerns in ``language`` (emergencies are for staff to issue)."""
        return tuple(s.concern(language) for s in self.services if not s.emergency)

    def with_offer(self, offered: tuple[str, ...], used_up: frozenset[str]) -> KioskSite:
        """The site with today's walk-in offer (`GET /walk-ins`): only those, quota marked."""
        by_id = {s.id: s for s in self.services}
        kept = tuple(
            dataclasses.replace(by_id[sid], quota_used_up=sid in used_up)
            for sid in offered
            if sid in by_id
        )
        others = tuple(s for s in self.services if s.emergency)
        return dataclasses.replace(self, services=kept + others)

    def service(self, service_id: str) -> ServiceTexts | None:
        """The service with this id, if the site has it."""
        return next((s for s in self.services if s.id == service_id), None)

    @classmethod
    def from_answer(cls, answer: Mapping[str, Any]) -> KioskSite:
        """Read the ``GET /site`` answer."""
        services = tuple(
            ServiceTexts(
                id=str(s["id"]),
                names=dict(s.get("names", {})),
                documents={k: tuple(v) for k, v in dict(s.get("documents", {})).items()},
                explanations=dict(s.get("explanations", {})),
                emergency=bool(s.get("emergency", False)),
                quota_used_up=bool(s.get("quota_used_up", False)),
            )
            for s in answer.get("services", ())
        )
        return cls(
            name=str(answer.get("name", "")),
            timezone=str(answer.get("timezone", "Europe/Berlin")),
            languages=tuple(answer.get("languages", ("de", "en"))),
            services=services,
        )


def site_from_answer(answer: SiteAnswer) -> KioskSite:
    """Read the typed ``GET /site`` answer (`QtHubClient.site`)."""
    return KioskSite(
        name=answer.name,
        timezone=answer.timezone,
        languages=answer.languages,
        services=tuple(
            ServiceTexts(
                id=s.id,
                names=s.names,
                documents=dict(s.documents),
                explanations=s.explanations,
                emergency=s.emergency,
            )
            for s in answer.services
        ),
    )


def issued_from_ticket(answer: IssuedTicket) -> Issued:
    """Read the typed answer of ``POST /tickets`` or ``POST /checkins`` (`QtHubClient`)."""
    ticket = answer.ticket
    return Issued(
        ticket_id=ticket.id,
        number=ticket.number,
        service_id=ticket.service_id,
        service_name=answer.service_name,
        created_at=ticket.created_at,
        expected_wait_minutes=answer.expected_wait_minutes,
        status_url=answer.status_url,
        booked_at=answer.booked_at,
    )


def _time(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def issued_from_answer(answer: Mapping[str, Any]) -> Issued:
    """Read an ``IssuedTicket`` answer of ``POST /tickets`` or ``POST /checkins``."""
    ticket = answer["ticket"]
    created = _time(ticket.get("created_at"))
    if created is None:
        raise ValueError("the ticket has no created_at")
    wait = answer.get("expected_wait_minutes")
    return Issued(
        ticket_id=int(ticket["id"]),
        number=str(ticket["number"]),
        service_id=str(ticket["service_id"]),
        service_name=str(answer.get("service_name", "")),
        created_at=created,
        expected_wait_minutes=float(wait) if wait is not None else None,
        status_url=str(answer.get("status_url", "")),
        booked_at=_time(answer.get("booked_at") or answer.get("scheduled_at")),
    )
