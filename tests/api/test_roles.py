"""Every role (and no token, and a bad token) against every endpoint: allowed, 401 or 403."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

import pytest
from websockets.exceptions import InvalidStatus
from websockets.sync.client import connect

from server.auth import ALLOWED, Endpoint

if TYPE_CHECKING:
    from tests.api.conftest import Hub

ROLES = ("kiosk", "display", "counter", "clerk", "supervisor", "admin")
STAFF = {"clerk", "supervisor", "admin"}
EVERYONE = set(ROLES)
DEVICES = {"kiosk", "display", "counter"}

# The brief's matrix, written out independently of server.auth.ALLOWED.
# (method, path, json body or CSV text, roles that may) — None: open to anyone.
ROUTES: list[tuple[str, str, object, set[str] | None]] = [
    ("GET", "/health", None, None),
    ("GET", "/site", None, EVERYONE),
    ("POST", "/sessions", {"username": "clerk", "password": "wrong-password"}, None),
    ("DELETE", "/sessions/current", None, STAFF),
    ("POST", "/tickets", "ISSUE", STAFF | {"kiosk"}),
    ("POST", "/tickets", "EMERGENCY", STAFF),
    ("POST", "/checkins", "CHECKIN", STAFF | {"kiosk"}),
    ("GET", "/walk-ins", None, STAFF | {"kiosk"}),
    ("PUT", "/devices/current/status", {"printer": "paper_near_end"}, DEVICES),
    ("GET", "/tickets/{tid}/status?key={key}", None, None),
    ("GET", "/tickets/{tid}/status/events?key=wrong", None, None),  # a live stream: 404 here
    ("GET", "/queue", None, STAFF),
    ("POST", "/counters/c1/call-next", None, STAFF),
    ("POST", "/counters/c1/call", "CALL", STAFF),
    ("POST", "/tickets/{tid}/recall", None, STAFF),
    ("POST", "/tickets/{tid}/start", None, STAFF),
    ("POST", "/tickets/{tid}/finish", None, STAFF),
    ("POST", "/tickets/{tid}/no-show", None, STAFF),
    ("POST", "/tickets/{tid}/park", {"note": "n"}, STAFF),
    ("POST", "/tickets/{tid}/cancel", None, STAFF),
    ("POST", "/tickets/{tid}/transfer", {"service_id": "passport", "note": ""}, STAFF),
    ("POST", "/counters/c2/open", None, STAFF),
    ("POST", "/counters/c2/pause", None, STAFF),
    ("POST", "/counters/c2/close", None, STAFF),
    ("POST", "/appointments/import", "CSV", {"supervisor", "admin"}),
    ("POST", "/alarms", {"counter_id": "c1"}, STAFF),
    ("POST", "/alarms/1/acknowledge", None, STAFF),
    ("GET", "/supervisor", None, {"supervisor", "admin"}),
    ("GET", "/policy", None, STAFF),
    ("GET", "/display", None, {"display"}),
]


def _body(kind: object, tid: int) -> dict[str, object]:
    key = {"idempotency_key": uuid.uuid4().hex, "language": "de"}
    if kind == "ISSUE":
        return {"json": {"service_id": "general", **key}}
    if kind == "EMERGENCY":
        return {"json": {"service_id": "urgent", "emergency": True, **key}}
    if kind == "CHECKIN":
        return {"json": {"appointment_number": "NOPE1", **key}}
    if kind == "CALL":
        return {"json": {"ticket_id": tid}}
    if kind == "CSV":
        return {
            "content": "number,service_id,scheduled_at,name\n",
            "headers": {"Content-Type": "text/csv"},
        }
    return {"json": kind} if kind is not None else {}


def test_the_routes_table_covers_every_endpoint(hub: Hub) -> None:
    with hub.client() as anon:
        spec = anon.get(f"{hub.base}/openapi.json").json()
    served = {
        (m.upper(), p.removeprefix("/api/v1")) for p, ops in spec["paths"].items() for m in ops
    }
    listed = {
        (
            m,
            p.replace("{tid}", "{ticket_id}")
            .split("?")[0]
            .replace("c1", "{counter_id}")
            .replace("c2", "{counter_id}")
            .replace("/alarms/1/", "/alarms/{alarm_id}/"),
        )
        for m, p, _, _ in ROUTES
    }
    assert served == listed


def test_the_matrix_in_code_matches_the_brief() -> None:
    assert {r.value for r in ALLOWED[Endpoint.SITE]} == EVERYONE
    assert {r.value for r in ALLOWED[Endpoint.ISSUE]} == STAFF | {"kiosk"}
    assert {r.value for r in ALLOWED[Endpoint.IMPORT_APPOINTMENTS]} == {"supervisor", "admin"}
    assert {r.value for r in ALLOWED[Endpoint.STAFF_EVENTS]} == STAFF  # kiosks: public only
    assert {r.value for r in ALLOWED[Endpoint.WALK_INS]} == STAFF | {"kiosk"}
    assert {r.value for r in ALLOWED[Endpoint.DEVICE_STATUS]} == DEVICES


@pytest.mark.parametrize("who", [None, "bad", *ROLES])
def test_every_role_against_every_endpoint(hub: Hub, who: str | None) -> None:
    issued = hub.issue("general")
    tid = issued["ticket"]["id"]
    key = issued["status_url"].split("key=")[1]
    outcomes = []
    for method, path, kind, allowed in ROUTES:
        if who == "bad":
            headers = {"Authorization": "Bearer not-a-real-token"}
        elif who is None:
            headers = {}
        else:
            headers = {"Authorization": f"Bearer {hub.tokens[who]}"}
        kwargs = _body(kind, tid)
        kwargs["headers"] = {**headers, **kwargs.get("headers", {})}  # type: ignore[dict-item]
        answer = hub.http.request(method, path.format(tid=tid, key=key), **kwargs)  # type: ignore[arg-type]
        code = answer.status_code
        if allowed is None:
            ok = code not in (401, 403) or path == "/sessions"
        elif who in (None, "bad"):
            ok = code == 401 and answer.headers.get("www-authenticate") == "Bearer"
        elif who in allowed:
            ok = code not in (401, 403, 500)
        else:
            ok = code == 403
        outcomes.append((method, path, kind, code, ok))
        if path == "/sessions/current" and who in STAFF and code == 204:
            hub.tokens[who] = hub.store.login(who, "correct horse battery")[1]
    assert [o for o in outcomes if not o[-1]] == []
    if who not in (None, "bad"):
        assert sum(200 <= o[3] < 300 for o in outcomes) >= 3, outcomes


@pytest.mark.parametrize("who", [None, "bad", *ROLES])
def test_every_role_against_the_event_stream(hub: Hub, who: str | None) -> None:
    token = {None: None, "bad": "not-a-real-token"}.get(who, hub.tokens.get(who or ""))
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    if who in (None, "bad"):
        with pytest.raises(InvalidStatus) as refused:
            connect(hub.ws_url(), additional_headers=headers, open_timeout=5)
        assert refused.value.response.status_code == 401
        return
    with connect(hub.ws_url(), additional_headers=headers, open_timeout=5) as ws:
        first = ws.recv(timeout=5)
    expected = "snapshot" if who in STAFF else "public.snapshot"
    assert f'"type":"{expected}"' in str(first)


def test_a_token_in_the_query_string_works(hub: Hub) -> None:
    with connect(hub.ws_url() + f"&token={hub.tokens['display']}", open_timeout=5) as ws:
        assert '"public.snapshot"' in str(ws.recv(timeout=5))
