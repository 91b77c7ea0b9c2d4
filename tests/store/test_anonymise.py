"""Old personal data is blanked by the housekeeping round; recent days and the figures stay.

A real store (SQLite file and PostgreSQL) with a day of tickets and appointments 15 days ago,
one 5 days ago and today; a real `Housekeeper` round by the store's FakeClock. The events they
logged are kept 60 days in the tests of the event log (so the round's prune leaves them).
"""

from __future__ import annotations

import asyncio
import json
import logging
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError
from sqlalchemy import Engine, select, update
from sqlalchemy.orm import Session

from server.db.figures import day_figures
from server.db.models import TICKET_EVENTS, AppointmentRow, EventRow, TicketRow
from server.errors import NotFoundError
from server.housekeeping import Housekeeper, HousekeepingSchedule
from server.store import Store, create_engine_for, migrate
from shared.clock import FakeClock
from shared.domain import CounterState, Site
from shared.protocol import TicketCalled, TicketChanged, TicketIssued, decode
from tests.store.schema_at import sqlite_plans

OLD = date(2026, 11, 23)  # the clock's START day (a Monday, 09:00 Berlin)
RECENT = date(2026, 12, 3)
TODAY = date(2026, 12, 8)  # 15 days after OLD: with 14 days kept, days before 11-24 are blanked
CSV = (
    "number,service_id,scheduled_at,name\n"
    "O-1,general,2026-11-23T09:30,Ada Lovelace\n"
    "O-2,passport,2026-11-23T23:30,Nadia Haddad\n"  # the last half hour of the old day
    "E-1,general,2026-11-24T00:30,Emre Kaya\n"  # 11-23 in UTC, but 11-24 in Berlin: kept
    "R-1,general,2026-12-03T09:30,Olena Shevchenko\n"
)
FIGURE_COLUMNS = (
    TicketRow.id,
    TicketRow.day,
    TicketRow.service_id,
    TicketRow.issued_service_id,
    TicketRow.number,
    TicketRow.origin,
    TicketRow.status,
    TicketRow.created_at,
    TicketRow.queued_at,
    TicketRow.called_at,
    TicketRow.started_at,
    TicketRow.finished_at,
    TicketRow.due_at,
    TicketRow.appointment_id,
)


def _walk_in(store: Store, key: str) -> int:
    issued = store.issue_ticket(
        service_id="general", language="de", idempotency_key=key, issuer_id="kiosk"
    )
    return issued.ticket.id


def _a_day(store: Store, clock: FakeClock, booked: str, tag: str) -> dict[str, Any]:
    """A morning: a checked-in appointment served, a walk-in parked with a note, one waiting."""
    store.set_counter_state("c1", CounterState.OPEN, "anna")
    booking = store.check_in(
        appointment_number=booked, language="tr", idempotency_key=f"{tag}-b", issuer_id="kiosk"
    )
    walk_in = _walk_in(store, f"{tag}-w")
    clock.advance(timedelta(minutes=12))
    for _ in range(2):
        called = store.call_next("c1")
        assert called is not None
        if called.ticket.id == walk_in:
            store.park(walk_in, note=f"Pass fehlt, kommt mit Dolmetscher ({tag})")
        else:
            store.start(called.ticket.id)
            clock.advance(timedelta(minutes=7))
            store.finish(called.ticket.id)
    waiting = _walk_in(store, f"{tag}-x")
    store.set_counter_state("c1", CounterState.CLOSED, None)
    return {"booking": booking, "walk_in": walk_in, "waiting": waiting}


def _tickets(engine: Engine) -> dict[int, TicketRow]:
    with Session(engine) as session:
        return {row.id: row for row in session.scalars(select(TicketRow))}


def _appointments(engine: Engine) -> dict[str, tuple[int, str]]:
    """Imported number → (id, name), by the id's original number (ids never change)."""
    with Session(engine) as session:
        rows = session.execute(
            select(AppointmentRow.id, AppointmentRow.number, AppointmentRow.name)
        ).all()
    return {number: (row_id, name) for row_id, number, name in rows}


def _figures(store: Store, engine: Engine) -> tuple[Any, ...]:
    """Day figures of both days, what `aufruf report` reads, and the columns figures need."""
    report = sorted(store.ticket_times(OLD, TODAY), key=lambda t: (t.created_at, t.service_id))
    with Session(engine) as session:
        rows = session.execute(select(*FIGURE_COLUMNS).order_by(TicketRow.id)).all()
        return (day_figures(session, OLD), day_figures(session, RECENT), report, rows)


