"""Device alerts inside one write transaction: log raised and cleared ones, list the open ones.

An alert is logged as a `DeviceAlert` event (staff stream) and kept in `device_alerts` while
it is open, so a hub that starts again knows which devices it had reported as gone.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from server.db import eventlog
from server.db.models import DeviceAlertRow
from server.db.outcomes import AlertChange
from shared.domain import DeviceRole
from shared.protocol import DeviceAlert, DeviceProblem


def log_changes(
    session: Session, changes: Sequence[AlertChange], now: datetime
) -> tuple[DeviceAlert, ...]:
    """Log each change as an event and keep the open alerts' rows in step."""
    return tuple(_log(session, change, now) for change in changes)


def _log(session: Session, change: AlertChange, now: datetime) -> DeviceAlert:
    def event(seq: int, at: datetime) -> DeviceAlert:
        return DeviceAlert(
            seq=seq,
            at=at,
            device_id=change.device_id,
            name=change.name,
            role=change.role,
            raised=change.raised,
            problem=change.problem,
        )

    alert = eventlog.append(session, now, event)
    session.execute(delete(DeviceAlertRow).where(DeviceAlertRow.device_id == change.device_id))
    if alert.raised:
        session.add(
            DeviceAlertRow(
                device_id=alert.device_id,
                role=alert.role.value,
                name=alert.name,
                problem=alert.problem.value,
                seq=alert.seq,
                raised_at=alert.at,
            )
        )
        session.flush()  # a clear and a raise of one device in one round: delete, then insert
    return alert


def open_alerts(session: Session) -> tuple[DeviceAlert, ...]:
    """The alerts raised and not cleared, oldest first, as the events that raised them."""
    rows = session.scalars(select(DeviceAlertRow).order_by(DeviceAlertRow.seq))
    return tuple(
        DeviceAlert(
            seq=row.seq,
            at=row.raised_at,
            device_id=row.device_id,
            name=row.name,
            role=DeviceRole(row.role),
            raised=True,
            problem=DeviceProblem(row.problem),
        )
        for row in rows
    )
