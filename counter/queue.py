"""The clerk's copy of the hub's live state, folded from the staff snapshot and events.

Qt-free. Every field is what the hub said last; nothing is guessed. A `Snapshot` replaces
everything; each event replaces the one ticket, counter or alarm it carries. The answer to a
clerk's own step replaces them too, unless its `seq` shows the stream got there first; one
ahead of the stream is kept (`ahead`) until the stream reaches it, so the stream's older
events about the same thing do not bring its older state back meanwhile.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import TypeAlias

from shared.domain import TicketStatus
from shared.protocol import (
    AlarmAcknowledged,
    AlarmInfo,
    AlarmRaised,
    CallReason,
    CounterChanged,
    CounterInfo,
    DeviceAlert,
    DeviceInfo,
    DeviceStatusChanged,
    Event,
    Snapshot,
    TicketCalled,
    TicketChanged,
    TicketInfo,
    TicketIssued,
)

log = logging.getLogger(__name__)

LIVE = frozenset(
    {TicketStatus.WAITING, TicketStatus.CALLED, TicketStatus.SERVING, TicketStatus.PARKED}
)
IN_HAND = frozenset({TicketStatus.CALLED, TicketStatus.SERVING})

Answered: TypeAlias = TicketInfo | CounterInfo | AlarmInfo
"""What a step's answer carries (an acknowledged alarm too: it closes the alarm)."""
Key: TypeAlias = tuple[str, int | str]
"""One ticket, counter or alarm: ``("ticket", 17)``, ``("counter", "c1")``, ``("alarm", 3)``."""


