"""Importing booked appointments from CSV."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, select

from server.db.models import AppointmentRow
from server.errors import InvalidInputError
from server.store import Store


def test_import_counts_rows_skips_known_and_reports_bad_lines(store: Store, engine: Engine) -> None:
    text = (
        "\ufeffnumber,service_id,scheduled_at,name\n"
        "T-1,passport,2026-11-23T10:00,Ada Lovelace\n"
        "T-2,general,2026-11-23T10:30:00+00:00,Bo\n"
        "T-1,general,2026-11-23T11:00,duplicate in the same file\n"
        "T-3,nope,2026-11-23T11:00,\n"
        "T-4,general,tomorrow,\n"
        ",general,2026-11-23T11:00,\n"
        "T-5,general,2026-11-23T11:00,x,extra\n"
    )
    result = store.import_appointments(text)
    assert (result.imported, result.skipped) == (2, 1)
    assert result.errors == (
        "line 5: unknown service 'nope'",
        "line 6: scheduled_at 'tomorrow' is not an ISO 8601 time",
        "line 7: number must be 1 to 64 characters",
        "line 8: more fields than the header names",
    )
    again = store.import_appointments(text)
    assert (again.imported, again.skipped) == (0, 3)
    with engine.connect() as conn:
        rows = conn.execute(
            select(
                AppointmentRow.number, AppointmentRow.scheduled_at, AppointmentRow.name
            ).order_by(AppointmentRow.number)
        ).all()
    assert [(n, when.astimezone(UTC), name) for n, when, name in rows] == [
        ("T-1", datetime(2026, 11, 23, 9, 0, tzinfo=UTC), "Ada Lovelace"),  # naive = Berlin
        ("T-2", datetime(2026, 11, 23, 10, 30, tzinfo=UTC), "Bo"),
    ]


def test_header_must_name_the_columns(store: Store) -> None:
    with pytest.raises(InvalidInputError, match="lacks scheduled_at"):
        store.import_appointments("number,service_id,when\nT-1,general,2026-11-23T10:00\n")
    with pytest.raises(InvalidInputError, match="lacks number, service_id, scheduled_at"):
        store.import_appointments("")


def test_overlong_name_is_reported(store: Store) -> None:
    result = store.import_appointments(
        "number,service_id,scheduled_at,name\nT-1,general,2026-11-23T10:00," + "x" * 201 + "\n"
    )
    assert result.errors == ("line 2: name is longer than 200 characters",)
    assert result.imported == 0
