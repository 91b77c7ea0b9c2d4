"""Import of booked appointments from CSV (number, service_id, scheduled_at, name)."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from server.db.models import ANON_PREFIX, AppointmentRow
from server.db.outcomes import ImportResult
from server.errors import InvalidInputError
from shared.domain import Site
from shared.text import refusal

REQUIRED = ("number", "service_id", "scheduled_at")
MAX_NUMBER = 64
MAX_NAME = 200


def import_csv(session: Session, site: Site, csv_text: str) -> ImportResult:
    """Add the appointments of a CSV; known numbers are skipped, bad rows reported by line."""
    reader = csv.DictReader(io.StringIO(csv_text.lstrip("\ufeff")))
    header = [name.strip() for name in reader.fieldnames or ()]
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        raise InvalidInputError(
            f"CSV header lacks {', '.join(missing)} (needs number,service_id,scheduled_at,name)"
        )
    reader.fieldnames = header
    known = set(session.scalars(select(AppointmentRow.number)))
    imported = skipped = 0
    errors: list[str] = []
    for record in reader:
        line = reader.line_num
        try:
            row = _parse(record, site)
        except ValueError as error:
            errors.append(f"line {line}: {error}")
            continue
        if row.number in known:
            skipped += 1
            continue
        known.add(row.number)
        session.add(row)
        imported += 1
    return ImportResult(imported=imported, skipped=skipped, errors=tuple(errors))


def _parse(record: dict[str | None, str | None], site: Site) -> AppointmentRow:
    if None in record:
        raise ValueError("more fields than the header names")
    number = (record.get("number") or "").strip()
    service_id = (record.get("service_id") or "").strip()
    when = (record.get("scheduled_at") or "").strip()
    name = (record.get("name") or "").strip()
    for field, value in (("number", number), ("service_id", service_id), ("name", name)):
        reason = refusal(value)
        if reason is not None:
            raise ValueError(f"{field} {reason}")
    if not number or len(number) > MAX_NUMBER:
        raise ValueError(f"number must be 1 to {MAX_NUMBER} characters")
    if number.casefold().startswith(ANON_PREFIX):
        raise ValueError(f"number {number!r}: {ANON_PREFIX!r} marks anonymised appointments")
    if service_id not in site.services:
        raise ValueError(f"unknown service {service_id!r}")
    if len(name) > MAX_NAME:
        raise ValueError(f"name is longer than {MAX_NAME} characters")
    try:
        scheduled = datetime.fromisoformat(when)
    except ValueError:
        raise ValueError(f"scheduled_at {when!r} is not an ISO 8601 time") from None
    if scheduled.tzinfo is None:
        scheduled = scheduled.replace(tzinfo=ZoneInfo(site.timezone))
    return AppointmentRow(number=number, service_id=service_id, scheduled_at=scheduled, name=name)
