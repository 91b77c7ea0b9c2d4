"""A late or lost publish: every subscriber still gets each committed event, once, in order.

The tests commit an event through the store without publishing it (as when a request task is
cancelled between its commit and its publish); the next published event opens the gap.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from websockets.sync.client import ClientConnection, connect

from server.broadcast import GAP_READS, Broadcaster
from server.store import Store, create_engine_for
from shared.clock import SystemClock

if TYPE_CHECKING:
    from tests.api.conftest import Hub

REORDER_WAIT = 0.5  # the hub's default (ServerOptions.reorder_wait)


def _open(hub: Hub, role: str, since: int = 0) -> ClientConnection:
    return connect(hub.ws_url(since), additional_headers=hub.auth(role), open_timeout=5)


def _next_frame(ws: ClientConnection) -> dict[str, Any]:
    """The next frame that is not a heartbeat (within 5 s)."""
    deadline = time.monotonic() + 5
    while True:
        frame: dict[str, Any] = json.loads(ws.recv(timeout=max(deadline - time.monotonic(), 0)))
        if frame["type"] != "heartbeat":
            return frame


def _open_counters(hub: Hub) -> None:
    with hub.client("clerk") as clerk:
        for counter in ("c1", "c2"):
            assert clerk.post(f"/counters/{counter}/open").status_code == 200


def test_an_unpublished_event_reaches_every_subscriber_in_order_from_the_log(hub: Hub) -> None:
    hub.issue()
    hub.issue()
    _open_counters(hub)
    last = hub.store.last_seq()
    with _open(hub, "clerk", since=last) as staff, _open(hub, "display") as board:
        assert json.loads(board.recv(timeout=5))["type"] == "public.snapshot"
        unpublished = hub.store.call_next("c1")  # committed, never published
        assert unpublished is not None
        started = time.monotonic()
        with hub.client("clerk") as clerk:
            assert clerk.post("/counters/c2/call-next").status_code == 200
        staff_frames = [_next_frame(staff), _next_frame(staff)]
        waited = time.monotonic() - started
        board_frames = [_next_frame(board), _next_frame(board)]
        hub.issue()  # the next event comes straight after: nothing was delivered twice
        after = (_next_frame(staff)["seq"], hub.store.last_seq())
    assert [(f["type"], f["seq"]) for f in staff_frames] == [
        ("ticket.called", last + 1),
        ("ticket.called", last + 2),
    ]
    assert staff_frames[0]["counter_id"] == "c1"
    assert [(f["type"], f["seq"], f["counter_id"]) for f in board_frames] == [
        ("public.call", last + 1, "c1"),
        ("public.call", last + 2, "c2"),
    ]
    assert after == (last + 3, last + 3)
    assert waited < REORDER_WAIT + 1.5


@pytest.mark.expect_log("server.broadcast", "never arrived")
def test_an_event_the_log_no_longer_holds_is_skipped_with_a_warning(
    hub: Hub, caplog: pytest.LogCaptureFixture
) -> None:
    hub.issue()
    last = hub.store.last_seq()
    with _open(hub, "clerk", since=last) as staff:
        hub.store.issue_ticket(
            service_id="general", language="de", idempotency_key="lost", issuer_id="test"
        )
        hub.store.prune_events(datetime.now(UTC) + timedelta(days=1))  # the log lost it
        with caplog.at_level(logging.WARNING, logger="server"):
            hub.issue()
            frame = _next_frame(staff)
    assert (frame["type"], frame["seq"]) == ("ticket.issued", last + 2)
    assert f"event seq {last + 1}..{last + 1}" in caplog.text


def test_a_late_publish_after_the_gap_was_filled_is_not_delivered_again(hub: Hub) -> None:
    store = hub.store
    first = store.last_seq()
    for key in ("a", "b"):  # commit two events; only the second is published, then the first
        store.issue_ticket(service_id="general", language="de", idempotency_key=key, issuer_id="t")
    logged = store.events_since(first)
    assert logged is not None
    assert [e.seq for e in logged] == [first + 1, first + 2]

    async def scenario() -> list[int]:
        hub_of_events = Broadcaster(first, reorder_wait=0.05)
        hub_of_events.read_gaps_from(store.events_since)
        sub = hub_of_events.subscribe(public=False)
        hub_of_events.publish([logged[1]])
        delivered = [(await asyncio.wait_for(sub.queue.get(), 5)) for _ in range(2)]
        hub_of_events.publish([logged[0], logged[1]])  # late (and repeated) publishes
        hub_of_events.close()
        end = await sub.queue.get()  # the end marker comes next: nothing was queued again
        assert end is None
        return [e.seq for e in delivered if e is not None]

    assert asyncio.run(scenario()) == [first + 1, first + 2]


@pytest.mark.expect_log("server.broadcast", "cannot read the event log|never arrived")
def test_a_log_that_cannot_be_read_is_tried_again_then_the_gap_is_skipped(
    tmp_path: Path, hub: Hub, caplog: pytest.LogCaptureFixture
) -> None:
    engine = create_engine_for(f"sqlite:///{tmp_path / 'no-tables.sqlite3'}")
    unreadable = Store(engine, hub.store.site, SystemClock())  # every read fails
    hub.issue()
    hub.issue()
    logged = hub.store.events_since(0) or []
    assert [e.seq for e in logged] == [1, 2]

    async def scenario() -> list[int]:
        hub_of_events = Broadcaster(0, reorder_wait=0.02)
        hub_of_events.read_gaps_from(unreadable.events_since)
        sub = hub_of_events.subscribe(public=False)
        hub_of_events.publish([logged[1]])
        delivered = await asyncio.wait_for(sub.queue.get(), 5)
        hub_of_events.close()
        return [delivered.seq] if delivered is not None else []

    try:
        with caplog.at_level(logging.WARNING, logger="server"):
            assert asyncio.run(scenario()) == [2]
    finally:
        engine.dispose()
    assert caplog.text.count("cannot read the event log") == GAP_READS
    assert "event seq 1..1 never arrived" in caplog.text
