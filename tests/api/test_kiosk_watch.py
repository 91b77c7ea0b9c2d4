"""Kiosks out of contact are office alerts: one device watch for kiosks and wall displays.

Real hub (uvicorn on 127.0.0.1:0) on a SQLite file and on PostgreSQL; a `FakeClock` stands in
for the 30 s a kiosk may go without its stream or a request, so nothing waits that long.
"""

from __future__ import annotations

import contextlib
import json
import logging
import time
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
from shared.domain import DeviceRole, UserRole
from shared.protocol import DeviceProblem
from tests.api.clocked_hub import RoundLog
from tests.pg import fresh_schema, require_postgres

SITE = """
[site]
id = "kiosk-watch-office"
name = "Testamt"
languages = ["de", "en"]

[server]
zeroconf = false

[[services]]
id = "general"
letter = "A"
names = { de = "Allgemein", en = "General" }

[[counters]]
id = "c1"
name = "Schalter 1"
services = { general = 10 }

[[displays]]
id = "og1"
name = "Wartebereich 1. OG"
counters = ["c1"]

[[kiosks]]
id = "eingang"
name = "Kiosk Eingang"
printer = { transport = "none" }
"""
START = "2026-11-23T08:00:00+01:00"
STEP = 31  # seconds: a little more than the alert delay


@dataclass
class WatchHub:
    """A running hub with a fake clock, a configured kiosk and display, another kiosk, a clerk."""

    port: int
    clock: FakeClock
    tokens: dict[str, str]
    store: Store
    thread: ServerThread

    def restart(self) -> None:
        """Stop the hub and start a new one over the same database (what it knew is gone)."""
        self.thread.stop()
        self.thread = _thread(self.store, self.clock, self.port)
        self.thread.start()

    def http(self, who: str) -> httpx.Client:
        """An HTTP client for /api/v1 with a device's or the clerk's token."""
        return httpx.Client(
            base_url=f"http://127.0.0.1:{self.port}/api/v1",
            headers={"Authorization": f"Bearer {self.tokens[who]}"},
            timeout=10,
        )

    def stream(self, who: str, since: int = 0) -> ClientConnection:
        """An event stream with a device's or the clerk's token."""
        url = f"ws://127.0.0.1:{self.port}/api/v1/events?since={since}"
        headers = {"Authorization": f"Bearer {self.tokens[who]}"}
        return connect(url, additional_headers=headers, open_timeout=5)

    def report(self, who: str, printer: str = "ok") -> None:
        """The kiosk reports its printer's state."""
        with self.http(who) as kiosk:
            answer = kiosk.put("/devices/current/status", json={"printer": printer})
        assert answer.status_code == 200, answer.text


def _serve(url: str) -> Iterator[WatchHub]:
    config = parse_config(SITE)
    site = config.to_site()
    clock = FakeClock(datetime.fromisoformat(START))
    engine = create_engine_for(url)
    migrate(engine)
    store = Store(engine, site, clock)
    tokens = {
        "eingang": store.add_device("eingang", DeviceRole.KIOSK)[1],
        "keller": store.add_device("Kiosk Keller", DeviceRole.KIOSK)[1],
        "og1": store.add_device("og1", DeviceRole.DISPLAY)[1],
    }
    store.add_user("clerk", "correct horse battery", UserRole.CLERK, "Clerk")
    tokens["clerk"] = store.login("clerk", "correct horse battery")[1]
    thread = _thread(store, clock)
    hub = WatchHub(thread.start(), clock, tokens, store, thread)
    try:
        yield hub
    finally:
        hub.thread.stop()
        engine.dispose()


