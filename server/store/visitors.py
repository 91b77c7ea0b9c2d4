"""The store's visitor side: issue and check in tickets, a ticket's status page, appointments.

A part of `server.store.Store` (a base class of it): each method is one transaction.
"""

from __future__ import annotations

import logging
from collections.abc import Collection
from datetime import date

from sqlalchemy.orm import Session

from server.db import kiosk
from server.db.appointments import import_csv
from server.db.engine import read_session, write_session
from server.db.kiosk import WalkInOffer
from server.db.outcomes import Anonymised, ImportResult, Issued, TicketStatusView
from server.db.personal import anonymise
from server.db.status import TicketPage, places, ticket_page
from server.db.tickets import position, ticket_info
from server.db.visitors import Handed, Visitors, status_of
from server.db.waits import expected_wait_minutes
from server.store.base import StoreBase
from shared.domain import TicketStatus
from shared.numbering import local_day

log = logging.getLogger(__name__)


class VisitorStore(StoreBase):
    """Tickets for visitors: walk-in and check-in, status pages, the walk-in offer, bookings."""

    def issue_ticket(
        self,
        *,
        service_id: str,
        language: str,
        idempotency_key: str,
        issuer_id: str,
        emergency: bool = False,
    ) -> Issued:
        """Issue a walk-in ticket; the same key from the same issuer gives the same ticket."""
        with write_session(self._engine) as session:
            now = self._clock.now()
            visitors = Visitors(session, self._site, now)
            handed = visitors.issue(
                service_id, language, idempotency_key, issuer_id, emergency=emergency
            )
            return self._issued(session, handed)

    def check_in(
        self, *, appointment_number: str, language: str, idempotency_key: str, issuer_id: str
    ) -> Issued:
        """Check in a booked appointment of today and issue its ticket."""
        with write_session(self._engine) as session:
            visitors = Visitors(session, self._site, self._clock.now(), self._settings.checkin)
            handed = visitors.check_in(appointment_number, language, idempotency_key, issuer_id)
            return self._issued(session, handed)

    def issued_before(self, *, idempotency_key: str, issuer_id: str) -> Issued | None:
        """The answer an issuer already got for this key (a retry), or None; writes nothing."""
        with read_session(self._reader) as session:
            visitors = Visitors(session, self._site, self._clock.now())
            handed = visitors.known(idempotency_key, issuer_id)
            return None if handed is None else self._issued(session, handed)

    def _issued(self, session: Session, handed: Handed) -> Issued:
        ticket = handed.ticket
        service = self._site.services.get(ticket.service_id)
        name = service.name(ticket.language) if service else ticket.service_id
        now = self._clock.now()
        waiting = ticket.status is TicketStatus.WAITING
        wait = expected_wait_minutes(session, self._site, ticket, now, self._settings.policy)
        place = position(session, ticket) if waiting else 0
        if handed.events:
            log.info("issued %s (%s)", ticket.number, ticket.service_id)
        return Issued(
            ticket_info(ticket),
            name,
            wait,
            place,
            handed.status_key,
            handed.events,
            booked_at=ticket.due_at,
        )

    def ticket_status(self, ticket_id: int, key: str) -> TicketStatusView:
        """The visitor's status page for a ticket; NotFoundError unless the key matches."""
        with read_session(self._reader) as session:
            ticket, place = status_of(session, ticket_id, key)
        service = self._site.services.get(ticket.service_id)
        counter = self._site.counters.get(ticket.counter_id or "")
        in_hand = ticket.status in {TicketStatus.CALLED, TicketStatus.SERVING}
        return TicketStatusView(
            number=ticket.number,
            status=ticket.status,
            position=place,
            counter_name=counter.name if counter is not None and in_hand else None,
            service_name=service.name(ticket.language) if service else ticket.service_id,
        )

    def ticket_page(self, ticket_id: int, key: str) -> TicketPage:
        """Today's ticket behind its status key, with place and wait; NotFoundError otherwise."""
        now = self._clock.now()
        with read_session(self._reader) as session:
            return ticket_page(
                session,
                self._site,
                ticket_id,
                key,
                today=local_day(now, self._site.timezone),
                now=now,
                policy=self._settings.policy,
            )

    def places(self, ticket_ids: Collection[int]) -> dict[int, int]:
        """The place in the queue of each of these tickets that waits today."""
        day = local_day(self._clock.now(), self._site.timezone)
        with read_session(self._reader) as session:
            return places(session, day, ticket_ids)

    def status_url(self, ticket_id: int, key: str) -> str:
        """The visitor's status page address (`settings.status_base_url` + id and key)."""
        base = self._settings.status_base_url.rstrip("/")
        return f"{base}/api/v1/tickets/{ticket_id}/status?key={key}"

    def walk_in_offer(self) -> WalkInOffer:
        """Today's walk-in concerns and the state of their daily quotas."""
        now = self._clock.now()
        with read_session(self._reader) as session:
            return kiosk.walk_in_offer(session, self._site, local_day(now, self._site.timezone))

    def import_appointments(self, csv_text: str) -> ImportResult:
        """Import booked appointments: number,service_id,scheduled_at,name (naive = site time)."""
        with write_session(self._engine) as session:
            result = import_csv(session, self._site, csv_text)
        log.info("imported %d appointments, skipped %d", result.imported, result.skipped)
        return result

    def anonymise_personal(self, before: date) -> Anonymised:
        """Blank names, appointment numbers, notes and status keys of site-local days before
        `before`, and the notes in the events logged then (housekeeping); the rows and what the
        figures and a replay read stay."""
        with write_session(self._engine) as session:
            return anonymise(session, before, self._site.timezone)