def _round(
    store: Store,
    clock: FakeClock,
    caplog: pytest.LogCaptureFixture,
    keep_events: timedelta = timedelta(days=14),
) -> str:
    """One housekeeping round; its anonymisation log line."""
    caplog.clear()
    keeper = Housekeeper(store, clock, HousekeepingSchedule(keep_events=keep_events))
    with caplog.at_level(logging.INFO, logger="server.housekeeping"):
        assert asyncio.run(keeper.prune_once()) is not None
    [line] = [r for r in caplog.records if r.getMessage().startswith("anonymised")]
    assert line.levelno == logging.INFO
    return line.getMessage()


@pytest.fixture
def history(store: Store, clock: FakeClock) -> dict[str, dict[str, Any]]:
    """Tickets and appointments on OLD (15 days before today), RECENT (5 days) and today."""
    assert store.import_appointments(CSV).imported == 4
    old = _a_day(store, clock, "O-1", "old")
    clock.set(datetime(2026, 11, 23, 23, 0, tzinfo=UTC))  # 00:00 Berlin, 11-24
    _walk_in(store, "early-bird")  # day 11-24: kept
    clock.set(datetime(2026, 12, 3, 8, 0, tzinfo=UTC))
    recent = _a_day(store, clock, "R-1", "recent")
    clock.set(datetime(2026, 12, 8, 8, 0, tzinfo=UTC))
    _walk_in(store, "today")
    return {"old": old, "recent": recent}


def test_a_round_blanks_old_personal_data_and_keeps_recent_days_and_figures(
    store: Store,
    engine: Engine,
    clock: FakeClock,
    history: dict[str, dict[str, Any]],
    caplog: pytest.LogCaptureFixture,
) -> None:
    before = _tickets(engine)
    booked = _appointments(engine)
    figures = _figures(store, engine)
    old_ids = {row.id for row in before.values() if row.day == OLD}
    assert len(old_ids) == 3
    assert any(before[i].note for i in old_ids)

    said = _round(store, clock, caplog)

    assert said == "anonymised 3 tickets, 2 appointments and 0 events of days before 2026-11-24"
    after = _tickets(engine)
    for ticket_id, row in after.items():
        if ticket_id in old_ids:
            assert (row.status_key, row.note) == ("", ""), ticket_id
        else:  # 11-24, RECENT and today: untouched
            was = before[ticket_id]
            assert (row.status_key, row.note) == (was.status_key, was.note), ticket_id
            assert row.status_key
    assert any(after[i].note for i in after if after[i].day == RECENT)
    assert _appointments(engine) == {
        f"anon-{booked['O-1'][0]}": (booked["O-1"][0], ""),
        f"anon-{booked['O-2'][0]}": (booked["O-2"][0], ""),
        "E-1": booked["E-1"],
        "R-1": booked["R-1"],
    }
    assert _figures(store, engine) == figures  # day figures, the report's rows, the columns

    again = _round(store, clock, caplog)
    assert again == "anonymised 0 tickets, 0 appointments and 0 events of days before 2026-11-24"
    assert _tickets(engine).keys() == after.keys()


def test_an_old_ticket_key_opens_nothing_even_on_its_own_day(
    store: Store,
    engine: Engine,
    clock: FakeClock,
    history: dict[str, dict[str, Any]],
    caplog: pytest.LogCaptureFixture,
) -> None:
    issued = history["old"]["walk_in"]
    key = _tickets(engine)[issued].status_key
    _round(store, clock, caplog)
    clock.set(datetime(2026, 11, 23, 10, 0, tzinfo=UTC))  # back on the ticket's day
    for wrong in (key, "", "x"):
        with pytest.raises(NotFoundError, match="no ticket with this id and key"):
            store.ticket_page(issued, wrong)
    recent = history["recent"]["walk_in"]
    clock.set(datetime(2026, 12, 3, 12, 0, tzinfo=UTC))
    assert store.ticket_page(recent, _tickets(engine)[recent].status_key).ticket.id == recent


def _events(engine: Engine) -> dict[int, tuple[datetime, str]]:
    """The logged events: seq → (time, payload)."""
    with Session(engine) as session:
        rows = session.execute(select(EventRow.seq, EventRow.at, EventRow.payload)).all()
    return {seq: (at, payload) for seq, at, payload in rows}


def _note(payload: str) -> str | None:
    """The ticket's note in a logged event, None for an event without a ticket."""
    event = decode(payload)
    if isinstance(event, TicketIssued | TicketCalled | TicketChanged):
        return event.ticket.note
    return None


