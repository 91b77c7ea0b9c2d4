"""The client's REST calls against a real HTTP hub on 127.0.0.1."""

from __future__ import annotations

import socket

import pytest

from shared.domain import CounterState
from shared.qt.client import ApiError


@pytest.fixture
def hub(shared_hub):
    """The module's hub, with nothing scripted or recorded."""
    shared_hub[0].reset()
    return shared_hub[0]


@pytest.fixture
def served(shared_hub):
    """The module's running server."""
    return shared_hub[1]


def settle(qtbot, reply):
    """Wait until the reply has reported; return it."""
    qtbot.wait_until(lambda: reply.done, timeout=5000)
    return reply


CALLS = [
    (
        lambda c: c.issue_ticket("pass", "de", "k1"),
        "POST",
        "/tickets",
        {"service_id": "pass", "language": "de", "idempotency_key": "k1"},
    ),
    (
        lambda c: c.issue_ticket("pass", "ar", "k2", emergency=True),
        "POST",
        "/tickets",
        {"service_id": "pass", "language": "ar", "idempotency_key": "k2", "emergency": True},
    ),
    (
        lambda c: c.check_in("T-1234", "uk", "k3"),
        "POST",
        "/checkins",
        {"appointment_number": "T-1234", "language": "uk", "idempotency_key": "k3"},
    ),
    (lambda c: c.health(), "GET", "/health", None),
    (lambda c: c.site(), "GET", "/site", None),
    (lambda c: c.queue(), "GET", "/queue", None),
    (lambda c: c.call_next("c3"), "POST", "/counters/c3/call-next", None),
    (lambda c: c.call_ticket("c3", 17), "POST", "/counters/c3/call", {"ticket_id": 17}),
    (lambda c: c.recall(5), "POST", "/tickets/5/recall", {}),
    (lambda c: c.start(5), "POST", "/tickets/5/start", {}),
    (lambda c: c.finish(5, "done"), "POST", "/tickets/5/finish", {"note": "done"}),
    (lambda c: c.no_show(5), "POST", "/tickets/5/no-show", {}),
    (lambda c: c.park(5), "POST", "/tickets/5/park", {}),
    (lambda c: c.cancel(5), "POST", "/tickets/5/cancel", {}),
    (
        lambda c: c.transfer(5, service_id="visa", note="Visum"),
        "POST",
        "/tickets/5/transfer",
        {"service_id": "visa", "note": "Visum"},
    ),
    (
        lambda c: c.transfer(5, counter_id="c1"),
        "POST",
        "/tickets/5/transfer",
        {"counter_id": "c1", "note": ""},
    ),
    (lambda c: c.set_counter_state("c3", CounterState.OPEN), "POST", "/counters/c3/open", None),
    (
        lambda c: c.set_counter_state("c3", CounterState.PAUSED),
        "POST",
        "/counters/c3/pause",
        None,
    ),
    (
        lambda c: c.set_counter_state("c3", CounterState.CLOSED),
        "POST",
        "/counters/c3/close",
        None,
    ),
    (lambda c: c.logout(), "DELETE", "/sessions/current", None),
]


@pytest.mark.parametrize(("call", "method", "path", "body"), CALLS)
def test_typed_helpers_send_the_documented_requests(
    qtbot, hub, served, make_client, call, method, path, body
):
    client = make_client(served.url, token="clerk-7")
    reply = settle(qtbot, call(client))
    assert reply.error is None
    assert reply.result == {"method": method, "path": path, "body": body}
    [seen] = hub.requests
    assert (seen.method, seen.path, seen.body) == (method, path, body)
    assert seen.authorization == "Bearer clerk-7"


def test_succeeded_carries_the_parsed_json(qtbot, hub, served, make_client):
    hub.responses["GET", "/site"] = (200, {"languages": ["de", "en"], "services": []})
    client = make_client(served.url)
    reply = client.site()
    with qtbot.wait_signal(reply.succeeded) as blocker:
        pass
    assert blocker.args == [{"languages": ["de", "en"], "services": []}]


def test_no_content_succeeds_with_none(qtbot, hub, served, make_client):
    hub.responses["POST", "/counters/c1/call-next"] = (204, None)
    client = make_client(served.url)
    reply = client.call_next("c1")
    with qtbot.wait_signal(reply.succeeded) as blocker:
        pass
    assert blocker.args == [None]


