"""Disabling a user while the hub runs: `aufruf user disable` in another process takes effect
before it returns — the next request is a 401 `user_disabled` and the staff stream is closed
with that reason; logins say so only after the right password."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import httpx
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import ClientConnection, connect

from tests.api.conftest import PASSWORD, Hub

AUFRUF = str(Path(sys.executable).with_name("aufruf"))


def _aufruf(hub: Hub, config_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The real `aufruf` command on the hub's database (another process than the hub)."""
    url = hub.engine.url.render_as_string(hide_password=False)
    return subprocess.run(
        [AUFRUF, *args, "--config", str(config_path), "--database-url", url],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def _close_frame(ws: ClientConnection) -> tuple[int, str]:
    """Read heartbeats until the hub closes the stream; its close code and reason."""
    while True:
        try:
            assert json.loads(ws.recv(timeout=15))["type"] == "heartbeat"
        except ConnectionClosed as closed:
            frame = closed.rcvd
            return (frame.code, frame.reason) if frame is not None else (-1, "no close frame")


def _login(hub: Hub, username: str, password: str) -> httpx.Response:
    return hub.http.post("/sessions", json={"username": username, "password": password})


def test_disable_takes_effect_in_the_running_hub_before_the_command_returns(
    hub: Hub, config_path: Path
) -> None:
    clerk = hub.auth("clerk")
    assert hub.http.get("/queue", headers=clerk).status_code == 200  # cached in the hub now
    with connect(hub.ws_url(), additional_headers=clerk, open_timeout=5) as ws:
        assert json.loads(ws.recv(timeout=5))["type"] == "snapshot"
        done = _aufruf(hub, config_path, "user", "disable", "clerk")
        assert done.returncode == 0, done.stderr
        assert "user clerk disabled; 1 open session(s) ended" in done.stdout
        assert "the running hub has refused them" in done.stdout
        refused = hub.http.get("/queue", headers=clerk)  # at once: no waiting, no retry
        assert refused.status_code == 401
        assert refused.json() == {
            "detail": "this user is disabled; ask a supervisor",
            "reason": "user_disabled",
        }
        assert _close_frame(ws) == (4001, "user_disabled")
    assert hub.http.get("/queue", headers=hub.auth("supervisor")).status_code == 200
    listed = _aufruf(hub, config_path, "user", "list")
    assert "clerk\tclerk\tdisabled\tClerk" in listed.stdout
    assert "supervisor\tsupervisor\tactive\tSupervisor" in listed.stdout


def test_a_disabled_users_login_is_refused_like_a_wrong_password_unless_it_is_right(
    hub: Hub,
) -> None:
    hub.store.set_user_disabled("clerk", disabled=True)
    right = _login(hub, "clerk", PASSWORD)
    assert right.status_code == 401
    assert right.json() == {
        "detail": "this user is disabled; ask a supervisor",
        "reason": "user_disabled",
    }
    wrong = _login(hub, "clerk", "not the password")
    unknown = _login(hub, "nobody", "not the password")
    assert wrong.status_code == unknown.status_code == 401
    bad = {"detail": "wrong username or password", "reason": "bad_credentials"}
    assert wrong.json() == unknown.json() == bad
    assert wrong.headers["www-authenticate"] == unknown.headers["www-authenticate"] == "Bearer"


def test_enable_lets_the_user_log_in_again(hub: Hub, config_path: Path) -> None:
    hub.store.set_user_disabled("clerk", disabled=True)
    done = _aufruf(hub, config_path, "user", "enable", "clerk")
    assert done.returncode == 0, done.stderr
    assert "user clerk enabled" in done.stdout
    assert _login(hub, "clerk", PASSWORD).status_code == 200
    assert hub.http.get("/queue", headers=hub.auth("clerk")).json().get("reason") == (
        "user_disabled"  # the session ended by disabling stays ended
    )
    missing = _aufruf(hub, config_path, "user", "disable", "ghost")
    assert missing.returncode == 2
    assert "no user 'ghost'" in missing.stderr
