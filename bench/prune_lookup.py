"""The event prune's lookup and the event log's write path, with and without `ix_events_at`.

Fills a temporary SQLite file (or a fresh PostgreSQL schema) with `--event-days` days of
logged events (`anonymise_round.fill`: 400 tickets a day, four events each), then, in
`--rounds` rounds alternating without and with a plain index on `events.at` (dropped and
built again on the same database, so the two sides share the file, its cache and the
disk's mood), times:

- *lookup*: `eventlog.prune`'s search for the newest seq logged before the cutoff, with a
  cutoff 6 hours after the oldest event (a steady round deletes six hours), as the prune
  writes it (`max(seq + 0)`) and as it was (`max(seq)`, which both databases answer by
  walking the primary key back from the newest seq); median of `--repeat`;
- *append*: `eventlog.append` of a ticket event in its own write transaction (BEGIN
  IMMEDIATE / row lock, insert, commit: one clerk step's logging), `--appends` of them,
  median and 90th percentile;
- *batch*: `--batch` events inserted in one statement and rolled back (no commit, no disk,
  no ORM: the insert itself, where the extra b-tree insert weighs most), microseconds a row.

Run: .venv/bin/python bench/prune_lookup.py [--event-days 60] [--rounds 4] [--repeat 21]
     [--appends 200] [--batch 5000]
     [--database-url postgresql+psycopg://postgres@127.0.0.1:5432/test]
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections.abc import Callable
from datetime import datetime, timedelta

from anonymise_round import EXAMPLE, database, fill
from sqlalchemy import Engine, Select, bindparam, event, func, insert, select

from server.db import eventlog
from server.db.engine import write_session
from server.db.models import EventRow
from server.store import create_engine_for, migrate
from shared.config import parse_config
from shared.domain import TicketOrigin, TicketStatus
from shared.protocol import TicketCalled, TicketInfo, encode

INDEX = "ix_events_at"
NEW = select(func.max(EventRow.seq + 0)).where(EventRow.at < bindparam("before"))
OLD = select(func.max(EventRow.seq)).where(EventRow.at < bindparam("before"))


def set_index(engine: Engine, *, on: bool) -> None:
    """Build or drop the plain index on events.at (either may already be so)."""
    with engine.begin() as conn:
        if on:
            conn.exec_driver_sql(f"CREATE INDEX IF NOT EXISTS {INDEX} ON events (at)")
        else:
            conn.exec_driver_sql(f"DROP INDEX IF EXISTS {INDEX}")
        if engine.dialect.name == "postgresql":
            conn.exec_driver_sql("ANALYZE events")


def plan(engine: Engine, query: Select[tuple[int | None]], before: datetime) -> str:
    """The database's plan of a lookup, on one line."""
    sent: list[tuple[str, object]] = []

    def record(*args: object) -> None:
        if str(args[2]).lstrip().startswith("SELECT"):
            sent.append((str(args[2]), args[3]))

    event.listen(engine, "before_cursor_execute", record)
    with engine.connect() as conn:
        conn.execute(query, {"before": before})
    event.remove(engine, "before_cursor_execute", record)
    [(sql, params)] = sent
    explain = "EXPLAIN QUERY PLAN" if engine.dialect.name == "sqlite" else "EXPLAIN"
    with engine.connect() as conn:
        rows = conn.exec_driver_sql(f"{explain} {sql}", params).all()  # type: ignore[arg-type]
    if engine.dialect.name == "sqlite":
        return " ".join(row[3] for row in rows)
    return " | ".join(row[0].strip() for row in rows)


def lookup_ms(
    engine: Engine, query: Select[tuple[int | None]], before: datetime, repeat: int
) -> float:
    """Median milliseconds of one lookup (its own read transaction each)."""
    times = []
    for _ in range(repeat):
        with engine.connect() as conn:
            started = time.perf_counter()
            conn.execute(query, {"before": before}).scalar()
            times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def make_event(seq: int, at: datetime) -> TicketCalled:
    info = TicketInfo(
        id=seq,
        number=f"A{seq % 1000:03d}",
        service_id="general",
        status=TicketStatus.CALLED,
        origin=TicketOrigin.WALK_IN,
        emergency=False,
        language="de",
        created_at=at,
        queued_at=at,
        called_at=at,
        counter_id="c1",
    )
    return TicketCalled(
        seq=seq, at=at, ticket=info, counter_id="c1", counter_name="Schalter 1", location="101"
    )