def test_a_round_blanks_the_notes_of_old_days_in_the_event_log(
    store: Store,
    engine: Engine,
    clock: FakeClock,
    history: dict[str, dict[str, Any]],
    caplog: pytest.LogCaptureFixture,
) -> None:
    """By the event's time in the site's zone: 23:50 in Berlin on OLD is blanked, 00:10 the
    next day (still OLD in UTC) kept; every other field of an event stays."""
    store.set_counter_state("c2", CounterState.OPEN, "ben")
    clock.set(datetime(2026, 11, 23, 22, 40, tzinfo=UTC))  # 23:40 Berlin, OLD
    late = _walk_in(store, "late")
    store.call_ticket("c2", late)
    clock.set(datetime(2026, 11, 23, 22, 50, tzinfo=UTC))
    store.park(late, note="Frau K., Aufenthaltstitel läuft ab")
    clock.set(datetime(2026, 11, 23, 23, 10, tzinfo=UTC))  # 00:10 Berlin, 11-24: kept
    store.call_ticket("c2", late)
    clock.set(datetime(2026, 12, 8, 8, 0, tzinfo=UTC))
    before = _events(engine)
    cutoff = datetime(2026, 11, 23, 23, 0, tzinfo=UTC)  # midnight in Berlin starting 11-24
    noted = {seq for seq, (at, payload) in before.items() if _note(payload)}
    old = {seq for seq in noted if before[seq][0] < cutoff}
    assert len(old) == 2  # the walk-in parked in the morning, the late one (park)
    assert {seq for seq in noted if before[seq][0] >= cutoff} == noted - old
    assert len(noted - old) == 2  # the late one called after midnight, RECENT's parked one

    said = _round(store, clock, caplog, keep_events=timedelta(days=60))

    assert said == "anonymised 4 tickets, 2 appointments and 2 events of days before 2026-11-24"
    after = _events(engine)
    assert after.keys() == before.keys()
    for seq, (at, payload) in after.items():
        if seq in old:
            was = decode(before[seq][1])
            assert isinstance(was, TicketChanged)
            assert decode(payload) == replace(was, ticket=replace(was.ticket, note=""))
            assert at == before[seq][0]
        else:
            assert (at, payload) == before[seq], seq
    replay = store.events_since(0)
    assert replay is not None
    assert [e.seq for e in replay] == sorted(before)

    again = _round(store, clock, caplog, keep_events=timedelta(days=60))
    assert again == "anonymised 0 tickets, 0 appointments and 0 events of days before 2026-11-24"
    assert _events(engine) == after


def _damage(engine: Engine, seq: int, payload: str) -> None:
    with Session(engine) as session:
        session.execute(update(EventRow).where(EventRow.seq == seq).values(payload=payload))
        session.commit()


