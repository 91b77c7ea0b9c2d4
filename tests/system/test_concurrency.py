"""32 clerks call next against the running hub at once: no ticket twice, none lost."""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest
from websockets.sync.client import connect

from server.db.engine import write_session
from server.db.visitors import Visitors
from shared.domain import UserRole
from shared.lifecycle import TicketAction
from shared.protocol import TicketCalled, TicketChanged, TicketIssued, encode
from tests.system.conftest import (
    PASSWORD,
    WALK_IN_SERVICES,
    Database,
    HubProcess,
    api,
    log_in,
    open_counters,
)

pytestmark = pytest.mark.slow

TICKETS = 2000
CLERKS = 32


def _issue_all(database: Database) -> list[int]:
    """Issue the tickets on the hub's database before it starts, in one transaction (the
    store's own issue path, events included; one commit instead of 2,000 keeps setup short)."""
    site = database.config.to_site()
    with write_session(database.engine) as session:
        visitors = Visitors(session, site, datetime.now(UTC))
        return [
            visitors.issue(
                WALK_IN_SERVICES[number % len(WALK_IN_SERVICES)],
                "de",
                uuid.uuid4().hex,
                "system-test",
                emergency=False,
            ).ticket.id
            for number in range(TICKETS)
        ]


def _clerk(base: str, token: str, counter: str, served: list[int], errors: list[str]) -> None:
    """One clerk at one counter: next → start → finish until nobody waits."""
    with api(base, token) as http:
        while True:
            answer = http.post(f"/counters/{counter}/call-next")
            if answer.status_code == 204:
                return
            if answer.status_code != 200:
                errors.append(f"{counter} call-next {answer.status_code} {answer.text}")
                return
            ticket = answer.json()["ticket"]["id"]
            served.append(ticket)
            for step in ("start", "finish"):
                reply = http.post(f"/tickets/{ticket}/{step}")
                if reply.status_code != 200:
                    errors.append(f"{counter} {step} {ticket}: {reply.status_code} {reply.text}")
                    return


def _watch(base: str, token: str, since: int, frames: list[dict[str, Any]]) -> None:
    """A staff stream from `since` until it is idle for 5 s (the clerks are done by then)."""
    url = base.replace("http://", "ws://") + f"/api/v1/events?since={since}"
    with connect(url, additional_headers={"Authorization": f"Bearer {token}"}) as ws:
        newest = since
        idle_since = time.monotonic()
        while time.monotonic() - idle_since < 5:
            try:
                frame = json.loads(ws.recv(timeout=1))
            except TimeoutError:
                continue
            if frame["type"] == "heartbeat" and frame["seq"] == newest:
                continue
            if frame["type"] != "heartbeat":
                frames.append(frame)
                newest = frame["seq"]
            idle_since = time.monotonic()
        frames.append({"type": "end", "seq": newest})


def test_32_clerks_call_2000_tickets_once_each(
    database: Database,
    hub_factory: Callable[[], HubProcess],
    record_property: Callable[[str, object], None],
) -> None:
    started = time.monotonic()
    issued = _issue_all(database)
    database.store.add_user("chef", PASSWORD, UserRole.SUPERVISOR, "Chefin")
    prepared = time.monotonic()
    hub = hub_factory()
    base = hub.start()
    token = log_in(base, "chef")
    counters = open_counters(base, token, CLERKS)
    watched: list[dict[str, Any]] = []
    since = database.store.last_seq()
    watcher = threading.Thread(target=_watch, args=(base, token, since, watched))
    watcher.start()
    served: dict[str, list[int]] = {counter: [] for counter in counters}
    errors: list[str] = []
    clerks = [
        threading.Thread(target=_clerk, args=(base, token, c, served[c], errors)) for c in counters
    ]
    calling = time.monotonic()
    for clerk in clerks:
        clerk.start()
    for clerk in clerks:
        clerk.join(120)
    finished = time.monotonic()
    server_cpu = hub.cpu_seconds()
    assert not errors, errors[:5]
    all_served = [ticket for tickets in served.values() for ticket in tickets]
    assert len(all_served) == len(set(all_served)) == TICKETS
    assert sorted(all_served) == sorted(issued)
    assert sum(1 for tickets in served.values() if tickets) > CLERKS // 2  # they all worked

    with api(base, token) as http:
        queue = http.get("/queue").json()
    assert [t for t in queue["tickets"] if t["status"] != "done"] == []
    events = database.events()
    assert [e.seq for e in events] == list(range(1, len(events) + 1))
    calls = Counter(e.ticket.id for e in events if isinstance(e, TicketCalled))
    assert set(calls) == set(issued)
    assert set(calls.values()) == {1}
    finishes = Counter(
        e.ticket.id
        for e in events
        if isinstance(e, TicketChanged) and e.action is TicketAction.FINISH
    )
    assert finishes == calls
    assert {e.ticket.id for e in events if isinstance(e, TicketIssued)} == set(issued)
    for counter, tickets in served.items():  # the log agrees on who called what
        logged = [
            e.ticket.id for e in events if isinstance(e, TicketCalled) and e.counter_id == counter
        ]
        assert logged == tickets
    # A staff stream watched it all live: every event once, in order, as logged.
    watcher.join(60)
    *frames, end = watched
    assert end == {"type": "end", "seq": len(events)}
    assert [f["seq"] for f in frames] == list(range(since + 1, len(events) + 1))
    by_seq = {e.seq: json.loads(encode(e)) for e in events}
    assert all(by_seq[f["seq"]] == f for f in frames)
    assert hub.stop() in (0, -15)
    assert hub.problems() == []
    requests = 3 * TICKETS + CLERKS
    record_property("database", database.url.split(":")[0])
    record_property("issue_seconds", round(prepared - started, 1))
    record_property("hub_start_seconds", round(hub.startup_seconds, 1))
    record_property("requests", requests)
    record_property("clerks", CLERKS)
    record_property("calling_seconds", round(finished - calling, 1))
    record_property("requests_per_second", round(requests / (finished - calling)))
    record_property("server_cpu_seconds", round(server_cpu, 1))
