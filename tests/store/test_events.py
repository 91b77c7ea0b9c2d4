"""The event log: replay from a seq, the replay limit, pruning, and the snapshot."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from sqlalchemy import Engine

from server.db.engine import write_session
from server.db.models import EventRow
from server.store import Store, StoreSettings
from shared.clock import FakeClock
from shared.domain import CounterState, Site, TicketStatus
from shared.protocol import CounterChanged, TicketCalled, TicketChanged, TicketIssued


def _busy_morning(store: Store, clock: FakeClock) -> list[object]:
    events: list[object] = []
    events += store.set_counter_state("c1", CounterState.OPEN, "anna").events
    for i in range(3):
        clock.advance(30)
        events += store.issue_ticket(
            service_id="general", language="de", idempotency_key=str(i), issuer_id="k"
        ).events
    called = store.call_next("c1")
    assert called is not None
    events += called.events
    events += store.start(called.ticket.id).events
    return events


def test_replay_returns_exactly_the_logged_events(store: Store, clock: FakeClock) -> None:
    events = _busy_morning(store, clock)
    assert store.events_since(0) == events
    assert store.events_since(4) == events[4:]
    assert store.events_since(len(events)) == []
    assert store.events_since(len(events) + 10) == []  # a client ahead of us (after a restore)
    kinds = [type(e) for e in events]
    assert kinds == [
        CounterChanged,
        TicketIssued,
        TicketIssued,
        TicketIssued,
        TicketCalled,
        TicketChanged,
    ]


def test_too_far_behind_or_negative_gets_none(
    site_maker: Callable[..., Site], engine: Engine, clock: FakeClock
) -> None:
    store = Store(engine, site_maker(), clock, StoreSettings(replay_limit=3))
    _busy_morning(store, clock)
    assert store.events_since(2) is None  # 4 missing > 3
    replay = store.events_since(3)
    assert replay is not None
    assert [e.seq for e in replay] == [4, 5, 6]
    assert store.events_since(-1) is None


def test_pruned_events_cannot_be_replayed(store: Store, clock: FakeClock) -> None:
    _busy_morning(store, clock)
    assert store.prune_events(clock.now() - timedelta(seconds=45)) == 2  # seq 1 and 2
    assert store.events_since(0) is None
    assert store.events_since(1) is None
    replay = store.events_since(2)
    assert replay is not None
    assert replay[0].seq == 3
    assert store.last_seq() == 6


def test_snapshot_holds_todays_live_tickets_and_every_counter(
    store: Store, clock: FakeClock
) -> None:
    _busy_morning(store, clock)
    cancelled = store.issue_ticket(
        service_id="passport", language="de", idempotency_key="p", issuer_id="k"
    )
    store.cancel(cancelled.ticket.id)
    snapshot = store.snapshot()
    assert snapshot.seq == store.last_seq() == 8
    assert snapshot.at == clock.now()
    assert [(t.number, t.status) for t in snapshot.tickets] == [
        ("A001", TicketStatus.SERVING),
        ("A002", TicketStatus.WAITING),
        ("A003", TicketStatus.WAITING),
    ]
    assert [(c.id, c.state, c.clerk, c.ticket_number) for c in snapshot.counters] == [
        ("c1", CounterState.OPEN, "anna", "A001"),
        ("c2", CounterState.CLOSED, None, None),
    ]


def test_seq_survives_a_restart(
    site_maker: Callable[..., Site], engine: Engine, clock: FakeClock
) -> None:
    store = Store(engine, site_maker(), clock)
    _busy_morning(store, clock)
    again = Store(engine, site_maker(), clock)
    issued = again.issue_ticket(
        service_id="general", language="de", idempotency_key="later", issuer_id="k"
    )
    assert issued.events[0].seq == 7


def test_reads_do_not_wait_for_the_writer(store: Store, engine: Engine, clock: FakeClock) -> None:
    _busy_morning(store, clock)
    with write_session(engine) as session:
        session.add(EventRow(seq=999, type="x", payload="{}", at=clock.now()))
        session.flush()
        # the writer holds the lock and has an uncommitted row; readers see the last commit
        assert store.snapshot().seq == 6
        assert store.events_since(5) is not None
        assert store.last_seq() == 6
        session.rollback()
