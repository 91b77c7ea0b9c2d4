"""An office alert raised before a hub restart is known after it, and cleared when the device is
back: the real `aufruf server` process, stopped and started again on the same database."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import Any

from websockets.sync.client import ClientConnection, connect

from shared.domain import DeviceRole, UserRole
from shared.protocol import DeviceAlert
from tests.system.conftest import PASSWORD, Database, HubProcess, log_in

STILL_OPEN = "alert from before the start still open"


def _stream(base: str, token: str, since: int = 0) -> ClientConnection:
    url = base.replace("http://", "ws://") + f"/api/v1/events?since={since}"
    headers = {"Authorization": f"Bearer {token}"}
    return connect(url, additional_headers=headers, open_timeout=10)


def _next(ws: ClientConnection, wanted: Callable[[dict[str, Any]], bool]) -> dict[str, Any]:
    """The next frame `wanted` accepts within 20 s (heartbeats and the rest read past)."""
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        frame: dict[str, Any] = json.loads(ws.recv(timeout=20))
        if wanted(frame):
            return frame
    raise AssertionError("the awaited frame did not come")


def _wait_for_line(hub: HubProcess, text: str) -> None:
    deadline = time.monotonic() + 20
    while text not in hub.log():
        assert time.monotonic() < deadline, f"no {text!r} in the log:\n{hub.log()}"
        assert hub.process is not None
        assert hub.process.poll() is None, hub.log()
        time.sleep(0.05)  # polling the child's log for a line, not waiting for time to pass


def _alerts(database: Database) -> list[DeviceAlert]:
    return [e for e in database.store.events_since(0) or () if isinstance(e, DeviceAlert)]


def test_an_alert_from_before_a_restart_is_kept_once_and_cleared_when_the_kiosk_is_back(
    database: Database, hub_factory: Callable[[], HubProcess]
) -> None:
    site = database.site_path
    site.write_text(
        site.read_text().replace("device_alert_seconds = 30", "device_alert_seconds = 1")
    )
    kiosk_token = database.store.add_device("eingang", DeviceRole.KIOSK)[1]
    database.store.add_user("clerk", PASSWORD, UserRole.CLERK, "Clerk")
    first = hub_factory()
    base = first.start()
    with _stream(base, log_in(base, "clerk")) as staff:
        raised = _next(staff, lambda f: f["type"] == "device.alert")
    assert (raised["name"], raised["role"], raised["problem"]) == ("eingang", "kiosk", "offline")
    assert first.stop() in (0, -15)

    again = hub_factory()
    base = again.start()
    clerk = log_in(base, "clerk")
    assert "kiosk eingang" in again.log()  # it knows the open alert from the database
    with _stream(base, clerk) as fresh:
        snapshot = _next(fresh, lambda f: f["type"] == "snapshot")
    assert snapshot["alerts"] == [raised]
    _wait_for_line(again, STILL_OPEN)  # the delay passed again without the kiosk
    assert [a.raised for a in _alerts(database)] == [True]  # kept, not raised a second time
    with _stream(base, clerk, since=raised["seq"]) as resumed, _stream(base, kiosk_token) as kiosk:
        assert _next(kiosk, lambda f: True)["type"] == "public.snapshot"
        back = _next(resumed, lambda f: f["type"] == "device.alert")
    assert (back["device_id"], back["raised"]) == (raised["device_id"], False)
    assert database.store.open_device_alerts() == ()
    assert again.stop() in (0, -15)

    third = hub_factory()
    base = third.start()
    with _stream(base, log_in(base, "clerk")) as fresh:
        assert _next(fresh, lambda f: f["type"] == "snapshot")["alerts"] == []
    assert third.stop() in (0, -15)
    for hub in (first, again, third):
        assert hub.problems() == []
