"""Disabled users: a flag per user, why a session ended, and trust changes for the running hub.

`users.disabled` refuses the user's logins; `sessions.ended_reason` keeps why a session was
ended early (``user_disabled``), so its token is refused with that reason. `trust_changes`
counts changes that take access away (a disabled user, a revoked device): the running hub
watches `changes` and, once it has applied one, writes it to `applied` (the CLI waits for it).

Revision ID: 0004_disabled_users
Revises: 0003_device_status
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0004_disabled_users"
down_revision: str | None = "0003_device_status"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    """Add users.disabled, sessions.ended_reason and the trust_changes row."""
    with op.batch_alter_table("users") as batch:
        batch.add_column(
            sa.Column("disabled", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    with op.batch_alter_table("sessions") as batch:
        batch.add_column(sa.Column("ended_reason", sa.String(length=32), nullable=True))
    trust = op.create_table(
        "trust_changes",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("changes", sa.Integer(), nullable=False),
        sa.Column("applied", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_trust_changes")),
    )
    op.bulk_insert(trust, [{"id": 1, "changes": 0, "applied": 0}])


def downgrade() -> None:
    """Drop them again."""
    op.drop_table("trust_changes")
    with op.batch_alter_table("sessions") as batch:
        batch.drop_column("ended_reason")
    with op.batch_alter_table("users") as batch:
        batch.drop_column("disabled")
