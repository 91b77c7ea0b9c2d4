"""A partial index for blanking the clerks' notes in old logged events (`server.db.personal`).

Each housekeeping round looks for logged ticket events (`ticket.issued`, `ticket.called`,
`ticket.changed`) whose payload still carries a note, from days before the cutoff. This index
holds only those (the few events of the last days whose ticket had a note, once the first
round has run), so a round that finds nothing reads a few index pages instead of the log.

Revision ID: 0008_event_notes
Revises: 0007_personal_data
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0008_event_notes"
down_revision: str | None = "0007_personal_data"
branch_labels: str | None = None
depends_on: str | None = None

NOTED = (
    "type IN ('ticket.issued', 'ticket.called', 'ticket.changed')"
    """ AND payload NOT LIKE '%"note":""%'"""
)


def upgrade() -> None:
    """Index the logged ticket events with a note by time."""
    op.create_index(
        "ix_events_at_noted",
        "events",
        ["at"],
        sqlite_where=sa.text(NOTED),
        postgresql_where=sa.text(NOTED),
    )


def downgrade() -> None:
    """Drop the index."""
    op.drop_index("ix_events_at_noted", table_name="events")
