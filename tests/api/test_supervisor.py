"""The supervisor's overview, remote counter actions, and 401 answers that say why."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import httpx
import pytest
from websockets.sync.client import connect

from server.app import ServerOptions, create_app
from server.serve import ServerThread
from server.store import Store, create_engine_for
from shared.clock import FakeClock
from shared.config import parse_config
from tests.api.conftest import SITE_TOML

if TYPE_CHECKING:
    from tests.api.conftest import Hub, Template


def test_the_overview_has_figures_and_every_devices_contact(hub: Hub) -> None:
    tid = hub.issue()["ticket"]["id"]
    with connect(hub.ws_url(), additional_headers=hub.auth("display"), open_timeout=5) as ws:
        ws.recv(timeout=5)
        with hub.client("supervisor") as boss:
            answer = boss.get("/supervisor")
            assert answer.status_code == 200, answer.text
            view = answer.json()
    assert view["figures"]["tickets"] == 1
    assert view["figures"]["waiting"] == 1
    assert view["figures"]["median_wait_minutes"] is None
    devices = {d["role"]: d for d in view["devices"]}
    assert devices["display"]["streaming"] is True
    assert devices["display"]["last_seen"] is not None
    assert devices["kiosk"]["streaming"] is False
    assert devices["kiosk"]["last_seen"] is not None  # it issued the ticket
    assert devices["counter"]["last_seen"] is None  # never heard from since the hub started
    staff = {s["username"]: s for s in view["staff"]}
    assert staff["supervisor"]["last_seen"] is not None
    with hub.client("clerk") as clerk:
        assert clerk.get("/supervisor").status_code == 403
        clerk.post("/counters/c1/open")
        clerk.post("/counters/c1/call-next")
    with hub.client("supervisor") as boss:
        assert boss.post("/counters/c2/open").json()["state"] == "open"
        assert boss.post("/counters/c2/pause").json()["state"] == "paused"
        refused = boss.post("/counters/c1/close")
        assert refused.status_code == 409
        assert "A001" in refused.json()["detail"]
        assert boss.get("/supervisor").json()["figures"]["called"] == 1
    assert tid


@pytest.fixture
def clocked(
    tmp_path: Path, template: Template
) -> Iterator[tuple[httpx.Client, FakeClock, dict[str, str]]]:
    """A hub on the template's tokens whose clock the test moves."""
    for suffix in ("", "-wal"):
        source = template.path.with_name(template.path.name + suffix)
        if source.exists():
            shutil.copy(source, tmp_path / f"hub.sqlite3{suffix}")
    config = parse_config(SITE_TOML)
    site = config.to_site()
    clock = FakeClock(datetime.now(UTC))
    engine = create_engine_for(f"sqlite:///{tmp_path / 'hub.sqlite3'}")
    store = Store(engine, site, clock)
    app = create_app(store, site=site, config=config, clock=clock, options=ServerOptions())
    thread = ServerThread(app)
    port = thread.start()
    with httpx.Client(base_url=f"http://127.0.0.1:{port}/api/v1", timeout=10) as http:
        yield http, clock, template.tokens
    thread.stop()
    engine.dispose()


def test_an_expired_session_is_a_401_with_a_reason(
    clocked: tuple[httpx.Client, FakeClock, dict[str, str]],
) -> None:
    http, clock, tokens = clocked
    clerk = {"Authorization": f"Bearer {tokens['clerk']}"}
    assert http.get("/queue", headers=clerk).status_code == 200
    clock.advance(timedelta(hours=13))
    answer = http.get("/queue", headers=clerk)
    assert answer.status_code == 401
    assert answer.json()["reason"] == "session_expired"
    assert answer.headers["www-authenticate"] == "Bearer"
    unknown = http.get("/queue", headers={"Authorization": "Bearer nope"})
    assert unknown.json()["reason"] == "unknown_token"
    assert http.get("/queue").json()["reason"] == "unknown_token"


def test_a_counter_reads_the_policy_settings(hub: Hub) -> None:
    with hub.client("clerk") as clerk:
        assert clerk.get("/policy").json() == {
            "appointment_window_minutes": 15.0,
            "ageing_per_minute": 0.1,
            "max_wait_minutes": 60.0,
        }
