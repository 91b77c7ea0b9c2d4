"""The server's store: every mutation is one transaction that changes rows and logs events.

Writers are serialised (SQLite ``BEGIN IMMEDIATE``; PostgreSQL row lock on ``event_seq``), so
event seqs are gap-free in commit order and *call next* never hands a ticket to two counters.
Methods return the events they caused; the API publishes them after commit.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import TypeVar

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from server.db import alarms, device_alerts, eventlog, kiosk, step_keys, trust
from server.db.appointments import import_csv
from server.db.desk import Desk, counter_info
from server.db.engine import (
    create_engine_for,
    migrate,
    read_engine,
    read_session,
    write_session,
)
from server.db.figures import day_figures
from server.db.kiosk import WalkInOffer
from server.db.models import CounterRow
from server.db.outcomes import (
    AlarmUpdate,
    Called,
    Changed,
    CounterUpdate,
    DeviceReport,
    ImportResult,
    Issued,
    Performed,
    Principal,
    StoreSettings,
    TicketStatusView,
)
from server.db.status import TicketPage, places, ticket_page
from server.db.step_keys import StepAnswer, StepKey
from server.db.tickets import LIVE, position, ticket_info, tickets_of_day
from server.db.visitors import Handed, Visitors, status_of
from server.db.waits import expected_wait_minutes
from server.errors import StoreError
from server.store_alerts import AlertStore
from server.store_trust import TrustStore
from shared.clock import Clock
from shared.devices import PrinterStatus
from shared.domain import CounterState, Site, TicketStatus
from shared.lifecycle import TicketAction
from shared.numbering import local_day
from shared.policy import PolicySettings
from shared.protocol import Snapshot, StaffEvent
from shared.wire import DayFigures

log = logging.getLogger(__name__)
DEFAULT_SETTINGS = StoreSettings()
R = TypeVar("R")

__all__ = [
    "AlarmUpdate",
    "Called",
    "Changed",
    "CounterUpdate",
    "DayFigures",
    "ImportResult",
    "Issued",
    "Performed",
    "Principal",
    "StepAnswer",
    "StepKey",
    "Store",
    "StoreSettings",
    "TicketStatusView",
    "create_engine_for",
    "migrate",
]


class Store(TrustStore, AlertStore):
    """Tickets, counters, the event log and trust data of one site, on SQLite or PostgreSQL."""

    def __init__(
        self, engine: Engine, site: Site, clock: Clock, settings: StoreSettings = DEFAULT_SETTINGS
    ) -> None:
        self._engine = engine
        self._reader = read_engine(engine)
        self._site = site
        self._clock = clock
        self._settings = settings
        self.principals = trust.PrincipalCache(self._reader, clock)

    @property
    def site(self) -> Site:
        """The site this store serves."""
        return self._site

    @property
    def policy(self) -> PolicySettings:
        """The queue policy's settings that *call next* uses."""
        return self._settings.policy

    @contextmanager
    def _desk(self) -> Iterator[Desk]:
        with write_session(self._engine) as session:
            yield Desk(session, self._site, self._clock.now(), self._settings.policy)

    # ------------------------------------------------------------------ visitors
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

    def report_device_status(self, device_id: str, printer: PrinterStatus) -> DeviceReport:
        """Keep a device's printer state and last contact; a change gives an event."""
        with write_session(self._engine) as session:
            return kiosk.report_status(session, device_id, printer, self._clock.now())

    # ------------------------------------------------------------------ counters
    def call_next(self, counter_id: str) -> Called | None:
        """Call the ticket the policy picks for an open, free counter; None when nobody waits."""
        with self._desk() as desk:
            return desk.call_next(counter_id)

    def call_ticket(self, counter_id: str, ticket_id: int) -> Called:
        """Call a named waiting or parked ticket to an open, free counter."""
        with self._desk() as desk:
            return desk.call_ticket(counter_id, ticket_id)

    def recall(self, ticket_id: int, at_counter: str | None = None) -> Called:
        """Call a called ticket again (`at_counter`: refused when another counter holds it)."""
        with self._desk() as desk:
            return desk.recall(ticket_id, at_counter)

    def start(self, ticket_id: int, at_counter: str | None = None) -> Changed:
        """The called visitor has arrived: service starts."""
        return self.step(ticket_id, TicketAction.START, at_counter=at_counter)

    def finish(self, ticket_id: int, at_counter: str | None = None) -> Changed:
        """Service is over."""
        return self.step(ticket_id, TicketAction.FINISH, at_counter=at_counter)

    def no_show(self, ticket_id: int, at_counter: str | None = None) -> Changed:
        """The called visitor did not come."""
        return self.step(ticket_id, TicketAction.NO_SHOW, at_counter=at_counter)

    def park(self, ticket_id: int, note: str = "", at_counter: str | None = None) -> Changed:
        """Set a called or serving ticket aside; it can be called again by hand."""
        return self.step(ticket_id, TicketAction.PARK, note, at_counter)

    def cancel(self, ticket_id: int, at_counter: str | None = None) -> Changed:
        """Withdraw a waiting or parked ticket."""
        return self.step(ticket_id, TicketAction.CANCEL, at_counter=at_counter)

    def step(
        self, ticket_id: int, action: TicketAction, note: str = "", at_counter: str | None = None
    ) -> Changed:
        """Take one step (start, finish, no-show, park, cancel) for a ticket."""
        with self._desk() as desk:
            return desk.change(ticket_id, action, note, at_counter)

    def transfer(
        self,
        ticket_id: int,
        *,
        service_id: str | None,
        counter_id: str | None,
        note: str,
        at_counter: str | None = None,
    ) -> Changed:
        """Send a ticket back to the queue for another service and/or a named counter."""
        with self._desk() as desk:
            return desk.transfer(ticket_id, service_id, counter_id, note, at_counter)

    def set_counter_state(
        self, counter_id: str, state: CounterState, clerk: str | None
    ) -> CounterUpdate:
        """Open, pause or close a counter (closing needs an empty hand)."""
        with self._desk() as desk:
            return desk.set_state(counter_id, state, clerk)

    def perform(
        self,
        key: StepKey | None,
        work: Callable[[Desk], R],
        answer: Callable[[R, int], StepAnswer],
    ) -> Performed[R]:
        """Do a clerk's step at most once per key: `work` on the desk, `answer` its HTTP answer.

        `answer` gets the outcome and its stream position: the seq of the last event the step
        committed, or the newest seq when it committed none (see `shared.wire.SteppedTicket`).

        With a key: a key seen before returns its first answer (nothing done, no events); a
        new one does the step and keeps its answer, a refusal included, in the same
        transaction. Without a key the step is simply done.
        """
        with self._desk() as desk:
            if key is not None and (known := step_keys.find(desk.session, key)) is not None:
                return Performed(None, known.status, known.body, replayed=True, events=())
            if key is None:
                return _performed(work(desk), answer, desk.session)
            try:
                with desk.session.begin_nested():
                    outcome = work(desk)
            except StoreError as refused:
                body = json.dumps(refused.body(), ensure_ascii=False).encode()
                step_keys.keep(desk.session, key, StepAnswer(refused.status_code, body), desk.now)
                failure = refused
            else:
                done = _performed(outcome, answer, desk.session)
                step_keys.keep(desk.session, key, StepAnswer(done.status, done.body), desk.now)
                return done
        raise failure

    def prune_step_keys(self, before: datetime) -> int:
        """Forget the idempotency keys of steps older than `before` (housekeeping)."""
        with write_session(self._engine) as session:
            return step_keys.prune(session, before)

    # ------------------------------------------------------------------ staff alarms
    def raise_alarm(self, counter_id: str, who: str) -> AlarmUpdate:
        """A clerk at a counter needs help; an alarm already open there is returned again."""
        with self._desk() as desk:
            return desk.raise_alarm(counter_id, who)

    def acknowledge_alarm(self, alarm_id: int, who: str) -> AlarmUpdate:
        """Someone came to help: close the alarm (409 when already acknowledged)."""
        with self._desk() as desk:
            return desk.acknowledge_alarm(alarm_id, who)

    # ------------------------------------------------------------------ reading
    def snapshot(self) -> Snapshot:
        """Today's live tickets and all counters, consistent with `seq`."""
        now = self._clock.now()
        with read_session(self._reader) as session:
            seq = eventlog.last_seq(session)
            tickets = tickets_of_day(session, local_day(now, self._site.timezone), LIVE)
            counters = tuple(
                counter_info(session, counter, session.get(CounterRow, counter.id))
                for counter in self._site.counters.values()
            )
            open_alarms = alarms.open_alarms(session, self._site)
            devices = kiosk.device_statuses(session)
            alerts = device_alerts.open_alerts(session)
        return Snapshot(
            seq=seq,
            at=now,
            tickets=tuple(ticket_info(t) for t in tickets),
            counters=counters,
            alarms=open_alarms,
            devices=devices,
            alerts=alerts,
        )

    def events_since(self, seq: int) -> list[StaffEvent] | None:
        """Events after `seq`, or None when too far behind (the caller sends a snapshot)."""
        with read_session(self._reader) as session:
            return eventlog.since(session, seq, self._settings.replay_limit)

    def last_seq(self) -> int:
        """The seq of the newest event (0 before the first)."""
        with read_session(self._reader) as session:
            return eventlog.last_seq(session)

    def prune_events(self, before: datetime) -> int:
        """Drop events logged before a time (housekeeping); clients further behind get None."""
        with write_session(self._engine) as session:
            return eventlog.prune(session, before)

    # ------------------------------------------------------------------ appointments
    def import_appointments(self, csv_text: str) -> ImportResult:
        """Import booked appointments: number,service_id,scheduled_at,name (naive = site time)."""
        with write_session(self._engine) as session:
            result = import_csv(session, self._site, csv_text)
        log.info("imported %d appointments, skipped %d", result.imported, result.skipped)
        return result

    def figures(self) -> DayFigures:
        """Today's key figures so far (site-local day): tickets, waits, no-shows."""
        now = self._clock.now()
        with read_session(self._reader) as session:
            return day_figures(session, local_day(now, self._site.timezone))


def _performed(
    outcome: R, answer: Callable[[R, int], StepAnswer], session: Session
) -> Performed[R]:
    """A step just done: its outcome, its answer (with the seq it reached) and its events."""
    events = tuple(getattr(outcome, "events", ()))
    seq = max(e.seq for e in events) if events else eventlog.last_seq(session)
    sent = answer(outcome, seq)
    return Performed(outcome, sent.status, sent.body, replayed=False, events=events)
