"""`aufruf report`: tickets and waits per period and service for the council, aggregates only.

Read-only: a missing database or one without our tables is refused (`existing_store`), never
made. The arithmetic is `server.report`'s; this module reads the options, asks the store
for the tickets of the days and prints the rows as an aligned text table or as CSV.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TextIO

from server.cli.arguments import UsageError
from server.cli.site import existing_store, with_store
from server.report import SMALLEST, Figures, Grouping, Period, ReportRow, build_report
from shared.domain import Site
from shared.languages import in_language

MISSING = "–"

Cell = Callable[[Figures], int | float | None]

COLUMNS: tuple[tuple[str, Cell], ...] = (
    # the CSV header (a stable English identifier, whatever --lang), the value
    ("issued", lambda f: f.issued),
    ("walk_in", lambda f: f.walk_ins),
    ("appointment", lambda f: f.appointments),
    ("called", lambda f: f.called),
    ("served", lambda f: f.served),
    ("no_show", lambda f: f.no_shows),
    ("never_called", lambda f: f.never_called),
    ("wait_median_min", lambda f: f.median_wait),
    ("wait_p90_min", lambda f: f.p90_wait),
    ("wait_longest_min", lambda f: f.longest_wait),
    ("waits_within_30_min_pct", lambda f: f.within_30),
    ("waits_within_60_min_pct", lambda f: f.within_60),
    ("counter_median_min", lambda f: f.median_at_counter),
    ("appointment_late_median_min", lambda f: f.median_late),
    ("appointment_late_p90_min", lambda f: f.p90_late),
)
SHARES = frozenset({"waits_within_30_min_pct", "waits_within_60_min_pct"})


@dataclass(frozen=True, slots=True, kw_only=True)
class Wording:
    """The report's own texts in one language (the service names come from the site file)."""

    headers: tuple[str, ...]
    """The text table's headers, in the order of COLUMNS."""
    service: str
    all_services: str
    title: str
    """Formatted with site, first, last and by."""
    span: str
    """Formatted with first and last."""
    by: Mapping[Grouping, str]
    legend: str
    decimal: str

    def __post_init__(self) -> None:
        if len(self.headers) != len(COLUMNS):
            raise ValueError(f"{len(self.headers)} headers for {len(COLUMNS)} columns")


WORDING: Mapping[str, Wording] = {
    "en": Wording(
        headers=(
            "issued",
            "walk-in",
            "appt",
            "called",
            "served",
            "no-show",
            "never called",
            "wait med",
            "wait p90",
            "wait max",
            "≤30 min",
            "≤60 min",
            "counter med",
            "late med",
            "late p90",
        ),
        service="service",
        all_services="all services",
        title="{site}: tickets and waits, {first} to {last} (site-local days), {by}",
        span="{first} to {last}",
        by={g: "by total" if g is Grouping.TOTAL else f"by {g.value}" for g in Grouping},
        legend=f"""\
Times in minutes. wait: from issue (walk-in) or check-in (appointment) to the first call,
  over the called tickets; "never called" tickets (cancelled, left, still waiting) have no
  known wait and are not in the wait columns. ≤30 min, ≤60 min: share of the called tickets.
counter: started to finished. late: appointments, first call after the booked time
  (negative: before it). A ticket counts under the service and day it was issued for.
{MISSING}: no value, or fewer than {SMALLEST} values (withheld, so that no single visitor's
  wait can be read off).""",
        decimal=".",
    ),
    "de": Wording(
        headers=(
            "ausgegeben",
            "ohne Termin",
            "Termin",
            "aufgerufen",
            "bedient",
            "nicht erschienen",
            "nie aufgerufen",
            "Warten Med.",
            "Warten P90",
            "Warten max",
            "≤30 min",
            "≤60 min",
            "Schalter Med.",
            "verspätet Med.",
            "verspätet P90",
        ),
        service="Anliegen",
        all_services="alle Anliegen",
        title="{site}: Tickets und Wartezeiten, {first} bis {last} (Tage nach Ortszeit), {by}",
        span="{first} bis {last}",
        by={
            Grouping.DAY: "je Tag",
            Grouping.WEEK: "je Woche",
            Grouping.MONTH: "je Monat",
            Grouping.TOTAL: "gesamt",
        },
        legend=f"""\
Zeiten in Minuten. Warten: von der Ausgabe (ohne Termin) oder der Anmeldung (Termin) bis zum
  ersten Aufruf, über die aufgerufenen Tickets; nie aufgerufene Tickets (storniert, gegangen,
  noch wartend) haben keine bekannte Wartezeit und fehlen in den Wartespalten. ≤30 min,
  ≤60 min: Anteil der aufgerufenen Tickets.
Schalter: Beginn bis Ende der Bedienung. verspätet: Termine, erster Aufruf nach der
  gebuchten Zeit (negativ: davor). Ein Ticket zählt unter dem Anliegen und Tag, für die es
  ausgegeben wurde.
{MISSING}: kein Wert, oder weniger als {SMALLEST} Werte (zurückgehalten, damit sich keine einzelne
  Wartezeit ablesen lässt).""",
        decimal=",",
    ),
}
"""German and English; another language's report has English headers and legend."""


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


