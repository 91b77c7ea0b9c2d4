"""The store's desk: a clerk's steps on tickets, counters and alarms, each at most once per key.

A part of `server.store.Store` (a base class of it): each method is one transaction.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import TypeVar

from sqlalchemy.orm import Session

from server.db import eventlog, step_keys
from server.db.desk import Desk
from server.db.engine import write_session
from server.db.outcomes import AlarmUpdate, Called, Changed, CounterUpdate, Performed
from server.db.step_keys import StepAnswer, StepKey
from server.errors import StoreError
from server.store.base import StoreBase
from shared.domain import CounterState
from shared.lifecycle import TicketAction

R = TypeVar("R")


class DeskStore(StoreBase):
    """Call, the ticket steps, transfer, counter state, staff alarms; idempotency keys."""

    @contextmanager
    def _desk(self) -> Iterator[Desk]:
        with write_session(self._engine) as session:
            yield Desk(session, self._site, self._clock.now(), self._settings.policy)

    def call_next(self, counter_id: str) -> Called | None:
        """Call the ticket the policy picks for an open, free counter; None when nobody waits."""
        with self._desk() as desk:
            return desk.call_next(counter_id)

    def call_ticket(self, counter_id: str, ticket_id: int) -> Called:
        """Call a named waiting or parked ticket to an open, free counter."""
        with self._desk() as desk:
            return desk.call_ticket(counter_id, ticket_id)

    def recall(self, ticket_id: int, at_counter: str | None = None) -> Called:
        """Call a called ticket again (`at_counter`: refused when another counter holds it)."""
        with self._desk() as desk:
            return desk.recall(ticket_id, at_counter)

    def start(self, ticket_id: int, at_counter: str | None = None) -> Changed:
        """The called visitor has arrived: service starts."""
        return self.step(ticket_id, TicketAction.START, at_counter=at_counter)

    def finish(self, ticket_id: int, at_counter: str | None = None) -> Changed:
        """Service is over."""
        return self.step(ticket_id, TicketAction.FINISH, at_counter=at_counter)

    def no_show(self, ticket_id: int, at_counter: str | None = None) -> Changed:
        """The called visitor did not come."""
        return self.step(ticket_id, TicketAction.NO_SHOW, at_counter=at_counter)

    def park(self, ticket_id: int, note: str = "", at_counter: str | None = None) -> Changed:
        """Set a called or serving ticket aside; it can be called again by hand."""
        return self.step(ticket_id, TicketAction.PARK, note, at_counter)

    def cancel(self, ticket_id: int, at_counter: str | None = None) -> Changed:
        """Withdraw a waiting or parked ticket."""
        return self.step(ticket_id, TicketAction.CANCEL, at_counter=at_counter)

    def step(
        self, ticket_id: int, action: TicketAction, note: str = "", at_counter: str | None = None
    ) -> Changed:
        """Take one step (start, finish, no-show, park, cancel) for a ticket."""
        with self._desk() as desk:
            return desk.change(ticket_id, action, note, at_counter)

    def transfer(
        self,
        ticket_id: int,
        *,
        service_id: str | None,
        counter_id: str | None,
        note: str,
        at_counter: str | None = None,
    ) -> Changed:
        """Send a ticket back to the queue for another service and/or a named counter."""
        with self._desk() as desk:
            return desk.transfer(ticket_id, service_id, counter_id, note, at_counter)

    def set_counter_state(
        self, counter_id: str, state: CounterState, clerk: str | None
    ) -> CounterUpdate:
        """Open, pause or close a counter (closing needs an empty hand)."""
        with self._desk() as desk:
            return desk.set_state(counter_id, state, clerk)

    def perform(
        self,
        key: StepKey | None,
        work: Callable[[Desk], R],
        answer: Callable[[R, int], StepAnswer],
    ) -> Performed[R]:
        """Do a clerk's step at most once per key: `work` on the desk, `answer` its HTTP answer.

        `answer` gets the outcome and its stream position: the seq of the last event the step
        committed, or the newest seq when it committed none (see `shared.wire.SteppedTicket`).

        With a key: a key seen before returns its first answer (nothing done, no events); a
        new one does the step and keeps its answer, a refusal included, in the same
        transaction. Without a key the step is simply done.
        """
        with self._desk() as desk:
            if key is not None and (known := step_keys.find(desk.session, key)) is not None:
                return Performed(None, known.status, known.body, replayed=True, events=())
            if key is None:
                return _performed(work(desk), answer, desk.session)
            try:
                with desk.session.begin_nested():
                    outcome = work(desk)
            except StoreError as refused:
                body = json.dumps(refused.body(), ensure_ascii=False).encode()
                step_keys.keep(desk.session, key, StepAnswer(refused.status_code, body), desk.now)
                failure = refused
            else:
                done = _performed(outcome, answer, desk.session)
                step_keys.keep(desk.session, key, StepAnswer(done.status, done.body), desk.now)
                return done
        raise failure

    def prune_step_keys(self, before: datetime) -> int:
        """Forget the idempotency keys of steps older than `before` (housekeeping)."""
        with write_session(self._engine) as session:
            return step_keys.prune(session, before)

    def raise_alarm(self, counter_id: str, who: str) -> AlarmUpdate:
        """A clerk at a counter needs help; an alarm already open there is returned again."""
        with self._desk() as desk:
            return desk.raise_alarm(counter_id, who)

    def acknowledge_alarm(self, alarm_id: int, who: str) -> AlarmUpdate:
        """Someone came to help: close the alarm (409 when already acknowledged)."""
        with self._desk() as desk:
            return desk.acknowledge_alarm(alarm_id, who)


def _performed(
    outcome: R, answer: Callable[[R, int], StepAnswer], session: Session
) -> Performed[R]:
    """A step just done: its outcome, its answer (with the seq it reached) and its events."""
    events = tuple(getattr(outcome, "events", ()))
    seq = max(e.seq for e in events) if events else eventlog.last_seq(session)
    sent = answer(outcome, seq)
    return Performed(outcome, sent.status, sent.body, replayed=False, events=events)
