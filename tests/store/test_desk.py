"""Counter operations: call, recall, steps, transfer, counter state — and every refusal."""

from __future__ import annotations

import pytest

from server.errors import ConflictError, InvalidInputError, NotFoundError
from server.store import Issued, Store
from shared.clock import FakeClock
from shared.domain import CounterState, TicketStatus
from shared.lifecycle import TicketAction
from shared.protocol import CounterChanged, TicketCalled, TicketChanged


def _issue(store: Store, key: str, service: str = "general", *, emergency: bool = False) -> Issued:
    return store.issue_ticket(
        service_id=service,
        language="de",
        idempotency_key=key,
        issuer_id="kiosk",
        emergency=emergency,
    )


@pytest.fixture
def open_store(store: Store) -> Store:
    """The store with both counters open."""
    store.set_counter_state("c1", CounterState.OPEN, "anna")
    store.set_counter_state("c2", CounterState.OPEN, "ben")
    return store


def test_calling_needs_an_open_counter(store: Store) -> None:
    _issue(store, "k")
    with pytest.raises(ConflictError, match="Schalter 1 is closed; open it"):
        store.call_next("c1")
    store.set_counter_state("c1", CounterState.PAUSED, "anna")
    with pytest.raises(ConflictError, match="is paused"):
        store.call_next("c1")
    with pytest.raises(NotFoundError, match="no counter"):
        store.call_next("c9")
    with pytest.raises(NotFoundError, match="no counter"):
        store.set_counter_state("c9", CounterState.OPEN, None)


def test_a_counter_never_drops_its_visitor(open_store: Store) -> None:
    first = _issue(open_store, "k1")
    _issue(open_store, "k2")
    open_store.call_next("c1")
    with pytest.raises(ConflictError, match=r"still has A001 .*no-show A001 first"):
        open_store.call_next("c1")
    open_store.start(first.ticket.id)
    with pytest.raises(ConflictError, match="still has A001 \\(serving\\)"):
        open_store.call_ticket("c1", 2)
    with pytest.raises(ConflictError, match="before closing Schalter 1"):
        open_store.set_counter_state("c1", CounterState.CLOSED, None)
    paused = open_store.set_counter_state("c1", CounterState.PAUSED, "anna")
    assert paused.counter.ticket_number == "A001"
    open_store.finish(first.ticket.id)
    closed = open_store.set_counter_state("c1", CounterState.CLOSED, None)
    assert closed.counter.ticket_number is None
    assert closed.counter.state is CounterState.CLOSED


def test_empty_queue_gives_none_and_no_event(open_store: Store) -> None:
    seq = open_store.last_seq()
    assert open_store.call_next("c1") is None
    assert open_store.last_seq() == seq


def test_counter_state_events_and_no_op(store: Store) -> None:
    update = store.set_counter_state("c1", CounterState.OPEN, "anna")
    assert update.counter.state is CounterState.OPEN
    assert update.counter.clerk == "anna"
    assert update.counter.name == "Schalter 1"
    assert update.counter.location == "Raum 101"
    assert isinstance(update.events[0], CounterChanged)
    assert update.events[0].counter == update.counter
    same = store.set_counter_state("c1", CounterState.OPEN, "anna")
    assert same.events == ()
    assert store.set_counter_state("c1", CounterState.OPEN, "carla").counter.clerk == "carla"
    with pytest.raises(InvalidInputError, match="clerk name"):
        store.set_counter_state("c1", CounterState.OPEN, "x" * 65)


def test_policy_order_emergency_first_and_services_per_counter(
    open_store: Store, clock: FakeClock
) -> None:
    passport = _issue(open_store, "k1", "passport")
    clock.advance(60)
    walk_in = _issue(open_store, "k2")
    clock.advance(60)
    urgent = _issue(open_store, "k3", emergency=True)
    first = open_store.call_next("c2")
    assert first is not None
    assert first.ticket.id == urgent.ticket.id
    assert first.reason.startswith("emergency")
    second = open_store.call_next("c1")
    assert second is not None
    assert second.ticket.id == passport.ticket.id  # oldest at c1, which serves passports
    open_store.no_show(first.ticket.id)
    third = open_store.call_next("c2")
    assert third is not None
    assert third.ticket.id == walk_in.ticket.id
    assert third.reason.startswith("walk-in")


def test_c2_never_calls_a_service_it_does_not_serve(open_store: Store) -> None:
    _issue(open_store, "k1", "passport")
    assert open_store.call_next("c2") is None


def test_call_by_hand_recall_and_steps(open_store: Store, clock: FakeClock) -> None:
    _issue(open_store, "k1")
    second = _issue(open_store, "k2")
    tid = second.ticket.id
    called = open_store.call_ticket("c2", tid)
    assert called.reason == "called by hand"
    assert called.ticket.counter_id == "c2"
    clock.advance(20)
    recalled = open_store.recall(tid)
    event = recalled.events[0]
    assert isinstance(event, TicketCalled)
    assert event.recall
    assert event.counter_name == "Schalter 2"
    assert recalled.ticket.recalls == 1
    assert open_store.start(tid).ticket.status is TicketStatus.SERVING
    done = open_store.finish(tid)
    assert done.ticket.status is TicketStatus.DONE
    change = done.events[0]
    assert isinstance(change, TicketChanged)
    assert change.action is TicketAction.FINISH


