"""The hub's side of the wall displays: own counters, places, language, count, ack and alerts.

Real hub (uvicorn on 127.0.0.1:0) on a SQLite file and on PostgreSQL; a `FakeClock` stands in
for the 30 s a display may go without stream or acknowledgement, so nothing waits that long.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from websockets.sync.client import ClientConnection

from shared.display_setup import decode_setup
from shared.domain import DeviceRole
from shared.protocol import DisplayAck, encode_ack
from tests.api.device_hub import DeviceHub, alert_advancing, next_frame, serve

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
DEVICES = {"og1": ("og1", DeviceRole.DISPLAY), "wall": ("wall", DeviceRole.DISPLAY)}


class DisplayHub(DeviceHub):
    """A running hub with a fake clock, a display "og1", an unknown display and a clerk."""

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


@pytest.fixture(params=["sqlite", "postgresql"])
def hub(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[DisplayHub]:
    """The hub on SQLite and on PostgreSQL."""
    yield from serve(request.param, tmp_path, "display", SITE, DEVICES, DisplayHub)


def test_a_display_gets_its_own_counters_with_places_language_and_count(hub: DisplayHub) -> None:
    with hub.stream("og1") as board, hub.stream("wall") as everything:
        assert next_frame(board)["type"] == "public.snapshot"
        hub.issue("ar")
        hub.issue("en")
        hub.call("c2")
        hub.call("c1")
        call = next_frame(board, "public.call")
        seen = [next_frame(everything, "public.call") for _ in range(2)]
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
    return next_frame(staff, "device.alert", raised=raised)


def test_a_display_that_stops_acknowledging_raises_an_alert_until_it_is_back(
    hub: DisplayHub,
) -> None:
    with hub.stream("clerk") as staff, hub.stream("og1") as board:
        snapshot = next_frame(board)
        board.send(encode_ack(DisplayAck(seq=snapshot["seq"])))
        hub.issue()
        hub.call("c1")
        call = next_frame(board, "public.call")
        hub.clock.advance(31)  # the call stays unacknowledged for 31 s of the hub's clock
        raised = _alert(staff, raised=True)
        assert (raised["problem"], raised["name"]) == ("no_ack", "og1")
        board.send(encode_ack(DisplayAck(seq=call["seq"])))
        cleared = _alert(staff, raised=False)
        assert cleared["problem"] == "no_ack"
    with hub.stream("clerk", since=cleared["seq"]) as staff:
        gone = alert_advancing(hub, staff)  # the display's stream is gone for 31 s
        assert gone["raised"]
        assert gone["problem"] == "no_stream"
        with hub.stream("clerk") as fresh:
            assert [a["problem"] for a in next_frame(fresh)["alerts"]] == ["no_stream"]
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
            next_frame(wall)
            hub.issue()
            hub.call("c2")  # only "wall" gets it, and never acknowledges
            next_frame(wall, "public.call")
            hub.clock.advance(31)
        first = alert_advancing(hub, staff)  # og1 is gone; wall's would have come first
    assert (first["name"], first["problem"]) == ("og1", "no_stream")


def test_a_frame_that_never_comes_fails_in_time_and_says_what_was_awaited(
    hub: DisplayHub,
) -> None:
    with hub.stream("og1") as board:
        started = time.monotonic()
        awaited = r"a 'public.call' frame with counter_id='c1' did not come within 1 s"
        read = r"\(read past: 1 public.snapshot(, \d+ heartbeat)?\)"
        with pytest.raises(AssertionError, match=f"^{awaited} {read}$"):
            next_frame(board, "public.call", timeout=1.0, counter_id="c1")
    assert time.monotonic() - started < 5  # heartbeats came all along; the wait still ended