def report_language(site: Site, code: str | None) -> str:
    """`--lang`: a language of the site, by default its first; else a UsageError listing them."""
    if code is None:
        return site.languages[0]
    if code not in site.languages:
        raise UsageError(
            f"--lang {code!r} is not a language of the site; its languages: "
            + ", ".join(site.languages)
        )
    return code


def wording(language: str) -> Wording:
    """The report's texts in a language, else English (the site texts' rule, `in_language`)."""
    return in_language(WORDING, language) or WORDING["en"]


def service_name(site: Site, service_id: str | None, language: str) -> str:
    """The service's name in a language (else English, else German, else any); its id when
    the site no longer has it."""
    if service_id is None:
        return wording(language).all_services
    service = site.services.get(service_id)
    name = in_language(service.names, language) if service is not None else None
    if name is None:
        return service_id
    return name.replace("\u00ad", "").replace("\u00a0", " ")


def _text_cell(column: str, value: float | None, words: Wording) -> str:
    if value is None:
        return MISSING
    if isinstance(value, int):
        return str(value)
    shown = f"{value:.1f}".replace(".", words.decimal)
    return f"{shown} %" if column in SHARES else shown


def _heading(period: Period, words: Wording) -> str:
    """A period's line: its label, with its days unless the label is them."""
    span = words.span.format(first=period.first, last=period.last)
    if period.label == f"{period.first} to {period.last}":  # the total's label (CSV: stable)
        return span
    return period.label if period.label == str(period.first) else f"{period.label} ({span})"


def render_text(rows: Sequence[ReportRow], site: Site, title: str, language: str) -> str:
    """A block per period: a line per service, then all services; the legend at the end."""
    words = wording(language)
    lines = [title, ""]
    blocks: dict[str, list[ReportRow]] = {}
    for row in rows:
        blocks.setdefault(row.period.label, []).append(row)
    for block in blocks.values():
        lines.append(_heading(block[0].period, words))
        table = [[words.service, *words.headers]]
        table += [
            [service_name(site, row.service_id, language)]
            + [_text_cell(column, value(row.figures), words) for column, value in COLUMNS]
            for row in block
        ]
        lines += _aligned(table)
        lines.append("")
    lines.append(words.legend)
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


def write_csv(rows: Sequence[ReportRow], site: Site, stream: TextIO, language: str) -> None:
    """A header row (English identifiers), then a row per period and service; withheld or
    missing cells are empty. Only the service names are in the language."""
    out = csv.writer(stream, lineterminator="\n")
    out.writerow(["period", "from", "to", "service_id", "service", *(c for c, _ in COLUMNS)])
    for row in rows:
        values = (value(row.figures) for _, value in COLUMNS)
        out.writerow(
            [
                row.period.label,
                row.period.first.isoformat(),
                row.period.last.isoformat(),
                row.service_id or "",
                service_name(site, row.service_id, language),
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
        language = report_language(store.site, args.lang)
        first, last = date_range(given_from, given_to, store.today())
        tickets = store.ticket_times(first, last)
    site = store.site
    grouping = Grouping(args.by)
    rows = build_report(tickets, first, last, grouping, tuple(site.services))
    if args.csv:
        write_csv(rows, site, sys.stdout, language)
    else:
        words = wording(language)
        title = words.title.format(site=site.name, first=first, last=last, by=words.by[grouping])
        sys.stdout.write(render_text(rows, site, title, language))
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
    report.add_argument(
        "--lang",
        metavar="CODE",
        default=None,
        help="a language of the site for the service names (default: the site's first); "
        "headers and legend are German for de, else English; CSV column names stay English",
    )
    report.set_defaults(func=cmd_report)
