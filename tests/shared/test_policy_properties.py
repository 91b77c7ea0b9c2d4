"""Properties of the queue policy, checked by hypothesis over random queues."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from shared.domain import Ticket, TicketOrigin, TicketStatus
from shared.policy import (
    ChoiceReason,
    CounterProfile,
    PolicySettings,
    ahead_of,
    choose_next,
    eligible,
    rank,
)

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
SERVICES = ("a", "b", "c")
COUNTERS = ("desk1", "desk2", "desk3")
Make = Callable[..., Ticket]


def tickets(make: Make) -> st.SearchStrategy[list[Ticket]]:
    """A queue of up to 15 tickets of every kind, mostly waiting, with unique ids."""
    one = st.builds(
        make,
        st.integers(1, 10_000),
        st.sampled_from(SERVICES),
        minutes_ago=st.integers(-2, 150),
        status=st.sampled_from([TicketStatus.WAITING] * 4 + list(TicketStatus)),
        origin=st.sampled_from(TicketOrigin),
        due_at=st.none() | st.integers(-60, 60).map(lambda m: NOW + timedelta(minutes=m)),
        emergency=st.sampled_from([False, False, False, True]),
        pinned_counter_id=st.sampled_from([None, None, *COUNTERS]),
    )
    return st.lists(one, max_size=15, unique_by=lambda t: t.id)


profiles = st.builds(
    CounterProfile,
    st.sampled_from(COUNTERS),
    st.dictionaries(st.sampled_from(SERVICES), st.sampled_from([0.0, 0.1, 1.0, 2.0, 10.0])),
)
policy_settings = st.builds(
    PolicySettings,
    appointment_window=st.sampled_from([timedelta(0), timedelta(minutes=15)]),
    ageing_per_minute=st.sampled_from([0.0, 0.05, 0.1, 1.0]),
    max_wait=st.sampled_from([timedelta(minutes=m) for m in (1, 30, 60, 1000)]),
)


def queue_cases(
    make: Make,
) -> st.SearchStrategy[tuple[list[Ticket], CounterProfile, PolicySettings]]:
    """A random queue, counter and settings."""
    return st.tuples(tickets(make), profiles, policy_settings)


def _plain(ticket: Ticket, profile: CounterProfile, when: datetime, cfg: PolicySettings) -> bool:
    """Neither emergency, nor pinned here, nor a due appointment."""
    due = (
        ticket.origin is TicketOrigin.APPOINTMENT
        and ticket.due_at is not None
        and when >= ticket.due_at - cfg.appointment_window
    )
    return not (ticket.emergency or ticket.pinned_counter_id == profile.counter_id or due)


@settings(max_examples=60)
@given(data=st.data())
def test_choose_next_is_the_head_of_rank(ticket: Make, data: st.DataObject) -> None:
    queue, profile, cfg = data.draw(queue_cases(ticket))
    ranked = rank(queue, profile, NOW, cfg)
    choice = choose_next(queue, profile, NOW, cfg)
    assert choice == (ranked[0] if ranked else None)


@settings(max_examples=60)
@given(data=st.data())
def test_candidates_are_exactly_the_waiting_eligible_tickets(
    ticket: Make, data: st.DataObject
) -> None:
    queue, profile, cfg = data.draw(queue_cases(ticket))
    ranked = [c.ticket for c in rank(queue, profile, NOW, cfg)]
    expected = [t for t in queue if t.status is TicketStatus.WAITING and eligible(t, profile)]
    assert sorted(t.id for t in ranked) == sorted(t.id for t in expected)
    for chosen in ranked:
        assert chosen.pinned_counter_id in {None, profile.counter_id}
        assert profile.serves(chosen.service_id) or chosen.pinned_counter_id == profile.counter_id


@settings(max_examples=60)
@given(data=st.data())
def test_emergencies_always_first(ticket: Make, data: st.DataObject) -> None:
    queue, profile, cfg = data.draw(queue_cases(ticket))
    flags = [c.ticket.emergency for c in rank(queue, profile, NOW, cfg)]
    assert flags == sorted(flags, reverse=True)
    choice = choose_next(queue, profile, NOW, cfg)
    if any(flags):
        assert choice is not None
        assert choice.reason is ChoiceReason.EMERGENCY


@settings(max_examples=60)
@given(data=st.data())
def test_classes_in_order(ticket: Make, data: st.DataObject) -> None:
    queue, profile, cfg = data.draw(queue_cases(ticket))
    order = list(ChoiceReason)
    positions = [order.index(c.reason) for c in rank(queue, profile, NOW, cfg)]
    assert positions == sorted(positions)


@settings(max_examples=60)
@given(data=st.data())
def test_fifo_within_an_equal_class(ticket: Make, data: st.DataObject) -> None:
    queue, profile, cfg = data.draw(queue_cases(ticket))
    ranked = rank(queue, profile, NOW, cfg)

    def klass(t: Ticket) -> tuple[object, ...]:
        if t.emergency:
            return ("emergency",)
        if t.pinned_counter_id == profile.counter_id:
            return ("pinned",)
        if not _plain(t, profile, NOW, cfg):
            return ("appointment", t.due_at)
        return ("plain", t.service_id)

    for i, first in enumerate(ranked):
        for second in ranked[i + 1 :]:
            if klass(first.ticket) == klass(second.ticket):
                a, b = first.ticket, second.ticket
                assert (a.waiting_since, a.id) < (b.waiting_since, b.id)


@settings(max_examples=60)
@given(data=st.data())
def test_deterministic_whatever_the_input_order(ticket: Make, data: st.DataObject) -> None:
    queue, profile, cfg = data.draw(queue_cases(ticket))
    shuffled = data.draw(st.permutations(queue))
    assert rank(shuffled, profile, NOW, cfg) == rank(queue, profile, NOW, cfg)
    assert choose_next(shuffled, profile, NOW, cfg) == choose_next(queue, profile, NOW, cfg)


@settings(max_examples=60)
@given(data=st.data())
def test_pinned_tickets_only_at_their_counter(ticket: Make, data: st.DataObject) -> None:
    queue, _, cfg = data.draw(queue_cases(ticket))
    pinned = {t.id: t.pinned_counter_id for t in queue if t.pinned_counter_id is not None}
    for counter in COUNTERS:
        profile = CounterProfile(counter, dict.fromkeys(SERVICES, 1.0))
        for choice in rank(queue, profile, NOW, cfg):
            assert pinned.get(choice.ticket.id, counter) == counter


@settings(max_examples=60)
@given(data=st.data())
def test_ahead_of_is_the_part_of_rank_before_the_subject(ticket: Make, data: st.DataObject) -> None:
    queue, profile, cfg = data.draw(queue_cases(ticket))
    waiting = [t for t in queue if t.status is TicketStatus.WAITING and eligible(t, profile)]
    if not waiting:
        return
    subject = data.draw(st.sampled_from(waiting))
    order = [c.ticket for c in rank(queue, profile, NOW, cfg)]
    ahead = ahead_of(subject, queue, profile, NOW, cfg)
    assert sorted(t.id for t in ahead) == sorted(t.id for t in order[: order.index(subject)])
