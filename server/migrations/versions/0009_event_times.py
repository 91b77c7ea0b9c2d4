"""A plain index on the event log's time, for the prune's cutoff (`server.db.eventlog.prune`).

Each housekeeping round looks for the newest seq logged before the cutoff; without an index
on `events.at` that read every kept event (35-50 ms over 60 days of events on SQLite, in the
writer's slot). With it the prune reads the index entries of the events it is about to
delete. The partial `ix_events_at_noted` (0008) stays: it holds only the events with a note,
which the anonymisation reads.

Revision ID: 0009_event_times
Revises: 0008_event_notes
Create Date: 2026-12-08
"""

from __future__ import annotations

from alembic import op

revision: str = "0009_event_times"
down_revision: str | None = "0008_event_notes"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    """Index the logged events by time."""
    op.create_index("ix_events_at", "events", ["at"])


def downgrade() -> None:
    """Drop the index."""
    op.drop_index("ix_events_at", table_name="events")
