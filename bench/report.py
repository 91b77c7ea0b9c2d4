"""`aufruf report` on a realistic history: how long the council's figures take.

Writes D working days (Monday to Friday) of N tickets each into a fresh SQLite file under a
temporary directory, spread over the example office's services (a fifth appointments, some
checked in early; 3 % never called, 5 % no-shows), then runs the real command as a subprocess
for the whole stretch, by total, month, week and day (text, and CSV by day), each `--runs`
times, and prints the median wall time of each, and of the last day alone (the command's own
start). Also the two parts in this process: reading the tickets (`Store.ticket_times`) and
the arithmetic (`build_report`).

Run: .venv/bin/python bench/report.py [--days 250] [--tickets 400] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine, insert
from sqlalchemy.orm import Session

import server
from server.db.models import TicketRow
from server.report import Grouping, build_report
from server.store import Store, create_engine_for, migrate
from shared.clock import SystemClock
from shared.config import load_config

SOURCE = Path(server.__file__).resolve().parents[1]
EXAMPLE = SOURCE / "examples" / "office.toml"
AUFRUF = str(Path(sys.executable).with_name("aufruf"))
FIRST_DAY = date(2026, 1, 5)  # a Monday


def working_days(count: int) -> list[date]:
    """`count` Mondays to Fridays from FIRST_DAY on."""
    days: list[date] = []
    day = FIRST_DAY
    while len(days) < count:
        if day.weekday() < 5:
            days.append(day)
        day += timedelta(days=1)
    return days


def _ticket(rng: random.Random, day: date, service: str, seq: int) -> dict[str, object]:
    opens = datetime(day.year, day.month, day.day, 7, tzinfo=UTC)
    created = opens + timedelta(minutes=rng.uniform(0, 420))
    appointment = rng.random() < 0.2
    due = created + timedelta(minutes=rng.uniform(-10, 45)) if appointment else None
    fate = rng.random()
    called = None if fate < 0.03 else created + timedelta(minutes=rng.expovariate(1 / 25))
    started = called if called and fate >= 0.08 else None
    finished = started + timedelta(minutes=rng.uniform(3, 20)) if started else None
    status = "cancelled" if called is None else "no_show" if started is None else "done"
    return {
        "day": day,
        "service_id": service,
        "issued_service_id": service,
        "seq": seq,
        "number": f"{seq:03d}",
        "status": status,
        "origin": "appointment" if appointment else "walk_in",
        "language": "de",
        "emergency": False,
        "status_key": f"k{day.toordinal()}-{service}-{seq}",
        "created_at": created,
        "queued_at": created,
        "due_at": due,
        "called_at": called,
        "last_called_at": called,
        "started_at": started,
        "finished_at": finished,
        "recalls": 0,
        "transfers": 0,
        "note": "",
    }


def fill(engine: Engine, days: list[date], per_day: int, services: list[str]) -> None:
    """Write `per_day` tickets on each day, in one transaction per day."""
    rng = random.Random(1)
    for day in days:
        seqs = dict.fromkeys(services, 0)
        rows = []
        for _ in range(per_day):
            service = rng.choice(services)
            seqs[service] += 1
            rows.append(_ticket(rng, day, service, seqs[service]))
        with Session(engine) as session, session.begin():
            session.execute(insert(TicketRow), rows)


def timed_command(args: list[str], runs: int) -> float:
    """The median wall time in seconds of `aufruf report ARGS` (output thrown away)."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(
            [AUFRUF, "report", *args],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
        times.append(time.perf_counter() - start)
        if done.returncode != 0:
            raise SystemExit(f"aufruf report {' '.join(args)} failed: {done.stderr}")
    return statistics.median(times)


def main() -> None:
    """Fill the history, time the command and its parts, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=250)
    parser.add_argument("--tickets", type=int, default=400, help="tickets a day")
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="aufruf-report-") as temp:
        site_file = Path(temp) / "office.toml"
        site_file.write_text(
            EXAMPLE.read_text().replace("[server]\n", f'[server]\ndata_dir = "{temp}"\n')
        )
        config = load_config(site_file)
        engine = create_engine_for(None, Path(temp))
        migrate(engine)
        days = working_days(options.days)
        start = time.perf_counter()
        fill(engine, days, options.tickets, list(config.to_site().services))
        filled = time.perf_counter() - start
        size = sum(f.stat().st_size for f in Path(temp).glob("aufruf.sqlite3*")) / 1e6
        print(
            f"history: {len(days)} days x {options.tickets} tickets = "
            f"{len(days) * options.tickets} tickets, {days[0]} to {days[-1]}, "
            f"SQLite {size:.1f} MB, written in {filled:.1f} s"
        )
        store = Store(engine, config.to_site(), SystemClock())
        start = time.perf_counter()
        tickets = store.ticket_times(days[0], days[-1])
        read = time.perf_counter() - start
        start = time.perf_counter()
        rows = build_report(tickets, days[0], days[-1], Grouping.DAY, tuple(store.site.services))
        arithmetic = time.perf_counter() - start
        engine.dispose()
        print(
            f"in process: read {len(tickets)} tickets {read:.2f} s, "
            f"arithmetic by day ({len(rows)} rows) {arithmetic:.2f} s"
        )
        span = ["--config", str(site_file), "--from", str(days[0]), "--to", str(days[-1])]
        for label, extra in (
            ("total", ["--by", "total"]),
            ("month", ["--by", "month"]),
            ("week", ["--by", "week"]),
            ("day", ["--by", "day"]),
            ("day --csv", ["--by", "day", "--csv"]),
        ):
            seconds = timed_command([*span, *extra], options.runs)
            print(f"aufruf report --by {label}: median {seconds:.2f} s of {options.runs} runs")
        last = ["--config", str(site_file), "--from", str(days[-1]), "--to", str(days[-1])]
        seconds = timed_command(last, options.runs)
        print(f"aufruf report, the last day alone: median {seconds:.2f} s of {options.runs} runs")
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
