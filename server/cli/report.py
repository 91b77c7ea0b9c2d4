"""`aufruf report`: tickets and waits per period and service for the council, aggregates only.

Read-only: a missing database or one without our tables is refused (`existing_store`), never
made. The arithmetic is `server.report`'s; this module reads the options, asks the store
for the tickets of the days and prints the rows as an aligned text table or as CSV.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import TextIO

from server.cli.arguments import UsageError
from server.cli.site import existing_store, with_store
from server.report import SMALLEST, Figures, Grouping, ReportRow, build_report
from shared.domain import Site

MISSING = "–"
ALL_SERVICES = "all services"

Cell = Callable[[Figures], int | float | None]

COLUMNS: tuple[tuple[str, str, Cell], ...] = (
    # text header, CSV header, value
    ("issued", "issued", lambda f: f.issued),
    ("walk-in", "walk_in", lambda f: f.walk_ins),
    ("appt", "appointment", lambda f: f.appointments),
    ("called", "called", lambda f: f.called),
    ("served", "served", lambda f: f.served),
    ("no-show", "no_show", lambda f: f.no_shows),
    ("never called", "never_called", lambda f: f.never_called),
    ("wait med", "wait_median_min", lambda f: f.median_wait),
    ("wait p90", "wait_p90_min", lambda f: f.p90_wait),
    ("wait max", "wait_longest_min", lambda f: f.longest_wait),
    ("≤30 min", "waits_within_30_min_pct", lambda f: f.within_30),
    ("≤60 min", "waits_within_60_min_pct", lambda f: f.within_60),
    ("counter med", "counter_median_min", lambda f: f.median_at_counter),
    ("late med", "appointment_late_median_min", lambda f: f.median_late),
    ("late p90", "appointment_late_p90_min", lambda f: f.p90_late),
)
SHARES = frozenset({"≤30 min", "≤60 min"})

LEGEND = f"""\
Times in minutes. wait: from issue (walk-in) or check-in (appointment) to the first call,
  over the called tickets; "never called" tickets (cancelled, left, still waiting) have no
  known wait and are not in the wait columns. ≤30 min, ≤60 min: share of the called tickets.
counter: started to finished. late: appointments, first call after the booked time
  (negative: before it). A ticket counts under the service and day it was issued for.
{MISSING}: no value, or fewer than {SMALLEST} values (withheld, so that no single visitor's
  wait can be read off)."""


def parse_day(option: str, text: str) -> date:
    """A YYYY-MM-DD date; else a UsageError naming the option."""
    try:
        return datetime.strptime(text, "%Y-%m-%d").date()  # noqa: DTZ007 (a calendar day)
    except ValueError:
        raise UsageError(f"{option} {text!r} is not a date (YYYY-MM-DD)") from None


def date_range(first: date | None, last: date | None, today: date) -> tuple[date, date]:
    """`--from`..`--to`: by default the month of `--to` (today) up to `--to`."""
    last = last or today
    first = first or last.replace(day=1)
    if first > last:
        raise UsageError(f"--from {first} is after --to {last}")
    return first, last


def service_name(site: Site, service_id: str | None) -> str:
    """The service's English name, its id when the site no longer has it."""
    if service_id is None:
        return ALL_SERVICES
    service = site.services.get(service_id)
    if service is None:
        return service_id
    return service.name("en").replace("\u00ad", "").replace("\u00a0", " ")


def _text_cell(header: str, value: float | None) -> str:
    if value is None:
        return MISSING
    if isinstance(value, int):
        return str(value)
    return f"{value:.1f} %" if header in SHARES else f"{value:.1f}"


def render_text(rows: Sequence[ReportRow], site: Site, title: str) -> str:
    """A block per period: a line per service, then all services; the legend at the end."""
    lines = [title, ""]
    blocks: dict[str, list[ReportRow]] = {}
    for row in rows:
        blocks.setdefault(row.period.label, []).append(row)
    for label, block in blocks.items():
        period = block[0].period
        span = f"{period.first} to {period.last}"
        lines.append(label if label in (span, str(period.first)) else f"{label} ({span})")
        table = [["service", *(header for header, _, _ in COLUMNS)]]
        table += [
            [service_name(site, row.service_id)]
            + [_text_cell(header, value(row.figures)) for header, _, value in COLUMNS]
            for row in block
        ]
        lines += _aligned(table)
        lines.append("")
    lines.append(LEGEND)
    return "\n".join(lines) + "\n"


def _aligned(table: list[list[str]]) -> list[str]:
    """The first column left-aligned, the others right-aligned, two spaces apart."""
    widths = [max(len(line[i]) for line in table) for i in range(len(table[0]))]
    return [
        "  ".join(
            cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i])
            for i, cell in enumerate(line)
        ).rstrip()
        for line in table
    ]


def write_csv(rows: Sequence[ReportRow], site: Site, stream: TextIO) -> None:
    """A header row, then a row per period and service; withheld or missing cells are empty."""
    out = csv.writer(stream, lineterminator="\n")
    out.writerow(["period", "from", "to", "service_id", "service", *(c for _, c, _ in COLUMNS)])
    for row in rows:
        values = (value(row.figures) for _, _, value in COLUMNS)
        out.writerow(
            [
                row.period.label,
                row.period.first.isoformat(),
                row.period.last.isoformat(),
                row.service_id or "",
                service_name(site, row.service_id),
                *("" if v is None else v for v in values),
            ]
        )


def cmd_report(args: argparse.Namespace) -> int:
    """Print the figures of the chosen days per period and service."""
    given_from = parse_day("--from", args.date_from) if args.date_from else None
    given_to = parse_day("--to", args.date_to) if args.date_to else None
    if given_from and given_to:
        date_range(given_from, given_to, given_to)  # a bad range is refused before the store
    with existing_store(args) as store:
        first, last = date_range(given_from, given_to, store.today())
        tickets = store.ticket_times(first, last)
    site = store.site
    rows = build_report(tickets, first, last, Grouping(args.by), tuple(site.services))
    if args.csv:
        write_csv(rows, site, sys.stdout)
    else:
        title = f"{site.name}: tickets and waits, {first} to {last} (site-local days), by {args.by}"
        sys.stdout.write(render_text(rows, site, title))
    return 0


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `report`."""
    report = with_store(
        sub.add_parser("report", help="tickets and waits per period and service (aggregates)")
    )
    report.add_argument(
        "--from", dest="date_from", metavar="YYYY-MM-DD", help="first day (default: 1st of month)"
    )
    report.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="last day (today)")
    report.add_argument(
        "--by", choices=[g.value for g in Grouping], default=Grouping.TOTAL.value, help="period"
    )
    report.add_argument("--csv", action="store_true", help="CSV with a header row")
    report.set_defaults(func=cmd_report)