def _thread(store: Store, clock: FakeClock, port: int = 0) -> ServerThread:
    config = parse_config(SITE)
    options = ServerOptions(heartbeat_seconds=0.5, device_check_seconds=0.05)
    app = create_app(store, site=config.to_site(), config=config, clock=clock, options=options)
    return ServerThread(app, port=port)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def hub(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[WatchHub]:
    """The hub on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        yield from _serve(f"sqlite:///{tmp_path / 'hub.sqlite3'}")
        return
    require_postgres()
    with fresh_schema("kioskwatch") as url:
        yield from _serve(url)


def _next(ws: ClientConnection, wanted: Callable[[dict[str, Any]], bool]) -> dict[str, Any]:
    """The next frame that `wanted` accepts within 10 s (heartbeats and others read past)."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        frame: dict[str, Any] = json.loads(ws.recv(timeout=10))
        if wanted(frame):
            return frame
    raise AssertionError("the awaited frame did not come")


def _alerts(staff: ClientConnection, count: int) -> list[dict[str, Any]]:
    """The next `count` device alerts."""
    return [_next(staff, lambda f: f["type"] == "device.alert") for _ in range(count)]


def _round(hub: WatchHub, staff: ClientConnection) -> list[dict[str, Any]]:
    """Move the clock on by 31 s until a round logs alerts; that round's alerts, in order.

    A stream's close reaches the hub a moment after the client closed, so one step could land
    before the hub knew; each step is a whole alert delay after any such moment. One round's
    alerts are logged in one transaction: they come one after another, seqs in a row.
    """
    for _ in range(20):
        hub.clock.advance(STEP)
        with contextlib.suppress(TimeoutError):
            frame: dict[str, Any] = json.loads(staff.recv(timeout=0.5))
            while frame["type"] != "device.alert":
                frame = json.loads(staff.recv(timeout=0.5))
            found = [frame]
            last = hub.store.last_seq()
            while found[-1]["seq"] < last:
                found.append(_next(staff, lambda f: f["type"] == "device.alert"))
            return found
    raise AssertionError("no device alert")


def _names(alerts: list[dict[str, Any]]) -> list[tuple[str, str, str, bool]]:
    return [(a["name"], a["role"], a["problem"], a["raised"]) for a in alerts]


def test_a_configured_kiosk_that_never_comes_is_offline_until_its_stream_opens(
    hub: WatchHub,
) -> None:
    with hub.stream("clerk") as staff, contextlib.ExitStack() as wall:
        og1 = wall.enter_context(hub.stream("og1"))
        hub.clock.advance(STEP)
        raised = _alerts(staff, 1)
        assert _names(raised) == [("eingang", "kiosk", "offline", True)]
        with hub.stream("clerk") as fresh:
            snapshot = _next(fresh, lambda f: f["type"] == "snapshot")
        assert [a["seq"] for a in snapshot["alerts"]] == [raised[0]["seq"]]
        assert [a.problem for a in hub.store.open_device_alerts()] == [DeviceProblem.OFFLINE]
        with hub.stream("eingang") as kiosk:
            assert _next(kiosk, lambda f: True)["type"] == "public.snapshot"
            back = _alerts(staff, 1)
            assert _names(back) == [("eingang", "kiosk", "offline", False)]
            og1.close()
            only = _round(hub, staff)  # the kiosk holds its stream: only the display is gone
            assert _names(only) == [("og1", "display", "no_stream", True)]
        assert [a.device_id for a in hub.store.open_device_alerts()] == [og1_id(hub)]
        gone = _round(hub, staff)  # its stream closed: offline again after the delay
    assert _names(gone) == [("eingang", "kiosk", "offline", True)]


def og1_id(hub: WatchHub) -> str:
    """The display's device id."""
    return next(d.id for d in hub.store.list_devices() if d.name == "og1")


def test_a_kiosk_that_reported_is_watched_and_a_request_is_a_sign_of_life(
    hub: WatchHub,
) -> None:
    with hub.stream("clerk") as staff, hub.stream("eingang"):
        with hub.http("keller") as keller:  # not configured, never reported: not watched
            assert keller.get("/walk-ins").status_code == 200
        with hub.stream("og1"):
            pass
        first = _round(hub, staff)
        assert _names(first) == [("og1", "display", "no_stream", True)]  # not the other kiosk
        hub.report("keller", "paper_near_end")  # now it is a kiosk in use
        _next(staff, lambda f: f["type"] == "device.status")
        offline = _round(hub, staff)
        assert _names(offline) == [("Kiosk Keller", "kiosk", "offline", True)]
        with hub.http("keller") as keller:  # any request of the kiosk: it is back
            assert keller.get("/walk-ins").status_code == 200
        back = _alerts(staff, 1)
        assert _names(back) == [("Kiosk Keller", "kiosk", "offline", False)]


def test_display_and_kiosk_alerts_come_from_one_watch(hub: WatchHub) -> None:
    with hub.stream("clerk") as staff:
        with hub.stream("og1") as og1:
            og1.send(json.dumps({"type": "ack", "seq": 0}))
            _next(og1, lambda f: True)
        both = _round(hub, staff)  # og1 left, eingang never came: in one round or two
        if len(both) == 1:
            both += _round(hub, staff)
    assert sorted(_names(both)) == [
        ("eingang", "kiosk", "offline", True),
        ("og1", "display", "no_stream", True),
    ]
    assert {(a.name, a.role) for a in hub.store.open_device_alerts()} == {
        ("eingang", DeviceRole.KIOSK),
        ("og1", DeviceRole.DISPLAY),
    }


@pytest.fixture
def watch_log() -> Iterator[RoundLog]:
    """The device watch's logger, at INFO, recorded."""
    logger = logging.getLogger("server.device_watch")
    handler, level = RoundLog(), logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    yield handler
    logger.removeHandler(handler)
    logger.setLevel(level)


def test_after_a_restart_an_open_alert_is_known_and_cleared_when_the_kiosk_is_back(
    hub: WatchHub,
) -> None:
    with hub.stream("clerk") as staff, hub.stream("og1"):
        hub.clock.advance(STEP)
        raised = _alerts(staff, 1)[0]
    hub.restart()
    with hub.stream("clerk", since=raised["seq"]) as resumed, hub.stream("og1"):
        with hub.stream("clerk") as fresh:
            snapshot = _next(fresh, lambda f: f["type"] == "snapshot")
        assert snapshot["alerts"] == [raised]  # the same alert, known from the database
        with hub.stream("eingang"):
            back = _alerts(resumed, 1)[0]  # a counter that resumes learns it is over
        assert (back["name"], back["raised"], back["seq"]) == ("eingang", False, raised["seq"] + 1)
    assert hub.store.open_device_alerts() == ()


def test_after_a_restart_an_alert_of_a_device_still_gone_stays_open_once(
    hub: WatchHub, watch_log: RoundLog
) -> None:
    with hub.stream("clerk") as staff, hub.stream("og1"):
        hub.clock.advance(STEP)
        raised = _alerts(staff, 1)[0]
    hub.restart()
    with hub.stream("og1"):
        hub.clock.advance(STEP)  # the delay passes again without the kiosk
        watch_log.wait_for(lambda r: "alert from before the start still open" in r.getMessage())
        assert hub.store.last_seq() == raised["seq"]  # not raised a second time
        assert [a.seq for a in hub.store.open_device_alerts()] == [raised["seq"]]
        with hub.stream("clerk") as staff, hub.stream("eingang"):
            back = _alerts(staff, 1)[0]
    assert (back["name"], back["raised"]) == ("eingang", False)


def test_after_a_restart_the_alert_of_a_revoked_kiosk_is_cleared(hub: WatchHub) -> None:
    with hub.stream("clerk") as staff, hub.stream("og1"):
        hub.clock.advance(STEP)
        raised = _alerts(staff, 1)[0]
    hub.store.revoke_device(raised["device_id"])
    hub.restart()
    with hub.stream("clerk", since=raised["seq"]) as staff:
        cleared = _alerts(staff, 1)[0]
    assert (cleared["device_id"], cleared["raised"]) == (raised["device_id"], False)
    assert hub.store.open_device_alerts() == ()


def test_a_display_whose_stream_drops_keeps_its_alert_until_it_is_no_stream(
    hub: WatchHub,
) -> None:
    with hub.stream("clerk") as staff, hub.stream("eingang"):
        with hub.stream("og1") as og1:
            board = _next(og1, lambda f: True)
            og1.send(json.dumps({"type": "ack", "seq": board["seq"]}))
            with hub.http("clerk") as clerk:
                body = {
                    "service_id": "general",
                    "language": "de",
                    "idempotency_key": uuid.uuid4().hex,
                }
                assert clerk.post("/tickets", json=body).status_code == 200
                assert clerk.post("/counters/c1/open").status_code == 200
                assert clerk.post("/counters/c1/call-next").status_code == 200
            _next(og1, lambda f: f["type"] == "public.call")
            hub.clock.advance(STEP)
            no_ack = _alerts(staff, 1)
        switched = _round(hub, staff)  # no clearing in between: one round, clear and raise
    assert _names(no_ack) == [("og1", "display", "no_ack", True)]
    assert _names(switched) == [
        ("og1", "display", "no_ack", False),
        ("og1", "display", "no_stream", True),
    ]


def test_a_kiosk_revoked_while_the_hub_runs_has_its_alert_cleared(hub: WatchHub) -> None:
    with hub.stream("clerk") as staff, hub.stream("og1"):
        hub.clock.advance(STEP)
        raised = _alerts(staff, 1)[0]
        hub.store.revoke_device(raised["device_id"])  # as `aufruf device revoke` does
        cleared = _alerts(staff, 1)[0]  # the trust watch (1 s) tells the device watch
        assert (cleared["device_id"], cleared["raised"]) == (raised["device_id"], False)
        hub.clock.advance(STEP)
        hub.clock.advance(STEP)
        with hub.stream("clerk") as fresh:
            assert _next(fresh, lambda f: f["type"] == "snapshot")["alerts"] == []
    assert hub.store.open_device_alerts() == ()
