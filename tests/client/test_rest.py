"""The client's REST calls against a real HTTP hub on 127.0.0.1."""

from __future__ import annotations

import socket

import pytest

from shared.domain import CounterState, UserRole
from shared.qt.client import ApiError
from shared.wire import SessionAnswer, SiteAnswer
from tests.client.sample import ANSWERS, as_json


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
        "issued",
    ),
    (
        lambda c: c.issue_ticket("pass", "ar", "k2", emergency=True),
        "POST",
        "/tickets",
        {"service_id": "pass", "language": "ar", "idempotency_key": "k2", "emergency": True},
        "issued",
    ),
    (
        lambda c: c.check_in("T-1234", "uk", "k3"),
        "POST",
        "/checkins",
        {"appointment_number": "T-1234", "language": "uk", "idempotency_key": "k3"},
        "issued",
    ),
    (lambda c: c.health(), "GET", "/health", None, "health"),
    (lambda c: c.site(), "GET", "/site", None, "site"),
    (lambda c: c.ticket_status(5, "k+y/z"), "GET", "/tickets/5/status", None, "status"),
    (lambda c: c.queue(), "GET", "/queue", None, "snapshot"),
    (lambda c: c.policy(), "GET", "/policy", None, "policy"),
    (lambda c: c.overview(), "GET", "/supervisor", None, "overview"),
    (lambda c: c.display_setup(), "GET", "/display", None, "display"),
    (lambda c: c.call_next("c3"), "POST", "/counters/c3/call-next", None, "called"),
    (lambda c: c.call_ticket("c3", 17), "POST", "/counters/c3/call", {"ticket_id": 17}, "called"),
    (lambda c: c.recall(5), "POST", "/tickets/5/recall", {}, "ticket"),
    (lambda c: c.start(5), "POST", "/tickets/5/start", {}, "ticket"),
    (lambda c: c.finish(5, "done"), "POST", "/tickets/5/finish", {"note": "done"}, "ticket"),
    (lambda c: c.no_show(5), "POST", "/tickets/5/no-show", {}, "ticket"),
    (lambda c: c.park(5), "POST", "/tickets/5/park", {}, "ticket"),
    (lambda c: c.cancel(5), "POST", "/tickets/5/cancel", {}, "ticket"),
    (
        lambda c: c.transfer(5, service_id="visa", note="Visum"),
        "POST",
        "/tickets/5/transfer",
        {"service_id": "visa", "note": "Visum"},
        "ticket",
    ),
    (
        lambda c: c.transfer(5, counter_id="c1"),
        "POST",
        "/tickets/5/transfer",
        {"counter_id": "c1"},
        "ticket",
    ),
    (
        lambda c: c.set_counter_state("c3", CounterState.OPEN),
        "POST",
        "/counters/c3/open",
        None,
        "counter",
    ),
    (
        lambda c: c.set_counter_state("c3", CounterState.PAUSED),
        "POST",
        "/counters/c3/pause",
        None,
        "counter",
    ),
    (
        lambda c: c.set_counter_state("c3", CounterState.CLOSED),
        "POST",
        "/counters/c3/close",
        None,
        "counter",
    ),
    (lambda c: c.raise_alarm("c3"), "POST", "/alarms", {"counter_id": "c3"}, "alarm"),
    (lambda c: c.acknowledge_alarm(7), "POST", "/alarms/7/acknowledge", None, "alarm"),
    (
        lambda c: c.import_appointments("number,service_id,scheduled_at\n"),
        "POST",
        "/appointments/import",
        "number,service_id,scheduled_at\n",
        "import",
    ),
]


@pytest.mark.parametrize(("call", "method", "path", "body", "kind"), CALLS)
def test_typed_helpers_send_the_documented_requests_and_return_typed_answers(
    qtbot, hub, served, make_client, call, method, path, body, kind
):
    answer = ANSWERS[kind]
    hub.responses[method, path] = (200, as_json(answer))
    client = make_client(served.url, token="clerk-7")
    reply = settle(qtbot, call(client))
    assert reply.error is None
    assert reply.result == answer
    assert type(reply.result) is type(answer)
    [seen] = hub.requests
    assert (seen.method, seen.path, seen.body) == (method, path, body)
    assert seen.authorization == "Bearer clerk-7"


def test_bodies_are_json_and_the_csv_is_text(qtbot, hub, served, make_client):
    client = make_client(served.url)
    settle(qtbot, client.issue_ticket("pass", "de", "k1"))
    settle(qtbot, client.import_appointments("number\n"))
    settle(qtbot, client.ticket_status(5, "k+y/z"))
    kinds = [(seen.content_type, seen.query) for seen in hub.requests]
    assert kinds == [
        ("application/json", ""),
        ("text/csv; charset=utf-8", ""),
        (None, "key=k%2By%2Fz"),
    ]