def test_http_error_fails_with_status_and_the_servers_detail(qtbot, hub, served, make_client):
    hub.responses["POST", "/tickets/5/finish"] = (409, {"detail": "ticket A005 is done"})
    client = make_client(served.url)
    reply = client.finish(5)
    with qtbot.wait_signal(reply.failed) as blocker:
        pass
    error = blocker.args[0]
    assert error == ApiError(409, "ticket A005 is done", "POST", "/tickets/5/finish")
    assert not error.unreachable
    assert str(error) == "POST /tickets/5/finish: HTTP 409: ticket A005 is done"


def test_validation_errors_are_flattened(qtbot, hub, served, make_client):
    detail = [{"loc": ["body", "language"], "msg": "Field required", "type": "missing"}]
    hub.responses["POST", "/tickets"] = (422, {"detail": detail})
    client = make_client(served.url)
    reply = settle(qtbot, client.issue_ticket("pass", "", "k"))
    assert reply.error == ApiError(422, "body.language: Field required", "POST", "/tickets")


@pytest.mark.parametrize(
    ("status", "payload", "detail"),
    [
        (500, b"Internal Server Error", "Internal Server Error"),
        (403, {"detail": {"role": "display"}}, '{"role": "display"}'),
        (200, b"{not json", "the hub answered with invalid JSON: b'{not json'"),
        (502, [1, 2], "Bad Gateway"),
        (400, {"detail": ["plain", {"msg": "odd"}]}, "plain; : odd"),
    ],
)
def test_odd_answers_fail_cleanly(qtbot, hub, served, make_client, status, payload, detail):
    hub.responses["GET", "/queue"] = (status, payload)
    client = make_client(served.url)
    reply = settle(qtbot, client.queue())
    assert reply.error == ApiError(status, detail, "GET", "/queue")


def test_a_silent_hub_times_out(qtbot, hub, served, make_client):
    hub.slow_seconds = 3.0
    client = make_client(served.url, timeout=0.3)
    reply = client.request("GET", "/slow")
    with qtbot.wait_signal(reply.failed, timeout=3000) as blocker:
        pass
    assert blocker.args[0] == ApiError(0, "no answer from the hub within 0.3 s", "GET", "/slow")
    assert blocker.args[0].unreachable


def test_an_unreachable_hub_fails_with_status_zero(qtbot, make_client):
    with socket.socket() as probe:  # a port that was free a moment ago: nobody listens
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    client = make_client(f"http://127.0.0.1:{port}")
    reply = settle(qtbot, client.health())
    assert reply.error is not None
    assert reply.error.status == 0
    assert reply.error.detail == "hub not reachable: Connection refused"


def test_login_switches_to_the_session_token(qtbot, hub, served, make_client):
    hub.responses["POST", "/sessions"] = (
        200,
        {"token": "sess-42", "role": "clerk", "username": "mia"},
    )
    client = make_client(served.url, token="counter-device")
    settle(qtbot, client.login("mia", "geheim"))
    assert hub.requests[0].body == {"username": "mia", "password": "geheim"}
    assert client.token == "sess-42"
    settle(qtbot, client.queue())
    assert hub.requests[1].authorization == "Bearer sess-42"


def test_close_aborts_requests_in_flight(qtbot, hub, served, make_client):
    hub.slow_seconds = 3.0
    client = make_client(served.url)
    reply = client.request("GET", "/slow")
    qtbot.wait_until(lambda: len(hub.requests) == 1)
    with qtbot.wait_signal(reply.failed, timeout=1000) as blocker:
        client.close()
    assert blocker.args[0] == ApiError(0, "aborted", "GET", "/slow")


def test_login_answer_without_a_token_keeps_the_old_one(qtbot, hub, served, make_client, caplog):
    hub.responses["POST", "/sessions"] = (200, {"role": "clerk"})
    client = make_client(served.url + "/", token="device")
    assert client.base_url == served.url
    settle(qtbot, client.login("mia", "pw"))
    assert client.token == "device"
    assert "login answer without a token" in caplog.text
