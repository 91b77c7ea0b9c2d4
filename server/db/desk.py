"""Counter-side operations inside one write transaction: call, steps, counter state."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from server.db import alarms, desk_refusals, eventlog
from server.db.models import CounterRow, TicketRow
from server.db.outcomes import AlarmUpdate, Called, Changed, CounterUpdate
from server.db.tickets import (
    get_row,
    store_ticket,
    sync_counter,
    ticket_info,
    to_ticket,
    waiting_for,
)
from shared import lifecycle
from shared.domain import Counter, CounterState, Site, Ticket, TicketStatus
from shared.lifecycle import IllegalTransitionError, TicketAction
from shared.numbering import local_day
from shared.policy import CounterProfile, PolicySettings, choose_next
from shared.protocol import (
    CallReason,
    CallReasonCode,
    CounterChanged,
    CounterInfo,
    TicketCalled,
    TicketChanged,
)
from shared.reasons import by_hand, call_reason

MAX_NOTE = 500
MAX_CLERK = 64


def counter_row(session: Session, counter: Counter, now: datetime) -> CounterRow:
    """The live row of a configured counter, created (closed) on first use."""
    row = session.get(CounterRow, counter.id)
    if row is None:
        row = CounterRow(id=counter.id, state=CounterState.CLOSED.value, updated_at=now)
        session.add(row)
        session.flush()
    return row


def counter_info(session: Session, counter: Counter, row: CounterRow | None) -> CounterInfo:
    """What staff see of a counter (closed when it has no row yet)."""
    number = None
    if row is not None and row.ticket_id is not None:
        number = get_row(session, row.ticket_id).number
    return CounterInfo(
        id=counter.id,
        name=counter.name,
        location=counter.location,
        state=CounterState.CLOSED if row is None else CounterState(row.state),
        clerk=None if row is None else row.clerk,
        ticket_number=number,
    )


@dataclass
class Desk:
    """The counter operations of one write transaction."""

    session: Session
    site: Site
    now: datetime
    policy: PolicySettings

    def call_next(self, counter_id: str) -> Called | None:
        """Call the ticket the policy picks for this counter, or None when nobody waits."""
        counter = self._ready(counter_id)
        served = [service for service, weight in counter.weights.items() if weight > 0]
        today = local_day(self.now, self.site.timezone)
        waiting = waiting_for(self.session, today, counter.id, served)
        profile = CounterProfile.of(counter)
        choice = choose_next(waiting, profile, self.now, self.policy)
        if choice is None:
            return None
        why = call_reason(choice, profile, self.now, self.policy)
        return self._call(counter, get_row(self.session, choice.ticket.id), choice.explanation, why)

    def call_ticket(self, counter_id: str, ticket_id: int) -> Called:
        """Call one named ticket (waiting or parked) to this counter."""
        counter = self._ready(counter_id)
        row = get_row(self.session, ticket_id)
        waited = to_ticket(row).waiting_since
        why = by_hand(int((self.now - waited).total_seconds() // 60))
        return self._call(counter, row, "called by hand", why)

    def recall(self, ticket_id: int, at_counter: str | None = None) -> Called:
        """Call a called ticket again to the same counter."""
        row = get_row(self.session, ticket_id)
        self._check_holder(row, at_counter)
        ticket = self._step(lambda: lifecycle.recall(to_ticket(row), self.now))
        store_ticket(row, ticket)
        why = CallReason(code=CallReasonCode.RECALL, waited_minutes=0)
        return self._announce(self._counter_of(ticket), ticket, "recall", why, recall=True)

    def change(
        self,
        ticket_id: int,
        action: TicketAction,
        note: str = "",
        at_counter: str | None = None,
    ) -> Changed:
        """Take one step (start, finish, no-show, park, cancel) and log it.

        `at_counter`: the counter the clerk acts at; a ticket another counter holds is
        refused (`not_your_ticket`) instead of stepped.
        """
        _check_note(note)
        row = get_row(self.session, ticket_id)
        self._check_holder(row, at_counter)
        before = to_ticket(row)
        steps: dict[TicketAction, Callable[[], Ticket]] = {
            TicketAction.START: lambda: lifecycle.start(before, self.now),
            TicketAction.FINISH: lambda: lifecycle.finish(before, self.now),
            TicketAction.NO_SHOW: lambda: lifecycle.no_show(before, self.now),
            TicketAction.PARK: lambda: lifecycle.park(before, self.now, note),
            TicketAction.CANCEL: lambda: lifecycle.cancel(before, self.now),
        }
        return self._changed(row, self._step(steps[action]), action)

    def transfer(
        self,
        ticket_id: int,
        service_id: str | None,
        counter_id: str | None,
        note: str,
        at_counter: str | None = None,
    ) -> Changed:
        """Send a ticket back to the queue for another service and/or a named counter."""
        _check_note(note)
        if service_id is not None and service_id not in self.site.services:
            raise desk_refusals.unknown_service(service_id)
        if counter_id is not None and counter_id not in self.site.counters:
            raise desk_refusals.unknown_counter(counter_id, status=400)
        row = get_row(self.session, ticket_id)
        self._check_holder(row, at_counter)
        before = to_ticket(row)
        if service_id is None and counter_id is None:
            raise desk_refusals.no_target(before)
        after = self._step(
            lambda: lifecycle.transfer(
                before, self.now, service_id=service_id, counter_id=counter_id, note=note
            )
        )
        return self._changed(row, after, TicketAction.TRANSFER)

    def set_state(self, counter_id: str, state: CounterState, clerk: str | None) -> CounterUpdate:
        """Open, pause or close a counter and name its clerk; no event when nothing changes."""
        if clerk is not None and len(clerk) > MAX_CLERK:
            raise desk_refusals.text_too_long("clerk name", MAX_CLERK)
        counter = self._counter(counter_id)
        row = counter_row(self.session, counter, self.now)
        if state is CounterState.CLOSED and row.ticket_id is not None:
            held = to_ticket(get_row(self.session, row.ticket_id))
            raise desk_refusals.counter_busy(counter, CounterState(row.state), held, closing=True)
        if row.state == state.value and row.clerk == clerk:
            return CounterUpdate(counter_info(self.session, counter, row), ())
        row.state, row.clerk, row.updated_at = state.value, clerk, self.now
        info = counter_info(self.session, counter, row)
        event = eventlog.append(
            self.session, self.now, lambda seq, at: CounterChanged(seq=seq, at=at, counter=info)
        )
        return CounterUpdate(info, (event,))

    def raise_alarm(self, counter_id: str, who: str) -> AlarmUpdate:
        """A clerk at a counter needs help; an alarm already open there is returned again."""
        info, event = alarms.raise_alarm(self.session, self.site, counter_id, who, self.now)
        return AlarmUpdate(info, (event,) if event else ())

    def acknowledge_alarm(self, alarm_id: int, who: str) -> AlarmUpdate:
        """Someone came to help: close the alarm (refused when already acknowledged)."""
        info, event = alarms.acknowledge(self.session, self.site, alarm_id, who, self.now)
        return AlarmUpdate(info, (event,))

    def _counter(self, counter_id: str) -> Counter:
        counter = self.site.counters.get(counter_id)
        if counter is None:
            raise desk_refusals.unknown_counter(counter_id)
        return counter

    def _counter_of(self, ticket: Ticket) -> Counter:
        cid = ticket.counter_id or ""
        return self.site.counters.get(cid) or Counter(id=cid, name=cid)

    def _ready(self, counter_id: str) -> Counter:
        counter = self._counter(counter_id)
        row = counter_row(self.session, counter, self.now)
        state = CounterState(row.state)
        if state is not CounterState.OPEN:
            raise desk_refusals.counter_not_open(counter, state)
        if row.ticket_id is not None:
            held = to_ticket(get_row(self.session, row.ticket_id))
            raise desk_refusals.counter_busy(counter, state, held, closing=False)
        return counter

    def _check_holder(self, row: TicketRow, at_counter: str | None) -> None:
        """Refuse a step on a ticket in another counter's hand (`at_counter` given)."""
        if at_counter is None or row.counter_id in (None, at_counter):
            return
        ticket = to_ticket(row)
        if ticket.status in (TicketStatus.CALLED, TicketStatus.SERVING):
            raise desk_refusals.not_your_ticket(ticket, self.site, at_counter)

    def _step(self, step: Callable[[], Ticket]) -> Ticket:
        try:
            return step()
        except IllegalTransitionError as error:
            raise desk_refusals.illegal_step(error, self.site) from error

    def _call(self, counter: Counter, row: TicketRow, reason: str, why: CallReason) -> Called:
        before = to_ticket(row)
        ticket = self._step(lambda: lifecycle.call(before, counter.id, self.now))
        store_ticket(row, ticket)
        sync_counter(self.session, row)
        return self._announce(counter, ticket, reason, why, recall=False)

    def _announce(
        self, counter: Counter, ticket: Ticket, reason: str, why: CallReason, *, recall: bool
    ) -> Called:
        info = ticket_info(ticket)
        event = eventlog.append(
            self.session,
            self.now,
            lambda seq, at: TicketCalled(
                seq=seq,
                at=at,
                ticket=info,
                counter_id=counter.id,
                counter_name=counter.name,
                location=counter.location,
                recall=recall,
                reason=reason,
                why=why,
                floor=counter.floor,
                room=counter.room,
                direction=counter.direction,
            ),
        )
        return Called(info, reason, (event,), why)

    def _changed(self, row: TicketRow, ticket: Ticket, action: TicketAction) -> Changed:
        previous = row.counter_id
        store_ticket(row, ticket)
        sync_counter(self.session, row)
        info = ticket_info(ticket)
        event = eventlog.append(
            self.session,
            self.now,
            lambda seq, at: TicketChanged(seq=seq, at=at, ticket=info, action=action),
        )
        return Changed(info, (event,), previous)


def _check_note(note: str) -> None:
    if len(note) > MAX_NOTE:
        raise desk_refusals.text_too_long("note", MAX_NOTE)
