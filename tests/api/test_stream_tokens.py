"""The streams' token re-check: one batch per period, exactly the invalid streams end.

Real parts throughout: a running hub over a SQLite file, real tokens, and for the database
hiccup a principal cache over a SQLite file that has no tables.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from sqlalchemy import event
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import ClientConnection, connect

from server.broadcast import Broadcaster
from server.db.engine import read_engine
from server.db.trust import PrincipalCache
from server.store import create_engine_for
from server.subscription import EndReason
from shared.clock import SystemClock

if TYPE_CHECKING:
    from tests.api.conftest import Hub

PERIOD = 0.3  # the hub fixture's heartbeat period: also the re-check period
CUT_OFF = 15.0  # how long to wait for a stream's close: a bound, not the expected time


@contextmanager
def _open(hub: Hub, role: str) -> Iterator[ClientConnection]:
    """A stream of `role` past its first frame (the snapshot)."""
    with connect(hub.ws_url(), additional_headers=hub.auth(role), open_timeout=5) as ws:
        assert json.loads(ws.recv(timeout=5))["type"] in ("snapshot", "public.snapshot")
        yield ws


def _close_code(ws: ClientConnection, seconds: float) -> int | None:
    """The server's close code within `seconds`; None when the stream stays open."""
    deadline = time.monotonic() + seconds
    while (left := deadline - time.monotonic()) > 0:
        try:
            frame: dict[str, Any] = json.loads(ws.recv(timeout=left))
        except TimeoutError:
            return None
        except ConnectionClosed as closed:
            return closed.rcvd.code if closed.rcvd else -1
        assert frame["type"] == "heartbeat"
    return None


def test_a_logged_out_session_stream_is_cut_off_within_a_period(hub: Hub) -> None:
    with _open(hub, "clerk") as ws:
        with hub.client("clerk") as clerk:
            assert clerk.delete("/sessions/current").status_code == 204
        assert _close_code(ws, CUT_OFF) == 4001


def test_only_the_streams_of_a_revoked_token_end(hub: Hub) -> None:
    device_id = next(d.id for d in hub.store.list_devices() if d.role.value == "display")
    with ExitStack() as streams:
        displays = [streams.enter_context(_open(hub, "display")) for _ in range(3)]
        others = [streams.enter_context(_open(hub, role)) for role in ("counter", "clerk")]
        hub.store.revoke_device(device_id)
        codes = [_close_code(ws, CUT_OFF) for ws in displays]
        still_open = [_close_code(ws, 2 * PERIOD) for ws in others]  # two more checks
    assert codes == [4001, 4001, 4001]
    assert still_open == [None, None]


def test_the_check_reads_each_kind_once_however_many_tokens(hub: Hub) -> None:
    reads: list[str] = []
    event.listen(hub.engine, "before_cursor_execute", lambda *a: reads.append(a[2]))
    cache = PrincipalCache(read_engine(hub.engine), SystemClock())
    hub.store.revoke_device(next(d.id for d in hub.store.list_devices() if d.role.value == "kiosk"))
    reads.clear()
    answers = cache.verify_many([*hub.tokens.values(), "not-a-token", hub.tokens["clerk"]])
    assert len([r for r in reads if r.lstrip().upper().startswith("SELECT")]) == 2
    assert answers["not-a-token"] is None
    assert answers[hub.tokens["kiosk"]] is None  # revoked
    valid = {t: p.id for t, p in answers.items() if p is not None}
    assert valid[hub.tokens["clerk"]] == "clerk"
    assert len(valid) == len(hub.tokens) - 1
    reads.clear()
    assert cache.verify_many([hub.tokens["clerk"], hub.tokens["display"]]) == {
        hub.tokens["clerk"]: answers[hub.tokens["clerk"]],
        hub.tokens["display"]: answers[hub.tokens["display"]],
    }
    assert reads == []  # both were remembered for the cache's ttl


@pytest.mark.expect_log("server.stream_tokens", "cannot re-check")
def test_a_database_hiccup_keeps_the_streams(
    tmp_path: Path, hub: Hub, caplog: pytest.LogCaptureFixture
) -> None:
    engine = create_engine_for(f"sqlite:///{tmp_path / 'no-tables.sqlite3'}")
    broken = PrincipalCache(read_engine(engine), SystemClock())

    async def scenario() -> tuple[bool, EndReason | None, bool]:
        hub_of_events = Broadcaster(0, heartbeat_seconds=0.05)
        hub_of_events.recheck_tokens_with(broken.verify_many)
        sub = hub_of_events.subscribe(public=True, token=hub.tokens["display"])
        await asyncio.sleep(0.2)  # several periods of failing checks
        running = hub_of_events.token_check_running
        ended = sub.ended
        hub_of_events.close()
        return running, ended, hub_of_events.token_check_running

    try:
        with caplog.at_level(logging.WARNING, logger="server"):
            assert asyncio.run(scenario()) == (True, None, False)
    finally:
        engine.dispose()
    assert "cannot re-check the streams' tokens" in caplog.text


def test_the_check_starts_with_the_first_stream_and_stops_with_the_last(hub: Hub) -> None:
    async def scenario() -> list[bool]:
        hub_of_events = Broadcaster(0, heartbeat_seconds=0.05)
        hub_of_events.recheck_tokens_with(hub.store.principals.verify_many)
        seen = [hub_of_events.token_check_running]
        sub = hub_of_events.subscribe(public=True, token=hub.tokens["display"])
        seen.append(hub_of_events.token_check_running)
        hub_of_events.unsubscribe(sub)
        await asyncio.sleep(0.15)  # the next period finds nothing to check: the task ends
        seen.append(hub_of_events.token_check_running)
        hub_of_events.subscribe(public=True, token=hub.tokens["display"])
        seen.append(hub_of_events.token_check_running)
        hub_of_events.close()
        seen.append(hub_of_events.token_check_running)
        return seen

    assert asyncio.run(scenario()) == [False, True, False, True, False]
