"""Anonymisation of old personal data: what identifies a visitor is blanked after its day.

An Ausländerbehörde must not keep personal data longer than it needs (GDPR, data
minimisation), yet the head of office needs honest waiting-time figures over months. So rows
are not deleted: their personal columns are blanked, and what the figures read stays
(a ticket's day, service, origin, status and times; an appointment's service and time).

- A ticket's `note` (a clerk's free text) becomes "", its `status_key` (the secret in the
  QR code's status address) becomes "": no request can carry an empty key (the route wants
  1+ characters) and `status_of` refuses an empty key outright, so an old QR code gets the
  same 404 as a wrong key.
- An appointment's `name` becomes "" and its `number` (unique, not null, the booking
  system's reference) becomes `anon-<id>`; the import refuses numbers with that prefix, so
  the placeholder never collides with a real one.

Each statement skips rows already anonymised, so a round over months of history rewrites
only the days that have just aged; its condition is written as the partial index's
(`KEYED`, `NAMED` in `server.db.models`, as text: SQLite uses a partial index only for a
query that repeats its WHERE), so a round that finds nothing reads a few index pages.
"""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, String, cast, literal, text, update
from sqlalchemy.orm import Session

from server.db.models import ANON_PREFIX, KEYED, NAMED, AppointmentRow, TicketRow
from server.db.outcomes import Anonymised


def _placeholder() -> ColumnElement[str]:
    return literal(ANON_PREFIX, String) + cast(AppointmentRow.id, String)


def anonymise(session: Session, before: date, timezone: str) -> Anonymised:
    """Blank the personal data of tickets and appointments of site-local days before `before`.

    Tickets go by their `day`; appointments by `scheduled_at` before local midnight starting
    `before` in the site's `timezone`. Rows already blank are not touched: a ticket's key and
    note are blanked together, an appointment's name and number too.
    """
    tickets = session.execute(
        update(TicketRow).where(TicketRow.day < before, text(KEYED)).values(status_key="", note=""),
        execution_options={"synchronize_session": False},
    )
    midnight = datetime.combine(before, time(0), tzinfo=ZoneInfo(timezone))
    placeholder = _placeholder()
    appointments = session.execute(
        update(AppointmentRow)
        .where(AppointmentRow.scheduled_at < midnight, text(NAMED))
        .values(name="", number=placeholder),
        execution_options={"synchronize_session": False},
    )
    return Anonymised(
        tickets=int(getattr(tickets, "rowcount", 0)),
        appointments=int(getattr(appointments, "rowcount", 0)),
    )
