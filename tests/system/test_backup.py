"""`aufruf backup` under load and `aufruf restore`: every acknowledged ticket is back."""

from __future__ import annotations

import sqlite3
import subprocess
import threading
import uuid
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

from shared.domain import DeviceRole
from tests.system.conftest import AUFRUF, WALK_IN_SERVICES, Database, HubProcess, api

pytestmark = pytest.mark.slow

KIOSKS = 3
BEFORE_BACKUP = 60  # tickets acknowledged before the backup starts
DURING = 20  # … and after it, so the hub was under load all along


@dataclass
class Kiosks:
    """Kiosk threads issuing tickets over HTTP; the ids the hub acknowledged."""

    stop: threading.Event = field(default_factory=threading.Event)
    acknowledged: list[int] = field(default_factory=list)
    reached: threading.Condition = field(default_factory=threading.Condition)

    def run(self, base: str, token: str) -> None:
        """Issue tickets until stopped."""
        with api(base, token, timeout=30) as http:
            number = 0
            while not self.stop.is_set():
                service = WALK_IN_SERVICES[number % len(WALK_IN_SERVICES)]
                body = {
                    "service_id": service,
                    "language": "de",
                    "idempotency_key": uuid.uuid4().hex,
                }
                number += 1
                try:
                    answer = http.post("/tickets", json=body)
                except httpx.TransportError:
                    return
                if answer.is_success:
                    with self.reached:
                        self.acknowledged.append(int(answer.json()["ticket"]["id"]))
                        self.reached.notify_all()

    def wait_for(self, count: int) -> list[int]:
        """Wait until `count` tickets are acknowledged in all; return the ids so far."""
        with self.reached:
            assert self.reached.wait_for(lambda: len(self.acknowledged) >= count, timeout=120)
            return list(self.acknowledged)


def _aufruf(database: Database, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [AUFRUF, *args, "--config", str(database.site_path), "--database-url", database.url],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _ticket_ids(database: Database) -> set[int]:
    path = database.url.removeprefix("sqlite:///")
    with closing(sqlite3.connect(path)) as conn:
        return {row[0] for row in conn.execute("SELECT id FROM tickets")}


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_backup_under_load_restores_every_acknowledged_ticket(
    database: Database, hub_factory: Callable[[], HubProcess], tmp_path: Path
) -> None:
    token = database.store.add_device("Kiosk", DeviceRole.KIOSK)[1]
    hub = hub_factory()
    base = hub.start()
    kiosks = Kiosks()
    threads = [threading.Thread(target=kiosks.run, args=(base, token)) for _ in range(KIOSKS)]
    for thread in threads:
        thread.start()
    backup = tmp_path / "backup.sqlite3"
    try:
        before = kiosks.wait_for(BEFORE_BACKUP)
        saved = _aufruf(database, "backup", str(backup))
        assert saved.returncode == 0, saved.stderr
        kiosks.wait_for(len(kiosks.acknowledged) + DURING)
        refused = _aufruf(database, "restore", str(backup))
        assert refused.returncode == 2
        assert "a hub is running on" in refused.stderr
        assert "stop it first" in refused.stderr
    finally:
        kiosks.stop.set()
        for thread in threads:
            thread.join(60)
    hub.stop()
    everything = set(kiosks.acknowledged)
    assert len(_ticket_ids(database)) == len(everything)

    restored = _aufruf(database, "restore", str(backup))
    assert restored.returncode == 0, restored.stderr
    back = _ticket_ids(database)
    assert set(before) <= back, "an acknowledged ticket is missing from the backup"
    assert back <= everything
    assert len(back) < len(everything)  # the restore really replaced the newer tickets

    again = hub.start()  # the hub serves on from the restored database
    with api(again, token) as http:
        body = {"service_id": WALK_IN_SERVICES[0], "language": "de", "idempotency_key": "x" * 16}
        answer = http.post("/tickets", json=body)
        assert answer.status_code == 200, answer.text
    assert not hub.problems(), hub.log()


def test_postgresql_gets_the_pg_dump_and_pg_restore_lines(tmp_path: Path) -> None:
    config = tmp_path / "office.toml"
    config.write_text(
        (Path(__file__).parents[2] / "examples" / "office.toml").read_text(encoding="utf-8")
    )
    url = "postgresql://aufruf:secret@db.example/aufruf"
    for command, tool in (("backup", "pg_dump"), ("restore", "pg_restore")):
        done = subprocess.run(
            [AUFRUF, command, "day.dump", "--config", str(config), "--database-url", url],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert done.returncode == 2
        assert tool in done.stderr
        assert "db.example/aufruf" in done.stderr
        assert "secret" not in done.stderr  # the password is not printed
        assert "Traceback" not in done.stderr