def appends(engine: Engine, at: Callable[[], datetime], count: int) -> list[float]:
    """Milliseconds of `count` appends, each in its own write transaction with its commit."""
    times = []
    for _ in range(count):
        started = time.perf_counter()
        with write_session(engine) as session:
            eventlog.append(session, at(), make_event)
        times.append((time.perf_counter() - started) * 1000)
    return times


def batch_us(engine: Engine, at: datetime, count: int) -> float:
    """Microseconds a row of `count` events inserted in one statement, then rolled back."""
    with engine.connect() as conn:
        first = conn.scalar(select(func.max(EventRow.seq))) or 0
        rows = [
            {"seq": seq, "type": "ticket.called", "payload": encode(e), "at": e.at}
            for seq in range(first + 1, first + 1 + count)
            for e in [make_event(seq, at + timedelta(milliseconds=seq - first))]
        ]
        conn.rollback()  # the read of the newest seq began a transaction
        with conn.begin() as trans:
            started = time.perf_counter()
            conn.execute(insert(EventRow), rows)
            elapsed = time.perf_counter() - started
            trans.rollback()
    return elapsed / count * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--event-days", type=int, default=60)
    parser.add_argument("--rounds", type=int, default=4, help="without/with pairs")
    parser.add_argument("--repeat", type=int, default=21, help="lookups timed per side")
    parser.add_argument("--appends", type=int, default=200, help="committed appends per side")
    parser.add_argument("--batch", type=int, default=5000, help="appends in one transaction")
    parser.add_argument("--database-url", default=None, help="PostgreSQL instead of SQLite")
    args = parser.parse_args()
    site = parse_config(EXAMPLE.read_text(encoding="utf-8")).to_site()
    print(f"load average {os.getloadavg()[0]:.2f}")
    with database(args.database_url) as (url, where):
        engine = create_engine_for(url)
        migrate(engine)
        set_index(engine, on=False)
        services = sorted(site.services)
        today = fill(engine, services, args.event_days, 400, 1, event_days=args.event_days)
        with engine.connect() as conn:
            total, oldest = conn.execute(select(func.count(), func.min(EventRow.at))).one()
        before = oldest + timedelta(hours=6)
        print(f"{where}: {total} events over {args.event_days} days to {today}; cutoff {before}")
        sql = {"max(seq + 0)": NEW, "max(seq)": OLD}
        stamp = [datetime.combine(today, datetime.min.time()).astimezone() + timedelta(hours=16)]

        def now() -> datetime:
            stamp[0] += timedelta(milliseconds=1)
            return stamp[0]

        figures: dict[str, dict[str, list[float]]] = {"without": {}, "with": {}}
        for n in range(args.rounds):
            for side in ("without", "with") if n % 2 == 0 else ("with", "without"):
                set_index(engine, on=side == "with")
                if n == 0:
                    for name, query in sql.items():
                        print(f"  plan {side} index, {name}: {plan(engine, query, before)}")
                got = figures[side]
                got.setdefault("lookup", []).append(lookup_ms(engine, NEW, before, args.repeat))
                got.setdefault("old lookup", []).append(lookup_ms(engine, OLD, before, args.repeat))
                times = appends(engine, now, args.appends)
                got.setdefault("append p50", []).append(statistics.median(times))
                got.setdefault("append p90", []).append(statistics.quantiles(times, n=10)[-1])
                got.setdefault("batch", []).append(batch_us(engine, now(), args.batch))
        for side, got in figures.items():
            print(
                f"{side:>7} {INDEX}: lookup max(seq + 0) {fmt(got['lookup'])} ms, "
                f"max(seq) {fmt(got['old lookup'])} ms; append p50 {fmt(got['append p50'])} ms, "
                f"p90 {fmt(got['append p90'])} ms; batch {fmt(got['batch'], 1)} us a row"
            )
        engine.dispose()


def fmt(values: list[float], digits: int = 2) -> str:
    """Each round's figure, in the order run."""
    return "/".join(f"{v:.{digits}f}" for v in values)


if __name__ == "__main__":
    main()
