"""Device alerts in the store: logged as events, kept open in `device_alerts` until cleared,
carried by the staff snapshot; migration 0006 turns the log's display alerts into device
alerts and keeps the open ones. A real SQLite file and a real PostgreSQL schema."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, insert, select, update

from server.db.engine import migrate
from server.db.models import DeviceRow, EventRow, EventSeqRow
from server.db.outcomes import AlertChange
from server.store import Store
from shared.clock import FakeClock
from shared.domain import DeviceRole, Site
from shared.protocol import DeviceAlert, DeviceProblem
from tests.store.conftest import START
from tests.store.schema_at import engine_at


def _change(device_id: str, problem: DeviceProblem, *, raised: bool) -> AlertChange:
    role = DeviceRole.KIOSK if problem is DeviceProblem.OFFLINE else DeviceRole.DISPLAY
    return AlertChange(device_id, f"name of {device_id}", role, problem, raised=raised)


def test_open_alerts_are_kept_until_cleared_and_ride_on_the_snapshot(
    store: Store, clock: FakeClock
) -> None:
    kiosk = store.add_device("Eingang", DeviceRole.KIOSK)[0].id
    wall = store.add_device("Foyer", DeviceRole.DISPLAY)[0].id
    raised = store.log_device_alerts(
        [
            _change(kiosk, DeviceProblem.OFFLINE, raised=True),
            _change(wall, DeviceProblem.NO_ACK, raised=True),
        ]
    ).events
    assert [e.seq for e in raised] == [1, 2]
    assert store.open_device_alerts() == raised
    assert store.snapshot().alerts == raised
    clock.advance(timedelta(minutes=1))
    switched = store.log_device_alerts(  # one round: the display's problem changes
        [
            _change(wall, DeviceProblem.NO_ACK, raised=False),
            _change(wall, DeviceProblem.NO_STREAM, raised=True),
        ]
    ).events
    kept = store.open_device_alerts()
    assert [(a.device_id, a.problem, a.seq) for a in kept] == [
        (kiosk, DeviceProblem.OFFLINE, 1),
        (wall, DeviceProblem.NO_STREAM, switched[1].seq),
    ]
    assert kept[1].at == START + timedelta(minutes=1)
    cleared = store.log_device_alerts([_change(kiosk, DeviceProblem.OFFLINE, raised=False)])
    assert not cleared.events[0].raised
    assert [a.device_id for a in store.snapshot().alerts] == [wall]
    logged = store.events_since(0) or []
    assert [e.type for e in logged] == ["device.alert"] * 5
    assert all(isinstance(e, DeviceAlert) for e in logged)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def old_engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """An engine whose schema is still at 0005 (before device alerts)."""
    yield from engine_at(request, tmp_path, "0005_step_keys")


def _old_alert(seq: int, device_id: str, problem: str, *, raised: bool) -> dict[str, object]:
    payload = {
        "type": "display.alert",
        "seq": seq,
        "at": (START + timedelta(seconds=seq)).isoformat(),
        "device_id": device_id,
        "display_name": f"Anzeige {device_id}",
        "raised": raised,
        "problem": problem,
    }
    return {
        "seq": seq,
        "type": "display.alert",
        "payload": json.dumps(payload),
        "at": START + timedelta(seconds=seq),
    }


def test_the_migration_turns_display_alerts_into_device_alerts(
    old_engine: Engine, site: Site, clock: FakeClock
) -> None:
    with old_engine.begin() as conn:
        conn.execute(
            insert(DeviceRow),
            [
                {
                    "id": name,
                    "name": f"Anzeige {name}",
                    "role": "display",
                    "token_hash": name * 8,
                    "revoked": False,
                    "created_at": START,
                }
                for name in ("d1", "d2", "d3")
            ],
        )
        conn.execute(
            insert(EventRow),
            [
                _old_alert(1, "d1", "no_ack", raised=True),
                _old_alert(2, "d2", "no_stream", raised=True),
                _old_alert(3, "d1", "no_ack", raised=False),
                _old_alert(4, "d3", "no_stream", raised=True),
                _old_alert(5, "gone", "no_stream", raised=True),  # a device since deleted
            ],
        )
        conn.execute(update(EventSeqRow).values(value=5))
    migrate(old_engine)
    store = Store(old_engine, site, clock)
    logged = store.events_since(0) or []
    assert [(e.seq, e.type) for e in logged] == [(s, "device.alert") for s in range(1, 6)]
    first = logged[0]
    assert isinstance(first, DeviceAlert)
    assert (first.name, first.role, first.problem) == ("Anzeige d1", DeviceRole.DISPLAY, "no_ack")
    assert [(a.device_id, a.seq, a.problem) for a in store.open_device_alerts()] == [
        ("d2", 2, DeviceProblem.NO_STREAM),
        ("d3", 4, DeviceProblem.NO_STREAM),
    ]
    assert store.open_device_alerts()[0].at == START + timedelta(seconds=2)
    with old_engine.connect() as conn:
        types = conn.execute(select(EventRow.type).distinct()).scalars().all()
    assert types == ["device.alert"]
