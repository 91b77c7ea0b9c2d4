"""Visitor-side operations inside one transaction: issue, check in, the status page."""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from server.db import eventlog
from server.db.models import AppointmentRow, IdempotencyKeyRow, TicketRow
from server.db.tickets import get_row, next_seq, position, ticket_info, to_ticket
from server.errors import InvalidInputError, NotFoundError, RefusedError
from shared.checkin import CheckInWindow
from shared.domain import Service, Site, Ticket, TicketOrigin, TicketStatus
from shared.numbering import format_number, local_day
from shared.protocol import StaffEvent, TicketIssued
from shared.refusal import Refusal, Refused, Remedy

MAX_KEY = 128
_STILL_QUEUED = frozenset(
    {TicketStatus.WAITING.value, TicketStatus.CALLED.value, TicketStatus.PARKED.value}
)


@dataclass(frozen=True)
class Handed:
    """A ticket handed out in this transaction (events empty when it is a retried request)."""

    ticket: Ticket
    status_key: str
    events: tuple[StaffEvent, ...]


@dataclass
class Visitors:
    """The visitor operations of one write transaction."""

    session: Session
    site: Site
    now: datetime
    window: CheckInWindow = field(default_factory=CheckInWindow)

    def issue(
        self, service_id: str, language: str, key: str, issuer: str, *, emergency: bool
    ) -> Handed:
        """A walk-in ticket for a service; a repeated (issuer, key) gives the first ticket back."""
        known = self._known(key, issuer)
        if known is not None:
            return known
        service = self._service(service_id)
        self._check_language(language)
        return self._hand_out(
            service, language, key, issuer, emergency=emergency or service.emergency
        )

    def check_in(self, number: str, language: str, key: str, issuer: str) -> Handed:
        """A ticket for a booked appointment of today; a repeated key gives the first back.

        Refusals are `RefusedError`s with a reason: unknown number, already checked in,
        booked for another day, too early or too late for the check-in window.
        """
        known = self._known(key, issuer)
        if known is not None:
            return known
        self._check_language(language)
        wanted = number.strip()
        if not wanted or len(wanted) > MAX_KEY:
            raise InvalidInputError(f"appointment number must be 1 to {MAX_KEY} characters")
        booking = self.session.scalar(select(AppointmentRow).where(AppointmentRow.number == wanted))
        if booking is None:
            raise RefusedError(
                Refused(
                    reason=Refusal.UNKNOWN,
                    remedy=Remedy.GO_TO_RECEPTION,
                    detail=f"no appointment with number {wanted!r}",
                )
            )
        self._check_bookable(booking)
        service = self.site.services.get(booking.service_id)
        if service is None:
            raise RefusedError(
                Refused(
                    reason=Refusal.NOT_OFFERED,
                    remedy=Remedy.GO_TO_RECEPTION,
                    detail=f"the service {booking.service_id!r} is no longer offered",
                    service_id=booking.service_id,
                    booked_at=booking.scheduled_at,
                )
            )
        booking.checked_in_at = self.now
        return self._hand_out(service, language, key, issuer, emergency=False, booking=booking)

    def _check_bookable(self, booking: AppointmentRow) -> None:
        """Refuse an appointment checked in before, of another day, or outside the window."""
        booked_at = booking.scheduled_at
        if booking.checked_in_at is not None:
            earlier = self.session.execute(
                select(TicketRow.number, TicketRow.status).where(
                    TicketRow.appointment_id == booking.id
                )
            ).first()
            live = earlier is not None and earlier.status in _STILL_QUEUED
            raise RefusedError(
                Refused(
                    reason=Refusal.ALREADY_CHECKED_IN,
                    remedy=Remedy.USE_EARLIER_TICKET if live else Remedy.GO_TO_RECEPTION,
                    detail=f"appointment {booking.number} is already checked in as "
                    f"{earlier.number if earlier else '?'}",
                    ticket_number=earlier.number if earlier else None,
                    service_id=booking.service_id,
                    booked_at=booked_at,
                )
            )
        booked_day = local_day(booked_at, self.site.timezone)
        if booked_day != self.today:
            raise RefusedError(
                Refused(
                    reason=Refusal.OTHER_DAY,
                    remedy=Remedy.COME_BACK_LATER
                    if booked_day > self.today
                    else Remedy.GO_TO_RECEPTION,
                    detail=f"appointment {booking.number} is booked for "
                    f"{booked_day.isoformat()}, not today",
                    booked_day=booked_day,
                    service_id=booking.service_id,
                    booked_at=booked_at,
                )
            )
        verdict = self.window.judge(booked_at, self.now)
        if verdict is None:
            return
        early = verdict is Refusal.TOO_EARLY
        when = self.window.opens(booked_at) if early else self.window.closes(booked_at)
        raise RefusedError(
            Refused(
                reason=verdict,
                remedy=Remedy.COME_BACK_LATER if early else Remedy.GO_TO_RECEPTION,
                detail=f"appointment {booking.number}: check-in "
                + ("opens" if early else "closed")
                + f" at {when.isoformat()}",
                booked_day=booked_day,
                checkin_from=self.window.opens(booked_at),
                checkin_until=self.window.closes(booked_at),
                service_id=booking.service_id,
                booked_at=booked_at,
            )
        )

    @property
    def today(self) -> date:
        """The site's local day now."""
        return local_day(self.now, self.site.timezone)

    def _service(self, service_id: str) -> Service:
        service = self.site.services.get(service_id)
        if service is None:
            raise InvalidInputError(f"unknown service {service_id!r}")
        return service

    def _check_language(self, language: str) -> None:
        if language not in self.site.languages:
            offered = ", ".join(self.site.languages)
            raise InvalidInputError(f"unknown language {language!r} (offered: {offered})")

    def known(self, key: str, issuer: str) -> Handed | None:
        """The ticket this issuer already got for this key (no event), or None."""
        return self._known(key, issuer)

    def _known(self, key: str, issuer: str) -> Handed | None:
        if not key or len(key) > MAX_KEY:
            raise InvalidInputError(f"idempotency key must be 1 to {MAX_KEY} characters")
        if not issuer or len(issuer) > MAX_KEY:
            raise InvalidInputError(f"issuer id must be 1 to {MAX_KEY} characters")
        ticket_id = self.session.scalar(
            select(IdempotencyKeyRow.ticket_id).where(
                IdempotencyKeyRow.issuer_id == issuer, IdempotencyKeyRow.key == key
            )
        )
        if ticket_id is None:
            return None
        row = get_row(self.session, ticket_id)
        return Handed(to_ticket(row), row.status_key, ())

    def _hand_out(
        self,
        service: Service,
        language: str,
        key: str,
        issuer: str,
        *,
        emergency: bool,
        booking: AppointmentRow | None = None,
    ) -> Handed:
        day = self.today
        seq = next_seq(self.session, day, service.id)
        cap = service.daily_cap
        if booking is None and not emergency and cap is not None and seq > cap:
            raise RefusedError(
                Refused(
                    reason=Refusal.QUOTA_USED_UP,
                    remedy=Remedy.GO_TO_RECEPTION,
                    detail=f"{service.name('en')}: today's limit of {cap} tickets "
                    "is reached; no more walk-in tickets today",
                    service_id=service.id,
                    daily_cap=cap,
                )
            )
        row = TicketRow(
            day=day,
            service_id=service.id,
            issued_service_id=service.id,
            seq=seq,
            number=format_number(service.letter, seq),
            status=TicketStatus.WAITING.value,
            origin=(TicketOrigin.WALK_IN if booking is None else TicketOrigin.APPOINTMENT).value,
            language=language,
            emergency=emergency,
            status_key=secrets.token_urlsafe(16),
            created_at=self.now,
            queued_at=self.now,
            due_at=None if booking is None else booking.scheduled_at,
            appointment_id=None if booking is None else booking.id,
            recalls=0,
            transfers=0,
            note="",
        )
        self.session.add(row)
        self.session.flush()
        self.session.add(
            IdempotencyKeyRow(issuer_id=issuer, key=key, ticket_id=row.id, created_at=self.now)
        )
        ticket = to_ticket(row)
        info = ticket_info(ticket)
        event = eventlog.append(
            self.session, self.now, lambda seq, at: TicketIssued(seq=seq, at=at, ticket=info)
        )
        return Handed(ticket, row.status_key, (event,))


def status_of(session: Session, ticket_id: int, key: str) -> tuple[Ticket, int | None]:
    """The ticket behind a status key and its place in the queue; NotFoundError on a bad key."""
    row = session.get(TicketRow, ticket_id)
    if (
        row is None
        or not row.status_key  # blanked by the housekeeping (server.db.personal): no key opens it
        or not hmac.compare_digest(row.status_key.encode(), key.encode())
    ):
        raise NotFoundError("no ticket with this id and key")
    ticket = to_ticket(row)
    place = position(session, ticket) if ticket.status is TicketStatus.WAITING else None
    return ticket, place
