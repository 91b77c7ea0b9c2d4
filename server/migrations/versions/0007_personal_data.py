"""Partial indexes for the anonymisation of old personal data (`server.db.personal`).

Each housekeeping round looks for tickets whose status key is not yet blank and appointments
whose number is not yet `anon-<id>`, on days before the cutoff. These indexes hold only such
rows (the last days' ones, once the first round has run), so a round that finds nothing
reads a few index pages instead of every old row.

Revision ID: 0007_personal_data
Revises: 0006_device_alerts
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0007_personal_data"
down_revision: str | None = "0006_device_alerts"
branch_labels: str | None = None
depends_on: str | None = None

KEYED = "status_key != ''"
NAMED = "number NOT LIKE 'anon-%'"


def upgrade() -> None:
    """Index the tickets still keyed by day, the appointments still named by time."""
    op.create_index(
        "ix_tickets_day_keyed",
        "tickets",
        ["day"],
        sqlite_where=sa.text(KEYED),
        postgresql_where=sa.text(KEYED),
    )
    op.create_index(
        "ix_appointments_scheduled_at_named",
        "appointments",
        ["scheduled_at"],
        sqlite_where=sa.text(NAMED),
        postgresql_where=sa.text(NAMED),
    )


def downgrade() -> None:
    """Drop both indexes."""
    op.drop_index("ix_appointments_scheduled_at_named", table_name="appointments")
    op.drop_index("ix_tickets_day_keyed", table_name="tickets")
