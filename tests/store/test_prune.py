"""Pruning the event log deletes a prefix of seqs: never a hole, never the seq counter."""

from __future__ import annotations

from datetime import timedelta

from server.store import Store
from shared.clock import FakeClock


def _issue(store: Store, key: str) -> None:
    store.issue_ticket(service_id="general", language="de", idempotency_key=key, issuer_id="k")


def test_pruning_after_a_clock_step_back_leaves_no_hole(store: Store, clock: FakeClock) -> None:
    start = clock.now()
    for i, day in enumerate((1, 2, 20, 21)):  # the clock was 18 days fast for two events
        clock.set(start + timedelta(days=day))
        _issue(store, f"s{i}")
    assert store.prune_events(start + timedelta(days=1, hours=1)) == 1
    assert store.prune_events(start + timedelta(days=4)) == 1
    assert store.events_since(1) is None
    assert [e.seq for e in store.events_since(2) or []] == [3, 4]
    clock.set(start + timedelta(days=3))
    _issue(store, "s4")
    # seq 5 is stamped day 3, before seqs 3 and 4 (days 20, 21): pruning it takes them along
    assert store.prune_events(start + timedelta(days=4)) == 3
    assert store.events_since(4) is None
    assert store.last_seq() == 5


def test_an_emptied_log_goes_on_from_its_last_seq(store: Store, clock: FakeClock) -> None:
    for i in range(3):
        _issue(store, f"e{i}")
    assert store.prune_events(clock.now() + timedelta(seconds=1)) == 3
    assert store.prune_events(clock.now() + timedelta(seconds=1)) == 0
    assert store.last_seq() == 3
    assert store.events_since(0) is None
    assert store.events_since(3) == []
    _issue(store, "e3")
    assert [e.seq for e in store.events_since(3) or []] == [4]
