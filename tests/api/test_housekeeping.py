"""Housekeeping: the hub prunes its event log on schedule, by the store's clock, without gaps.

A real hub (uvicorn on loopback) over a real SQLite file (and PostgreSQL), a FakeClock shared
by store and app to age the events, and rounds a fraction of a second apart. Rounds are
awaited through the housekeeping logger, which is what journald reads.
"""

from __future__ import annotations

import asyncio
import json
import logging
import shutil
import sqlite3
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx
import pytest
from sqlalchemy import event
from websockets.sync.client import connect

from server.app import ServerOptions, create_app
from server.housekeeping import Housekeeper, HousekeepingSchedule
from server.serve import ServerThread
from server.store import Store, create_engine_for, migrate
from shared.clock import FakeClock
from shared.config import parse_config
from shared.domain import CounterState, DeviceRole
from tests.pg import fresh_schema, require_postgres

if TYPE_CHECKING:
    from tests.api.conftest import Template

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


@pytest.fixture
def rounds() -> Iterator[RoundLog]:
    """The housekeeping logger, at INFO, recorded."""
    logger = logging.getLogger("server.housekeeping")
    handler, level = RoundLog(), logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    yield handler
    logger.removeHandler(handler)
    logger.setLevel(level)


class Hub:
    """A hub over one database, served and stopped by the test, with the clock of its store."""

    def __init__(self, url: str, clock: FakeClock, token: dict[str, str]) -> None:
        self.config = parse_config(_site_toml())
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


def _site_toml() -> str:
    from tests.api.conftest import SITE_TOML  # noqa: PLC0415 (one site for all API tests)

    return SITE_TOML


def _log_old_events(store: Store, clock: FakeClock) -> int:
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


@contextmanager
def _sqlite_hub(tmp_path: Path, template: Template) -> Iterator[Hub]:
    for suffix in ("", "-wal"):
        source = template.path.with_name(template.path.name + suffix)
        if source.exists():
            shutil.copy(source, tmp_path / f"hub.sqlite3{suffix}")
    hub = Hub(
        f"sqlite:///{tmp_path / 'hub.sqlite3'}",
        FakeClock(START),
        {"Authorization": f"Bearer {template.tokens['kiosk']}"},
    )
    try:
        yield hub
    finally:
        hub.stop()
        hub.engine.dispose()


@pytest.fixture
def sqlite_hub(tmp_path: Path, template: Template) -> Iterator[Hub]:
    """A hub (not yet served) over a copy of the template SQLite file, its clock at START."""
    with _sqlite_hub(tmp_path, template) as hub:
        yield hub


def test_the_site_file_sets_how_long_events_are_kept() -> None:
    text = _site_toml().replace("zeroconf = false", "zeroconf = false\nkeep_events_days = 30")
    options = ServerOptions.from_config(parse_config(text))
    assert options.keep_events_days == 30
    assert options.housekeeping().keep_events == timedelta(days=30)
    assert ServerOptions.from_config(parse_config(_site_toml())).keep_events_days == 14


def test_first_round_after_start_prunes_old_events_and_seqs_go_on(
    sqlite_hub: Hub, rounds: RoundLog
) -> None:
    hub = sqlite_hub
    last = _log_old_events(hub.store, hub.clock)
    hub.serve(first=0.0)
    record = rounds.pruned(3)
    assert record.levelno == logging.INFO
    assert hub.store.events_since(0) is None
    assert hub.store.last_seq() == last  # the counter survives an empty log
    assert hub.issue(2) == [last + 1, last + 2]
    replay = hub.store.events_since(last)
    assert replay is not None
    assert [e.seq for e in replay] == [last + 1, last + 2]


def test_later_rounds_prune_what_has_aged_and_resuming_clients_get_a_snapshot(
    sqlite_hub: Hub, rounds: RoundLog
) -> None:
    hub = sqlite_hub
    hub.serve(first=0.0, every=0.05)
    rounds.pruned(0)  # the empty log of a fresh office
    old = hub.issue(3)
    hub.clock.advance(timedelta(days=7))
    kept = hub.issue(2)
    hub.clock.advance(timedelta(days=7, seconds=1))  # the first three are now older than 14 d
    rounds.pruned(3)
    assert hub.store.events_since(old[-1]) is not None
    behind = hub.first_frame(since=old[0])  # its next event, old[1], is gone
    assert (behind["type"], behind["seq"]) == ("snapshot", kept[-1])
    assert behind["tickets"] == []  # today's live tickets: none, 14 days on
    just_in_time = hub.first_frame(since=old[-1])
    assert (just_in_time["type"], just_in_time["seq"]) == ("ticket.issued", kept[0])
    assert hub.issue(1) == [kept[-1] + 1]