@dataclass
class StaffQueue:
    """Today's live tickets, the counters and the open alarms, as the hub last said."""

    tickets: dict[int, TicketInfo] = field(default_factory=dict)
    counters: dict[str, CounterInfo] = field(default_factory=dict)
    alarms: dict[int, AlarmInfo] = field(default_factory=dict)
    devices: dict[str, DeviceInfo] = field(default_factory=dict)
    """The devices' last reports (kiosk printers), by device id."""
    device_alerts: dict[str, DeviceAlert] = field(default_factory=dict)
    """Kiosks and wall displays the hub says stopped answering, by device id."""
    why: dict[int, CallReason] = field(default_factory=dict)
    """The reason of each ticket's latest call (from the call's answer or its event)."""
    seq: int = 0
    """The stream's position: every event up to it is folded in (an answer does not move it)."""
    ahead: dict[Key, tuple[int, Answered]] = field(default_factory=dict)
    """What a step's answer showed ahead of the stream, with the answer's seq: a stream event
    about the same thing at or below that seq is older and does not replace it. Forgotten
    once the stream (or a snapshot) reaches that seq: it holds only what the clerk's steps
    changed while the stream lagged behind them (usually nothing, else one or two)."""

    def apply(self, event: Event) -> bool:
        """Fold one stream event in; False when it changes nothing this queue keeps.

        The stream's snapshot replaces everything, whatever its seq (a hub that was reset
        starts lower, and what answers showed ahead of the old hub is forgotten); what an
        answer showed ahead of the snapshot is put back over it. An event the queue holds
        already (a loaded snapshot had it) is skipped; so is one about a ticket, counter or
        alarm an answer showed at that seq or later (`ahead`), but it moves the stream on.
        """
        if isinstance(event, Snapshot):
            if event.seq < self.seq:
                self.ahead.clear()  # another hub, or one reset: its seqs start again
            self.seq = event.seq
            self._replace(event)
            self._catch_up()
            self.why = {k: v for k, v in self.why.items() if k in self.tickets}
            return True
        if event.type == "heartbeat" or event.seq <= self.seq:
            return False
        self.seq = event.seq
        changed = self._fold(event)
        self._catch_up()
        return changed

    def _fold(self, event: Event) -> bool:
        """One event's ticket, counter or alarm, unless an answer showed a newer state."""
        key = _about(event) if self.ahead else None
        held = self.ahead.get(key) if key is not None else None
        if held is not None and event.seq <= held[0]:
            log.debug("%s #%d is older than the answer at %d", event.type, event.seq, held[0])
            return False
        if isinstance(event, TicketIssued | TicketChanged):
            self._ticket(event.ticket)
        elif isinstance(event, TicketCalled):
            self._ticket(event.ticket)
            if event.why is not None:
                self.why[event.ticket.id] = event.why
        elif isinstance(event, CounterChanged):
            self.counters[event.counter.id] = event.counter
        else:
            return self._office(event)
        return True

    def load(self, snapshot: Snapshot) -> bool:
        """A snapshot the app asked for (`GET /queue`): taken unless the stream has brought
        newer events meanwhile (then the stream's state is the newer truth)."""
        return snapshot.seq >= self.seq and self.apply(snapshot)

    def _replace(self, snapshot: Snapshot) -> None:
        self.tickets = {t.id: t for t in snapshot.tickets if t.status in LIVE}
        self.counters = {c.id: c for c in snapshot.counters}
        self.alarms = {a.id: a for a in snapshot.alarms}
        self.device_alerts = {a.device_id: a for a in snapshot.alerts if a.raised}
        self.devices = {d.id: d for d in snapshot.devices}

    def _office(self, event: Event) -> bool:
        """Alarms, device reports and device alerts; False for anything else."""
        if isinstance(event, AlarmRaised):
            self.alarms[event.alarm.id] = event.alarm
        elif isinstance(event, AlarmAcknowledged):
            self.alarms.pop(event.alarm.id, None)
        elif isinstance(event, DeviceStatusChanged):
            self.devices[event.device.id] = event.device
        elif isinstance(event, DeviceAlert) and event.raised:
            self.device_alerts[event.device_id] = event
        elif isinstance(event, DeviceAlert):
            self.device_alerts.pop(event.device_id, None)
        else:
            return False
        return True

    def fresher(self, seq: int | None, key: Key | None = None) -> bool:
        """Whether a step's answer at stream position `seq` is newer than this queue (and than
        an earlier answer about the same `key`).

        The hub stamps each step's answer with the seq of the event it committed; when the
        stream has brought that event or a later one, the answer is old news. None (a replay
        an older hub kept) counts as newer, as before answers carried a seq.
        """
        if seq is None:
            return True
        held = self.ahead.get(key) if key is not None else None
        return seq > self.seq and (held is None or seq > held[0])

    def answered_ticket(self, ticket: TicketInfo, why: CallReason | None, seq: int | None) -> None:
        """A step's answer: its ticket unless the stream is as new; a call's reason is kept
        for a live ticket either way (the stream's own reason wins when it has one)."""
        fresh = self._answered(ticket, seq)
        if why is not None and ticket.id in self.tickets and (fresh or ticket.id not in self.why):
            self.why[ticket.id] = why

    def answered_counter(self, counter: CounterInfo, seq: int | None) -> None:
        """A counter verb's answer: the counter unless the stream is as new."""
        self._answered(counter, seq)

    def answered_alarm(self, alarm: AlarmInfo, seq: int | None) -> None:
        """An alarm's answer (raised or acknowledged) unless the stream is as new."""
        self._answered(alarm, seq)

    def _answered(self, thing: Answered, seq: int | None) -> bool:
        """Take an answer newer than the stream and keep it `ahead` until the stream is there;
        False: the stream (or a later answer) is as new, the queue keeps its own."""
        key = _key(thing)
        if not self.fresher(seq, key):
            return False
        if seq is None:
            self.ahead.pop(key, None)
            self._take(thing)
        else:
            self.ahead[key] = (seq, thing)
        self._catch_up()
        return True

    def _catch_up(self) -> None:
        """Forget what the stream has reached; put what answers showed ahead of it back over
        the older state an event or a snapshot left (a counter's ticket number too), oldest
        answer first."""
        if not self.ahead:
            return
        self.ahead = {key: held for key, held in self.ahead.items() if held[0] > self.seq}
        for _, thing in sorted(self.ahead.values(), key=lambda held: held[0]):
            self._take(thing)

    def _take(self, thing: Answered) -> None:
        if isinstance(thing, TicketInfo):
            self._ticket(thing)
        elif isinstance(thing, CounterInfo):
            self.counters[thing.id] = thing
        elif thing.acknowledged_at is None:
            self.alarms[thing.id] = thing
        else:
            self.alarms.pop(thing.id, None)

    def _ticket(self, ticket: TicketInfo) -> None:
        if ticket.status in LIVE:
            self.tickets[ticket.id] = ticket
        else:
            self.tickets.pop(ticket.id, None)
            self.why.pop(ticket.id, None)
        self._sync_counters(ticket)

    def _sync_counters(self, ticket: TicketInfo) -> None:
        """A counter's ticket number follows its ticket (the hub sends no CounterChanged)."""
        for cid, counter in list(self.counters.items()):
            holds = ticket.status in IN_HAND and ticket.counter_id == cid
            if holds and counter.ticket_number != ticket.number:
                self.counters[cid] = _with_number(counter, ticket.number)
            elif not holds and counter.ticket_number == ticket.number:
                self.counters[cid] = _with_number(counter, None)

    def in_hand(self, counter_id: str) -> TicketInfo | None:
        """The ticket a counter has called or serves now, if any."""
        for ticket in self.tickets.values():
            if ticket.counter_id == counter_id and ticket.status in IN_HAND:
                return ticket
        return None

    def with_status(self, status: TicketStatus) -> list[TicketInfo]:
        """The live tickets in one state, oldest first."""
        found = [t for t in self.tickets.values() if t.status is status]
        return sorted(found, key=lambda t: (t.queued_at or t.created_at, t.id))


def _key(thing: Answered) -> Key:
    if isinstance(thing, TicketInfo):
        return ("ticket", thing.id)
    if isinstance(thing, CounterInfo):
        return ("counter", thing.id)
    return ("alarm", thing.id)


def _about(event: Event) -> Key | None:
    """The ticket, counter or alarm an event carries (None: something answers never carry)."""
    if isinstance(event, TicketIssued | TicketChanged | TicketCalled):
        return _key(event.ticket)
    if isinstance(event, CounterChanged):
        return _key(event.counter)
    if isinstance(event, AlarmRaised | AlarmAcknowledged):
        return _key(event.alarm)
    return None


def _with_number(counter: CounterInfo, number: str | None) -> CounterInfo:
    return CounterInfo(
        id=counter.id,
        name=counter.name,
        location=counter.location,
        state=counter.state,
        clerk=counter.clerk,
        ticket_number=number,
    )
