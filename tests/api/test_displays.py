"""The hub's side of the wall displays: own counters, places, language, count, ack and alerts.

Real hub (uvicorn on 127.0.0.1:0) on a SQLite file and on PostgreSQL; a `FakeClock` stands in
for the 30 s a display may go without stream or acknowledgement, so nothing waits that long.
"""

from __future__ import annotations

import contextlib
import json
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from websockets.sync.client import ClientConnection, connect

from server.app import ServerOptions, create_app
from server.serve import ServerThread
from server.store import Store, create_engine_for, migrate
from shared.clock import FakeClock
from shared.config import parse_config
from shared.display_setup import decode_setup
from shared.domain import DeviceRole, UserRole
from shared.protocol import DisplayAck, encode_ack
from tests.pg import fresh_schema, require_postgres

SITE = """
[site]
id = "display-office"
name = "Testamt"
languages = ["de", "en", "ar"]

[server]
zeroconf = false

[[services]]
id = "general"
letter = "A"
names = { de = "Allgemein", en = "General" }

[[counters]]
id = "c1"
name = "Schalter 1"
location = "1. OG, Raum 1.12"
floor = "1. OG"
room = "Raum 1.12"
direction = "← links"
services = { general = 10 }

[[counters]]
id = "c2"
name = "Schalter 2"
services = { general = 10 }

[[displays]]
id = "og1"
name = "Wartebereich 1. OG"
counters = ["c1"]

[[displays]]
id = "eg"
name = "Foyer"
counters = ["c2"]

[info]
seconds = 5
texts.de = ["Willkommen"]
texts.ar = ["أهلاً"]
"""
START = "2026-11-23T08:00:00+01:00"


@dataclass
class DisplayHub:
    """A running hub with a fake clock, a display "og1", an unknown display and a clerk."""

    port: int
    clock: FakeClock
    tokens: dict[str, str]
    store: Store

    def http(self, role: str) -> httpx.Client:
        """An HTTP client for /api/v1 with a role's token."""
        return httpx.Client(
            base_url=f"http://127.0.0.1:{self.port}/api/v1",
            headers={"Authorization": f"Bearer {self.tokens[role]}"},
            timeout=10,
        )

    def stream(self, role: str, since: int = 0) -> ClientConnection:
        """An event stream with a role's token."""
        url = f"ws://127.0.0.1:{self.port}/api/v1/events?since={since}"
        headers = {"Authorization": f"Bearer {self.tokens[role]}"}
        return connect(url, additional_headers=headers, open_timeout=5)

    def issue(self, language: str = "ar") -> int:
        """A walk-in ticket's id."""
        body = {"service_id": "general", "language": language, "idempotency_key": uuid.uuid4().hex}
        with self.http("clerk") as clerk:
            answer = clerk.post("/tickets", json=body)
        assert answer.status_code == 200, answer.text
        return int(answer.json()["ticket"]["id"])

    def call(self, counter: str) -> dict[str, Any]:
        """Open a counter and call the next ticket there."""
        with self.http("clerk") as clerk:
            clerk.post(f"/counters/{counter}/open")
            answer = clerk.post(f"/counters/{counter}/call-next")
        assert answer.status_code == 200, answer.text
        return dict(answer.json())


