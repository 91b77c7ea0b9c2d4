"""The event log: gap-free sequence numbers in commit order, replay from a seq."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TypeVar

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from server.db.models import EventRow, EventSeqRow
from shared.protocol import (
    AlarmAcknowledged,
    AlarmRaised,
    CounterChanged,
    DeviceAlert,
    DeviceStatusChanged,
    StaffEvent,
    TicketCalled,
    TicketChanged,
    TicketIssued,
    decode,
    encode,
)

_STAFF = (
    TicketIssued,
    TicketCalled,
    TicketChanged,
    CounterChanged,
    AlarmRaised,
    AlarmAcknowledged,
    DeviceAlert,
    DeviceStatusChanged,
)
E = TypeVar(
    "E",
    TicketIssued,
    TicketCalled,
    TicketChanged,
    CounterChanged,
    AlarmRaised,
    AlarmAcknowledged,
    DeviceAlert,
    DeviceStatusChanged,
)


def append(session: Session, at: datetime, make: Callable[[int, datetime], E]) -> E:
    """Allocate the next seq (UPDATE … RETURNING on the one event_seq row) and log the event."""
    seq = session.execute(
        update(EventSeqRow)
        .where(EventSeqRow.id == 1)
        .values(value=EventSeqRow.value + 1)
        .returning(EventSeqRow.value)
    ).scalar_one()
    event = make(seq, at)
    session.add(EventRow(seq=seq, type=event.type, payload=encode(event), at=at))
    return event


def last_seq(session: Session) -> int:
    """The seq of the newest committed event (0 before the first)."""
    return session.execute(select(EventSeqRow.value).where(EventSeqRow.id == 1)).scalar_one()


def since(session: Session, seq: int, limit: int) -> list[StaffEvent] | None:
    """Events after `seq` in order, or None when more than `limit` are missing or were pruned."""
    newest = last_seq(session)
    if seq >= newest:
        return []
    if seq < 0 or newest - seq > limit:
        return None
    oldest = session.scalar(select(func.min(EventRow.seq)))
    if oldest is None or oldest > seq + 1:
        return None
    payloads = session.scalars(
        select(EventRow.payload).where(EventRow.seq > seq).order_by(EventRow.seq)
    )
    events: list[StaffEvent] = []
    for payload in payloads:
        event = decode(payload)
        if not isinstance(event, _STAFF):
            raise TypeError(f"event log holds a non-staff event: {event.type}")
        events.append(event)
    return events


def prune(session: Session, before: datetime) -> int:
    """Delete events logged before a time; returns how many. Replays from before get None.

    Deletes a prefix of the log (every seq up to the newest one logged before `before`), never
    a hole: after a clock step back a later seq can carry an earlier time, and `since` only
    checks the oldest kept seq, so a hole would be replayed across as if nothing were missing.
    The event_seq counter is untouched: seqs go on from where they were.

    The newest seq is found through `ix_events_at`, among the events about to go; `seq + 0`
    keeps both databases from answering `max(seq)` by walking the primary key back from the
    newest event until one is old enough, which reads the whole kept log.
    """
    through = session.scalar(select(func.max(EventRow.seq + 0)).where(EventRow.at < before))
    if through is None:
        return 0
    result = session.execute(delete(EventRow).where(EventRow.seq <= through))
    return int(getattr(result, "rowcount", 0))
