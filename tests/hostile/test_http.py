"""Every operation of the hub's OpenAPI under hostile input: no 5xx, every error JSON.

For each operation hypothesis sends valid-looking requests with one part made hostile (a body
field, an extra key, a path or query parameter, the token), hostile JSON of any shape, and raw
bodies that are not JSON at all, too deep or too large; as no one, a device, a clerk, an admin.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.hostile.conftest import APPOINTMENTS, HostileHub
from tests.hostile.strategies import json_text, nasty_json, nasty_text, raw_bodies, url_part
from tests.system.conftest import PASSWORD

pytestmark = pytest.mark.slow

ATTACK = settings(
    max_examples=30,
    deadline=None,
    database=None,  # no .hypothesis/ in the work tree
    derandomize=True,  # the same requests on every run: a failure is reproducible
    suppress_health_check=list(HealthCheck),
)
GOOD: dict[str, Callable[[], Any]] = {
    "service_id": lambda: "reception",
    "language": lambda: "de",
    "idempotency_key": lambda: uuid.uuid4().hex,
    "emergency": lambda: False,
    "appointment_number": lambda: APPOINTMENTS[0],
    "username": lambda: "clerk",
    "password": lambda: PASSWORD,
    "ticket_id": lambda: 1,
    "counter_id": lambda: "t01",
    "at_counter": lambda: "t01",
    "note": lambda: "a note",
    "key": lambda: "not-the-key",
    "alarm_id": lambda: 1,
    "Idempotency-Key": lambda: uuid.uuid4().hex,
}
"""A valid value for every field and parameter name the API uses (others get "x")."""


def good(name: str) -> Any:
    """A valid value for a parameter or field."""
    return GOOD.get(name, lambda: "x")()


CSV = "number,service_id,scheduled_at,name\nH100,reception,2030-01-01T10:00:00,A Name\n"


@dataclass(frozen=True)
class Operation:
    """One method and path of the OpenAPI, with its parameters and body fields."""

    method: str
    path: str
    path_params: tuple[str, ...]
    query_params: tuple[str, ...]
    header_params: tuple[str, ...]
    body_fields: tuple[str, ...]
    json_body: bool
    csv_body: bool

    def __str__(self) -> str:
        return f"{self.method.upper()} {self.path}"


def operations(schema: dict[str, Any]) -> list[Operation]:
    """Every operation of an OpenAPI document."""
    found = []
    components = schema.get("components", {}).get("schemas", {})
    for path, methods in schema["paths"].items():
        for method, spec in methods.items():
            params = spec.get("parameters", [])
            content = spec.get("requestBody", {}).get("content", {})
            fields: tuple[str, ...] = ()
            if "application/json" in content:
                body_schema = content["application/json"]["schema"]
                ref = body_schema.get("$ref") or next(
                    (s["$ref"] for s in body_schema.get("anyOf", []) if "$ref" in s), None
                )
                if ref:
                    fields = tuple(components[ref.rsplit("/", 1)[1]].get("properties", {}))
            found.append(
                Operation(
                    method=method,
                    path=path,
                    path_params=tuple(p["name"] for p in params if p["in"] == "path"),
                    query_params=tuple(p["name"] for p in params if p["in"] == "query"),
                    header_params=tuple(p["name"] for p in params if p["in"] == "header"),
                    body_fields=fields,
                    json_body="application/json" in content,
                    csv_body="text/csv" in content,
                )
            )
    return found


def roles_for(operation: Operation) -> list[str | None]:
    """Who calls: no one, devices and staff (never a staff token at logout: later tests need it)."""
    if operation.path.endswith("/sessions/current"):
        return [None, "kiosk", "display", "bogus"]
    return [None, "bogus", "kiosk", "display", "counter", "clerk", "admin"]


class Drawn(dict[str, Any]):
    """A drawn request; its repr is cut short (bodies can be 200 KB)."""

    def __repr__(self) -> str:
        return super().__repr__()[:600]


@st.composite
def requests(draw: st.DrawFn, operation: Operation) -> Drawn:
    """One request to `operation` with some part of it hostile."""
    hostile = draw(
        st.sampled_from(["body", "extra", "whole", "raw", "path", "query", "header", "none"])
    )
    path = operation.path
    for name in operation.path_params:
        value = draw(nasty_text) if hostile == "path" else str(good(name))
        path = path.replace(f"{{{name}}}", url_part(value) or "%20")
    query = {}
    for name in operation.query_params:
        query[name] = draw(nasty_text) if hostile == "query" else str(good(name))
    content: bytes | None = None
    headers: dict[str, str | bytes] = {"content-type": "application/json"}
    for name in operation.header_params:
        value = draw(nasty_text) if hostile == "header" else str(good(name))
        raw = value.encode("utf-8", "surrogatepass")[:4000]
        headers[name] = raw.replace(b"\r", b"").replace(b"\n", b"")
    if operation.csv_body:
        headers["content-type"] = "text/csv"
        text = CSV if hostile not in ("body", "whole", "raw") else draw(nasty_text)
        content = draw(raw_bodies) if hostile == "raw" else text.encode("utf-8", "surrogatepass")
    elif operation.json_body:
        body = {name: good(name) for name in operation.body_fields}
        if hostile == "body" and operation.body_fields:
            body[draw(st.sampled_from(operation.body_fields))] = draw(nasty_json)
        elif hostile == "extra":
            body[draw(nasty_text)] = draw(nasty_json)
        content = json_text(draw(nasty_json) if hostile == "whole" else body)
        if hostile == "raw":
            content = draw(raw_bodies)
    query_string = "&".join(f"{url_part(k)}={url_part(v)}" for k, v in query.items())
    return Drawn(
        method=operation.method.upper(),
        url="/api/v1" + path.removeprefix("/api/v1") + (f"?{query_string}" if query else ""),
        content=content,
        headers=headers,
        role=draw(st.sampled_from(roles_for(operation))),
        bogus=draw(nasty_text),
    )


def check_answer(operation: Operation, request: dict[str, Any], answer: httpx.Response) -> None:
    """No 5xx; every error is JSON with a `detail`."""
    where = f"{operation}: {request['method']} {request['url'][:200]} as {request['role']}"
    assert answer.status_code < 500, f"{where} → {answer.status_code} {answer.text[:300]}"
    if answer.status_code >= 400:
        assert answer.headers.get("content-type", "").startswith("application/json"), where
        assert "detail" in answer.json(), where


def send(hub: HostileHub, http: httpx.Client, request: dict[str, Any]) -> httpx.Response:
    """Send one drawn request with the token of its role (a made-up one for "bogus")."""
    headers = dict(request["headers"])
    role = request["role"]
    if role == "bogus":
        token = request["bogus"].encode("utf-8", "surrogatepass")[:4000]
        headers["authorization"] = b"Bearer " + token.replace(b"\r", b"").replace(b"\n", b"")
    elif role is not None:
        headers["authorization"] = f"Bearer {hub.tokens[role]}"
    return http.request(
        request["method"], request["url"], content=request["content"], headers=headers
    )


def attack(hub: HostileHub, http: httpx.Client, operation: Operation) -> Callable[[], None]:
    """The hypothesis test of one operation."""

    @ATTACK
    @given(request=requests(operation))
    def run(request: Drawn) -> None:
        try:
            answer = send(hub, http, request)
        except (httpx.LocalProtocolError, httpx.InvalidURL):  # httpx refuses to send it
            return
        check_answer(operation, request, answer)

    return run


def test_every_operation_survives_hostile_input(hostile_hub: HostileHub) -> None:
    """Hypothesis over every operation of /openapi.json; the hub stays healthy throughout."""
    with httpx.Client(base_url=hostile_hub.base, timeout=30) as http:
        schema = http.get("/openapi.json").json()
        found = operations(schema)
        assert len(found) >= 20, [str(o) for o in found]
        for operation in found:
            attack(hostile_hub, http, operation)()
    hostile_hub.assert_healthy()
