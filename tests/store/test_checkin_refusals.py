"""Every check-in refusal carries a reason, a remedy and the facts for a kind message."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import Engine

from server.errors import RefusedError
from server.store import Store, StoreSettings
from shared.checkin import CheckInWindow
from shared.clock import FakeClock
from shared.domain import CounterState, Site
from shared.refusal import Refusal, Refused, Remedy

# The test clock stands at 09:00 Berlin (08:00 UTC) on Monday 2026-11-23.
CSV = (
    "number,service_id,scheduled_at,name\n"
    "B-10,passport,2026-11-23T10:00,Ada Secret\n"  # in an hour: the window just opened
    "B-11,passport,2026-11-23T10:30,Bo Secret\n"  # 90 min ahead: too early
    "B-08,general,2026-11-23T08:40,Cy Secret\n"  # 20 min ago: too late
    "B-09,general,2026-11-23T08:45,Di Secret\n"  # 15 min ago: just in time
    "B-24,general,2026-11-24T10:00,Ed Secret\n"  # tomorrow
    "B-20,general,2026-11-20T10:00,Fa Secret\n"  # last week
)
BERLIN_09 = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)


def _check_in(store: Store, number: str, key: str | None = None) -> Refused | str:
    """The ticket number, or the refusal."""
    try:
        issued = store.check_in(
            appointment_number=number,
            language="de",
            idempotency_key=key or f"k-{number}",
            issuer_id="kiosk-1",
        )
    except RefusedError as refused:
        code = refused.status_code
        expected = 404 if refused.refused.reason is Refusal.UNKNOWN else 409
        if code != expected:  # pragma: no cover - a failing test's message
            pytest.fail(f"status {code} for {refused.refused.reason}, expected {expected}")
        return refused.refused
    return issued.ticket.number


@pytest.fixture
def booked(store: Store) -> Store:
    """The store with the test appointments imported."""
    assert store.import_appointments(CSV).imported == 6
    return store


def test_window_edges_are_inclusive(booked: Store) -> None:
    assert _check_in(booked, "B-10") == "P001"  # exactly 60 min early
    assert _check_in(booked, "B-09") == "A001"  # exactly 15 min late


def test_too_early_says_when_check_in_opens(booked: Store) -> None:
    refused = _check_in(booked, "B-11")
    assert isinstance(refused, Refused)
    assert (refused.reason, refused.remedy) == (Refusal.TOO_EARLY, Remedy.COME_BACK_LATER)
    assert refused.booked_at == datetime(2026, 11, 23, 9, 30, tzinfo=UTC)
    assert refused.checkin_from == datetime(2026, 11, 23, 8, 30, tzinfo=UTC)
    assert refused.checkin_until == datetime(2026, 11, 23, 9, 45, tzinfo=UTC)
    assert (refused.service_id, refused.booked_day) == ("passport", date(2026, 11, 23))


def test_too_late_sends_to_the_reception(booked: Store) -> None:
    refused = _check_in(booked, "B-08")
    assert isinstance(refused, Refused)
    assert (refused.reason, refused.remedy) == (Refusal.TOO_LATE, Remedy.GO_TO_RECEPTION)
    assert refused.checkin_until == datetime(2026, 11, 23, 7, 55, tzinfo=UTC)
    assert booked.last_seq() == 0


def test_other_day_future_and_past(booked: Store) -> None:
    tomorrow = _check_in(booked, "B-24")
    assert isinstance(tomorrow, Refused)
    assert (tomorrow.reason, tomorrow.remedy) == (Refusal.OTHER_DAY, Remedy.COME_BACK_LATER)
    assert tomorrow.booked_day == date(2026, 11, 24)
    past = _check_in(booked, "B-20")
    assert isinstance(past, Refused)
    assert (past.reason, past.remedy) == (Refusal.OTHER_DAY, Remedy.GO_TO_RECEPTION)
    assert past.booked_day == date(2026, 11, 20)


def test_unknown_number(booked: Store) -> None:
    refused = _check_in(booked, "B-99")
    assert isinstance(refused, Refused)
    assert (refused.reason, refused.remedy) == (Refusal.UNKNOWN, Remedy.GO_TO_RECEPTION)
    assert refused.booked_at is None


def test_already_checked_in_names_the_earlier_ticket(booked: Store) -> None:
    assert _check_in(booked, "B-10") == "P001"
    again = _check_in(booked, "B-10", key="another-key")
    assert isinstance(again, Refused)
    assert (again.reason, again.remedy) == (Refusal.ALREADY_CHECKED_IN, Remedy.USE_EARLIER_TICKET)
    assert again.ticket_number == "P001"
    booked.set_counter_state("c1", CounterState.OPEN, None)
    called = booked.call_next("c1")
    assert called is not None
    booked.no_show(called.ticket.id)
    after = _check_in(booked, "B-10", key="third-key")
    assert isinstance(after, Refused)
    assert (after.remedy, after.ticket_number) == (Remedy.GO_TO_RECEPTION, "P001")


def test_refusals_carry_no_personal_data(booked: Store) -> None:
    _check_in(booked, "B-10")
    for number in ("B-10", "B-11", "B-08", "B-24", "B-99"):
        refused = _check_in(booked, number, key=f"x-{number}")
        assert isinstance(refused, Refused)
        assert "Secret" not in str(refused.to_json())


def test_success_carries_booked_time_and_concern(booked: Store) -> None:
    issued = booked.check_in(
        appointment_number="B-10", language="en", idempotency_key="ok", issuer_id="kiosk-1"
    )
    assert issued.booked_at == datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
    assert (issued.ticket.service_id, issued.service_name) == ("passport", "Passport")


def test_the_window_comes_from_the_settings(
    site_maker: Callable[..., Site], engine: Engine, clock: FakeClock
) -> None:
    wide = StoreSettings(checkin=CheckInWindow(timedelta(hours=2), timedelta(minutes=30)))
    store = Store(engine, site_maker(), clock, wide)
    store.import_appointments(CSV)
    assert _check_in(store, "B-11") == "P001"
    assert _check_in(store, "B-08") == "A001"


def test_the_clock_moves_a_visitor_into_the_window(booked: Store, clock: FakeClock) -> None:
    assert isinstance(_check_in(booked, "B-11"), Refused)
    clock.set(BERLIN_09 + timedelta(minutes=30))
    assert _check_in(booked, "B-11", key="later") == "P001"
