"""Staff alarms inside one write transaction: raise, acknowledge, list the open ones.

The alarm names the counter and the staff member's username; it goes to the staff stream
only (`to_public` drops it) and log lines carry the alarm id and counter, never the name.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from server.db import desk_refusals, eventlog
from server.db.models import AlarmRow
from shared.domain import Site
from shared.protocol import AlarmAcknowledged, AlarmInfo, AlarmRaised


def alarm_info(row: AlarmRow, site: Site) -> AlarmInfo:
    """What staff see of an alarm."""
    counter = site.counters.get(row.counter_id)
    return AlarmInfo(
        id=row.id,
        counter_id=row.counter_id,
        counter_name=counter.name if counter else row.counter_id,
        raised_by=row.raised_by,
        raised_at=row.raised_at,
        acknowledged_by=row.acknowledged_by,
        acknowledged_at=row.acknowledged_at,
    )


def raise_alarm(
    session: Session, site: Site, counter_id: str, who: str, now: datetime
) -> tuple[AlarmInfo, AlarmRaised | None]:
    """Raise the alarm at a counter; an alarm still open there is answered again, no event."""
    if counter_id not in site.counters:
        raise desk_refusals.unknown_counter(counter_id)
    open_row = session.scalars(
        select(AlarmRow).where(
            AlarmRow.counter_id == counter_id, AlarmRow.acknowledged_at.is_(None)
        )
    ).first()
    if open_row is not None:
        return alarm_info(open_row, site), None
    row = AlarmRow(counter_id=counter_id, raised_by=who, raised_at=now)
    session.add(row)
    session.flush()
    info = alarm_info(row, site)
    event = eventlog.append(session, now, lambda seq, at: AlarmRaised(seq=seq, at=at, alarm=info))
    return info, event


def acknowledge(
    session: Session, site: Site, alarm_id: int, who: str, now: datetime
) -> tuple[AlarmInfo, AlarmAcknowledged]:
    """Acknowledge an open alarm; 409 when someone already did."""
    row = session.get(AlarmRow, alarm_id)
    if row is None:
        raise desk_refusals.unknown_alarm(alarm_id)
    if row.acknowledged_at is not None:
        raise desk_refusals.alarm_acknowledged(alarm_id, row.acknowledged_by)
    row.acknowledged_by, row.acknowledged_at = who, now
    info = alarm_info(row, site)
    event = eventlog.append(
        session, now, lambda seq, at: AlarmAcknowledged(seq=seq, at=at, alarm=info)
    )
    return info, event


def open_alarms(session: Session, site: Site) -> tuple[AlarmInfo, ...]:
    """The alarms nobody has acknowledged yet, oldest first."""
    rows = session.scalars(
        select(AlarmRow).where(AlarmRow.acknowledged_at.is_(None)).order_by(AlarmRow.id)
    )
    return tuple(alarm_info(row, site) for row in rows)
