"""Refused clerk's steps over HTTP: a reason code and the true state, in the OpenAPI too."""

from __future__ import annotations

import httpx

from shared.desk_refusal import StepRefusal, StepRefused
from tests.api.conftest import Hub


def test_a_refused_step_answers_with_its_reason_and_the_true_state(hub: Hub) -> None:
    hub.issue("general")
    with hub.client("clerk") as clerk, hub.client("supervisor") as boss:
        assert boss.post("/counters/c1/pause").is_success
        paused = clerk.post("/counters/c1/call-next")
        assert paused.status_code == 409
        assert paused.json() == {
            "detail": "Schalter 1 is paused; open it before calling",
            "reason": "counter_paused",
            "counter_id": "c1",
            "counter_name": "Schalter 1",
            "counter_state": "paused",
        }
        assert clerk.post("/counters/c1/open").is_success
        ticket = clerk.post("/counters/c1/call-next").json()["ticket"]
        foreign = clerk.post(f"/tickets/{ticket['id']}/finish", json={"at_counter": "c2"})
        assert foreign.status_code == 409
        refused = StepRefused.from_json(foreign.json())
        assert refused is not None
        assert (refused.reason, refused.ticket_number, refused.holder_name) == (
            StepRefusal.NOT_YOUR_TICKET,
            ticket["number"],
            "Schalter 1",
        )
        early = clerk.post(f"/tickets/{ticket['id']}/finish", json={"at_counter": "c1"})
        assert (early.status_code, early.json()["reason"]) == (409, "ticket_not_started")
        neither = clerk.post(f"/tickets/{ticket['id']}/transfer", json={"note": "?"})
        assert (neither.status_code, neither.json()["reason"]) == (400, "no_target")
        missing = clerk.post("/tickets/999999/start")
        assert missing.status_code == 404
        assert missing.json() == {
            "detail": "no ticket with id 999999",
            "reason": "unknown_ticket",
            "ticket_id": 999999,
        }


def test_the_openapi_documents_the_reasons(hub: Hub) -> None:
    schema = httpx.get(f"{hub.base}/openapi.json", timeout=10).json()
    refused = schema["components"]["schemas"]["StepRefused"]
    reasons = schema["components"]["schemas"]["StepRefusal"]["enum"]
    assert set(reasons) == {reason.value for reason in StepRefusal}
    assert {"reason", "detail", "ticket_number", "ticket_status", "holder_id"} <= set(
        refused["properties"]
    )
    for path in ("/api/v1/counters/{counter_id}/call-next", "/api/v1/tickets/{ticket_id}/finish"):
        answers = schema["paths"][path]["post"]["responses"]
        for code in ("404", "409"):
            ref = answers[code]["content"]["application/json"]["schema"]["$ref"]
            assert ref.endswith("/StepRefused")
    unauthorized = schema["paths"]["/api/v1/queue"]["get"]["responses"]["401"]
    assert unauthorized["content"]["application/json"]["schema"]["$ref"].endswith("/AuthRefused")
