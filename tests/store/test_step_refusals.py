"""Every refused clerk's step carries a reason code and the true state (`StepRefused`)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from server.errors import StoreError
from server.store import Issued, Store
from shared.desk_refusal import StepRefusal, StepRefused
from shared.domain import CounterState, TicketStatus


def _issue(store: Store, key: str, service: str = "general") -> Issued:
    return store.issue_ticket(service_id=service, language="de", idempotency_key=key, issuer_id="k")


def _refusal(step: Callable[[], object]) -> tuple[int, StepRefused]:
    """The refusal a step raises, with the answer's status and its body read back."""
    with pytest.raises(StoreError) as raised:
        step()
    refused = raised.value.step
    assert refused is not None, f"{raised.value!r} carries no reason"
    assert StepRefused.from_json(raised.value.body()) == refused  # the answer reads back
    return raised.value.status_code, refused


@pytest.fixture
def open_store(store: Store) -> Store:
    """The store with both counters open."""
    store.set_counter_state("c1", CounterState.OPEN, "anna")
    store.set_counter_state("c2", CounterState.OPEN, "ben")
    return store


def test_counter_refusals_say_the_counters_state(store: Store) -> None:
    first = _issue(store, "k1")
    _issue(store, "k2")
    code, closed = _refusal(lambda: store.call_next("c1"))
    assert (code, closed.reason, closed.counter_name) == (
        409,
        StepRefusal.COUNTER_CLOSED,
        "Schalter 1",
    )
    assert closed.counter_state is CounterState.CLOSED
    store.set_counter_state("c1", CounterState.PAUSED, "anna")
    _, paused = _refusal(lambda: store.call_ticket("c1", first.ticket.id))
    assert (paused.reason, paused.counter_state) == (
        StepRefusal.COUNTER_PAUSED,
        CounterState.PAUSED,
    )
    store.set_counter_state("c1", CounterState.OPEN, "anna")
    store.call_next("c1")
    _, busy = _refusal(lambda: store.call_next("c1"))
    assert (busy.reason, busy.ticket_number, busy.ticket_status, busy.holder_id) == (
        StepRefusal.COUNTER_BUSY,
        "A001",
        TicketStatus.CALLED,
        "c1",
    )
    _, closing = _refusal(lambda: store.set_counter_state("c1", CounterState.CLOSED, None))
    assert (closing.reason, closing.ticket_number) == (StepRefusal.COUNTER_BUSY, "A001")
    code, unknown = _refusal(lambda: store.call_next("c9"))
    assert (code, unknown.reason, unknown.counter_id) == (404, StepRefusal.UNKNOWN_COUNTER, "c9")


def test_ticket_refusals_say_the_tickets_status_and_holder(open_store: Store) -> None:
    store = open_store
    first = _issue(store, "k1").ticket.id
    second = _issue(store, "k2").ticket.id
    cases: list[tuple[Callable[[], object], StepRefusal, TicketStatus]] = [
        (lambda: store.start(first), StepRefusal.TICKET_NOT_CALLED, TicketStatus.WAITING),
        (lambda: store.recall(first), StepRefusal.TICKET_NOT_CALLED, TicketStatus.WAITING),
    ]
    for step, reason, status in cases:
        _, refused = _refusal(step)
        assert (refused.reason, refused.ticket_status, refused.ticket_number) == (
            reason,
            status,
            "A001",
        )
    store.call_next("c1")  # A001 at Schalter 1
    _, not_started = _refusal(lambda: store.finish(first))
    assert (not_started.reason, not_started.holder_id, not_started.holder_name) == (
        StepRefusal.TICKET_NOT_STARTED,
        "c1",
        "Schalter 1",
    )
    _, taken = _refusal(lambda: store.call_ticket("c2", first))
    assert (taken.reason, taken.holder_id) == (StepRefusal.TICKET_TAKEN, "c1")
    _, mine = _refusal(lambda: store.no_show(first, at_counter="c2"))
    assert (mine.reason, mine.counter_id, mine.holder_id) == (
        StepRefusal.NOT_YOUR_TICKET,
        "c2",
        "c1",
    )
    store.start(first, at_counter="c1")
    _, started = _refusal(lambda: store.start(first))
    assert (started.reason, started.ticket_status) == (
        StepRefusal.ALREADY_STARTED,
        TicketStatus.SERVING,
    )
    store.finish(first)
    _, done = _refusal(lambda: store.finish(first, at_counter="c2"))  # done: not held by anyone
    assert (done.reason, done.ticket_status) == (StepRefusal.ALREADY_FINISHED, TicketStatus.DONE)
    store.call_ticket("c1", second)
    store.transfer(second, service_id=None, counter_id="c2", note="")
    store.set_counter_state("c2", CounterState.OPEN, "ben")
    _issue(store, "k3")
    _, pinned = _refusal(lambda: store.call_ticket("c1", second))
    assert (pinned.reason, pinned.holder_id, pinned.ticket_status) == (
        StepRefusal.TRANSFERRED_ELSEWHERE,
        "c2",
        TicketStatus.WAITING,
    )
    code, unknown = _refusal(lambda: store.finish(4242))
    assert (code, unknown.reason, unknown.ticket_id) == (404, StepRefusal.UNKNOWN_TICKET, 4242)


def test_transfer_and_alarm_refusals(open_store: Store) -> None:
    store = open_store
    ticket = _issue(store, "k1").ticket.id
    store.call_next("c1")
    code, service = _refusal(
        lambda: store.transfer(ticket, service_id="nope", counter_id=None, note="")
    )
    assert (code, service.reason, service.service_id) == (400, StepRefusal.UNKNOWN_SERVICE, "nope")
    code, target = _refusal(
        lambda: store.transfer(ticket, service_id=None, counter_id="c9", note="")
    )
    assert (code, target.reason) == (400, StepRefusal.UNKNOWN_COUNTER)
    code, neither = _refusal(
        lambda: store.transfer(ticket, service_id=None, counter_id=None, note="")
    )
    assert (code, neither.reason, neither.ticket_number) == (400, StepRefusal.NO_TARGET, "A001")
    code, long_note = _refusal(lambda: store.park(ticket, "x" * 501))
    assert (code, long_note.reason, long_note.limit) == (400, StepRefusal.TEXT_TOO_LONG, 500)
    alarm = store.raise_alarm("c1", "anna").alarm
    store.acknowledge_alarm(alarm.id, "ben")
    code, acked = _refusal(lambda: store.acknowledge_alarm(alarm.id, "carl"))
    assert (code, acked.reason, acked.alarm_id) == (409, StepRefusal.ALARM_ACKNOWLEDGED, alarm.id)
    code, missing = _refusal(lambda: store.acknowledge_alarm(999, "carl"))
    assert (code, missing.reason) == (404, StepRefusal.UNKNOWN_ALARM)
    code, nowhere = _refusal(lambda: store.raise_alarm("c9", "anna"))
    assert (code, nowhere.reason) == (404, StepRefusal.UNKNOWN_COUNTER)
