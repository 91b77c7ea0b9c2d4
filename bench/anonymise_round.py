"""One housekeeping round over a realistic history: how long the anonymisation takes.

Fills a temporary SQLite file (or a fresh PostgreSQL schema) with `--days` days of
`--tickets` tickets each (every 20th with a clerk's note) and `--appointments` booked
appointments a day (three quarters checked in, their tickets linked), like an office after
months without anonymisation. Then times real `Housekeeper` rounds (`prune_once`: the
anonymisation, the event prune and the step keys, in the thread pool) by a FakeClock:

- *first*: the round after upgrading, which blanks every day older than 14 days at once;
- *next day*: the clock one day on, so one more day has aged (the steady state, 4 rounds a
  day, one of which finds a new day);
- *idle*: again at the same time: nothing left to blank (the three other rounds of a day).

On PostgreSQL the tables are vacuumed after the first round, as autovacuum soon does after
so many updates (until then the partial indexes still hold the blanked rows' old entries).

Prints each time (median of `--repeat` for next day and idle) and the rows rewritten.

Run: .venv/bin/python bench/anonymise_round.py [--days 250] [--tickets 400]
     [--appointments 80] [--repeat 5]
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
from zoneinfo import ZoneInfo

import psycopg
from sqlalchemy import Engine, func, insert, select

from server.db.models import AppointmentRow, TicketRow
from server.housekeeping import Housekeeper, HousekeepingSchedule
from server.store import Store, create_engine_for, migrate
from shared.clock import FakeClock
from shared.config import parse_config

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "office.toml"
BERLIN = ZoneInfo("Europe/Berlin")


def fill(engine: Engine, services: list[str], days: int, tickets: int, booked: int) -> date:
    """Write the history (the last day is today); returns today."""
    today = date(2026, 12, 7)
    ticket_id = appointment_id = 0
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
        today = fill(engine, sorted(site.services), args.days, args.tickets, args.appointments)
        with engine.connect() as conn:
            total = conn.scalar(select(func.count()).select_from(TicketRow))
        print(
            f"{where}: {args.days} days x {args.tickets} tickets = {total} tickets, "
            f"{args.days * args.appointments} appointments "
            f"(filled in {time.perf_counter() - started:.1f} s)"
        )
        noon = datetime.combine(today, datetime.min.time(), BERLIN) + timedelta(hours=12)
        clock = FakeClock(noon.astimezone(UTC))
        store = Store(engine, site, clock)
        keeper = Housekeeper(store, clock, HousekeepingSchedule())
        first = asyncio.run(timed(keeper))
        print(f"first round (every day older than 14 days): {first:8.1f} ms  {counts.last}")
        if engine.dialect.name == "postgresql":  # what autovacuum soon does after 94,000 updates
            with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.exec_driver_sql("VACUUM (ANALYZE) tickets, appointments")
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
        engine.dispose()


if __name__ == "__main__":
    main()
