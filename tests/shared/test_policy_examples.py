"""Worked examples of the queue policy: one per reason, plus the edges of each rule."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest

from shared.domain import Counter, Ticket, TicketOrigin, TicketStatus
from shared.policy import (
    ChoiceReason,
    CounterProfile,
    PolicySettings,
    choose_next,
    eligible,
    rank,
    waited_minutes,
    walk_in_score,
)

NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
DESK = CounterProfile("desk1", {"a": 1.0, "b": 2.0})
Make = Callable[..., Ticket]


def test_nobody_waiting_gives_none() -> None:
    assert choose_next([], DESK, NOW) is None


def test_only_waiting_tickets_are_candidates(ticket: Make) -> None:
    others = [
        ticket(i, status=status, minutes_ago=30)
        for i, status in enumerate(TicketStatus, start=1)
        if status is not TicketStatus.WAITING
    ]
    assert choose_next(others, DESK, NOW) is None
    waiting = ticket(99, minutes_ago=1)
    choice = choose_next([*others, waiting], DESK, NOW)
    assert choice is not None
    assert choice.ticket == waiting


def test_emergency_beats_everything(ticket: Make) -> None:
    tickets = [
        ticket(1, minutes_ago=59),
        ticket(2, origin=TicketOrigin.APPOINTMENT, due_at=NOW, minutes_ago=5),
        ticket(3, pinned_counter_id="desk1", minutes_ago=20),
        ticket(4, minutes_ago=120),
        ticket(5, emergency=True, minutes_ago=12),
    ]
    choice = choose_next(tickets, DESK, NOW)
    assert choice is not None
    assert (choice.ticket.id, choice.reason) == (5, ChoiceReason.EMERGENCY)
    assert choice.explanation == "emergency, waiting 12 min"


def test_pinned_ticket_before_appointments_and_walk_ins(ticket: Make) -> None:
    tickets = [
        ticket(1, "b", minutes_ago=59),
        ticket(2, origin=TicketOrigin.APPOINTMENT, due_at=NOW, minutes_ago=5),
        ticket(3, "x", pinned_counter_id="desk1", queued_at=NOW - timedelta(minutes=3)),
    ]
    choice = choose_next(tickets, DESK, NOW)
    assert choice is not None
    assert (choice.ticket.id, choice.reason) == (3, ChoiceReason.PINNED)
    assert choice.explanation == "transferred to this counter, waiting 3 min"


def test_ticket_pinned_elsewhere_is_never_chosen(ticket: Make) -> None:
    pinned = ticket(1, pinned_counter_id="desk2", emergency=True, minutes_ago=300)
    assert not eligible(pinned, DESK)
    assert choose_next([pinned], DESK, NOW) is None


def test_pinned_here_is_eligible_even_for_an_unserved_service(ticket: Make) -> None:
    assert eligible(ticket(1, "x", pinned_counter_id="desk1"), DESK)
    assert not eligible(ticket(2, "x"), DESK)


def test_unserved_service_is_never_chosen(ticket: Make) -> None:
    profile = CounterProfile("desk1", {"a": 1.0, "b": 0.0, "c": -1.0})
    tickets = [ticket(1, "b", minutes_ago=500), ticket(2, "c", emergency=True), ticket(3, "z")]
    assert choose_next(tickets, profile, NOW) is None


def test_due_appointment_before_walk_ins(ticket: Make) -> None:
    tickets = [
        ticket(1, "b", minutes_ago=50),
        ticket(2, origin=TicketOrigin.APPOINTMENT, due_at=NOW + timedelta(minutes=10)),
    ]
    choice = choose_next(tickets, DESK, NOW)
    assert choice is not None
    assert (choice.ticket.id, choice.reason) == (2, ChoiceReason.APPOINTMENT_DUE)
    assert choice.explanation == "appointment due in 10 min, waiting 0 min"


def test_late_appointment_is_explained(ticket: Make) -> None:
    late = ticket(2, origin=TicketOrigin.APPOINTMENT, due_at=NOW - timedelta(minutes=7))
    choice = choose_next([late], DESK, NOW)
    assert choice is not None
    assert choice.explanation == "appointment due 7 min ago, waiting 0 min"


def test_appointments_in_order_of_booked_time(ticket: Make) -> None:
    early_booking = ticket(1, origin=TicketOrigin.APPOINTMENT, due_at=NOW, minutes_ago=1)
    later_booking = ticket(
        2, origin=TicketOrigin.APPOINTMENT, due_at=NOW + timedelta(minutes=5), minutes_ago=20
    )
    order = [c.ticket.id for c in rank([later_booking, early_booking], DESK, NOW)]
    assert order == [1, 2]


def test_appointment_outside_the_window_waits_like_a_walk_in(ticket: Make) -> None:
    early = ticket(1, origin=TicketOrigin.APPOINTMENT, due_at=NOW + timedelta(minutes=16))
    walk_in = ticket(2, minutes_ago=5)
    ranked = rank([early, walk_in], DESK, NOW)
    assert [(c.ticket.id, c.reason) for c in ranked] == [
        (2, ChoiceReason.WALK_IN),
        (1, ChoiceReason.WALK_IN),
    ]
    at_window = rank([early], DESK, NOW + timedelta(minutes=1))
    assert at_window[0].reason is ChoiceReason.APPOINTMENT_DUE


def test_appointment_without_booked_time_is_a_walk_in(ticket: Make) -> None:
    odd = ticket(1, origin=TicketOrigin.APPOINTMENT, due_at=None)
    choice = choose_next([odd], DESK, NOW)
    assert choice is not None
    assert choice.reason is ChoiceReason.WALK_IN


def test_walk_ins_by_weighted_waiting_time(ticket: Make) -> None:
    # a (weight 1) waited 9 min: 1 × 1.9 = 1.9;  b (weight 2) waited 5 min: 2 × 1.5 = 3.0
    tickets = [ticket(1, "a", minutes_ago=9), ticket(2, "b", minutes_ago=5)]
    choice = choose_next(tickets, DESK, NOW)
    assert choice is not None
    assert (choice.ticket.id, choice.reason) == (2, ChoiceReason.WALK_IN)
    assert choice.explanation == "walk-in, waiting 5 min, weight 2, score 3.0"
    # a waited 25 min: 1 × 3.5 = 3.5 now beats b
    tickets = [ticket(1, "a", minutes_ago=25), ticket(2, "b", minutes_ago=5)]
    choice = choose_next(tickets, DESK, NOW)
    assert choice is not None
    assert choice.ticket.id == 1


def test_overdue_walk_in_beats_weights(ticket: Make) -> None:
    settings = PolicySettings(max_wait=timedelta(minutes=30), ageing_per_minute=0.0)
    tickets = [ticket(1, "a", minutes_ago=30), ticket(2, "b", minutes_ago=29)]
    choice = choose_next(tickets, DESK, NOW, settings)
    assert choice is not None
    assert (choice.ticket.id, choice.reason) == (1, ChoiceReason.OVERDUE)
    assert choice.explanation == "waiting 30 min, over the 30 min limit"


def test_overdue_does_not_beat_a_due_appointment(ticket: Make) -> None:
    tickets = [
        ticket(1, minutes_ago=90),
        ticket(2, origin=TicketOrigin.APPOINTMENT, due_at=NOW),
    ]
    assert [c.reason for c in rank(tickets, DESK, NOW)] == [
        ChoiceReason.APPOINTMENT_DUE,
        ChoiceReason.OVERDUE,
    ]


def test_ties_go_to_the_longer_wait_then_the_lower_id(ticket: Make) -> None:
    tickets = [ticket(3, minutes_ago=2), ticket(2, minutes_ago=4), ticket(1, minutes_ago=2)]
    assert [c.ticket.id for c in rank(tickets, DESK, NOW)] == [2, 1, 3]


def test_transfer_restarts_the_wait_at_queued_at(ticket: Make) -> None:
    moved = ticket(1, minutes_ago=40, queued_at=NOW - timedelta(minutes=2))
    assert waited_minutes(moved, NOW) == pytest.approx(2.0)
    assert walk_in_score(moved, DESK, NOW, PolicySettings()) == pytest.approx(1.2)


def test_a_future_start_counts_as_no_wait(ticket: Make) -> None:
    future = ticket(1, minutes_ago=-5)
    assert waited_minutes(future, NOW) == 0.0
    choice = choose_next([future], DESK, NOW)
    assert choice is not None
    assert choice.explanation == "walk-in, waiting 0 min, weight 1, score 1.0"


def test_profile_of_a_configured_counter() -> None:
    counter = Counter("c1", "Schalter 1", "Raum 1.12", {"a": 2.0, "b": 0.0})
    profile = CounterProfile.of(counter)
    assert profile == CounterProfile("c1", {"a": 2.0, "b": 0.0})
    assert profile.serves("a")
    assert not profile.serves("b")
    assert profile.weight("zz") == 0.0


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"appointment_window": timedelta(minutes=-1)}, "appointment_window"),
        ({"ageing_per_minute": -0.1}, "ageing_per_minute"),
        ({"max_wait": timedelta(0)}, "max_wait"),
    ],
)
def test_settings_refuse_nonsense(changes: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        PolicySettings(**changes)  # type: ignore[arg-type]