def _serve(url: str) -> Iterator[DisplayHub]:
    config = parse_config(SITE)
    site = config.to_site()
    clock = FakeClock(datetime.fromisoformat(START))
    engine = create_engine_for(url)
    migrate(engine)
    store = Store(engine, site, clock)
    tokens = {
        "og1": store.add_device("og1", DeviceRole.DISPLAY)[1],
        "wall": store.add_device("wall", DeviceRole.DISPLAY)[1],
    }
    store.add_user("clerk", "correct horse battery", UserRole.CLERK, "Clerk")
    tokens["clerk"] = store.login("clerk", "correct horse battery")[1]
    options = ServerOptions(heartbeat_seconds=0.5, device_check_seconds=0.05)
    thread = ServerThread(create_app(store, site=site, config=config, clock=clock, options=options))
    port = thread.start()
    try:
        yield DisplayHub(port, clock, tokens, store)
    finally:
        thread.stop()
        engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def hub(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[DisplayHub]:
    """The hub on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        yield from _serve(f"sqlite:///{tmp_path / 'hub.sqlite3'}")
        return
    require_postgres()
    with fresh_schema("display") as url:
        yield from _serve(url)


def _next(ws: ClientConnection, wanted: Callable[[dict[str, Any]], bool]) -> dict[str, Any]:
    """The next frame that `wanted` accepts (heartbeats and others are read past)."""
    while True:
        frame: dict[str, Any] = json.loads(ws.recv(timeout=10))
        if wanted(frame):
            return frame


def test_a_display_gets_its_own_counters_with_places_language_and_count(hub: DisplayHub) -> None:
    with hub.stream("og1") as board, hub.stream("wall") as everything:
        assert _next(board, lambda f: True)["type"] == "public.snapshot"
        hub.issue("ar")
        hub.issue("en")
        hub.call("c2")
        hub.call("c1")
        call = _next(board, lambda f: f["type"] == "public.call")
        seen = [_next(everything, lambda f: f["type"] == "public.call") for _ in range(2)]
    assert call["counter_id"] == "c1"  # c2's call never reached the 1st floor's display
    assert (call["floor"], call["room"], call["direction"]) == ("1. OG", "Raum 1.12", "← links")
    assert call["language"] == "en"
    assert call["waiting"] == 0
    assert [f["counter_id"] for f in seen] == ["c2", "c1"]
    assert seen[0]["language"] == "ar"


def test_the_display_learns_its_setup(hub: DisplayHub) -> None:
    with hub.http("og1") as og1, hub.http("wall") as wall, hub.http("clerk") as clerk:
        own = decode_setup(og1.get("/display").json())
        other = decode_setup(wall.get("/display").json())
        refused = clerk.get("/display")
    assert own.display_id == "og1"
    assert [c.id for c in own.counters] == ["c1"]
    assert own.counters[0].floor == "1. OG"
    assert own.info_seconds == 5
    assert [(i.language, i.texts) for i in own.info] == [("de", ("Willkommen",)), ("ar", ("أهلاً",))]
    assert other.display_id is None  # no [[displays]] entry: every counter
    assert [c.id for c in other.counters] == ["c1", "c2"]
    assert refused.status_code == 403


def _alert(staff: ClientConnection, *, raised: bool) -> dict[str, Any]:
    return _next(staff, lambda f: f["type"] == "device.alert" and f["raised"] is raised)


def _alert_after_leaving(hub: DisplayHub, staff: ClientConnection) -> dict[str, Any]:
    """The next alert, moving the clock on by 31 s until it comes.

    A display's close reaches the hub a moment after the client closed, so one step could
    land before the hub knew; each step is a whole alert delay after any such moment.
    """
    for _ in range(20):
        hub.clock.advance(31)
        with contextlib.suppress(TimeoutError):
            frame: dict[str, Any] = json.loads(staff.recv(timeout=0.5))
            while frame["type"] != "device.alert":
                frame = json.loads(staff.recv(timeout=0.5))
            return frame
    raise AssertionError("no display alert")


def test_a_display_that_stops_acknowledging_raises_an_alert_until_it_is_back(
    hub: DisplayHub,
) -> None:
    with hub.stream("clerk") as staff, hub.stream("og1") as board:
        snapshot = _next(board, lambda f: True)
        board.send(encode_ack(DisplayAck(seq=snapshot["seq"])))
        hub.issue()
        hub.call("c1")
        call = _next(board, lambda f: f["type"] == "public.call")
        hub.clock.advance(31)  # the call stays unacknowledged for 31 s of the hub's clock
        raised = _alert(staff, raised=True)
        assert (raised["problem"], raised["name"]) == ("no_ack", "og1")
        board.send(encode_ack(DisplayAck(seq=call["seq"])))
        cleared = _alert(staff, raised=False)
        assert cleared["problem"] == "no_ack"
    with hub.stream("clerk", since=cleared["seq"]) as staff:
        gone = _alert_after_leaving(hub, staff)  # the display's stream is gone for 31 s
        assert gone["raised"]
        assert gone["problem"] == "no_stream"
        with hub.stream("clerk") as fresh:
            assert [a["problem"] for a in _next(fresh, lambda f: True)["alerts"]] == ["no_stream"]
        with hub.stream("og1"):
            back = _alert(staff, raised=False)
    assert back["problem"] == "no_stream"
    assert [e.type for e in hub.store.events_since(0) or ()].count("device.alert") == 4


def test_a_configured_display_that_never_comes_raises_an_alert(hub: DisplayHub) -> None:
    with hub.stream("clerk") as staff:
        hub.clock.advance(31)
        alert = _alert(staff, raised=True)
    assert (alert["name"], alert["problem"]) == ("og1", "no_stream")


def test_a_display_that_never_acknowledges_is_not_watched(hub: DisplayHub) -> None:
    with hub.stream("clerk") as staff, hub.stream("wall") as wall:
        with hub.stream("og1") as og1:
            og1.send(encode_ack(DisplayAck(seq=0)))
            _next(wall, lambda f: True)
            hub.issue()
            hub.call("c2")  # only "wall" gets it, and never acknowledges
            _next(wall, lambda f: f["type"] == "public.call")
            hub.clock.advance(31)
        first = _alert_after_leaving(hub, staff)  # og1 is gone; wall's would have come first
    assert (first["name"], first["problem"]) == ("og1", "no_stream")
