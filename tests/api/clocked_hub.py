"""A hub for the housekeeping tests: served and stopped by the test, its store on a FakeClock.

The rounds are awaited through the housekeeping logger (`RoundLog`), which is what journald
reads; the hub's kiosk issues tickets over HTTP and a resumed stream shows its first frame.
"""

from __future__ import annotations

import json
import logging
import threading
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from websockets.sync.client import connect

from server.app import ServerOptions, create_app
from server.serve import ServerThread
from server.store import Store, create_engine_for
from shared.clock import FakeClock
from shared.config import parse_config
from shared.domain import CounterState

START = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
KEEP = timedelta(days=14)


class RoundLog(logging.Handler):
    """The housekeeping logger's records, with a wait for the one a test expects."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.records: list[logging.LogRecord] = []
        self._changed = threading.Condition()

    def emit(self, record: logging.LogRecord) -> None:
        with self._changed:
            self.records.append(record)
            self._changed.notify_all()

    def wait_for(self, wanted: Callable[[logging.LogRecord], bool]) -> logging.LogRecord:
        """The first record (old or new) that `wanted` accepts; fails after 10 s."""

        def found() -> logging.LogRecord | None:
            return next((r for r in self.records if wanted(r)), None)

        with self._changed:
            record = self._changed.wait_for(found, timeout=10)
        assert record is not None, [r.getMessage() for r in self.records]
        return record

    def pruned(self, count: int) -> logging.LogRecord:
        """The first round that pruned exactly `count` events."""
        return self.wait_for(lambda r: r.getMessage().startswith(f"pruned {count} events "))


class Hub:
    """A hub over one database, served and stopped by the test, with the clock of its store."""

    def __init__(self, url: str, clock: FakeClock, token: dict[str, str]) -> None:
        self.config = parse_config(site_toml())
        self.engine = create_engine_for(url)
        self.clock = clock
        self.store = Store(self.engine, self.config.to_site(), clock)
        self.headers = token
        self.thread: ServerThread | None = None
        self.port = 0

    def serve(self, first: float = 0.0, every: float = 3600.0) -> None:
        """Serve with housekeeping rounds `first` s after start, then every `every` s."""
        options = ServerOptions(
            tickets_per_minute_per_kiosk=None,
            heartbeat_seconds=0.3,
            keep_events_days=KEEP.days,
            housekeeping_first_seconds=first,
            housekeeping_every_seconds=every,
        )
        site = self.config.to_site()
        app = create_app(self.store, site=site, clock=self.clock, options=options)
        self.thread = ServerThread(app)
        self.port = self.thread.start()

    def stop(self) -> None:
        """Stop serving (the database stays open for another `serve`)."""
        if self.thread is not None:
            self.thread.stop()
            self.thread = None

    def issue(self, count: int = 1) -> list[int]:
        """Issue tickets over HTTP; the seqs of their events."""
        seqs = []
        with httpx.Client(base_url=f"http://127.0.0.1:{self.port}/api/v1", timeout=10) as http:
            for _ in range(count):
                body = {"service_id": "general", "language": "de", "idempotency_key": _key()}
                answer = http.post("/tickets", json=body, headers=self.headers)
                assert answer.status_code == 200, answer.text
                seqs.append(self.store.last_seq())
        return seqs

    def first_frame(self, since: int) -> dict[str, Any]:
        """The first non-heartbeat frame of a stream resumed from `since`."""
        url = f"ws://127.0.0.1:{self.port}/api/v1/events?since={since}"
        with connect(url, additional_headers=self.headers, open_timeout=5) as ws:
            while True:
                frame: dict[str, Any] = json.loads(ws.recv(timeout=5))
                if frame["type"] != "heartbeat":
                    return frame


def _key() -> str:
    return uuid.uuid4().hex


def site_toml() -> str:
    from tests.api.conftest import SITE_TOML  # noqa: PLC0415 (one site for all API tests)

    return SITE_TOML


def log_old_events(store: Store, clock: FakeClock) -> int:
    """Three events logged 20 days before START; returns the last seq."""
    clock.set(START - timedelta(days=20))
    store.set_counter_state("c1", CounterState.OPEN, "anna")
    for i in range(2):
        clock.advance(60)
        store.issue_ticket(
            service_id="general", language="de", idempotency_key=f"old{i}", issuer_id="k"
        )
    clock.set(START)
    return store.last_seq()
