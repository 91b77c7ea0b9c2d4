"""What a kiosk gets from the hub: refusals with reasons, the walk-in offer, device status."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from websockets.sync.client import ClientConnection, connect

from server.app import ServerOptions
from shared.clock import FakeClock
from shared.devices import PrinterStatus
from shared.protocol import DeviceStatusChanged, Snapshot, decode
from shared.refusal import Refusal, Refused
from tests.api.conftest import SITE_TOML, start_hub

if TYPE_CHECKING:
    from tests.api.conftest import Hub, Template

NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)  # 09:00 in Berlin
CSV = (
    "number,service_id,scheduled_at,name\n"
    "K-10,passport,2026-11-23T10:00,Ada Secret\n"
    "K-11,passport,2026-11-23T10:30,Bo Secret\n"
    "K-08,general,2026-11-23T08:40,Cy Secret\n"
    "K-24,general,2026-11-24T10:00,Ed Secret\n"
)
CAPPED = SITE_TOML.replace(
    'names = { de = "Pass", en = "Passport" }',
    'names = { de = "Pass", en = "Passport" }\ndaily_cap = 2',
)


@pytest.fixture
def office(tmp_path: Path, template: Template) -> Iterator[Hub]:
    """A hub at 09:00 on a fake clock, passports capped at 2 a day, appointments booked."""
    options = ServerOptions(tickets_per_minute_per_kiosk=600, heartbeat_seconds=0.3)
    hub = start_hub(tmp_path, template, options, site_toml=CAPPED, clock=FakeClock(NOW))
    with hub.client("supervisor") as sup:
        answer = sup.post("/appointments/import", content=CSV, headers={"Content-Type": "text/csv"})
        assert answer.json()["imported"] == 4
    yield hub
    hub.stop()


def _check_in(hub: Hub, number: str) -> tuple[int, dict[str, Any]]:
    body = {"appointment_number": number, "language": "ar", "idempotency_key": uuid.uuid4().hex}
    answer = hub.http.post("/checkins", json=body, headers=hub.auth("kiosk"))
    return answer.status_code, answer.json()


def test_check_in_answers_with_booked_time_and_concern(office: Hub) -> None:
    code, body = _check_in(office, "K-10")
    assert code == 200
    assert body["ticket"]["service_id"] == "passport"
    assert body["service_name"] == "Passport"
    assert datetime.fromisoformat(body["booked_at"]) == datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
    walk_in = office.issue("general")
    assert walk_in["booked_at"] is None


@pytest.mark.parametrize(
    ("number", "code", "reason", "remedy", "facts"),
    [
        ("K-99", 404, "unknown", "go_to_reception", {}),
        ("K-11", 409, "too_early", "come_back_later", {"checkin_from": "2026-11-23T08:30:00Z"}),
        ("K-08", 409, "too_late", "go_to_reception", {"checkin_until": "2026-11-23T07:55:00Z"}),
        ("K-24", 409, "other_day", "come_back_later", {"booked_day": "2026-11-24"}),
    ],
)
def test_each_refusal_has_its_reason_and_facts(
    office: Hub, number: str, code: int, reason: str, remedy: str, facts: dict[str, str]
) -> None:
    status, body = _check_in(office, number)
    assert status == code, body
    assert (body["reason"], body["remedy"]) == (reason, remedy)
    assert body["detail"]
    for key, value in facts.items():
        assert body[key].replace("+00:00", "Z") == value
    assert "Secret" not in json.dumps(body)
    refused = Refused.from_json(body)
    assert refused is not None
    assert refused.reason is Refusal(reason)


def test_already_checked_in_names_the_earlier_ticket(office: Hub) -> None:
    assert _check_in(office, "K-10")[0] == 200
    code, body = _check_in(office, "K-10")
    assert code == 409
    assert (body["reason"], body["remedy"]) == ("already_checked_in", "use_earlier_ticket")
    assert body["ticket_number"] == "P001"
    assert body["booked_at"].startswith("2026-11-23T09:00:00")


def test_walk_in_offer_and_quota_used_up(office: Hub) -> None:
    def offer() -> dict[str, dict[str, Any]]:
        answer = office.http.get("/walk-ins", headers=office.auth("kiosk"))
        assert answer.status_code == 200
        assert answer.json()["day"] == "2026-11-23"
        return {s["service_id"]: s for s in answer.json()["services"]}

    first = offer()
    assert list(first) == ["general", "passport"]  # the emergency service is not offered
    assert first["passport"] == {
        "service_id": "passport",
        "daily_cap": 2,
        "issued_today": 0,
        "remaining": 2,
        "used_up": False,
    }
    assert (first["general"]["daily_cap"], first["general"]["remaining"]) == (None, None)
    office.issue("passport")
    assert offer()["passport"]["remaining"] == 1
    office.issue("passport")
    assert offer()["passport"]["used_up"]
    body = {"service_id": "passport", "language": "de", "idempotency_key": uuid.uuid4().hex}
    answer = office.http.post("/tickets", json=body, headers=office.auth("kiosk"))
    assert answer.status_code == 409
    refusal = answer.json()
    assert (refusal["reason"], refusal["remedy"]) == ("quota_used_up", "go_to_reception")
    assert (refusal["service_id"], refusal["daily_cap"]) == ("passport", 2)
    assert office.issue("general")["ticket"]["number"] == "A001"  # other concerns go on


def _open(hub: Hub, role: str) -> ClientConnection:
    return connect(hub.ws_url(0), additional_headers=hub.auth(role), open_timeout=5)


def _next_event(ws: ClientConnection) -> dict[str, Any]:
    while True:
        frame = json.loads(ws.recv(timeout=5))
        if frame["type"] != "heartbeat":
            return dict(frame)


def _report(hub: Hub, status: str, role: str = "kiosk") -> dict[str, Any]:
    answer = hub.http.put(
        "/devices/current/status", json={"printer": status}, headers=hub.auth(role)
    )
    assert answer.status_code == 200, answer.text
    return dict(answer.json())


def test_device_status_reaches_staff_not_displays(hub: Hub) -> None:
    with _open(hub, "clerk") as clerk, _open(hub, "display") as display:
        assert _next_event(clerk)["type"] == "snapshot"
        assert _next_event(display)["type"] == "public.snapshot"
        kept = _report(hub, "paper_out")
        assert (kept["name"], kept["role"], kept["printer"]) == ("test kiosk", "kiosk", "paper_out")
        event = decode(json.dumps(_next_event(clerk)))
        assert isinstance(event, DeviceStatusChanged)
        assert event.device.printer is PrinterStatus.PAPER_OUT
        assert event.device.name == "test kiosk"
        _report(hub, "paper_out")  # the same state again: contact kept, no event
        _report(hub, "ok")
        back = decode(json.dumps(_next_event(clerk)))
        assert isinstance(back, DeviceStatusChanged)
        assert back.device.printer is PrinterStatus.OK
        assert back.seq == event.seq + 1
        hub.issue("general")  # the display sees this ticket's seq, never a device event
        last = hub.store.last_seq()
        frames = []
        while not frames or frames[-1]["seq"] < last:
            frames.append(json.loads(display.recv(timeout=5)))
        assert all(f["type"].startswith(("public.", "heartbeat")) for f in frames), frames
        assert "printer" not in json.dumps(frames)


def test_the_staff_snapshot_holds_every_device_state(hub: Hub) -> None:
    _report(hub, "cover_open")
    _report(hub, "ok", role="counter")
    with _open(hub, "clerk") as clerk:
        snapshot = decode(json.dumps(_next_event(clerk)))
    assert isinstance(snapshot, Snapshot)
    states = {d.name: (d.role.value, d.printer) for d in snapshot.devices}
    assert states == {
        "test kiosk": ("kiosk", PrinterStatus.COVER_OPEN),
        "test counter": ("counter", PrinterStatus.OK),
    }
    assert all(d.last_contact >= d.changed_at for d in snapshot.devices)


def test_a_bad_status_is_refused(hub: Hub) -> None:
    answer = hub.http.put(
        "/devices/current/status", json={"printer": "on fire"}, headers=hub.auth("kiosk")
    )
    assert answer.status_code == 422


def test_last_contact_moves_without_an_event(tmp_path: Path, template: Template) -> None:
    clock = FakeClock(NOW)
    quiet = ServerOptions(device_alert_seconds=3600)  # 5 min without contact is no alert here
    hub = start_hub(tmp_path, template, quiet, clock=clock)
    try:
        first = _report(hub, "paper_near_end")
        seq = hub.store.last_seq()
        clock.advance(timedelta(minutes=5))
        again = _report(hub, "paper_near_end")
        assert hub.store.last_seq() == seq
        assert again["changed_at"] == first["changed_at"]
        assert datetime.fromisoformat(again["last_contact"]) == NOW + timedelta(minutes=5)
    finally:
        hub.stop()


@pytest.mark.postgres
def test_refusals_and_device_status_on_postgres(pg_hub: Hub) -> None:
    tomorrow = (datetime.now(UTC) + timedelta(days=3)).date().isoformat()
    csv = f"number,service_id,scheduled_at,name\nPG-1,general,{tomorrow}T10:00,Pat\n"
    with pg_hub.client("kiosk") as kiosk:
        pg_hub.store.import_appointments(csv)
        key = {"language": "de", "idempotency_key": uuid.uuid4().hex}
        other = kiosk.post("/checkins", json={"appointment_number": "PG-1", **key})
        assert (other.status_code, other.json()["reason"]) == (409, "other_day")
        assert other.json()["booked_day"] == tomorrow
        unknown = kiosk.post("/checkins", json={"appointment_number": "PG-2", **key})
        assert (unknown.status_code, unknown.json()["reason"]) == (404, "unknown")
        with _open(pg_hub, "clerk") as clerk:
            assert _next_event(clerk)["type"] == "snapshot"
            put = kiosk.put("/devices/current/status", json={"printer": "offline"})
            assert put.status_code == 200
            assert _next_event(clerk)["device"]["printer"] == "offline"
        offer = kiosk.get("/walk-ins").json()
        assert [s["service_id"] for s in offer["services"]] == ["general", "passport"]
