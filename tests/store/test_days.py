"""Ticket numbers restart at local midnight in Europe/Berlin, across both DST changes."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from server.store import Store
from shared.clock import FakeClock
from shared.domain import CounterState


def _number(store: Store, key: str) -> str:
    return store.issue_ticket(
        service_id="general", language="de", idempotency_key=key, issuer_id="k"
    ).ticket.number


@pytest.mark.parametrize(
    ("before_midnight", "after_midnight", "late_same_day", "next_midnight"),
    [
        # autumn: 25 Oct 2026 has 25 hours (CEST → CET at 03:00)
        (
            datetime(2026, 10, 24, 21, 59, tzinfo=UTC),  # 23:59 CEST on the 24th
            datetime(2026, 10, 24, 22, 0, tzinfo=UTC),  # 00:00 CEST on the 25th
            datetime(2026, 10, 25, 22, 59, tzinfo=UTC),  # 23:59 CET on the 25th
            datetime(2026, 10, 25, 23, 0, tzinfo=UTC),  # 00:00 CET on the 26th
        ),
        # spring: 29 Mar 2026 has 23 hours (CET → CEST at 02:00)
        (
            datetime(2026, 3, 28, 22, 59, tzinfo=UTC),  # 23:59 CET on the 28th
            datetime(2026, 3, 28, 23, 0, tzinfo=UTC),  # 00:00 CET on the 29th
            datetime(2026, 3, 29, 21, 59, tzinfo=UTC),  # 23:59 CEST on the 29th
            datetime(2026, 3, 29, 22, 0, tzinfo=UTC),  # 00:00 CEST on the 30th
        ),
    ],
)
def test_numbers_restart_at_local_midnight(
    store: Store,
    clock: FakeClock,
    before_midnight: datetime,
    after_midnight: datetime,
    late_same_day: datetime,
    next_midnight: datetime,
) -> None:
    clock.set(before_midnight)
    assert [_number(store, "a"), _number(store, "b")] == ["A001", "A002"]
    clock.set(after_midnight)
    assert _number(store, "c") == "A001"
    clock.set(late_same_day)
    assert _number(store, "d") == "A002"
    clock.set(next_midnight)
    assert _number(store, "e") == "A001"


def test_yesterdays_queue_is_not_todays(store: Store, clock: FakeClock) -> None:
    clock.set(datetime(2026, 10, 24, 15, 0, tzinfo=UTC))
    old = store.issue_ticket(
        service_id="general", language="de", idempotency_key="old", issuer_id="k"
    )
    assert old.ticket.created_at.date() == date(2026, 10, 24)
    clock.set(datetime(2026, 10, 25, 7, 0, tzinfo=UTC))
    store.set_counter_state("c1", CounterState.OPEN, None)
    assert store.snapshot().tickets == ()
    assert store.call_next("c1") is None
    fresh = store.issue_ticket(
        service_id="general", language="de", idempotency_key="new", issuer_id="k"
    )
    assert fresh.ticket.number == "A001"
    assert fresh.position == 1
    called = store.call_next("c1")
    assert called is not None
    assert called.ticket.id == fresh.ticket.id