def test_succeeded_carries_the_typed_answer(qtbot, hub, served, make_client):
    hub.responses["GET", "/site"] = (200, as_json(ANSWERS["site"]))
    client = make_client(served.url)
    reply = client.site()
    with qtbot.wait_signal(reply.succeeded) as blocker:
        pass
    [site] = blocker.args
    assert isinstance(site, SiteAnswer)
    assert site.services[0].documents == {"de": ("Foto",)}


def test_then_connects_typed_callbacks(qtbot, hub, served, make_client):
    hub.responses["GET", "/queue"] = (200, as_json(ANSWERS["snapshot"]))
    hub.responses["POST", "/tickets/5/finish"] = (409, {"detail": "ticket A005 is done"})
    client = make_client(served.url)
    snapshots, errors = [], []
    client.queue().then(snapshots.append, errors.append)
    client.finish(5).then(snapshots.append, errors.append)
    qtbot.wait_until(lambda: len(snapshots) + len(errors) == 2, timeout=5000)
    assert snapshots == [ANSWERS["snapshot"]]
    assert [error.status for error in errors] == [409]


def test_request_is_the_untyped_way_out(qtbot, hub, served, make_client):
    client = make_client(served.url)
    reply = settle(qtbot, client.request("POST", "/anything", {"a": 1}))
    assert reply.result == {"method": "POST", "path": "/anything", "body": {"a": 1}}


def test_no_content_succeeds_with_none(qtbot, hub, served, make_client):
    hub.responses["POST", "/counters/c1/call-next"] = (204, None)
    client = make_client(served.url)
    reply = client.call_next("c1")
    with qtbot.wait_signal(reply.succeeded) as blocker:
        pass
    assert blocker.args == [None]


@pytest.mark.parametrize(
    ("call", "method", "path", "payload", "detail"),
    [
        (
            lambda c: c.issue_ticket("pass", "de", "k1"),
            "POST",
            "/tickets",
            {"ticket": {"number": "A001"}, "service_name": "Pass"},
            (
                "the hub's answer does not fit IssuedTicket: ticket.id: Field required; "
                "ticket.service_id: Field required; ticket.status: Field required (and 7 more)"
            ),
        ),
        (
            lambda c: c.call_next("c1"),
            "POST",
            "/counters/c1/call-next",
            [],
            (
                "the hub's answer does not fit CalledTicket or nothing: "
                "answer: Input should be a dictionary or an instance of CalledTicket"
            ),
        ),
        (
            lambda c: c.set_counter_state("c1", CounterState.OPEN),
            "POST",
            "/counters/c1/open",
            {"id": "c1", "name": "1", "location": "", "state": "asleep"},
            (
                "the hub's answer does not fit CounterAnswer: state: "
                "Input should be 'open', 'paused' or 'closed'"
            ),
        ),
        (
            lambda c: c.logout(),
            "DELETE",
            "/sessions/current",
            {"bye": True},
            "the hub's answer does not fit an empty answer: answer: Input should be None",
        ),
    ],
)
def test_an_answer_of_the_wrong_shape_fails_with_an_api_error(
    qtbot, hub, served, make_client, call, method, path, payload, detail
):
    hub.responses[method, path] = (200, payload)
    client = make_client(served.url)
    reply = call(client)
    reply.succeeded.connect(lambda answer: pytest.fail(f"succeeded with {answer!r}"))
    with qtbot.wait_signal(reply.failed) as blocker:
        pass
    assert blocker.args == [ApiError(200, detail, method, path)]
    assert blocker.args[0].unreadable
    assert reply.result is None


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
    session = settle(qtbot, client.login("mia", "geheim")).result
    assert session == SessionAnswer(token="sess-42", role=UserRole.CLERK, username="mia")
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


def test_login_answer_without_a_token_fails_and_keeps_the_old_one(qtbot, hub, served, make_client):
    hub.responses["POST", "/sessions"] = (200, {"role": "clerk"})
    client = make_client(served.url + "/", token="device")
    assert client.base_url == served.url
    reply = settle(qtbot, client.login("mia", "pw"))
    assert reply.error == ApiError(
        200,
        "the hub's answer does not fit SessionAnswer: token: Field required; "
        "username: Field required",
        "POST",
        "/sessions",
    )
    assert client.token == "device"
