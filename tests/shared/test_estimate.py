"""Wait estimates with worked numbers, and service times from recent finished tickets."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest

from shared.domain import Ticket, TicketOrigin, TicketStatus
from shared.estimate import (
    DEFAULT_MINUTES,
    ServiceTimes,
    busy_minutes,
    estimate_wait,
    remaining_minutes,
    tickets_ahead,
)
from shared.policy import CounterProfile

NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
Make = Callable[..., Ticket]
TIMES = ServiceTimes(configured={"a": 10.0, "b": 6.0})


def done(make: Make, ticket_id: int, service: str, minutes: float, ended_ago: float) -> Ticket:
    """A finished ticket whose counter was busy `minutes`, ending `ended_ago` min before NOW."""
    end = NOW - timedelta(minutes=ended_ago)
    return make(
        ticket_id,
        service,
        minutes_ago=ended_ago + minutes + 5,
        status=TicketStatus.DONE,
        called_at=end - timedelta(minutes=minutes),
        finished_at=end,
    )


def test_no_open_counter_for_the_service_gives_none(ticket: Make) -> None:
    counters = [CounterProfile("c1", {"b": 1.0})]
    assert estimate_wait("a", [ticket(1)], counters, TIMES, NOW) is None
    assert estimate_wait("a", [], [], TIMES, NOW) is None


def test_empty_queue_is_no_wait() -> None:
    counters = [CounterProfile("c1", {"a": 1.0})]
    assert estimate_wait("a", [], counters, TIMES, NOW) == timedelta(0)


def test_one_counter_three_ahead(ticket: Make) -> None:
    # 2 × a (10 min) + 1 × b (6 min) ahead on one counter serving both: 26 min
    waiting = [ticket(1, "a", minutes_ago=5), ticket(2, "a", minutes_ago=3), ticket(3, "b")]
    counters = [CounterProfile("c1", {"a": 1.0, "b": 1.0})]
    assert estimate_wait("a", waiting, counters, TIMES, NOW) == timedelta(minutes=26)


def test_two_counters_share_the_work(ticket: Make) -> None:
    waiting = [ticket(i, "a", minutes_ago=10 - i) for i in range(1, 5)]
    counters = [CounterProfile("c1", {"a": 1.0}), CounterProfile("c2", {"a": 1.0})]
    # 4 × 10 min over 2 counters
    assert estimate_wait("a", waiting, counters, TIMES, NOW) == timedelta(minutes=20)


def test_closed_and_unrelated_counters_do_not_count(ticket: Make) -> None:
    waiting = [ticket(1, "a", minutes_ago=4), ticket(2, "a", minutes_ago=2)]
    only_b = CounterProfile("c2", {"b": 1.0})
    counters = [CounterProfile("c1", {"a": 1.0}), only_b]
    assert estimate_wait("a", waiting, counters, TIMES, NOW) == timedelta(minutes=20)


def test_work_ahead_is_split_with_counters_that_are_not_ours(ticket: Make) -> None:
    # Two b tickets ahead (6 min each). b is served by c1 (ours) and c2, c3 (not serving a):
    # each brings 6 × 1/3 = 2 min; one a ticket ahead brings 10 min. Total 14 min on 1 counter.
    waiting = [ticket(1, "b", minutes_ago=9), ticket(2, "b", minutes_ago=8), ticket(3, "a")]
    counters = [
        CounterProfile("c1", {"a": 1.0, "b": 1.0}),
        CounterProfile("c2", {"b": 1.0}),
        CounterProfile("c3", {"b": 1.0}),
    ]
    assert estimate_wait("a", waiting, counters, TIMES, NOW) == timedelta(minutes=14)


def test_lower_weight_tickets_behind_us_do_not_count(ticket: Make) -> None:
    # At c1 a weighs 3, b 1: a b ticket waiting 10 min scores 1 × 2 = 2 < 3 for a new a.
    waiting = [ticket(1, "b", minutes_ago=10)]
    counters = [CounterProfile("c1", {"a": 3.0, "b": 1.0})]
    assert estimate_wait("a", waiting, counters, TIMES, NOW) == timedelta(0)
    assert estimate_wait("b", waiting, counters, TIMES, NOW) == timedelta(minutes=6)


def test_the_ticket_itself_is_not_work_ahead(ticket: Make) -> None:
    waiting = [ticket(1, "a", minutes_ago=5), ticket(2, "a")]
    counters = [CounterProfile("c1", {"a": 1.0})]
    mine = waiting[1]
    assert estimate_wait("a", waiting, counters, TIMES, NOW, ticket=mine) == timedelta(minutes=10)
    # without ticket= the estimate is for one more walk-in behind both
    assert estimate_wait("a", waiting, counters, TIMES, NOW) == timedelta(minutes=20)


def test_due_appointment_jumps_the_walk_ins(ticket: Make) -> None:
    waiting = [ticket(1, "a", minutes_ago=20), ticket(2, "a", minutes_ago=10)]
    counters = [CounterProfile("c1", {"a": 1.0})]
    appt = ticket(3, "a", origin=TicketOrigin.APPOINTMENT, due_at=NOW + timedelta(minutes=5))
    assert estimate_wait("a", [*waiting, appt], counters, TIMES, NOW, ticket=appt) == timedelta(0)


def test_pinned_ticket_counts_only_at_its_counter(ticket: Make) -> None:
    waiting = [ticket(1, "x", pinned_counter_id="c2", minutes_ago=3)]
    counters = [CounterProfile("c1", {"a": 1.0}), CounterProfile("c2", {"a": 1.0})]
    # x is pinned to c2 (one of our two counters): 10 min (default) of work over 2 counters
    assert estimate_wait("a", waiting, counters, TIMES, NOW) == timedelta(minutes=5)


def test_tickets_ahead_in_wait_order(ticket: Make) -> None:
    waiting = [ticket(2, "a", minutes_ago=3), ticket(1, "a", minutes_ago=7), ticket(3, "b")]
    counters = [CounterProfile("c1", {"a": 1.0})]
    subject = ticket(9, "a", status=TicketStatus.CALLED)
    assert [t.id for t in tickets_ahead(subject, waiting, counters, NOW)] == [1, 2]


def test_service_times_fall_back_to_configured_then_default() -> None:
    times = ServiceTimes(measured={"a": 7.5}, configured={"a": 10.0, "b": 4.0})
    assert times.minutes("a") == 7.5
    assert times.minutes("b") == 4.0
    assert times.minutes("zz") == DEFAULT_MINUTES


def test_service_times_from_recent_medians(ticket: Make) -> None:
    finished = [
        done(ticket, 1, "a", 4, ended_ago=10),
        done(ticket, 2, "a", 6, ended_ago=20),
        done(ticket, 3, "a", 50, ended_ago=30),  # the clerk forgot to press finish
        done(ticket, 4, "b", 3, ended_ago=10),  # only two b samples: too few
        done(ticket, 5, "b", 3, ended_ago=15),
        done(ticket, 6, "c", 1, ended_ago=200),  # outside the 2 h window
        done(ticket, 7, "c", 1, ended_ago=200),
        done(ticket, 8, "c", 1, ended_ago=200),
        ticket(9, "a", status=TicketStatus.NO_SHOW, called_at=NOW, finished_at=NOW),
        ticket(10, "a", status=TicketStatus.WAITING),
    ]
    times = ServiceTimes.from_recent(finished, {"b": 8.0, "c": 12.0}, NOW)
    assert times.measured == {"a": 6.0}
    assert (times.minutes("a"), times.minutes("b"), times.minutes("c")) == (6.0, 8.0, 12.0)


def test_future_finishes_are_ignored(ticket: Make) -> None:
    finished = [done(ticket, i, "a", 5, ended_ago=-10) for i in range(3)]
    assert ServiceTimes.from_recent(finished, {}, NOW).measured == {}


def test_min_samples_of_one(ticket: Make) -> None:
    finished = [done(ticket, 1, "a", 5, ended_ago=1)]
    times = ServiceTimes.from_recent(finished, {}, NOW, min_samples=1)
    assert times.minutes("a") == 5.0


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        (
            {"last_called_at": NOW - timedelta(minutes=4), "called_at": NOW - timedelta(minutes=9)},
            4.0,
        ),
        ({"called_at": NOW - timedelta(minutes=9)}, 9.0),
        ({"started_at": NOW - timedelta(minutes=3)}, 3.0),
        ({"started_at": NOW + timedelta(minutes=3)}, 0.0),
        ({}, None),
    ],
)
def test_busy_minutes(ticket: Make, changes: dict[str, datetime], expected: float | None) -> None:
    finished = ticket(1, status=TicketStatus.DONE, finished_at=NOW, **changes)
    assert busy_minutes(finished) == expected


def test_busy_minutes_needs_a_finished_done_ticket(ticket: Make) -> None:
    called = NOW - timedelta(minutes=5)
    assert busy_minutes(ticket(1, status=TicketStatus.DONE, called_at=called)) is None
    assert (
        busy_minutes(ticket(2, status=TicketStatus.CANCELLED, called_at=called, finished_at=NOW))
        is None
    )


def test_counters_that_cannot_call_the_subject_add_nothing(ticket: Make) -> None:
    waiting = [ticket(1, "b", minutes_ago=3), ticket(2, "a", minutes_ago=2)]
    counters = [CounterProfile("c1", {"a": 1.0}), CounterProfile("c2", {"b": 1.0})]
    assert [t.id for t in tickets_ahead(ticket(3, "a"), waiting, counters, NOW)] == [2]


def test_services_in_progress_delay_the_first_free_counter(ticket: Make) -> None:
    counters = [CounterProfile("c1", {"a": 1.0}), CounterProfile("c2", {"a": 1.0})]
    # c1 called an a (10 min) 4 min ago: 6 min left; c2 serves a b (6 min) started 1 min ago: 5
    busy = [
        ticket(
            1,
            "a",
            status=TicketStatus.CALLED,
            counter_id="c1",
            last_called_at=NOW - timedelta(minutes=4),
        ),
        ticket(
            2,
            "b",
            status=TicketStatus.SERVING,
            counter_id="c2",
            started_at=NOW - timedelta(minutes=1),
        ),
    ]
    waiting = [ticket(3, "a", minutes_ago=2), ticket(4, "a", minutes_ago=1)]
    # first free counter in 5 min, then 2 × 10 min of work ahead over 2 counters: 5 + 10
    assert estimate_wait("a", waiting, counters, TIMES, NOW, serving=busy) == timedelta(minutes=15)
    # one counter idle: no one to wait for but the work ahead
    assert estimate_wait("a", waiting, counters, TIMES, NOW, serving=busy[:1]) == timedelta(
        minutes=10
    )


def test_only_busy_tickets_at_our_counters_count(ticket: Make) -> None:
    counters = [CounterProfile("c1", {"a": 1.0}), CounterProfile("c9", {"b": 1.0})]
    elsewhere = ticket(1, "b", status=TicketStatus.SERVING, counter_id="c9", started_at=NOW)
    finished = ticket(2, "a", status=TicketStatus.DONE, counter_id="c1", called_at=NOW)
    assert estimate_wait("a", [], counters, TIMES, NOW, serving=[elsewhere, finished]) == timedelta(
        0
    )


@pytest.mark.parametrize(
    ("began_ago", "left"), [(0, 10.0), (3, 7.0), (10, 0.0), (25, 0.0), (-5, 10.0)]
)
def test_remaining_minutes(ticket: Make, began_ago: float, left: float) -> None:
    busy = ticket(
        1, "a", status=TicketStatus.SERVING, started_at=NOW - timedelta(minutes=began_ago)
    )
    assert remaining_minutes(busy, TIMES, NOW) == pytest.approx(left)


def test_remaining_minutes_without_any_time_is_the_whole_service(ticket: Make) -> None:
    assert remaining_minutes(ticket(1, "b", status=TicketStatus.CALLED), TIMES, NOW) == 6.0
