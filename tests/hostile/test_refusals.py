"""Each way the hub once failed under hostile input, as a test on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import socket
import time
import uuid

import pytest
from websockets.sync.client import connect

from shared.config import ConfigError, parse_config
from shared.text import refusal
from tests.hostile.conftest import HostileHub
from tests.hostile.strategies import json_text
from tests.system.conftest import EXAMPLE, PASSWORD

pytestmark = pytest.mark.slow
JSON = {"content-type": "application/json"}

UNWRITABLE = [
    b'{"username": "\\ud800", "password": "x"}',
    b'{"username": "clerk", "password": "\\udfff"}',
    b'{"username": NaN, "password": "x"}',
    b'{"username": "clerk", "password": -Infinity}',
    b'{"username": 1e999999, "password": "x"}',
    b'{"\\ud800": 1, "username": "clerk", "password": "x"}',
]


@pytest.mark.parametrize("body", UNWRITABLE)
def test_unwritable_input_is_a_422_in_json(hostile_hub: HostileHub, body: bytes) -> None:
    """Lone surrogates and non-finite numbers: 422 in JSON that does not echo the input."""
    with hostile_hub.client() as http:
        answer = http.post("/sessions", content=body, headers={"content-type": "application/json"})
    assert answer.status_code == 422, answer.text
    problems = answer.json()["detail"]
    assert problems
    assert all(set(p) == {"type", "loc", "msg"} for p in problems)
    assert hostile_hub.errors() == []


@pytest.mark.parametrize(
    "username", ["clerk\x00", "\x00", "cl\x1berk", "clerk\n", "cl\u0085erk", "a" * 65]
)
def test_a_username_with_nul_or_controls_is_refused_at_the_edge(
    hostile_hub: HostileHub, username: str
) -> None:
    """NUL reached PostgreSQL and made a 500; now both databases never see it (422)."""
    with hostile_hub.client() as http:
        answer = http.post("/sessions", json={"username": username, "password": PASSWORD})
    assert answer.status_code == 422, answer.text
    assert answer.json()["detail"][0]["loc"] == ["body", "username"]


def test_notes_with_nul_are_refused_and_newlines_kept(hostile_hub: HostileHub) -> None:
    """Park and transfer notes: NUL and ESC are a 422, a note over lines is stored."""
    with hostile_hub.client("admin") as http:
        issued = http.post(
            "/tickets",
            json={"service_id": "reception", "language": "de", "idempotency_key": uuid.uuid4().hex},
        ).json()
        tid = issued["ticket"]["id"]
        http.post("/counters/t02/open")
        assert http.post("/counters/t02/call", json={"ticket_id": tid}).status_code == 200
        for bad in ("Pass\x00fehlt", "\x1b[31m", "\ud800"):
            note = json_text({"note": bad})
            answer = http.post(f"/tickets/{tid}/park", content=note, headers=JSON)
            assert answer.status_code == 422, answer.text
            moved = json_text({"service_id": "reception", "note": bad})
            answer = http.post(f"/tickets/{tid}/transfer", content=moved, headers=JSON)
            assert answer.status_code == 422, answer.text
        parked = http.post(f"/tickets/{tid}/park", json={"note": "Pass fehlt\n\tbringt ihn"})
        assert parked.status_code == 200, parked.text
    hostile_hub.assert_healthy()


@pytest.mark.parametrize(
    ("csv", "status"),
    [
        ("number,service_id,scheduled_at,name\nN1,reception,2030-01-01T09:00,Na\x00me\n", 400),
        ("number,service_id,scheduled_at,name\nN\x002,reception,2030-01-01T09:00,Name\n", 400),
        ("number,service_id,scheduled_at,name\n\x00\x00\x00\n", 400),
        ("number,service_id,scheduled_at,name\nN3,reception,2030-01-01T09:00,\x1bName\n", 400),
    ],
)
def test_a_csv_with_nul_or_controls_is_a_400(
    hostile_hub: HostileHub, csv: str, status: int
) -> None:
    """The appointments import refuses NUL and controls as a whole, on both databases."""
    with hostile_hub.client("admin") as http:
        answer = http.post(
            "/appointments/import", content=csv.encode(), headers={"content-type": "text/csv"}
        )
    assert answer.status_code == status, answer.text
    assert "U+00" in answer.json()["detail"]


def test_a_quoted_csv_field_over_lines_is_a_row_error(hostile_hub: HostileHub) -> None:
    """A name may not span lines (the CSV allows newlines only between rows)."""
    csv = 'number,service_id,scheduled_at,name\nN4,reception,2030-01-01T09:00,"Na\nme"\n'
    with hostile_hub.client("admin") as http:
        answer = http.post(
            "/appointments/import", content=csv.encode(), headers={"content-type": "text/csv"}
        )
    assert answer.status_code == 200, answer.text
    assert answer.json()["imported"] == 0
    assert "name holds U+000A" in answer.json()["errors"][0]


def test_the_kiosk_stream_carries_no_clerks_notes(hostile_hub: HostileHub) -> None:
    """A kiosk gets the public stream: a parked ticket's note never reaches it."""
    note = f"secret note {uuid.uuid4().hex}"
    headers = {"Authorization": f"Bearer {hostile_hub.tokens['kiosk']}"}
    with connect(
        f"ws://127.0.0.1:{hostile_hub.port}/api/v1/events?since=0",
        additional_headers=headers,
        open_timeout=10,
    ) as kiosk:
        assert json.loads(kiosk.recv(timeout=10))["type"] == "public.snapshot"
        with hostile_hub.client("admin") as http:
            parked, marker = (
                http.post(
                    "/tickets",
                    json={
                        "service_id": "reception",
                        "language": "de",
                        "idempotency_key": uuid.uuid4().hex,
                    },
                ).json()["ticket"]
                for _ in range(2)
            )
            http.post("/counters/t01/open")
            http.post("/counters/t02/open")
            assert http.post("/counters/t01/call", json={"ticket_id": parked["id"]}).is_success
            assert http.post(f"/tickets/{parked['id']}/park", json={"note": note}).is_success
            assert http.post("/counters/t02/call", json={"ticket_id": marker["id"]}).is_success
        seen = []
        while True:  # the marker's call comes after the parking: everything before it is here
            frame = json.loads(kiosk.recv(timeout=10))
            seen.append(frame)
            if frame["type"] == "public.call" and frame["number"] == marker["number"]:
                break
        assert all(frame["type"].startswith("public.") for frame in seen), seen
        assert note not in json.dumps(seen)


