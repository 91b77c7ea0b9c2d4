"""The hub on the real PostgreSQL: concurrent counters and kiosks, the stream without gaps."""

from __future__ import annotations

import json
import threading
from typing import TYPE_CHECKING

import pytest
from websockets.sync.client import connect

if TYPE_CHECKING:
    from tests.api.conftest import Hub

pytestmark = pytest.mark.postgres


def test_concurrent_calls_never_share_a_ticket_and_the_stream_has_no_gap(pg_hub: Hub) -> None:
    hub = pg_hub
    for _ in range(10):
        hub.issue()
    with hub.client("clerk") as clerk:
        for counter in ("c1", "c2"):
            assert clerk.post(f"/counters/{counter}/open").status_code == 200
    called: dict[str, list[int]] = {"c1": [], "c2": []}

    def desk(counter: str) -> None:
        with hub.client("clerk") as clerk:
            while True:
                answer = clerk.post(f"/counters/{counter}/call-next")
                if answer.status_code == 204:
                    return
                assert answer.status_code == 200, answer.text
                tid = answer.json()["ticket"]["id"]
                called[counter].append(tid)
                assert clerk.post(f"/tickets/{tid}/start").status_code == 200
                assert clerk.post(f"/tickets/{tid}/finish").status_code == 200

    headers = hub.auth("clerk")  # the staff stream (a kiosk gets the public one)
    with connect(hub.ws_url(since=1), additional_headers=headers, open_timeout=5) as ws:
        desks = [threading.Thread(target=desk, args=(c,)) for c in ("c1", "c2")]
        kiosk = threading.Thread(target=lambda: [hub.issue("passport") for _ in range(10)])
        for thread in [*desks, kiosk]:
            thread.start()
        for thread in [*desks, kiosk]:
            thread.join()
        last = hub.store.last_seq()
        seqs: list[int] = []
        while not seqs or seqs[-1] < last:
            frame = json.loads(ws.recv(timeout=5))
            if frame["type"] != "heartbeat":
                seqs.append(frame["seq"])
    served = called["c1"] + called["c2"]
    assert len(served) == len(set(served)) == 20
    assert seqs == list(range(2, last + 1))
