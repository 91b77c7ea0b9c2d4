"""A ticket's whole life over real HTTP, idempotent issue, errors mapped to status codes."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

if TYPE_CHECKING:
    from tests.api.conftest import Hub


def test_health_and_site(hub: Hub) -> None:
    with hub.client() as anon, hub.client("display") as display:
        assert anon.get("/health").json() == {"status": "ok", "site": "test-office", "api": 1}
        site = display.get("/site").json()
    assert [s["id"] for s in site["services"]] == ["general", "passport", "urgent"]
    assert site["counters"][0] == {
        "id": "c1",
        "name": "Schalter 1",
        "location": "Raum 1.12",
        "weights": {"general": 10.0, "passport": 5.0, "urgent": 10.0},
    }
    assert site["languages"] == ["de", "en", "ar"]


def test_full_life_of_a_ticket(hub: Hub) -> None:
    issued = hub.issue("general")
    ticket = issued["ticket"]
    assert ticket["number"] == "A001"
    assert ticket["status"] == "waiting"
    assert issued["position"] == 1
    assert issued["service_name"] == "Allgemein"
    assert f"/api/v1/tickets/{ticket['id']}/status?key=" in issued["status_url"]
    tid = ticket["id"]
    with hub.client("clerk") as clerk, hub.client() as anon:
        queue = clerk.get("/queue").json()
        assert [t["number"] for t in queue["tickets"]] == ["A001"]
        opened = clerk.post("/counters/c1/open").json()
        assert opened["state"] == "open"
        assert opened["clerk"] == "Clerk"  # the display name
        called = clerk.post("/counters/c1/call-next")
        assert called.status_code == 200, called.text
        assert called.json()["ticket"]["number"] == "A001"
        assert called.json()["reason"]
        status_path = issued["status_url"].split("/api/v1", 1)[1]
        page = anon.get(status_path).json()
        assert page["status"] == "called"
        assert page["counter_name"] == "Schalter 1"
        assert clerk.post(f"/tickets/{tid}/recall").json()["recalls"] == 1
        assert clerk.post(f"/tickets/{tid}/start").json()["status"] == "serving"
        assert clerk.post(f"/tickets/{tid}/finish").json()["status"] == "done"
        again = clerk.post(f"/tickets/{tid}/finish")
        assert again.status_code == 409
        assert "done" in again.json()["detail"]
        assert clerk.post("/counters/c1/call-next").status_code == 204
        assert anon.get(status_path).json()["status"] == "done"
        assert anon.get(f"/tickets/{tid}/status", params={"key": "wrong"}).status_code == 404


def test_park_call_back_transfer_and_cancel(hub: Hub) -> None:
    tid = hub.issue("general")["ticket"]["id"]
    other = hub.issue("passport")["ticket"]["id"]
    with hub.client("supervisor") as clerk:
        clerk.post("/counters/c1/open")
        clerk.post("/counters/c2/open")
        assert clerk.post("/counters/c1/call", json={"ticket_id": tid}).status_code == 200
        parked = clerk.post(f"/tickets/{tid}/park", json={"note": "holt Pass"}).json()
        assert parked["status"] == "parked"
        assert parked["note"] == "holt Pass"
        assert clerk.post("/counters/c1/call", json={"ticket_id": tid}).status_code == 200
        moved = clerk.post(f"/tickets/{tid}/transfer", json={"counter_id": "c2", "note": "x"})
        assert moved.json()["pinned_counter_id"] == "c2"
        assert moved.json()["status"] == "waiting"
        assert clerk.post(f"/tickets/{tid}/transfer", json={"note": "x"}).status_code == 400
        assert clerk.post(f"/tickets/{other}/cancel").json()["status"] == "cancelled"
        called = clerk.post("/counters/c2/call-next").json()
        assert called["ticket"]["id"] == tid
        assert clerk.post("/counters/c1/pause").json()["state"] == "paused"
        assert clerk.post("/counters/nope/open").status_code == 404
        assert clerk.post("/tickets/999999/start").status_code == 404


def test_idempotent_issue_gives_the_same_ticket(hub: Hub) -> None:
    key = uuid.uuid4().hex
    body = {"service_id": "passport", "language": "en", "idempotency_key": key}
    with hub.client("kiosk") as kiosk:
        first = kiosk.post("/tickets", json=body).json()
        second = kiosk.post("/tickets", json=body).json()
        third = kiosk.post("/tickets", json=body | {"idempotency_key": uuid.uuid4().hex}).json()
    assert first["ticket"] == second["ticket"]
    assert third["ticket"]["number"] == "P002"
    assert hub.store.last_seq() == 2  # the repeat wrote no event


def test_check_in_for_an_imported_appointment(hub: Hub) -> None:
    zone = ZoneInfo("Europe/Berlin")
    soon = (datetime.now(zone) + timedelta(minutes=5)).replace(tzinfo=None, microsecond=0)
    csv = f"number,service_id,scheduled_at,name\nT77,passport,{soon.isoformat()},Erika Muster\n"
    with hub.client("supervisor") as sup, hub.client("kiosk") as kiosk:
        imported = sup.post(
            "/appointments/import", content=csv, headers={"Content-Type": "text/csv"}
        )
        assert imported.json() == {"imported": 1, "skipped": 0, "errors": []}
        body = {"appointment_number": "T77", "language": "de", "idempotency_key": "checkin-T77"}
        issued = kiosk.post("/checkins", json=body).json()
        assert issued["ticket"]["origin"] == "appointment"
        unknown = kiosk.post(
            "/checkins", json=body | {"appointment_number": "T00", "idempotency_key": "k-T00-xx"}
        )
        assert unknown.status_code in (400, 404)
        bad = sup.post(
            "/appointments/import", content=b"\xff\xfe", headers={"Content-Type": "text/csv"}
        )
        assert bad.status_code == 400
    assert "Erika" not in str(issued)


def test_hostile_input_is_refused_with_4xx(hub: Hub) -> None:
    with hub.client("admin") as admin:
        bad_bodies = [
            {"service_id": "general", "language": "de"},
            {"service_id": "x" * 500, "language": "de", "idempotency_key": "abcdefgh"},
            {"service_id": "general", "language": "<script>", "idempotency_key": "abcdefgh"},
            {"service_id": "general", "language": "de", "idempotency_key": "short"},
            {"service_id": "nope", "language": "de", "idempotency_key": "abcdefgh"},
            {"service_id": "general", "language": "de", "idempotency_key": "abcdefgh", "x": 1},
        ]
        for body in bad_bodies:
            answer = admin.post("/tickets", json=body)
            assert 400 <= answer.status_code < 500, (body, answer.text)
        assert admin.post("/tickets/0/start").status_code == 422
        assert admin.post(f"/tickets/{2**40}/start").status_code == 422
        assert admin.post("/counters/c1/call", json={"ticket_id": "x"}).status_code == 422
        assert admin.post("/tickets", content=b"{not json").status_code == 422
    with hub.client() as anon:
        assert (
            anon.post("/sessions", json={"username": "clerk", "password": "wrong"}).status_code
            == 401
        )


def test_login_and_logout(hub: Hub) -> None:
    with hub.client() as anon:
        answer = anon.post(
            "/sessions", json={"username": "clerk", "password": "correct horse battery"}
        )
    assert answer.json()["role"] == "clerk"
    token = answer.json()["token"]
    headers = {"Authorization": f"Bearer {token}"}
    with hub.client() as anon:
        assert anon.get("/queue", headers=headers).status_code == 200
        assert anon.delete("/sessions/current", headers=headers).status_code == 204
        assert anon.get("/queue", headers=headers).status_code == 401