@pytest.mark.expect_log("server.housekeeping", "left 1 logged events with a note")
def test_an_event_that_does_not_decode_does_not_stop_the_round(
    store: Store,
    engine: Engine,
    clock: FakeClock,
    history: dict[str, dict[str, Any]],
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Of three old noted events one decodes, one is JSON the protocol refuses (a status it
    does not know: its note is blanked in the JSON), one is cut off mid-note (not JSON: left
    as it was, its seq logged); the tickets, appointments and the good event are blanked."""
    store.set_counter_state("c2", CounterState.OPEN, "ben")
    clock.set(datetime(2026, 11, 23, 20, 0, tzinfo=UTC))  # 21:00 Berlin, OLD
    for tag in ("a", "b"):
        late = _walk_in(store, f"late-{tag}")
        store.call_ticket("c2", late)
        store.park(late, note=f"Herr {tag.upper()}., Dolmetscher Farsi")
    clock.set(datetime(2026, 12, 8, 8, 0, tzinfo=UTC))
    cutoff = datetime(2026, 11, 23, 23, 0, tzinfo=UTC)
    events = _events(engine)
    good, damaged, broken = sorted(
        seq for seq, (at, payload) in events.items() if _note(payload) and at < cutoff
    )
    unknown = json.loads(events[damaged][1])
    unknown["ticket"]["status"] = "misplaced"
    _damage(engine, damaged, json.dumps(unknown, ensure_ascii=False, separators=(",", ":")))
    cut = events[broken][1]
    cut = cut[: cut.index('"note":"') + 12]  # the disk lost the rest
    _damage(engine, broken, cut)
    before = _events(engine)
    with pytest.raises(ValidationError):
        decode(before[damaged][1])
    with pytest.raises(ValueError):
        json.loads(cut)

    said = _round(store, clock, caplog, keep_events=timedelta(days=60))

    assert said == (
        "anonymised 5 tickets, 2 appointments and 2 events of days before 2026-11-24"
        "; events skipped: 1"
    )
    [warning] = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert warning.levelno == logging.WARNING
    assert warning.getMessage() == (
        "left 1 logged events with a note of days before 2026-11-24 as they were "
        f"(no ticket's note found in them): seq {broken}"
    )
    assert all(row.status_key == "" for row in _tickets(engine).values() if row.day == OLD)
    assert sum(name == "" for _, name in _appointments(engine).values()) == 2
    after = _events(engine)
    was = decode(before[good][1])
    assert isinstance(was, TicketChanged)
    assert decode(after[good][1]) == replace(was, ticket=replace(was.ticket, note=""))
    unknown["ticket"]["note"] = ""
    assert json.loads(after[damaged][1]) == unknown
    assert after[broken] == before[broken]
    assert {seq: after[seq] for seq in after if seq not in (good, damaged)} == {
        seq: before[seq] for seq in before if seq not in (good, damaged)
    }

    again = _round(store, clock, caplog, keep_events=timedelta(days=60))
    assert again == (
        "anonymised 0 tickets, 0 appointments and 0 events of days before 2026-11-24"
        "; events skipped: 1"
    )
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING] == [
        warning.getMessage()
    ]
    assert _events(engine) == after


@pytest.mark.expect_log("server.housekeeping", "left 3[0-9] logged events with a note")
def test_the_warning_names_the_first_20_events_it_skipped_and_counts_the_rest(
    store: Store,
    engine: Engine,
    clock: FakeClock,
    history: dict[str, dict[str, Any]],
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A log with many ticket events that cannot be blanked (cut off: not JSON) wrote every
    seq into one WARNING, each round; now the lowest 20 and how many more, the count exact."""
    clock.set(datetime(2026, 11, 23, 20, 0, tzinfo=UTC))  # 21:00 Berlin, OLD
    for index in range(25):
        _walk_in(store, f"many-{index}")
    clock.set(datetime(2026, 12, 8, 8, 0, tzinfo=UTC))
    cutoff = datetime(2026, 11, 23, 23, 0, tzinfo=UTC)
    with Session(engine) as session:
        old = sorted(
            session.scalars(
                select(EventRow.seq).where(EventRow.at < cutoff, EventRow.type.in_(TICKET_EVENTS))
            )
        )
    assert len(old) > 30
    events = _events(engine)
    for seq in old:
        _damage(engine, seq, events[seq][1][:40])  # the disk lost the rest

    said = _round(store, clock, caplog, keep_events=timedelta(days=60))

    assert said.endswith(f"; events skipped: {len(old)}")
    [warning] = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert warning.getMessage() == (
        f"left {len(old)} logged events with a note of days before 2026-11-24 as they were "
        f"(no ticket's note found in them): seq {', '.join(map(str, old[:20]))}"
        f" … and {len(old) - 20} more"
    )


@pytest.mark.parametrize("number", ["anon-1", "ANON-2", "Anon-x"])
def test_the_import_refuses_the_placeholder_of_anonymised_numbers(
    store: Store, number: str
) -> None:
    """`anon-<id>` must stay unique: a booking numbered like a placeholder is refused."""
    refused = store.import_appointments(
        f"number,service_id,scheduled_at,name\n{number},general,2026-12-09T09:00,Mallory\n"
    )
    assert refused.errors == (f"line 2: number {number!r}: 'anon-' marks anonymised appointments",)
    assert refused.imported == 0


def test_a_round_with_nothing_to_blank_reads_only_the_partial_indexes(
    tmp_path: Path, site: Site, clock: FakeClock
) -> None:
    """The statements repeat the partial indexes' conditions, so SQLite searches those."""
    engine = create_engine_for(None, tmp_path)
    migrate(engine)
    with sqlite_plans(engine, "UPDATE", "SELECT events.") as plans:
        Store(engine, site, clock).anonymise_personal(OLD)
    engine.dispose()
    assert plans == [
        "SEARCH tickets USING INDEX ix_tickets_day_keyed (day<?)",
        "SEARCH appointments USING INDEX ix_appointments_scheduled_at_named (scheduled_at<?)",
        "SEARCH events USING INDEX ix_events_at_noted (at<?)",
    ]
