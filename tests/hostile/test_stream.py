"""The event stream's handshake under hostile input: every refusal is answered, says why, closes."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.hostile.conftest import HostileHub
from tests.hostile.handshake import Answer, handshake, request_text
from tests.hostile.strategies import nasty_text, url_part

pytestmark = pytest.mark.slow

EVENTS = "/api/v1/events"
ATTACK = settings(
    max_examples=60,
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)


def assert_refused(answer: Answer, status: int) -> None:
    """A refusal with `status`, a JSON reason, and the connection closed."""
    assert answer.status == status, answer
    assert answer.headers.get("content-type") == "application/json", answer
    assert json.loads(answer.body)["detail"], answer
    assert answer.closed, answer


@pytest.mark.parametrize(
    "since", ["-1", "abc", "1.5", "", str(2**62 + 1), "1e3", "%00", "%ED%A0%80", "0x10"]
)
def test_a_bad_since_is_a_400_that_says_why(hostile_hub: HostileHub, since: str) -> None:
    """since=-1, abc, 1.5, empty, beyond 2^62 … → 400 with a JSON detail, then close."""
    auth = f"Authorization: Bearer {hostile_hub.tokens['display']}\r\n"
    answer = handshake(hostile_hub.port, request_text(f"{EVENTS}?since={since}", auth))
    assert_refused(answer, 400)
    assert "since" in answer.body.decode()


def test_an_over_long_token_is_a_400(hostile_hub: HostileHub) -> None:
    """A `?token=` longer than any token the hub issues: 400, not a silent 403."""
    answer = handshake(hostile_hub.port, request_text(f"{EVENTS}?token={'a' * 600}"))
    assert_refused(answer, 400)


def test_no_token_and_a_wrong_token_are_401(hostile_hub: HostileHub) -> None:
    """401 with a reason, for no token and for an unknown one."""
    assert_refused(handshake(hostile_hub.port, request_text(EVENTS)), 401)
    answer = handshake(hostile_hub.port, request_text(f"{EVENTS}?token=nope"))
    assert_refused(answer, 401)


REFUSED_UPGRADES = {
    "a header of 9 KB": request_text(EVENTS, f"X-Big: {'a' * 9000}\r\n"),
    "a header of 60 KB": request_text(EVENTS, f"X-Big: {'a' * 60_000}\r\n"),
    "200 headers": request_text(EVENTS, "".join(f"X-H{i}: a\r\n" for i in range(200))),
    "a URL of 9 KB": request_text(f"{EVENTS}?x={'a' * 9000}"),
    "POST": request_text(EVENTS, method="POST"),
    "no route": request_text("/nowhere"),
    "no version": b"GET /api/v1/events HTTP/1.1\r\nHost: hub\r\nConnection: Upgrade\r\n"
    b"Upgrade: websocket\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n",
    "version 8": request_text(EVENTS).replace(b"Version: 13", b"Version: 8"),
}


@pytest.mark.parametrize("name", list(REFUSED_UPGRADES))
def test_every_refused_upgrade_is_answered_and_closed(hostile_hub: HostileHub, name: str) -> None:
    """Whatever refuses the upgrade (HTTP parser, WebSocket layer, the app), the client hears
    a 4xx and the connection closes: no socket is left open in silence."""
    answer = handshake(hostile_hub.port, REFUSED_UPGRADES[name])
    assert answer.status is not None, f"{name}: no answer at all"
    assert 400 <= answer.status < 500, answer
    assert answer.closed, answer
    if name in ("a header of 9 KB", "a header of 60 KB", "200 headers", "a URL of 9 KB"):
        assert_refused(answer, answer.status)


class Target(str):
    """A drawn URL; its repr is cut short (a token can be 70 KB)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return super().__repr__()[:300]


@st.composite
def stream_targets(draw: st.DrawFn) -> Target:
    """An /events URL with hostile or ordinary values for `since` and `token`."""
    since = draw(st.one_of(st.integers().map(str), nasty_text, st.none()))
    token = draw(st.one_of(nasty_text, st.none()))
    query = [f"since={url_part(since)}"] if since is not None else []
    query += [f"token={url_part(token)}"] if token is not None else []
    return Target(EVENTS + ("?" + "&".join(query) if query else ""))


def test_stream_parameters_never_break_the_hub(hostile_hub: HostileHub) -> None:
    """Hypothesis over `since` and `token` (with and without a valid header token): accepted
    (101) or refused with 400/401 and a JSON reason; never a hang, never a 5xx."""

    @ATTACK
    @given(target=stream_targets(), header=st.sampled_from([None, "display", "kiosk", "clerk"]))
    def attack(target: Target, header: str | None) -> None:
        auth = f"Authorization: Bearer {hostile_hub.tokens[header]}\r\n" if header else ""
        answer = handshake(hostile_hub.port, request_text(target, auth))
        assert answer.status is not None, target
        if answer.status != 101:
            assert answer.status in (400, 401, 403, 414, 431), (target, answer)
            assert_refused(answer, answer.status)

    attack()
    hostile_hub.assert_healthy()
