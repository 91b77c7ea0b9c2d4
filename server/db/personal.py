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
- A logged ticket event (`ticket.issued`, `ticket.called`, `ticket.changed`) of a site-local
  day before the cutoff (by the event's `at`) loses the note its `TicketInfo` copied: the
  payload is decoded, the note blanked and encoded again; seq, type, time and every other
  field (ticket id, number, service, status, times, counter) stay, so a replay and the
  figures see the same events. The other events carry no visitor's data (staff user names
  of counters and alarms are the office's own, kept with the log). One bad event does not
  stop the round (nor lose its tickets' and appointments' blanking): a payload that does
  not decode through the protocol still loses its note when its JSON has a ticket object
  with a note (privacy first); one without (not JSON at all) is left as it is and its seq
  reported in `Anonymised.skipped`, round after round, until someone looks at it.

Each statement skips rows already anonymised, so a round over months of history rewrites
only the days that have just aged; its condition is written as the partial index's
(`KEYED`, `NAMED`, `NOTED` in `server.db.models`, as text: SQLite uses a partial index only for a
query that repeats its WHERE), so a round that finds nothing reads a few index pages.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from pydantic import ValidationError
from sqlalchemy import ColumnElement, String, cast, literal, select, text, update
from sqlalchemy.orm import Session

from server.db.models import (
    ANON_PREFIX,
    KEYED,
    NAMED,
    NOTED,
    AppointmentRow,
    EventRow,
    TicketRow,
)
from server.db.outcomes import Anonymised
from shared.protocol import TicketCalled, TicketChanged, TicketIssued, decode, encode


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
    blanked, skipped = _blank_events(session, midnight)
    return Anonymised(
        tickets=int(getattr(tickets, "rowcount", 0)),
        appointments=int(getattr(appointments, "rowcount", 0)),
        events=blanked,
        skipped=skipped,
    )


def _blank_events(session: Session, before: datetime) -> tuple[int, tuple[int, ...]]:
    """Blank the note in the logged ticket events before `before`; how many were rewritten,
    and the seqs of those left as they were (no ticket's note found in them)."""
    rows = session.execute(
        select(EventRow.seq, EventRow.payload).where(EventRow.at < before, text(NOTED))
    ).all()
    blanked: list[dict[str, object]] = []
    skipped: list[int] = []
    for seq, payload in rows:
        rewritten = without_note(payload)
        if rewritten is None:
            skipped.append(seq)
        else:
            blanked.append({"seq": seq, "payload": rewritten})
    if blanked:
        session.execute(update(EventRow), blanked)
    return len(blanked), tuple(skipped)


def without_note(payload: str) -> str | None:
    """A logged ticket event's payload with its ticket's note blanked, all else as it was;
    None when it holds no ticket's note to blank (not JSON, no ticket object with a note)."""
    try:
        event = decode(payload)
    except ValidationError:
        return _without_raw_note(payload)
    if not isinstance(event, TicketIssued | TicketCalled | TicketChanged):
        return _without_raw_note(payload)
    return encode(replace(event, ticket=replace(event.ticket, note="")))


def _without_raw_note(payload: str) -> str | None:
    """The note blanked in the JSON of a payload the protocol does not decode (an older or
    damaged event), written as `encode` writes JSON (compact, UTF-8) so the blank note reads
    `"note":""` and the event leaves `NOTED`; None when there is no ticket's note."""
    try:
        data = json.loads(payload)
    except ValueError:
        return None
    ticket = data.get("ticket") if isinstance(data, dict) else None
    if not isinstance(ticket, dict) or "note" not in ticket:
        return None
    ticket["note"] = ""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
