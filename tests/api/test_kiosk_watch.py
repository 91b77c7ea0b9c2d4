"""Kiosks out of contact are office alerts: one device watch for kiosks and wall displays.

Real hub (uvicorn on 127.0.0.1:0) on a SQLite file and on PostgreSQL; a `FakeClock` stands in
for the 30 s a kiosk may go without its stream or a request, so nothing waits that long.
"""

from __future__ import annotations

import contextlib
import json
import logging
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from websockets.sync.client import ClientConnection

from shared.domain import DeviceRole
from shared.protocol import DeviceProblem
from tests.api.clocked_hub import RoundLog
from tests.api.device_hub import STEP, DeviceHub, alert_advancing, next_frame, serve

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
DEVICES = {
    "eingang": ("eingang", DeviceRole.KIOSK),
    "keller": ("Kiosk Keller", DeviceRole.KIOSK),
    "og1": ("og1", DeviceRole.DISPLAY),
}


class WatchHub(DeviceHub):
    """A running hub with a fake clock, a configured kiosk and display, another kiosk, a clerk."""

    def report(self, who: str, printer: str = "ok") -> None:
        """The kiosk reports its printer's state."""
        with self.http(who) as kiosk:
            answer = kiosk.put("/devices/current/status", json={"printer": printer})
        assert answer.status_code == 200, answer.text


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def hub(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[WatchHub]:
    """The hub on SQLite and on PostgreSQL."""
    yield from serve(request.param, tmp_path, "kioskwatch", SITE, DEVICES, WatchHub)


def _alerts(staff: ClientConnection, count: int) -> list[dict[str, Any]]:
    """The next `count` device alerts."""
    return [next_frame(staff, "device.alert") for _ in range(count)]


def _round(hub: WatchHub, staff: ClientConnection) -> list[dict[str, Any]]:
    """Move the clock on by 31 s until a round logs alerts; that round's alerts, in order.

    One round's alerts are logged in one transaction: they come one after another, seqs in a
    row.
    """
    found = [alert_advancing(hub, staff)]
    last = hub.store.last_seq()
    while found[-1]["seq"] < last:
        found.append(next_frame(staff, "device.alert"))
    return found


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
            snapshot = next_frame(fresh, "snapshot")
        assert [a["seq"] for a in snapshot["alerts"]] == [raised[0]["seq"]]
        assert [a.problem for a in hub.store.open_device_alerts()] == [DeviceProblem.OFFLINE]
        with hub.stream("eingang") as kiosk:
            assert next_frame(kiosk)["type"] == "public.snapshot"
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
        next_frame(staff, "device.status")
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
            next_frame(og1)
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
            snapshot = next_frame(fresh, "snapshot")
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
            board = next_frame(og1)
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
            next_frame(og1, "public.call")
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
            assert next_frame(fresh, "snapshot")["alerts"] == []
    assert hub.store.open_device_alerts() == ()
