"""Staff alarms in the store: raise, acknowledge, the open ones in the snapshot; call reasons."""

from __future__ import annotations

from datetime import timedelta

import pytest

from server.errors import ConflictError, NotFoundError
from server.store import Store
from shared.clock import FakeClock
from shared.domain import CounterState
from shared.protocol import AlarmAcknowledged, AlarmRaised, CallReasonCode, TicketCalled


def test_an_alarm_is_raised_kept_and_acknowledged(store: Store, clock: FakeClock) -> None:
    raised = store.raise_alarm("c1", "anna")
    assert raised.alarm.counter_name == "Schalter 1"
    assert raised.alarm.raised_by == "anna"
    assert raised.alarm.raised_at == clock.now()
    assert [type(e) for e in raised.events] == [AlarmRaised]
    assert store.snapshot().alarms == (raised.alarm,)

    again = store.raise_alarm("c1", "anna")
    assert again.alarm.id == raised.alarm.id
    assert again.events == ()

    clock.advance(timedelta(seconds=40))
    done = store.acknowledge_alarm(raised.alarm.id, "ben")
    assert done.alarm.acknowledged_by == "ben"
    assert done.alarm.acknowledged_at == clock.now()
    assert isinstance(done.events[0], AlarmAcknowledged)
    assert store.snapshot().alarms == ()
    assert [e.type for e in store.events_since(0) or []] == ["alarm.raised", "alarm.acknowledged"]


def test_alarm_refusals(store: Store) -> None:
    with pytest.raises(NotFoundError, match="no counter"):
        store.raise_alarm("c9", "anna")
    with pytest.raises(NotFoundError, match="no alarm"):
        store.acknowledge_alarm(99, "ben")
    alarm = store.raise_alarm("c2", "anna").alarm
    store.acknowledge_alarm(alarm.id, "ben")
    with pytest.raises(ConflictError, match="already acknowledged by ben"):
        store.acknowledge_alarm(alarm.id, "carl")
    assert store.raise_alarm("c2", "anna").alarm.id != alarm.id


def test_a_call_carries_its_reason_as_data(store: Store, clock: FakeClock) -> None:
    store.set_counter_state("c1", CounterState.OPEN, "anna")
    for key in ("k1", "k2"):
        store.issue_ticket(service_id="general", language="de", idempotency_key=key, issuer_id="k")
    clock.advance(timedelta(minutes=7))
    called = store.call_next("c1")
    assert called is not None
    assert called.why is not None
    assert called.why.code is CallReasonCode.WALK_IN
    assert called.why.waited_minutes == 7
    assert called.why.weight == 1.0
    event = called.events[0]
    assert isinstance(event, TicketCalled)
    assert event.why == called.why
    store.no_show(called.ticket.id)
    by_hand = store.call_ticket("c1", called.ticket.id + 1)
    assert by_hand.why is not None
    assert by_hand.why.code is CallReasonCode.BY_HAND
    assert by_hand.why.waited_minutes == 7
    recalled = store.recall(by_hand.ticket.id)
    assert recalled.why is not None
    assert recalled.why.code is CallReasonCode.RECALL
