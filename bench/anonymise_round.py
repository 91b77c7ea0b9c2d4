"""One housekeeping round over a realistic history: how long the anonymisation takes.

Fills a temporary SQLite file (or a fresh PostgreSQL schema) with `--days` days of
`--tickets` tickets each (every 20th with a clerk's note) and `--appointments` booked
appointments a day (three quarters checked in, their tickets linked), like an office after
months without anonymisation; the last `--event-days` days also in the event log, kept that
long (`keep_events`, an admin who keeps events longer than personal data): four events a
ticket (issued, called, started, finished; the last two of a noted ticket carry its note, as
after a park). Then times real `Housekeeper` rounds (`prune_once`: the event prune, the
anonymisation and the step keys, in the thread pool) by a FakeClock:

- *first*: the round after upgrading, which blanks every day older than 14 days at once;
- *next day*: the clock one day on, so one more day has aged (the steady state, 4 rounds a
  day, one of which finds a new day);
- *idle*: again at the same time: nothing left to blank (the three other rounds of a day);
  then the idle anonymisation alone (`Store.anonymise_personal`, without the event prune,
  the step keys and the thread pool).

On PostgreSQL the tables are vacuumed after the first round, as autovacuum soon does after
so many updates (until then the partial indexes still hold the blanked rows' old entries).

Prints each time (median of `--repeat` for next day and idle) and the rows rewritten.

Run: .venv/bin/python bench/anonymise_round.py [--days 250] [--tickets 400]
     [--appointments 80] [--event-days 60] [--repeat 5]
     [--database-url postgresql+psycopg://postgres@127.0.0.1:5432/test]
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import secrets
import statistics
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import psycopg
from sqlalchemy import Engine, func, insert, select, update

from server.db.models import AppointmentRow, EventRow, EventSeqRow, TicketRow
from server.housekeeping import Housekeeper, HousekeepingSchedule
from server.store import Store, create_engine_for, migrate
from shared.clock import FakeClock
from shared.config import parse_config
from shared.domain import TicketOrigin, TicketStatus
from shared.lifecycle import TicketAction
from shared.numbering import local_day
from shared.protocol import TicketCalled, TicketChanged, TicketInfo, TicketIssued, encode

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "office.toml"
BERLIN = ZoneInfo("Europe/Berlin")


def logged(row: dict[str, Any], seq: int) -> list[dict[str, Any]]:
    """The four events of a served ticket from `seq` on: issued, called, started, finished."""

    def info(status: TicketStatus, note: str = "") -> TicketInfo:
        return TicketInfo(
            id=row["id"],
            number=row["number"],
            service_id=row["service_id"],
            status=status,
            origin=TicketOrigin(row["origin"]),
            emergency=False,
            language=row["language"],
            created_at=row["created_at"],
            queued_at=row["queued_at"],
            called_at=None if status is TicketStatus.WAITING else row["called_at"],
            counter_id=None if status is TicketStatus.WAITING else "c1",
            note=note,
            due_at=row["due_at"],
        )

    at = (row["created_at"], row["called_at"], row["started_at"], row["finished_at"])
    events = [
        TicketIssued(seq=seq, at=at[0], ticket=info(TicketStatus.WAITING)),
        TicketCalled(
            seq=seq + 1,
            at=at[1],
            ticket=info(TicketStatus.CALLED),
            counter_id="c1",
            counter_name="Schalter 1",
            location="Raum 101",
        ),
        TicketChanged(
            seq=seq + 2,
            at=at[2],
            ticket=info(TicketStatus.SERVING, row["note"]),
            action=TicketAction.START,
        ),
        TicketChanged(
            seq=seq + 3,
            at=at[3],
            ticket=info(TicketStatus.DONE, row["note"]),
            action=TicketAction.FINISH,
        ),
    ]
    return [{"seq": e.seq, "type": e.type, "payload": encode(e), "at": e.at} for e in events]


def fill(
    engine: Engine, services: list[str], days: int, tickets: int, booked: int, *, event_days: int
) -> date:
    """Write the history (the last day is today; its last `event_days` logged); returns today."""
    today = date(2026, 12, 7)
    ticket_id = appointment_id = last_seq = 0
    with engine.begin() as conn:
        for back in range(days - 1, -1, -1):
            day = today - timedelta(days=back)
            opens = datetime.combine(day, datetime.min.time(), BERLIN) + timedelta(hours=8)
            bookings, rows = [], []
            for i in range(booked):
                appointment_id += 1
                bookings.append(
                    {
                        "id": appointment_id,
                        "number": f"B-{day.isoformat()}-{i:03d}",
                        "service_id": services[i % len(services)],
                        "scheduled_at": opens + timedelta(minutes=6 * i),
                        "name": f"Vorname{i} Nachname{appointment_id}",
                        "checked_in_at": opens + timedelta(minutes=6 * i - 10) if i % 4 else None,
                    }
                )
            checked_in = [b for b in bookings if b["checked_in_at"] is not None]
            for seq in range(1, tickets + 1):
                ticket_id += 1
                service = services[seq % len(services)]
                created = opens + timedelta(seconds=60 * seq)
                booking = checked_in[seq - 1] if seq <= len(checked_in) else None
                called = created + timedelta(minutes=5 + seq % 40)
                rows.append(
                    {
                        "id": ticket_id,
                        "day": day,
                        "service_id": service,
                        "issued_service_id": service,
                        "seq": seq,
                        "number": f"X{seq:03d}",
                        "status": "done" if seq % 17 else "no_show",
                        "origin": "walk_in" if booking is None else "appointment",
                        "language": "de",
                        "emergency": False,
                        "status_key": secrets.token_urlsafe(16),
                        "created_at": created,
                        "queued_at": created,
                        "due_at": None if booking is None else booking["scheduled_at"],
                        "called_at": called,
                        "last_called_at": called,
                        "started_at": called + timedelta(minutes=1),
                        "finished_at": called + timedelta(minutes=12),
                        "counter_id": "c1",
                        "pinned_counter_id": None,
                        "appointment_id": None if booking is None else booking["id"],
                        "recalls": 0,
                        "transfers": 0,
                        "note": "" if seq % 20 else "Unterlagen unvollständig, Dolmetscher nötig",
                    }
                )
            conn.execute(insert(AppointmentRow), bookings)
            conn.execute(insert(TicketRow), rows)
            if back < event_days:
                events = [
                    event
                    for row in rows
                    for event in logged(row, last_seq + 1 + 4 * (row["seq"] - 1))
                ]
                last_seq += len(events)
                conn.execute(insert(EventRow), events)
        conn.execute(update(EventSeqRow).where(EventSeqRow.id == 1).values(value=last_seq))
    return today


async def timed(keeper: Housekeeper) -> float:
    started = time.perf_counter()
    assert await keeper.prune_once() is not None
    return (time.perf_counter() - started) * 1000


class Counts(logging.Handler):
    """The last anonymisation line of the housekeeping log."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.last = ""

    def emit(self, record: logging.LogRecord) -> None:
        if record.getMessage().startswith("anonymised"):
            self.last = record.getMessage()


