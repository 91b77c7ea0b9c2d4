"""Device alerts: the open ones kept in a table; the display alerts of the log become device alerts.

`device_alerts` holds one row per device whose alert is raised and not cleared, so a hub that
starts again takes them over (and clears them when the device is back). The event log's
`display.alert` events are rewritten as `device.alert` (``display_name`` -> ``name``, role
``display``), the one alert event of every kind of device; the displays whose newest alert
in the log is still raised get their row.

Revision ID: 0006_device_alerts
Revises: 0005_step_keys
Create Date: 2026-12-09
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0006_device_alerts"
down_revision: str | None = "0005_step_keys"
branch_labels: str | None = None
depends_on: str | None = None

_events = sa.table(
    "events",
    sa.column("seq", sa.Integer()),
    sa.column("type", sa.String()),
    sa.column("payload", sa.Text()),
    sa.column("at", sa.DateTime(timezone=True)),
)
_devices = sa.table("devices", sa.column("id", sa.String()))


def upgrade() -> None:
    """Create device_alerts, rewrite the log's display alerts, keep the open ones."""
    alerts = op.create_table(
        "device_alerts",
        sa.Column("device_id", sa.String(length=32), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("problem", sa.String(length=16), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("raised_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["device_id"],
            ["devices.id"],
            name=op.f("fk_device_alerts_device_id_devices"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("device_id", name=op.f("pk_device_alerts")),
    )
    bind = op.get_bind()
    newest: dict[str, tuple[dict[str, Any], datetime]] = {}
    for seq, payload, at in _rows(bind, "display.alert"):
        alert = json.loads(payload)
        alert["type"] = "device.alert"
        alert["name"] = alert.pop("display_name", alert["device_id"])
        alert["role"] = "display"
        _rewrite(bind, seq, alert)
        newest[alert["device_id"]] = (alert, at)
    known = set(bind.execute(sa.select(_devices.c.id)).scalars())
    rows = [
        {
            "device_id": alert["device_id"],
            "role": "display",
            "name": alert["name"][:100],
            "problem": alert["problem"],
            "seq": alert["seq"],
            "raised_at": at,
        }
        for alert, at in newest.values()
        if alert["raised"] and alert["device_id"] in known
    ]
    if rows:
        op.bulk_insert(alerts, rows)


def downgrade() -> None:
    """Drop device_alerts; the log's device alerts become display alerts again."""
    bind = op.get_bind()
    for seq, payload, _ in _rows(bind, "device.alert"):
        alert = json.loads(payload)
        alert["type"] = "display.alert"
        alert["display_name"] = alert.pop("name")
        if alert.pop("role") != "display" or alert["problem"] == "offline":
            alert["problem"] = "no_stream"  # a kiosk's: the old code knows displays only
        _rewrite(bind, seq, alert)
    op.drop_table("device_alerts")


def _rows(bind: sa.Connection, kind: str) -> list[tuple[int, str, datetime]]:
    query = sa.select(_events.c.seq, _events.c.payload, _events.c.at)
    query = query.where(_events.c.type == kind).order_by(_events.c.seq)
    return [(int(seq), str(payload), at) for seq, payload, at in bind.execute(query)]


def _rewrite(bind: sa.Connection, seq: int, alert: dict[str, Any]) -> None:
    payload = json.dumps(alert, ensure_ascii=False, separators=(",", ":"))
    bind.execute(
        sa.update(_events).where(_events.c.seq == seq).values(type=alert["type"], payload=payload)
    )
