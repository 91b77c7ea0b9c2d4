"""The clerk's copy of the hub's live state, folded from the staff snapshot and events.

Qt-free. Every field is what the hub said last; nothing is guessed. A `Snapshot` replaces
everything; each event replaces the one ticket, counter or alarm it carries. The answer to a
clerk's own step replaces them too, unless its `seq` shows the stream got there first.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

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

    def apply(self, event: Event) -> bool:
        """Fold one stream event in; False when it changes nothing this queue keeps.

        The stream's snapshot replaces everything, whatever its seq (a hub that was reset
        starts lower). An event the queue holds already (a loaded snapshot had it) is skipped.
        """
        if isinstance(event, Snapshot):
            self.seq = event.seq
            self._replace(event)
            return True
        if event.type == "heartbeat" or event.seq <= self.seq:
            return False
        self.seq = event.seq
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
        self.why = {k: v for k, v in self.why.items() if k in self.tickets}

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

    def fresher(self, seq: int | None) -> bool:
        """Whether a step's answer at stream position `seq` is newer than this queue.

        The hub stamps each step's answer with the seq of the event it committed; when the
        stream has brought that event or a later one, the answer is old news. None (a replay
        an older hub kept) counts as newer, as before answers carried a seq.
        """
        return seq is None or seq > self.seq

    def answered_ticket(self, ticket: TicketInfo, why: CallReason | None, seq: int | None) -> None:
        """A step's answer: its ticket unless the stream is as new; a call's reason is kept
        for a live ticket either way (the stream's own reason wins when it has one)."""
        fresh = self.fresher(seq)
        if fresh:
            self._ticket(ticket)
        if why is not None and ticket.id in self.tickets and (fresh or ticket.id not in self.why):
            self.why[ticket.id] = why

    def answered_counter(self, counter: CounterInfo, seq: int | None) -> None:
        """A counter verb's answer: the counter unless the stream is as new."""
        if self.fresher(seq):
            self.counters[counter.id] = counter

    def answered_alarm(self, alarm: AlarmInfo, seq: int | None) -> None:
        """An alarm's answer (raised or acknowledged) unless the stream is as new."""
        if not self.fresher(seq):
            return
        if alarm.acknowledged_at is None:
            self.alarms[alarm.id] = alarm
        else:
            self.alarms.pop(alarm.id, None)

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


def _with_number(counter: CounterInfo, number: str | None) -> CounterInfo:
    return CounterInfo(
        id=counter.id,
        name=counter.name,
        location=counter.location,
        state=counter.state,
        clerk=counter.clerk,
        ticket_number=number,
    )