@pytest.mark.parametrize("zone", ["Europe", "Europe/", "A" * 300, "../../etc/passwd", "zone.tab"])
def test_a_bad_timezone_is_a_config_error_with_key_and_line(zone: str) -> None:
    """A directory of the zone database or a 300-character name: ConfigError, no traceback."""
    text = EXAMPLE.read_text(encoding="utf-8")
    line = next(i for i, row in enumerate(text.splitlines(), 1) if row.startswith("timezone"))
    bad = text.replace('timezone = "Europe/Berlin"', f'timezone = "{zone}"', 1)
    with pytest.raises(ConfigError) as error:
        parse_config(bad, "office.toml")
    assert error.value.line == line
    assert "site.timezone" in str(error.value)


def test_the_text_rule() -> None:
    """One line refuses tab and newlines, many lines allow them; both refuse NUL and C1."""
    assert refusal("Müller-Lüdenscheidt, Ahmad اسم") is None
    assert refusal("a\tb") is not None
    assert refusal("a\tb\nc\r\n", lines=True) is None
    for bad in ("\x00", "\x1f", "\x7f", "\x9b", "\ud800", "\udc00", "\ufffe"):
        assert refusal(f"ok{bad}", lines=True) == (
            f"holds U+{ord(bad):04X} at position 2, which is not accepted"
        )


def test_a_clerk_gone_mid_step_is_one_info_line_not_a_traceback(
    hostile_hub: HostileHub,
) -> None:
    """A counter PC shut down mid-step (its keyed request's body never came): the hub logs
    it, does nothing, and serves on. (A body FastAPI reads itself is its own 400.)"""
    head = (
        "POST /api/v1/counters/t01/call-next HTTP/1.1\r\nHost: hub\r\n"
        f"Authorization: Bearer {hostile_hub.tokens['clerk']}\r\n"
        f"Idempotency-Key: {uuid.uuid4().hex}\r\n"
        "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"
    )
    with hostile_hub.client("clerk") as http:
        before = http.get("/queue").json()["seq"]
    said = len(hostile_hub.process.lines)
    with socket.create_connection(("127.0.0.1", hostile_hub.port), timeout=10) as sock:
        sock.sendall(head.encode())  # then gone, 999 bytes short
    deadline = time.monotonic() + 30
    wanted = "POST /api/v1/counters/t01/call-next: the client went away before its request"
    while not any(wanted in line for line in hostile_hub.process.lines[said:]):
        assert time.monotonic() < deadline, "".join(hostile_hub.process.lines[said:])
        time.sleep(0.05)
    hostile_hub.assert_healthy()
    with hostile_hub.client("clerk") as http:
        assert http.get("/queue").json()["seq"] == before  # nothing was done
