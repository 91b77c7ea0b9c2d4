"""A clerk's step at most once per key: the first answer again, refusals too, also racing."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from datetime import timedelta

import pytest

from server.db.desk import Desk
from server.db.step_keys import StepAnswer, StepKey, fingerprint
from server.errors import ConflictError, KeyReusedError
from server.store import Called, Store
from shared.clock import FakeClock
from shared.domain import CounterState


def _issue(store: Store, key: str) -> None:
    store.issue_ticket(service_id="general", language="de", idempotency_key=key, issuer_id="k")


def _answer(called: Called | None, seq: int) -> StepAnswer:
    if called is None:
        return StepAnswer(204, b"")
    return StepAnswer(200, json.dumps({"number": called.ticket.number, "seq": seq}).encode())


def _next(counter_id: str) -> Callable[[Desk], Called | None]:
    return lambda desk: desk.call_next(counter_id)


def _key(key: str, owner: str = "anna", path: str = "/counters/c1/call-next") -> StepKey:
    return StepKey(owner, key, fingerprint("POST", path, b""))


@pytest.fixture
def open_store(store: Store) -> Store:
    """Both counters open, three tickets waiting."""
    store.set_counter_state("c1", CounterState.OPEN, "anna")
    store.set_counter_state("c2", CounterState.OPEN, "ben")
    for number in range(3):
        _issue(store, f"t{number}")
    return store


def test_the_same_key_twice_calls_once_and_answers_the_same(open_store: Store) -> None:
    first = open_store.perform(_key("click-0001"), _next("c1"), _answer)
    again = open_store.perform(_key("click-0001"), _next("c1"), _answer)
    assert (first.status, first.replayed, again.status, again.replayed) == (200, False, 200, True)
    assert json.loads(first.body)["number"] == "A001"
    assert again.body == first.body
    assert len(first.events) == 1
    assert again.events == ()
    assert again.outcome is None
    waiting = [t.number for t in open_store.snapshot().tickets if t.status.value == "waiting"]
    assert waiting == ["A002", "A003"]  # one ticket called, not two
    other = open_store.perform(
        _key("click-0001", owner="ben", path="/counters/c2/call-next"), _next("c2"), _answer
    )
    assert (json.loads(other.body)["number"], other.replayed) == ("A002", False)  # per caller


def test_an_answer_carries_the_seq_of_its_event_and_a_replay_the_first_seq(
    open_store: Store,
) -> None:
    first = open_store.perform(_key("click-0010"), _next("c1"), _answer)
    assert json.loads(first.body)["seq"] == first.events[-1].seq == open_store.last_seq()
    open_store.call_next("c2")  # the hub moves on
    assert open_store.last_seq() > first.events[-1].seq
    again = open_store.perform(_key("click-0010"), _next("c1"), _answer)
    assert (again.replayed, again.body) == (True, first.body)  # the first seq, not the newest


def test_a_step_that_commits_no_event_answers_the_newest_seq(open_store: Store) -> None:
    newest = open_store.last_seq()
    still_open = open_store.perform(
        _key("click-0011", path="/counters/c1/open"),
        lambda desk: desk.set_state("c1", CounterState.OPEN, "anna"),
        lambda update, seq: StepAnswer(200, json.dumps({"seq": seq}).encode()),
    )
    assert still_open.events == ()
    assert json.loads(still_open.body) == {"seq": newest}


def test_a_refusal_is_the_first_answer_too(open_store: Store) -> None:
    open_store.call_next("c1")
    with pytest.raises(ConflictError, match="still has A001"):
        open_store.perform(_key("click-0002"), _next("c1"), _answer)
    open_store.no_show(1)  # the counter is free now
    replay = open_store.perform(_key("click-0002"), _next("c1"), _answer)
    assert (replay.status, replay.replayed) == (409, True)
    body = json.loads(replay.body)
    assert (body["reason"], body["ticket_number"]) == ("counter_busy", "A001")
    assert open_store.snapshot().counters[0].ticket_number is None  # nothing was called


def test_a_key_with_another_request_is_refused_and_does_nothing(open_store: Store) -> None:
    open_store.perform(_key("click-0003"), _next("c1"), _answer)
    other = _key("click-0003", path="/counters/c2/call-next")
    with pytest.raises(KeyReusedError, match="click-0003"):
        open_store.perform(other, _next("c2"), _answer)
    assert open_store.snapshot().counters[1].ticket_number is None


def test_racing_retries_of_one_key_call_one_ticket(open_store: Store) -> None:
    answers: list[bytes] = []
    gate = threading.Barrier(4)

    def click() -> None:
        gate.wait()
        answers.append(open_store.perform(_key("click-0004"), _next("c1"), _answer).body)

    threads = [threading.Thread(target=click) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert len(set(answers)) == 1
    assert json.loads(answers[0])["number"] == "A001"
    called = [t.number for t in open_store.snapshot().tickets if t.status.value == "called"]
    assert called == ["A001"]


def test_old_keys_are_pruned(open_store: Store, clock: FakeClock) -> None:
    open_store.perform(_key("click-0005"), _next("c1"), _answer)
    clock.advance(timedelta(days=1, seconds=1))
    open_store.perform(
        _key("click-0006"),
        lambda desk: desk.set_state("c2", CounterState.PAUSED, "ben"),
        lambda update, seq: StepAnswer(200, b"{}"),
    )
    assert open_store.prune_step_keys(clock.now() - timedelta(days=1)) == 1
    with pytest.raises(ConflictError, match="still has A001"):  # forgotten: done anew
        open_store.perform(_key("click-0005"), _next("c1"), _answer)
