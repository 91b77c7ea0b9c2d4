"""The main path of a visitor through the store, on both databases."""

from __future__ import annotations

from server.store import Store
from shared.clock import FakeClock
from shared.domain import CounterState, TicketStatus
from shared.protocol import TicketCalled, TicketChanged, TicketIssued


def test_issue_call_start_finish(store: Store, clock: FakeClock) -> None:
    store.set_counter_state("c1", CounterState.OPEN, "anna")
    issued = store.issue_ticket(
        service_id="general", language="de", idempotency_key="k1", issuer_id="kiosk-1"
    )
    assert issued.ticket.number == "A001"
    assert issued.position == 1
    assert issued.service_name == "Allgemein"
    assert isinstance(issued.events[0], TicketIssued)
    clock.advance(60)
    called = store.call_next("c1")
    assert called is not None
    assert called.ticket.id == issued.ticket.id
    assert called.ticket.status is TicketStatus.CALLED
    assert isinstance(called.events[0], TicketCalled)
    assert called.events[0].counter_name == "Schalter 1"
    started = store.start(issued.ticket.id)
    finished = store.finish(issued.ticket.id)
    assert finished.ticket.status is TicketStatus.DONE
    assert isinstance(finished.events[0], TicketChanged)
    assert store.call_next("c1") is None
    assert store.last_seq() == finished.events[0].seq == 5
    replay = store.events_since(0)
    assert replay is not None
    assert [e.seq for e in replay] == [1, 2, 3, 4, 5]
    assert replay[3] == started.events[0]
