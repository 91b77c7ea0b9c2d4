"""Device status: each kiosk's last reported printer state and its last contact.

Revision ID: 0003_device_status
Revises: 0002_alarms
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0003_device_status"
down_revision: str | None = "0002_alarms"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    """Create the device_status table."""
    op.create_table(
        "device_status",
        sa.Column("device_id", sa.String(length=32), nullable=False),
        sa.Column("printer", sa.String(length=16), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reported_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["device_id"],
            ["devices.id"],
            name=op.f("fk_device_status_device_id_devices"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("device_id", name=op.f("pk_device_status")),
    )


def downgrade() -> None:
    """Drop the device_status table."""
    op.drop_table("device_status")
