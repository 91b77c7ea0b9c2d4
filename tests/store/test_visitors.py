"""Issuing tickets, check-in of appointments, the visitor's status page."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine

from server.errors import InvalidInputError, NotFoundError, RefusedError
from server.store import Issued, Store, StoreSettings
from shared.clock import FakeClock
from shared.domain import CounterState, Site, TicketOrigin, TicketStatus
from shared.protocol import TicketIssued
from shared.refusal import Refusal


def _issue(store: Store, key: str, service: str = "general", *, emergency: bool = False) -> Issued:
    return store.issue_ticket(
        service_id=service,
        language="de",
        idempotency_key=key,
        issuer_id="kiosk-1",
        emergency=emergency,
    )


def test_numbers_run_per_service_and_positions_count_the_queue(store: Store) -> None:
    a1 = store.issue_ticket(
        service_id="general", language="en", idempotency_key="1", issuer_id="kiosk-1"
    )
    p1 = store.issue_ticket(
        service_id="passport", language="tr", idempotency_key="2", issuer_id="kiosk-1"
    )
    a2 = store.issue_ticket(
        service_id="general", language="de", idempotency_key="3", issuer_id="kiosk-2"
    )
    assert [a1.ticket.number, p1.ticket.number, a2.ticket.number] == ["A001", "P001", "A002"]
    assert [a1.position, p1.position, a2.position] == [1, 1, 2]
    assert a1.service_name == "General"
    assert p1.service_name == "Passport"  # no Turkish name: falls back to English
    assert a2.service_name == "Allgemein"
    assert a1.ticket.origin is TicketOrigin.WALK_IN
    assert a1.ticket.status is TicketStatus.WAITING
    assert len({a1.status_key, p1.status_key, a2.status_key}) == 3
    assert all(len(i.status_key) >= 20 for i in (a1, p1, a2))
    assert [e.seq for i in (a1, p1, a2) for e in i.events] == [1, 2, 3]
    event = a2.events[0]
    assert isinstance(event, TicketIssued)
    assert event.ticket == a2.ticket


def test_same_key_same_issuer_gives_the_same_ticket_and_no_event(store: Store) -> None:
    first = store.issue_ticket(
        service_id="general", language="de", idempotency_key="abc", issuer_id="kiosk-1"
    )
    again = store.issue_ticket(
        service_id="general", language="de", idempotency_key="abc", issuer_id="kiosk-1"
    )
    other = store.issue_ticket(
        service_id="general", language="de", idempotency_key="abc", issuer_id="kiosk-2"
    )
    assert again.ticket == first.ticket
    assert again.status_key == first.status_key
    assert again.events == ()
    assert other.ticket.number == "A002"
    assert store.last_seq() == 2


@pytest.mark.parametrize(
    ("service", "language", "key", "issuer", "message"),
    [
        ("nope", "de", "k", "kiosk", "unknown service 'nope'"),
        ("general", "fr", "k", "kiosk", "unknown language 'fr'"),
        ("general", "de", "", "kiosk", "idempotency key"),
        ("general", "de", "x" * 129, "kiosk", "idempotency key"),
        ("general", "de", "k", "", "issuer id"),
    ],
)
def test_bad_requests_are_refused(
    store: Store, service: str, language: str, key: str, issuer: str, message: str
) -> None:
    with pytest.raises(InvalidInputError, match=message):
        store.issue_ticket(
            service_id=service, language=language, idempotency_key=key, issuer_id=issuer
        )
    assert store.last_seq() == 0


def test_daily_cap_refuses_walk_ins_but_not_emergencies(
    site_maker: Callable[..., Site], engine: Engine, clock: FakeClock
) -> None:
    store = Store(engine, site_maker(cap=3), clock)
    for i in range(3):
        _issue(store, f"k{i}")
    with pytest.raises(RefusedError, match="today's limit of 3 tickets") as refused:
        _issue(store, "k3")
    assert refused.value.refused.reason is Refusal.QUOTA_USED_UP
    assert (refused.value.refused.daily_cap, refused.value.refused.service_id) == (3, "general")
    assert refused.value.status_code == 409
    assert _issue(store, "k0").ticket.number == "A001"  # a retry still gets its ticket
    urgent = _issue(store, "k4", emergency=True)
    assert urgent.ticket.number == "A004"
    assert urgent.ticket.emergency


def test_emergency_service_marks_its_tickets(store: Store) -> None:
    issued = _issue(store, "k", service="urgent")
    assert issued.ticket.number == "N001"
    assert issued.ticket.emergency


def test_expected_wait_from_the_queue_ahead_and_open_counters(
    store: Store, clock: FakeClock
) -> None:
    assert _issue(store, "k1").expected_wait_minutes is None  # no counter open
    store.set_counter_state("c1", CounterState.OPEN, "anna")
    clock.advance(60)
    _issue(store, "k2", service="passport")
    clock.advance(60)
    third = _issue(store, "k3")
    # ahead: A001 (10 min configured) and P001 (5 min), one open counter serves both
    assert third.expected_wait_minutes == 15.0
    store.set_counter_state("c2", CounterState.OPEN, "ben")  # serves general, not passports
    clock.advance(60)
    fourth = _issue(store, "k4")
    # ahead: A001 and A002 shared by two counters (10 + 10), P001 only at c1 (5) → 25 / 2
    assert fourth.expected_wait_minutes == 12.5


def test_status_page_follows_the_ticket(store: Store, clock: FakeClock) -> None:
    store.set_counter_state("c1", CounterState.OPEN, None)
    first = _issue(store, "k1")
    second = store.issue_ticket(
        service_id="general", language="en", idempotency_key="k2", issuer_id="kiosk-1"
    )
    view = store.ticket_status(second.ticket.id, second.status_key)
    assert (view.number, view.status, view.position) == ("A002", TicketStatus.WAITING, 2)
    assert view.counter_name is None
    assert view.service_name == "General"
    clock.advance(30)
    store.call_next("c1")
    assert store.ticket_status(second.ticket.id, second.status_key).position == 1
    called = store.ticket_status(first.ticket.id, first.status_key)
    assert called.status is TicketStatus.CALLED
    assert called.counter_name == "Schalter 1"
    assert called.position is None
    with pytest.raises(NotFoundError):
        store.ticket_status(first.ticket.id, second.status_key)
    with pytest.raises(NotFoundError):
        store.ticket_status(99_999, first.status_key)


def test_status_url(site_maker: Callable[..., Site], engine: Engine, clock: FakeClock) -> None:
    store = Store(engine, site_maker(), clock, StoreSettings(status_base_url="http://hub:8080/"))
    assert store.status_url(7, "abc") == "http://hub:8080/api/v1/tickets/7/status?key=abc"


CSV_TODAY = "number,service_id,scheduled_at,name\nB-1,passport,2026-11-23T10:00,Ada\n"


def test_check_in_issues_an_appointment_ticket(store: Store, clock: FakeClock) -> None:
    store.import_appointments(CSV_TODAY + "B-2,general,2026-11-24T10:00,Bo\n")
    issued = store.check_in(
        appointment_number=" B-1 ", language="en", idempotency_key="c1", issuer_id="kiosk-1"
    )
    assert issued.ticket.number == "P001"
    assert issued.ticket.origin is TicketOrigin.APPOINTMENT
    assert issued.service_name == "Passport"
    assert isinstance(issued.events[0], TicketIssued)
    again = store.check_in(
        appointment_number="B-1", language="en", idempotency_key="c1", issuer_id="kiosk-1"
    )
    assert (again.ticket, again.events) == (issued.ticket, ())
    with pytest.raises(RefusedError, match="already checked in as P001"):
        store.check_in(
            appointment_number="B-1", language="en", idempotency_key="c2", issuer_id="kiosk-1"
        )
    with pytest.raises(RefusedError, match="booked for 2026-11-24, not today"):
        store.check_in(
            appointment_number="B-2", language="en", idempotency_key="c3", issuer_id="kiosk-1"
        )
    with pytest.raises(RefusedError, match="no appointment"):
        store.check_in(
            appointment_number="B-9", language="en", idempotency_key="c4", issuer_id="kiosk-1"
        )
    for bad in ("  ", "x" * 129):
        with pytest.raises(InvalidInputError, match="appointment number must be"):
            store.check_in(
                appointment_number=bad, language="en", idempotency_key="c5", issuer_id="kiosk-1"
            )
    with pytest.raises(InvalidInputError, match="language"):
        store.check_in(
            appointment_number="B-2", language="xx", idempotency_key="c6", issuer_id="kiosk-1"
        )
    assert store.last_seq() == 1


def test_checked_in_appointment_that_is_due_goes_first(store: Store, clock: FakeClock) -> None:
    store.import_appointments(CSV_TODAY)
    store.set_counter_state("c1", CounterState.OPEN, None)
    walk_in = _issue(store, "w")
    clock.set(datetime(2026, 11, 23, 8, 50, tzinfo=UTC))  # 09:50 local, due at 10:00
    booked = store.check_in(
        appointment_number="B-1", language="de", idempotency_key="c", issuer_id="kiosk-1"
    )
    called = store.call_next("c1")
    assert called is not None
    assert called.ticket.id == booked.ticket.id
    assert "appointment" in called.reason
    store.no_show(booked.ticket.id)
    clock.advance(timedelta(minutes=1))
    nxt = store.call_next("c1")
    assert nxt is not None
    assert nxt.ticket.id == walk_in.ticket.id


def test_retry_after_the_call_shows_the_ticket_as_it_is_now(store: Store) -> None:
    store.set_counter_state("c1", CounterState.OPEN, None)
    _issue(store, "k")
    store.call_next("c1")
    again = _issue(store, "k")
    assert again.ticket.status is TicketStatus.CALLED
    assert (again.position, again.expected_wait_minutes, again.events) == (0, None, ())


def test_check_in_for_a_service_no_longer_offered(
    site_maker: Callable[..., Site], engine: Engine, clock: FakeClock
) -> None:
    Store(engine, site_maker(), clock).import_appointments(CSV_TODAY)
    site = site_maker()
    smaller = type(site)(
        site.id, site.name, site.timezone, {"general": site.services["general"]}, site.counters
    )
    store = Store(engine, smaller, clock)
    assert store.site is smaller
    with pytest.raises(RefusedError, match="no longer offered"):
        store.check_in(
            appointment_number="B-1", language="de", idempotency_key="c", issuer_id="kiosk-1"
        )
