"""Step keys: a clerk's `Idempotency-Key` and the first answer its step got.

Revision ID: 0005_step_keys
Revises: 0004_disabled_users
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0005_step_keys"
down_revision: str | None = "0004_disabled_users"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    """Create the step_keys table."""
    op.create_table(
        "step_keys",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner", sa.String(length=128), nullable=False),
        sa.Column("key", sa.String(length=128), nullable=False),
        sa.Column("request", sa.String(length=64), nullable=False),
        sa.Column("status", sa.Integer(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_step_keys")),
        sa.UniqueConstraint("owner", "key", name="uq_step_keys_owner_key"),
    )
    op.create_index("ix_step_keys_created_at", "step_keys", ["created_at"])


def downgrade() -> None:
    """Drop the step_keys table."""
    op.drop_index("ix_step_keys_created_at", table_name="step_keys")
    op.drop_table("step_keys")
