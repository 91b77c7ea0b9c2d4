"""Pruning the event log deletes a prefix of seqs: never a hole, never the seq counter; its
cutoff is found through the index on the events' time (migration 0009)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, inspect

from server.store import Store, create_engine_for, migrate
from shared.clock import FakeClock
from shared.domain import Site
from tests.store.schema_at import engine_at, sqlite_plans


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


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def old_engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """An engine whose schema is still at 0008 (no index on the events' time)."""
    yield from engine_at(request, tmp_path, "0008_event_notes")


def test_the_migration_indexes_the_times_of_an_existing_log(
    old_engine: Engine, site: Site, clock: FakeClock
) -> None:
    store = Store(old_engine, site, clock)
    start = clock.now()
    for i, day in enumerate((1, 20, 2, 21)):  # the clock was 18 days fast for seq 2
        clock.set(start + timedelta(days=day))
        _issue(store, f"o{i}")
    assert {ix["name"] for ix in inspect(old_engine).get_indexes("events")} == {
        "ix_events_at_noted"
    }

    migrate(old_engine)

    indexes = {ix["name"]: ix["column_names"] for ix in inspect(old_engine).get_indexes("events")}
    assert indexes["ix_events_at"] == ["at"]
    assert store.prune_events(start + timedelta(days=3)) == 3  # seq 3 takes seq 2 along
    assert [e.seq for e in store.events_since(3) or []] == [4]
    assert store.last_seq() == 4


def test_the_prune_finds_its_cutoff_through_the_index_on_the_time(
    tmp_path: Path, site: Site, clock: FakeClock
) -> None:
    """Not by walking the primary key back from the newest event (the whole kept log)."""
    engine = create_engine_for(None, tmp_path)
    migrate(engine)
    with sqlite_plans(engine, "SELECT max") as plans:
        assert Store(engine, site, clock).prune_events(clock.now()) == 0
    engine.dispose()
    assert plans == ["SEARCH events USING COVERING INDEX ix_events_at (at<?)"]
