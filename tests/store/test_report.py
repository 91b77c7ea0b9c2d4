"""The council's report: the arithmetic alone, and over tickets at known times in a real store.

The store tests run on a real SQLite file and on real PostgreSQL (the `store` fixture).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from server.db.figures import day_figures
from server.report import (
    Figures,
    Grouping,
    Period,
    ReportRow,
    TicketTimes,
    build_report,
    figures_of,
    periods,
)
from server.store import Store
from shared.domain import TicketOrigin, TicketStatus
from tests.report_rows import MONDAY, NEXT_TUESDAY, office_history

NOTHING = Figures(
    issued=0,
    walk_ins=0,
    appointments=0,
    called=0,
    served=0,
    no_shows=0,
    never_called=0,
    median_wait=None,
    p90_wait=None,
    longest_wait=None,
    within_30=None,
    within_60=None,
    median_at_counter=None,
    median_late=None,
    p90_late=None,
)
GENERAL = Figures(
    issued=7,
    walk_ins=7,
    appointments=0,
    called=6,
    served=5,
    no_shows=1,
    never_called=1,
    median_wait=17.5,  # waits 5, 10, 15, 20, 40, 70: (15 + 20) / 2
    p90_wait=70.0,  # nearest rank: the 6th of 6
    longest_wait=70.0,
    within_30=66.7,  # 4 of 6
    within_60=83.3,  # 5 of 6
    median_at_counter=10.0,  # 6, 8, 10, 12, 14 (the no-show never started)
    median_late=None,
    p90_late=None,
)
PASSPORT = Figures(
    issued=5,
    walk_ins=0,
    appointments=5,
    called=5,
    served=5,
    no_shows=0,
    never_called=0,
    median_wait=30.0,  # from check-in: 12, 25, 30, 40, 65 (the one checked in an hour early)
    p90_wait=65.0,
    longest_wait=65.0,
    within_30=60.0,
    within_60=80.0,
    median_at_counter=5.0,  # 3, 4, 5, 6, 7
    median_late=5.0,  # after the booked time: -2, 0, 5, 10, 20
    p90_late=20.0,
)
OLD_SERVICE = replace(NOTHING, issued=1, walk_ins=1, never_called=1)  # still waiting: no wait
EVERY = Figures(
    issued=13,
    walk_ins=8,
    appointments=5,
    called=11,
    served=10,
    no_shows=1,
    never_called=2,
    median_wait=25.0,  # 5 10 12 15 20 [25] 30 40 40 65 70
    p90_wait=65.0,  # the 10th of 11
    longest_wait=70.0,
    within_30=63.6,  # 7 of 11
    within_60=81.8,  # 9 of 11
    median_at_counter=6.5,  # 3 4 5 6 [6 7] 8 10 12 14
    median_late=5.0,
    p90_late=20.0,
)
FIRST = MONDAY
LAST = NEXT_TUESDAY


def _by_service(rows: list[ReportRow]) -> dict[str | None, Figures]:
    return {row.service_id: row.figures for row in rows}


def test_the_whole_range_in_one_period(store: Store, engine: Engine) -> None:
    office_history(engine)  # rows at known times, written beside the store
    rows = build_report(
        store.ticket_times(FIRST, LAST), FIRST, LAST, Grouping.TOTAL, tuple(store.site.services)
    )
    assert [row.service_id for row in rows] == [
        "general",
        "passport",
        "urgent",
        "old_service",  # no longer in the site config: after the site's, by its id
        None,
    ]
    assert {row.period for row in rows} == {Period("2026-11-02 to 2026-11-10", FIRST, LAST)}
    assert _by_service(rows) == {
        "general": GENERAL,
        "passport": PASSPORT,
        "urgent": NOTHING,
        "old_service": OLD_SERVICE,
        None: EVERY,
    }


def test_weeks_and_days_cut_the_same_tickets(store: Store, engine: Engine) -> None:
    office_history(engine)
    tickets = store.ticket_times(FIRST, LAST)
    services = tuple(store.site.services)
    weeks = build_report(tickets, FIRST, LAST, Grouping.WEEK, services)
    assert [(r.period.label, r.period.first, r.period.last) for r in weeks[::5]] == [
        ("2026-W45", FIRST, date(2026, 11, 8)),
        ("2026-W46", date(2026, 11, 9), LAST),
    ]
    first_week, second_week = _by_service(weeks[:5]), _by_service(weeks[5:])
    assert first_week["general"] == GENERAL
    assert first_week["passport"] == PASSPORT
    assert first_week["old_service"] == NOTHING  # listed with zeros: it has rows in the range
    assert first_week[None].issued == 12
    assert second_week == {
        "general": NOTHING,
        "passport": NOTHING,
        "urgent": NOTHING,
        "old_service": OLD_SERVICE,
        None: OLD_SERVICE,
    }
    days = build_report(tickets, FIRST, LAST, Grouping.DAY, services)
    assert len(days) == 9 * 5
    monday, tuesday, wednesday = (_by_service(days[i * 5 : i * 5 + 5]) for i in range(3))
    assert monday["passport"] == replace(
        NOTHING, issued=1, appointments=1, called=1, served=1
    )  # one appointment: counted, its wait and lateness withheld
    assert tuesday["passport"].median_wait is None  # 4 waits: too few to show
    assert tuesday["passport"].issued == 4
    assert wednesday[None] == NOTHING  # a day without tickets: zeros, no error
    assert sum(r.figures.issued for r in days if r.service_id is None) == 13


def test_the_report_of_a_day_agrees_with_the_day_figures(store: Store, engine: Engine) -> None:
    office_history(engine)
    with Session(engine) as session:
        day = day_figures(session, MONDAY)
    every = build_report(
        store.ticket_times(MONDAY, MONDAY), MONDAY, MONDAY, Grouping.DAY, ("general",)
    )[-1].figures
    assert (
        (every.issued, every.called, every.served, every.no_shows)
        == (
            day.tickets,
            day.called,
            day.done,
            day.no_shows,
        )
        == (8, 7, 6, 1)
    )
    assert (
        (every.median_wait, every.p90_wait, every.longest_wait)
        == (
            day.median_wait_minutes,
            day.p90_wait_minutes,
            day.longest_wait_minutes,
        )
        == (20.0, 70.0, 70.0)
    )


def test_the_report_reads_no_number_name_or_note() -> None:
    assert set(TicketTimes.__slots__) == {  # type: ignore[attr-defined]
        "day",
        "service_id",
        "origin",
        "status",
        "created_at",
        "due_at",
        "called_at",
        "started_at",
        "finished_at",
    }


def test_periods_follow_iso_weeks_and_months_across_the_year() -> None:
    weeks = periods(date(2026, 12, 27), date(2027, 1, 5), Grouping.WEEK)
    assert [(p.label, p.first.day, p.last.day) for p in weeks] == [
        ("2026-W52", 27, 27),  # a Sunday: the end of its week, cut at the start of the range
        ("2026-W53", 28, 3),
        ("2027-W01", 4, 5),
    ]
    months = periods(date(2026, 12, 15), date(2027, 2, 3), Grouping.MONTH)
    assert [(p.label, p.first, p.last) for p in months] == [
        ("2026-12", date(2026, 12, 15), date(2026, 12, 31)),
        ("2027-01", date(2027, 1, 1), date(2027, 1, 31)),
        ("2027-02", date(2027, 2, 1), date(2027, 2, 3)),
    ]
    assert len(periods(date(2028, 2, 1), date(2028, 2, 29), Grouping.DAY)) == 29
    assert periods(MONDAY, MONDAY, Grouping.TOTAL) == [
        Period("2026-11-02 to 2026-11-02", MONDAY, MONDAY)
    ]


def _walk_in(wait: float | None, day: date = MONDAY) -> TicketTimes:
    created = datetime(2026, 11, 2, 8, tzinfo=UTC)
    called = None if wait is None else created + timedelta(minutes=wait)
    status = TicketStatus.WAITING if called is None else TicketStatus.DONE
    return TicketTimes(
        day=day,
        service_id="general",
        origin=TicketOrigin.WALK_IN,
        status=status,
        created_at=created,
        called_at=called,
    )


def test_statistics_need_five_values() -> None:
    assert figures_of([]) == NOTHING
    four = figures_of([_walk_in(w) for w in (1, 2, 3, 4)])
    assert (four.called, four.median_wait, four.longest_wait, four.within_30) == (
        4,
        None,
        None,
        None,
    )
    five = figures_of([_walk_in(w) for w in (1, 2, 3, 4, 31)])
    assert (five.median_wait, five.p90_wait, five.longest_wait) == (3.0, 31.0, 31.0)
    assert (five.within_30, five.within_60) == (80.0, 100.0)
    waiting = figures_of([_walk_in(w) for w in (1, 2, 3, 4, None)])
    assert (waiting.never_called, waiting.median_wait) == (1, None)  # never called: no wait


DAYS = st.dates(min_value=date(2026, 1, 1), max_value=date(2026, 3, 31))


@given(
    st.lists(st.tuples(DAYS, st.sampled_from(["a", "b", "gone"]), st.none() | st.integers(0, 300))),
    DAYS,
    DAYS,
    st.sampled_from(list(Grouping)),
)
def test_every_ticket_in_the_range_counts_once(
    drawn: list[tuple[date, str, int | None]], one: date, other: date, grouping: Grouping
) -> None:
    first, last = min(one, other), max(one, other)
    tickets = [replace(_walk_in(wait, day), service_id=sid) for day, sid, wait in drawn]
    rows = build_report(tickets, first, last, grouping, ("a", "b"))
    inside = [t for t in tickets if first <= t.day <= last]
    totals = [r.figures for r in rows if r.service_id is None]
    assert sum(f.issued for f in totals) == len(inside)
    assert sum(f.never_called for f in totals) == sum(1 for t in inside if t.called_at is None)
    spans = [r.period for r in rows if r.service_id is None]
    assert spans[0].first == first
    assert spans[-1].last == last
    assert all(a.last + timedelta(days=1) == b.first for a, b in pairwise(spans))
    for period in spans:
        services = [r.figures for r in rows if r.period == period and r.service_id is not None]
        assert sum(f.issued for f in services) == next(
            r.figures.issued for r in rows if r.period == period and r.service_id is None
        )