def test_pruning_after_a_clock_step_back_leaves_no_hole(sqlite_hub: Hub) -> None:
    store, clock = sqlite_hub.store, sqlite_hub.clock
    for i, day in enumerate((1, 2, 20, 21)):  # the clock was 18 days fast for two events
        clock.set(START + timedelta(days=day))
        store.issue_ticket(
            service_id="general", language="de", idempotency_key=f"s{i}", issuer_id="k"
        )
    assert store.prune_events(START + timedelta(days=1, hours=1)) == 1
    assert store.prune_events(START + timedelta(days=4)) == 1
    assert store.events_since(1) is None
    assert [e.seq for e in store.events_since(2) or []] == [3, 4]
    clock.set(START + timedelta(days=3))
    store.issue_ticket(service_id="general", language="de", idempotency_key="s4", issuer_id="k")
    # seq 5 is stamped day 3, before seqs 3 and 4 (days 20, 21): pruning it takes them along
    assert store.prune_events(START + timedelta(days=4)) == 3
    assert store.events_since(4) is None
    assert store.last_seq() == 5


def test_a_database_error_is_logged_and_the_next_round_prunes(
    sqlite_hub: Hub, tmp_path: Path, rounds: RoundLog
) -> None:
    hub = sqlite_hub
    _log_old_events(hub.store, hub.clock)
    raw = sqlite3.connect(tmp_path / "hub.sqlite3", isolation_level=None)
    try:
        raw.execute("ALTER TABLE events RENAME TO events_away")
        hub.serve(first=0.0, every=0.05)
        failed = rounds.wait_for(lambda r: r.levelno == logging.ERROR)
        assert failed.exc_info is not None
        assert "events" in str(failed.exc_info[1])
        raw.execute("ALTER TABLE events_away RENAME TO events")
    finally:
        raw.close()
    rounds.pruned(3)
    assert hub.issue(1)  # the hub served on


def _other_tasks() -> set[asyncio.Task[Any]]:
    return {task for task in asyncio.all_tasks() if task is not asyncio.current_task()}


def test_stop_before_the_first_round_leaves_no_task(sqlite_hub: Hub) -> None:
    schedule = HousekeepingSchedule(keep_events=KEEP, first_after=3600.0)
    keeper = Housekeeper(sqlite_hub.store, sqlite_hub.clock, schedule)

    async def lifetime() -> set[asyncio.Task[Any]]:
        keeper.start()
        with pytest.raises(RuntimeError, match="already running"):
            keeper.start()
        await keeper.stop()
        await keeper.stop()  # a second stop is harmless
        return _other_tasks()

    assert asyncio.run(lifetime()) == set()
    assert keeper.rounds == 0


def test_stop_waits_for_a_delete_in_flight(
    sqlite_hub: Hub, tmp_path: Path, rounds: RoundLog
) -> None:
    _log_old_events(sqlite_hub.store, sqlite_hub.clock)
    schedule = HousekeepingSchedule(keep_events=KEEP, first_after=0.0)
    keeper = Housekeeper(sqlite_hub.store, sqlite_hub.clock, schedule)
    raw = sqlite3.connect(tmp_path / "hub.sqlite3", isolation_level=None)
    waiting = threading.Event()

    @event.listens_for(sqlite_hub.engine, "before_cursor_execute")
    def _begin(*args: Any) -> None:
        if "BEGIN IMMEDIATE" in args[2]:  # the round's transaction, about to wait for raw
            waiting.set()

    async def lifetime() -> set[asyncio.Task[Any]]:
        raw.execute("BEGIN IMMEDIATE")  # another process holds the writer slot
        keeper.start()
        assert await asyncio.to_thread(waiting.wait, 10)
        stopping = asyncio.create_task(keeper.stop())
        await asyncio.sleep(0.2)  # shows an absence: the stop does not end while the round runs
        assert not stopping.done()
        assert keeper.rounds == 0
        raw.execute("ROLLBACK")
        await stopping
        return _other_tasks()

    try:
        assert asyncio.run(lifetime()) == set()
    finally:
        raw.close()
    assert keeper.rounds == 1
    assert sqlite_hub.store.events_since(0) is None
    assert not [r for r in rounds.records if r.getMessage().startswith("pruned")]  # cancelled


@pytest.mark.postgres
def test_pruning_on_postgresql_keeps_the_seq_counter(rounds: RoundLog) -> None:
    require_postgres()
    with fresh_schema("housekeeping") as url:
        engine = create_engine_for(url)
        migrate(engine)
        site = parse_config(_site_toml()).to_site()
        token = Store(engine, site, FakeClock(START)).add_device("kiosk", DeviceRole.KIOSK)[1]
        engine.dispose()
        hub = Hub(url, FakeClock(START), {"Authorization": f"Bearer {token}"})
        try:
            last = _log_old_events(hub.store, hub.clock)
            hub.serve(first=0.0)
            rounds.pruned(3)
            assert hub.store.events_since(0) is None
            assert hub.store.last_seq() == last
            assert hub.issue(1) == [last + 1]
            frame = hub.first_frame(since=1)
            assert (frame["type"], frame["seq"]) == ("snapshot", last + 1)
        finally:
            hub.stop()
            hub.engine.dispose()
