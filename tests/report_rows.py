"""Tickets at known times for the report's tests, written as rows into a real database.

Imported as `tests.report_rows` by the store and CLI tests of `aufruf report`. `office_history`
writes the same small history every time; its figures are worked out by hand in the tests.
"""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from server.db.models import TicketRow
from shared.domain import TicketOrigin, TicketStatus

MONDAY = date(2026, 11, 2)  # ISO week 45
TUESDAY = date(2026, 11, 3)
NEXT_TUESDAY = date(2026, 11, 10)  # ISO week 46
_seq = itertools.count(1)


def at(day: date, hour: int, minute: int = 0) -> datetime:
    """An instant in UTC on a day (Berlin is UTC+1 in November)."""
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC)


def add_ticket(
    session: Session,
    *,
    day: date,
    service: str,
    status: TicketStatus,
    created: datetime,
    origin: TicketOrigin = TicketOrigin.WALK_IN,
    due: datetime | None = None,
    called: datetime | None = None,
    started: datetime | None = None,
    finished: datetime | None = None,
) -> None:
    """One ticket row with the times given (number and key made up, note empty)."""
    seq = next(_seq)
    session.add(
        TicketRow(
            day=day,
            service_id=service,
            issued_service_id=service,
            seq=seq,
            number=f"T{seq:03d}",
            status=status.value,
            origin=origin.value,
            language="de",
            emergency=False,
            status_key=f"key{seq}",
            created_at=created,
            queued_at=created,
            due_at=due,
            called_at=called,
            last_called_at=called,
            started_at=started,
            finished_at=finished,
            recalls=0,
            transfers=0,
            note="",
        )
    )


def _served(session: Session, day: date, service: str, wait: int, counter: int) -> None:
    """A walk-in issued at 08:00 UTC, called after `wait` minutes, served for `counter`."""
    created = at(day, 8)
    called = created + timedelta(minutes=wait)
    add_ticket(
        session,
        day=day,
        service=service,
        status=TicketStatus.DONE,
        created=created,
        called=called,
        started=called + timedelta(minutes=1),
        finished=called + timedelta(minutes=1 + counter),
    )


def _appointment(session: Session, day: date, wait: int, late: int, counter: int) -> None:
    """A passport appointment due at 10:00 UTC, called `late` after it, `wait` after check-in."""
    due = at(day, 10)
    called = due + timedelta(minutes=late)
    created = called - timedelta(minutes=wait)
    add_ticket(
        session,
        day=day,
        service="passport",
        status=TicketStatus.DONE,
        created=created,
        origin=TicketOrigin.APPOINTMENT,
        due=due,
        called=called,
        started=called,
        finished=called + timedelta(minutes=counter),
    )


def office_history(engine: Engine) -> None:
    """Two weeks of a small office, figures in the tests (times in minutes).

    Monday: general walk-ins waited 5, 10, 15, 20, 40 (at the counter 6, 8, 10, 12, 14), one
    no-show called after 70, one cancelled before a call; a passport appointment checked in
    an hour early, called 5 after its time (wait 65). Tuesday: four more passport appointments
    (waits 30, 12, 25, 40; late -2, 0, 10, 20; at the counter 3 to 7 with the first's 4).
    Next Tuesday: a walk-in of a service the site no longer has, never called. Outside the
    range the tests ask for: a ticket on 1 and on 11 November.
    """
    with Session(engine) as session, session.begin():
        for wait, counter in zip((5, 10, 15, 20, 40), (6, 8, 10, 12, 14), strict=True):
            _served(session, MONDAY, "general", wait, counter)
        add_ticket(
            session,
            day=MONDAY,
            service="general",
            status=TicketStatus.NO_SHOW,
            created=at(MONDAY, 9),
            called=at(MONDAY, 10, 10),
            finished=at(MONDAY, 10, 15),
        )
        add_ticket(
            session,
            day=MONDAY,
            service="general",
            status=TicketStatus.CANCELLED,
            created=at(MONDAY, 9),
            finished=at(MONDAY, 11),
        )
        _appointment(session, MONDAY, wait=65, late=5, counter=4)
        for wait, late, counter in ((30, -2, 3), (12, 0, 5), (25, 10, 6), (40, 20, 7)):
            _appointment(session, TUESDAY, wait=wait, late=late, counter=counter)
        add_ticket(
            session,
            day=NEXT_TUESDAY,
            service="old_service",
            status=TicketStatus.WAITING,
            created=at(NEXT_TUESDAY, 8),
        )
        for outside in (date(2026, 11, 1), date(2026, 11, 11)):
            _served(session, outside, "general", 1, 1)
