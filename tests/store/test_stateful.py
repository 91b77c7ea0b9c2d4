"""Random sequences of clerk and kiosk actions on a real SQLite file; invariants after each."""

from __future__ import annotations

import tempfile
from datetime import timedelta
from pathlib import Path

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule
from sqlalchemy import select

from server.db.engine import create_engine_for, migrate
from server.db.models import CounterRow, TicketRow
from server.errors import StoreError
from server.store import Store
from shared.clock import FakeClock
from shared.domain import CounterState, TicketStatus
from shared.protocol import StaffEvent, TicketCalled, TicketChanged, TicketIssued

from .conftest import START, make_site  # type: ignore[import-not-found]  # pytest importlib mode

COUNTERS = st.sampled_from(["c1", "c2"])
SERVICES = st.sampled_from(["general", "passport", "urgent"])
IN_HAND = {TicketStatus.CALLED.value, TicketStatus.SERVING.value}


class Office(RuleBasedStateMachine):
    """A store driven by random actions; refusals are fine, anything else is a bug."""

    def __init__(self) -> None:
        super().__init__()
        self.folder = tempfile.TemporaryDirectory()
        self.engine = create_engine_for(None, Path(self.folder.name))
        migrate(self.engine)
        self.clock = FakeClock(START)
        self.store = Store(self.engine, make_site(cap=8), self.clock)
        self.events: list[StaffEvent] = [
            event
            for cid in ("c1", "c2")
            for event in self.store.set_counter_state(cid, CounterState.OPEN, "clerk").events
        ]
        self.tickets: list[int] = []
        self.keys = 0

    def teardown(self) -> None:
        """Close the engine and delete the database file."""
        self.engine.dispose()
        self.folder.cleanup()

    def _do(self, action: object) -> None:
        try:
            result = action()  # type: ignore[operator]
        except StoreError:
            return
        if result is not None:
            self.events += result.events

    @rule(service=SERVICES, emergency=st.booleans(), retry=st.booleans())
    def issue(self, service: str, emergency: bool, retry: bool) -> None:
        """A kiosk issues a ticket (sometimes a retry of the previous request)."""
        if not retry:
            self.keys += 1
        try:
            issued = self.store.issue_ticket(
                service_id=service,
                language="de",
                idempotency_key=str(self.keys),
                issuer_id="kiosk",
                emergency=emergency,
            )
        except StoreError:
            return
        self.events += issued.events
        if issued.events:
            self.tickets.append(issued.ticket.id)

    @rule(counter=COUNTERS, state=st.sampled_from(CounterState))
    def counter_state(self, counter: str, state: CounterState) -> None:
        """A clerk opens, pauses or closes a counter."""
        self._do(lambda: self.store.set_counter_state(counter, state, "clerk"))

    @rule(counter=COUNTERS)
    def call_next(self, counter: str) -> None:
        """A clerk presses Next."""
        self._do(lambda: self.store.call_next(counter))

    @precondition(lambda self: bool(self.tickets))
    @rule(counter=COUNTERS, data=st.data())
    def call_ticket(self, counter: str, data: st.DataObject) -> None:
        """A clerk calls a ticket by hand."""
        ticket = data.draw(st.sampled_from(self.tickets))
        self._do(lambda: self.store.call_ticket(counter, ticket))

    @precondition(lambda self: bool(self.tickets))
    @rule(
        step=st.sampled_from(["recall", "start", "finish", "no_show", "park", "cancel"]),
        data=st.data(),
    )
    def step(self, step: str, data: st.DataObject) -> None:
        """A clerk takes a step with some ticket."""
        ticket = data.draw(st.sampled_from(self.tickets))
        self._do(lambda: getattr(self.store, step)(ticket))

    @precondition(lambda self: bool(self.tickets))
    @rule(service=st.none() | SERVICES, counter=st.none() | COUNTERS, data=st.data())
    def transfer(self, service: str | None, counter: str | None, data: st.DataObject) -> None:
        """A clerk transfers a ticket."""
        ticket = data.draw(st.sampled_from(self.tickets))
        self._do(
            lambda: self.store.transfer(ticket, service_id=service, counter_id=counter, note="")
        )

    @rule(minutes=st.integers(0, 30) | st.just(16 * 60))
    def time_passes(self, minutes: int) -> None:
        """The clock moves on (sometimes past midnight)."""
        self.clock.advance(timedelta(minutes=minutes))

    @invariant()
    def counters_hold_what_tickets_say(self) -> None:
        """A counter holds a ticket iff that ticket is called/serving at that counter."""
        with self.engine.connect() as conn:
            held = dict(conn.execute(select(CounterRow.id, CounterRow.ticket_id)).all())
            in_hand = conn.execute(
                select(TicketRow.id, TicketRow.counter_id).where(TicketRow.status.in_(IN_HAND))
            ).all()
        assert {(cid, tid) for cid, tid in held.items() if tid is not None} == {
            (cid, tid) for tid, cid in in_hand
        }

    @invariant()
    def event_log_is_the_returned_events(self) -> None:
        """The log replays exactly what the operations returned, gap-free."""
        assert self.store.events_since(0) == self.events
        assert self.store.last_seq() == len(self.events)
        assert [e.seq for e in self.events] == list(range(1, len(self.events) + 1))

    @invariant()
    def last_event_of_each_ticket_tells_its_state(self) -> None:
        """Folding the events gives every ticket's current status."""
        folded: dict[int, TicketStatus] = {}
        for event in self.events:
            if isinstance(event, TicketIssued | TicketCalled | TicketChanged):
                folded[event.ticket.id] = event.ticket.status
        with self.engine.connect() as conn:
            stored = dict(conn.execute(select(TicketRow.id, TicketRow.status)).all())
        assert {tid: TicketStatus(s) for tid, s in stored.items()} == folded


Office.TestCase.settings = settings(
    max_examples=20, stateful_step_count=40, deadline=None, database=None
)
TestOffice = Office.TestCase
