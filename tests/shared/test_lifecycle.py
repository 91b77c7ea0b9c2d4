"""Every step of a ticket's life, legal and illegal, over the whole status × action matrix."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest

from shared import lifecycle
from shared.domain import Ticket, TicketStatus
from shared.lifecycle import ALLOWED_FROM, IllegalTransitionError, TicketAction

NOW = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)
Make = Callable[..., Ticket]

STEPS: dict[TicketAction, Callable[[Ticket], Ticket]] = {
    TicketAction.CALL: lambda t: lifecycle.call(t, "desk1", NOW),
    TicketAction.RECALL: lambda t: lifecycle.recall(t, NOW),
    TicketAction.START: lambda t: lifecycle.start(t, NOW),
    TicketAction.FINISH: lambda t: lifecycle.finish(t, NOW),
    TicketAction.NO_SHOW: lambda t: lifecycle.no_show(t, NOW),
    TicketAction.CANCEL: lambda t: lifecycle.cancel(t, NOW),
    TicketAction.PARK: lambda t: lifecycle.park(t, NOW),
    TicketAction.TRANSFER: lambda t: lifecycle.transfer(t, NOW, service_id="b"),
}
RESULT = {
    TicketAction.CALL: TicketStatus.CALLED,
    TicketAction.RECALL: TicketStatus.CALLED,
    TicketAction.START: TicketStatus.SERVING,
    TicketAction.FINISH: TicketStatus.DONE,
    TicketAction.NO_SHOW: TicketStatus.NO_SHOW,
    TicketAction.CANCEL: TicketStatus.CANCELLED,
    TicketAction.PARK: TicketStatus.PARKED,
    TicketAction.TRANSFER: TicketStatus.WAITING,
}
MATRIX = [(action, status) for action in TicketAction for status in TicketStatus]


def test_every_action_has_a_step_and_a_rule() -> None:
    assert set(STEPS) == set(TicketAction) == set(ALLOWED_FROM) == set(RESULT)


@pytest.mark.parametrize(
    ("action", "status"), [(a, s) for a, s in MATRIX if s in ALLOWED_FROM[a]], ids=str
)
def test_legal_step(ticket: Make, action: TicketAction, status: TicketStatus) -> None:
    before = ticket(7, status=status, counter_id="desk1", called_at=NOW - timedelta(minutes=1))
    after = STEPS[action](before)
    assert after.status is RESULT[action]
    assert before.status is status  # steps never mutate; tickets are frozen
    assert after.id == before.id
    assert after.number == before.number


@pytest.mark.parametrize(
    ("action", "status"), [(a, s) for a, s in MATRIX if s not in ALLOWED_FROM[a]], ids=str
)
def test_illegal_step(ticket: Make, action: TicketAction, status: TicketStatus) -> None:
    before = ticket(42, status=status)
    with pytest.raises(IllegalTransitionError) as caught:
        STEPS[action](before)
    message = str(caught.value)
    assert message.startswith(f"ticket A042 is {status.value}; cannot {action.value} it")
    allowed = ", ".join(sorted(ALLOWED_FROM[action]))
    assert message.endswith(f"(only from: {allowed})")
    assert caught.value.ticket == before
    assert caught.value.action is action
    assert isinstance(caught.value, ValueError)


def test_call_sets_counter_and_first_call_time(ticket: Make) -> None:
    called = lifecycle.call(ticket(1), "desk1", NOW)
    assert (called.counter_id, called.called_at, called.last_called_at) == ("desk1", NOW, NOW)
    parked = lifecycle.park(called, NOW + timedelta(minutes=5), note="holt Pass")
    again = lifecycle.call(parked, "desk2", NOW + timedelta(minutes=9))
    assert again.called_at == NOW  # the wait ended at the first call
    assert again.last_called_at == NOW + timedelta(minutes=9)
    assert again.counter_id == "desk2"


def test_call_of_a_ticket_pinned_elsewhere_is_refused(ticket: Make) -> None:
    pinned = ticket(3, pinned_counter_id="desk2")
    with pytest.raises(IllegalTransitionError, match="transferred to counter desk2"):
        lifecycle.call(pinned, "desk1", NOW)
    assert lifecycle.call(pinned, "desk2", NOW).counter_id == "desk2"


def test_recall_counts(ticket: Make) -> None:
    called = lifecycle.call(ticket(1), "desk1", NOW)
    later = NOW + timedelta(minutes=2)
    twice = lifecycle.recall(lifecycle.recall(called, NOW), later)
    assert (twice.recalls, twice.last_called_at, twice.called_at) == (2, later, NOW)


def test_start_and_finish_stamp_times(ticket: Make) -> None:
    serving = lifecycle.start(lifecycle.call(ticket(1), "desk1", NOW), NOW + timedelta(minutes=1))
    done = lifecycle.finish(serving, NOW + timedelta(minutes=8))
    assert serving.started_at == NOW + timedelta(minutes=1)
    assert done.finished_at == NOW + timedelta(minutes=8)


@pytest.mark.parametrize("step", [lifecycle.no_show, lifecycle.cancel], ids=["no_show", "cancel"])
def test_endings_stamp_finished_at(
    ticket: Make, step: Callable[[Ticket, datetime], Ticket]
) -> None:
    start = ticket(1)
    if step is lifecycle.no_show:
        start = lifecycle.call(start, "desk1", NOW)
    assert step(start, NOW).finished_at == NOW


def test_park_keeps_an_old_note_unless_given_a_new_one(ticket: Make) -> None:
    called = lifecycle.call(ticket(1, note="Dolmetscher"), "desk1", NOW)
    assert lifecycle.park(called, NOW).note == "Dolmetscher"
    parked = lifecycle.park(called, NOW, note="holt Foto")
    assert (parked.note, parked.queued_at) == ("holt Foto", NOW)


def test_transfer_to_a_service_requeues(ticket: Make) -> None:
    serving = lifecycle.start(lifecycle.call(ticket(1, note="x"), "desk1", NOW), NOW)
    moved = lifecycle.transfer(serving, NOW + timedelta(minutes=3), service_id="b")
    assert moved.status is TicketStatus.WAITING
    assert (moved.service_id, moved.pinned_counter_id, moved.counter_id) == ("b", None, None)
    assert (moved.started_at, moved.queued_at, moved.transfers) == (
        None,
        NOW + timedelta(minutes=3),
        1,
    )
    assert moved.note == "x"
    assert moved.waiting_since == NOW + timedelta(minutes=3)


def test_transfer_to_a_counter_pins_it(ticket: Make) -> None:
    called = lifecycle.call(ticket(1), "desk1", NOW)
    moved = lifecycle.transfer(called, NOW, counter_id="desk3", note="Sachbearbeiterin Müller")
    assert (moved.service_id, moved.pinned_counter_id) == ("a", "desk3")
    assert moved.note == "Sachbearbeiterin Müller"
    both = lifecycle.transfer(
        lifecycle.call(moved, "desk3", NOW), NOW, service_id="c", counter_id="desk4"
    )
    assert (both.service_id, both.pinned_counter_id, both.transfers) == ("c", "desk4", 2)


def test_transfer_needs_a_target(ticket: Make) -> None:
    called = lifecycle.call(ticket(5), "desk1", NOW)
    with pytest.raises(IllegalTransitionError, match="name a service, a counter, or both"):
        lifecycle.transfer(called, NOW)