@pytest.mark.parametrize(
    ("step", "message"),
    [
        ("finish", "A001 is waiting; cannot finish it"),
        ("start", "cannot start"),
        ("no_show", "cannot no_show"),
        ("recall", "cannot recall"),
        ("park", "cannot park"),
    ],
)
def test_illegal_steps_are_conflicts(open_store: Store, step: str, message: str) -> None:
    issued = _issue(open_store, "k")
    seq = open_store.last_seq()
    with pytest.raises(ConflictError, match=message):
        getattr(open_store, step)(issued.ticket.id)
    assert open_store.last_seq() == seq


def test_unknown_ticket_is_not_found(open_store: Store) -> None:
    for step in ("start", "finish", "no_show", "park", "cancel", "recall"):
        with pytest.raises(NotFoundError, match="no ticket with id 42"):
            getattr(open_store, step)(42)
    with pytest.raises(NotFoundError):
        open_store.call_ticket("c1", 42)
    with pytest.raises(NotFoundError):
        open_store.transfer(42, service_id="general", counter_id=None, note="")


def test_calling_a_finished_ticket_is_a_conflict(open_store: Store) -> None:
    issued = _issue(open_store, "k")
    open_store.call_next("c1")
    open_store.no_show(issued.ticket.id)
    with pytest.raises(ConflictError, match="is no_show; cannot call"):
        open_store.call_ticket("c2", issued.ticket.id)


def test_park_frees_the_counter_and_can_be_called_back(open_store: Store) -> None:
    issued = _issue(open_store, "k")
    _issue(open_store, "k2")
    open_store.call_next("c1")
    parked = open_store.park(issued.ticket.id, "fetching passport photo")
    assert parked.ticket.status is TicketStatus.PARKED
    assert parked.ticket.note == "fetching passport photo"
    snapshot = open_store.snapshot()
    assert {t.number for t in snapshot.tickets} == {"A001", "A002"}
    assert snapshot.counters[0].ticket_number is None
    nxt = open_store.call_next("c1")
    assert nxt is not None
    assert nxt.ticket.number == "A002"  # parked tickets wait for a call by hand
    open_store.no_show(nxt.ticket.id)
    back = open_store.call_ticket("c1", issued.ticket.id)
    assert back.ticket.status is TicketStatus.CALLED
    with pytest.raises(InvalidInputError, match="note"):
        open_store.park(issued.ticket.id, "x" * 501)


def test_cancel(open_store: Store) -> None:
    issued = _issue(open_store, "k")
    cancelled = open_store.cancel(issued.ticket.id)
    assert cancelled.ticket.status is TicketStatus.CANCELLED
    assert open_store.call_next("c1") is None
    with pytest.raises(ConflictError, match="cannot cancel"):
        open_store.cancel(issued.ticket.id)


def test_transfer_to_a_named_counter_pins_it_there(open_store: Store) -> None:
    issued = _issue(open_store, "k")
    _issue(open_store, "k2")
    tid = issued.ticket.id
    open_store.call_next("c1")
    moved = open_store.transfer(tid, service_id="passport", counter_id="c2", note="needs photo")
    assert moved.ticket.status is TicketStatus.WAITING
    assert moved.ticket.service_id == "passport"
    assert moved.ticket.pinned_counter_id == "c2"
    assert moved.ticket.counter_id is None
    assert moved.previous_counter_id == "c1"
    assert open_store.snapshot().counters[0].ticket_number is None
    nxt = open_store.call_next("c1")
    assert nxt is not None
    assert nxt.ticket.number == "A002"  # the pinned one is not for c1
    open_store.no_show(nxt.ticket.id)
    with pytest.raises(ConflictError, match="transferred to counter c2"):
        open_store.call_ticket("c1", tid)
    at_c2 = open_store.call_next("c2")  # c2 does not serve passports, but it is pinned there
    assert at_c2 is not None
    assert at_c2.ticket.id == tid
    assert at_c2.reason.startswith("transferred to this counter")


def test_transfer_refusals(open_store: Store) -> None:
    issued = _issue(open_store, "k")
    tid = issued.ticket.id
    with pytest.raises(ConflictError, match="cannot transfer"):
        open_store.transfer(tid, service_id="passport", counter_id=None, note="")
    open_store.call_next("c1")
    with pytest.raises(InvalidInputError, match="unknown service"):
        open_store.transfer(tid, service_id="nope", counter_id=None, note="")
    with pytest.raises(InvalidInputError, match="unknown counter"):
        open_store.transfer(tid, service_id=None, counter_id="c9", note="")
    with pytest.raises(InvalidInputError, match="name a service, a counter, or both"):
        open_store.transfer(tid, service_id=None, counter_id=None, note="")
    with pytest.raises(InvalidInputError, match="note"):
        open_store.transfer(tid, service_id="passport", counter_id=None, note="x" * 501)


def test_a_transferred_ticket_keeps_its_number_and_frees_none(open_store: Store) -> None:
    """Regression (found by the state machine): A001 moved to passports keeps A001, and the
    next passport ticket is still P001 — the daily sequence belongs to the issuing service."""
    first = _issue(open_store, "k1")
    open_store.call_next("c1")
    moved = open_store.transfer(first.ticket.id, service_id="passport", counter_id=None, note="")
    assert moved.ticket.number == "A001"
    assert _issue(open_store, "k2", "passport").ticket.number == "P001"
    assert _issue(open_store, "k3").ticket.number == "A002"
    back = open_store.call_next("c1")
    assert back is not None
    assert back.ticket.id == first.ticket.id
    again = open_store.transfer(first.ticket.id, service_id="general", counter_id=None, note="")
    assert again.ticket.number == "A001"
