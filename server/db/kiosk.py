"""Kiosk-side reads and writes: today's walk-in quotas, device status reports."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from server.db import eventlog
from server.db.models import DeviceRow, DeviceStatusRow, TicketRow
from server.db.outcomes import DeviceReport
from server.errors import NotFoundError
from shared.devices import PrinterStatus
from shared.domain import DeviceRole, Site
from shared.protocol import DeviceInfo, DeviceStatusChanged


@dataclass(frozen=True)
class Quota:
    """One walk-in concern's daily quota today (`daily_cap` None: no limit)."""

    service_id: str
    daily_cap: int | None
    issued_today: int

    @property
    def remaining(self) -> int | None:
        """Tickets still to give out today (None: no limit)."""
        return None if self.daily_cap is None else max(0, self.daily_cap - self.issued_today)

    @property
    def used_up(self) -> bool:
        """True when no walk-in ticket of this concern is left today."""
        return self.remaining == 0


@dataclass(frozen=True)
class WalkInOffer:
    """The concerns offered to walk-ins (not emergencies), in site order, with their quotas."""

    day: date
    services: tuple[Quota, ...]


def walk_in_offer(session: Session, site: Site, day: date) -> WalkInOffer:
    """Today's walk-in concerns; a quota counts every number given out today (as the cap does)."""
    rows = session.execute(
        select(TicketRow.issued_service_id, func.max(TicketRow.seq))
        .where(TicketRow.day == day)
        .group_by(TicketRow.issued_service_id)
    )
    issued: dict[str, int] = {row[0]: row[1] for row in rows}
    quotas = tuple(
        Quota(service.id, service.daily_cap, issued.get(service.id) or 0)
        for service in site.services.values()
        if not service.emergency
    )
    return WalkInOffer(day, quotas)


def _info(device: DeviceRow, row: DeviceStatusRow) -> DeviceInfo:
    return DeviceInfo(
        id=device.id,
        name=device.name,
        role=DeviceRole(device.role),
        printer=PrinterStatus(row.printer),
        changed_at=row.changed_at,
        last_contact=row.reported_at,
    )


def report_status(
    session: Session, device_id: str, printer: PrinterStatus, now: datetime
) -> DeviceReport:
    """Keep a device's report; a changed (or first) printer state logs a `DeviceStatusChanged`."""
    device = session.get(DeviceRow, device_id)
    if device is None or device.revoked:
        raise NotFoundError(f"no device {device_id!r}")
    row = session.get(DeviceStatusRow, device_id)
    changed = row is None or row.printer != printer.value
    if row is None:
        row = DeviceStatusRow(device_id=device_id, printer=printer.value, changed_at=now)
        session.add(row)
    elif changed:
        row.printer = printer.value
        row.changed_at = now
    row.reported_at = now
    session.flush()
    info = _info(device, row)
    if not changed:
        return DeviceReport(info, ())
    event = eventlog.append(
        session, now, lambda seq, at: DeviceStatusChanged(seq=seq, at=at, device=info)
    )
    return DeviceReport(info, (event,))


def device_statuses(session: Session) -> tuple[DeviceInfo, ...]:
    """The last report of every device that is not revoked, by name."""
    rows = session.execute(
        select(DeviceRow, DeviceStatusRow)
        .join(DeviceStatusRow, DeviceStatusRow.device_id == DeviceRow.id)
        .where(DeviceRow.revoked.is_(False))
        .order_by(DeviceRow.name, DeviceRow.id)
    )
    return tuple(_info(device, row) for device, row in rows)