@contextmanager
def database(url: str | None) -> Iterator[tuple[str, str]]:
    """A SQLAlchemy URL on a temporary SQLite file or a fresh PostgreSQL schema; its name."""
    if url is None:
        with tempfile.TemporaryDirectory(prefix="aufruf-anon-") as folder:
            yield f"sqlite:///{Path(folder) / 'hub.sqlite3'}", "SQLite file"
        return
    schema = f"bench_anon_{uuid.uuid4().hex[:10]}"
    raw = url.replace("+psycopg", "")
    with psycopg.connect(raw, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    try:
        yield f"{url}?options=-csearch_path%3D{schema}", f"PostgreSQL schema {schema}"
    finally:
        with psycopg.connect(raw, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=250)
    parser.add_argument("--tickets", type=int, default=400, help="tickets a day")
    parser.add_argument("--appointments", type=int, default=80, help="bookings a day")
    parser.add_argument("--event-days", type=int, default=60, help="days logged and kept")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--database-url", default=None, help="PostgreSQL instead of SQLite")
    args = parser.parse_args()
    site = parse_config(EXAMPLE.read_text(encoding="utf-8")).to_site()
    log = logging.getLogger("server.housekeeping")
    counts = Counts()
    log.addHandler(counts)
    log.setLevel(logging.INFO)
    with database(args.database_url) as (url, where):
        engine = create_engine_for(url)
        migrate(engine)
        started = time.perf_counter()
        services = sorted(site.services)
        today = fill(
            engine, services, args.days, args.tickets, args.appointments, event_days=args.event_days
        )
        with engine.connect() as conn:
            total = conn.scalar(select(func.count()).select_from(TicketRow))
            logged_total = conn.scalar(select(func.count()).select_from(EventRow))
        print(
            f"{where}: {args.days} days x {args.tickets} tickets = {total} tickets, "
            f"{args.days * args.appointments} appointments, {logged_total} events "
            f"(filled in {time.perf_counter() - started:.1f} s)"
        )
        noon = datetime.combine(today, datetime.min.time(), BERLIN) + timedelta(hours=12)
        clock = FakeClock(noon.astimezone(UTC))
        store = Store(engine, site, clock)
        schedule = HousekeepingSchedule(keep_events=timedelta(days=args.event_days))
        keeper = Housekeeper(store, clock, schedule)
        first = asyncio.run(timed(keeper))
        print(f"first round (every day older than 14 days): {first:8.1f} ms  {counts.last}")
        if engine.dialect.name == "postgresql":  # what autovacuum soon does after 94,000 updates
            with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.exec_driver_sql("VACUUM (ANALYZE) tickets, appointments, events")
        next_day, idle = [], []
        for _ in range(args.repeat):
            clock.advance(timedelta(days=1))
            next_day.append(asyncio.run(timed(keeper)))
            aged = counts.last
            idle.append(asyncio.run(timed(keeper)))
        print(
            f"next day (one more day aged), median: {statistics.median(next_day):8.1f} ms  {aged}"
        )
        idle_ms = statistics.median(idle)
        print(f"idle (nothing to blank), median:      {idle_ms:8.1f} ms  {counts.last}")
        cutoff = local_day(clock.now(), site.timezone) - schedule.keep_personal
        alone = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            store.anonymise_personal(cutoff)
            alone.append((time.perf_counter() - started) * 1000)
        print(f"idle, the anonymisation alone, median: {statistics.median(alone):7.1f} ms")
        engine.dispose()


if __name__ == "__main__":
    main()
