"""Idempotency-Key on the clerk's steps over HTTP: one key, one step, the first answer again."""

from __future__ import annotations

import uuid

import pytest

from tests.api.conftest import Hub


def _called_events(hub: Hub) -> int:
    events = hub.store.events_since(0) or []
    return sum(1 for event in events if event.type == "ticket.called")


@pytest.mark.parametrize("which", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_next_twice_with_one_key_calls_one_ticket(
    which: str, request: pytest.FixtureRequest
) -> None:
    hub: Hub = request.getfixturevalue("hub" if which == "sqlite" else "pg_hub")
    first_ticket, second_ticket = hub.issue("general"), hub.issue("general")
    key = {"Idempotency-Key": uuid.uuid4().hex}
    with hub.client("clerk") as clerk:
        assert clerk.post("/counters/c1/open").is_success
        first = clerk.post("/counters/c1/call-next", headers=key)
        again = clerk.post("/counters/c1/call-next", headers=key)
        assert first.status_code == again.status_code == 200
        assert first.json() == again.json()
        assert first.json()["ticket"]["number"] == first_ticket["ticket"]["number"]
        assert "idempotent-replayed" not in first.headers
        assert again.headers["idempotent-replayed"] == "true"
        assert _called_events(hub) == 1
        queue = clerk.get("/queue").json()
        waiting = [t["number"] for t in queue["tickets"] if t["status"] == "waiting"]
        assert waiting == [second_ticket["ticket"]["number"]]
        step = {"Idempotency-Key": uuid.uuid4().hex}
        ticket_id = first.json()["ticket"]["id"]
        recalled = clerk.post(f"/tickets/{ticket_id}/recall", headers=step, json={})
        assert clerk.post(f"/tickets/{ticket_id}/recall", headers=step, json={}).json() == (
            recalled.json()
        )
        assert _called_events(hub) == 2  # one call and one recall: the retry announced nothing


def test_a_refused_step_is_refused_again_for_its_key(hub: Hub) -> None:
    hub.issue("general")
    key = {"Idempotency-Key": "pause-then-next-1"}
    with hub.client("clerk") as clerk, hub.client("supervisor") as boss:
        assert boss.post("/counters/c1/pause").is_success
        refused = clerk.post("/counters/c1/call-next", headers=key)
        assert (refused.status_code, refused.json()["reason"]) == (409, "counter_paused")
        assert boss.post("/counters/c1/open").is_success
        again = clerk.post("/counters/c1/call-next", headers=key)
        assert (again.status_code, again.json()) == (409, refused.json())
        assert again.headers["idempotent-replayed"] == "true"
        assert _called_events(hub) == 0
        fresh = clerk.post("/counters/c1/call-next", headers={"Idempotency-Key": "next-click-2"})
        assert fresh.status_code == 200


def test_bad_and_reused_keys_are_refused(hub: Hub) -> None:
    with hub.client("clerk") as clerk:
        short = clerk.post("/counters/c1/open", headers={"Idempotency-Key": "abc"})
        assert short.status_code == 422
        assert short.json()["detail"][0]["loc"][:2] == ["header", "Idempotency-Key"]
        key = {"Idempotency-Key": "open-or-close-1"}
        assert clerk.post("/counters/c1/open", headers=key).is_success
        reused = clerk.post("/counters/c1/close", headers=key)
        assert (reused.status_code, reused.json()["reason"]) == (409, "idempotency_key_reused")
        state = clerk.get("/queue").json()["counters"][0]["state"]
        assert state == "open"  # the reused key did nothing
        with hub.client("supervisor") as boss:  # keys are per caller
            assert boss.post("/counters/c1/close", headers=key).is_success


def test_every_step_answers_with_the_seq_it_committed_and_a_replay_with_the_first(
    hub: Hub,
) -> None:
    hub.issue("general")
    key = {"Idempotency-Key": "seq-of-next-1"}
    with hub.client("clerk") as clerk, hub.client("supervisor") as boss:
        opened = clerk.post("/counters/c1/open").json()
        assert opened["seq"] == hub.store.last_seq()
        called = clerk.post("/counters/c1/call-next", headers=key).json()
        assert called["seq"] == hub.store.last_seq()
        ticket_id = called["ticket"]["id"]
        started = clerk.post(f"/tickets/{ticket_id}/start", json={}).json()
        assert (started["status"], started["seq"]) == ("serving", hub.store.last_seq())
        paused = boss.post("/counters/c2/pause").json()
        assert paused["seq"] == hub.store.last_seq() > called["seq"]
        again = clerk.post("/counters/c1/call-next", headers=key)
        assert again.headers["idempotent-replayed"] == "true"
        assert again.json()["seq"] == called["seq"]  # the first answer, with its first seq
        unchanged = clerk.post("/counters/c1/open").json()  # open already: no event
        assert unchanged["seq"] == hub.store.last_seq() == paused["seq"]
