"""Today's key figures from the store, over a day driven by a FakeClock."""

from __future__ import annotations

from datetime import timedelta

from server.db.figures import nearest_rank
from server.store import Store
from shared.clock import FakeClock
from shared.domain import CounterState, DeviceRole, UserRole


def _issue(store: Store, key: str) -> int:
    issued = store.issue_ticket(
        service_id="general", language="de", idempotency_key=key, issuer_id="kiosk"
    )
    return issued.ticket.id


def test_a_day_of_tickets_gives_honest_figures(store: Store, clock: FakeClock) -> None:
    empty = store.figures()
    assert (empty.tickets, empty.median_wait_minutes, empty.p90_wait_minutes) == (0, None, None)
    store.set_counter_state("c1", CounterState.OPEN, "anna")
    waits = [4, 10, 2, 30, 12, 8, 6, 20, 16, 14]  # minutes from issue to first call
    for i, wait in enumerate(waits):
        _issue(store, f"k{i}")
        clock.advance(timedelta(minutes=wait))
        called = store.call_next("c1")
        assert called is not None
        if i == 3:
            store.no_show(called.ticket.id)
        else:
            store.start(called.ticket.id)
            store.finish(called.ticket.id)
    _issue(store, "still-waiting")
    clock.advance(timedelta(minutes=90))  # a long wait not yet called counts as waiting only

    day = store.figures()
    assert day.tickets == 11
    assert day.called == 10
    assert day.waiting == 1
    assert day.done == 9
    assert day.no_shows == 1
    assert day.median_wait_minutes == 11.0  # (10 + 12) / 2
    assert day.p90_wait_minutes == 20.0  # nearest rank: the 9th of 10 sorted waits
    assert day.longest_wait_minutes == 30.0

    clock.advance(timedelta(days=1))
    assert store.figures().tickets == 0  # a new day starts from nothing


def test_nearest_rank() -> None:
    assert nearest_rank([1.0], 0.9) == 1.0
    assert nearest_rank([1.0, 2.0, 3.0, 4.0, 5.0], 0.5) == 3.0
    assert nearest_rank([float(i) for i in range(1, 101)], 0.9) == 90.0


def test_a_refused_token_says_why(store: Store, clock: FakeClock) -> None:
    store.add_user("anna", "a long enough password", UserRole.CLERK)
    _, token = store.login("anna", "a long enough password")
    assert store.authenticate(token) is not None
    clock.advance(timedelta(hours=13))
    store.principals.forget_all()
    assert store.authenticate(token) is None
    assert store.refusal(token)[0] == "session_expired"
    assert store.refusal("no-such-token")[0] == "unknown_token"
    device, device_token = store.add_device("kiosk 1", DeviceRole.KIOSK)
    store.revoke_device(device.id)
    assert store.refusal(device_token)[0] == "device_revoked"
