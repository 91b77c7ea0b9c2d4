"""Housekeeping: the hub prunes its event log on schedule, by the store's clock, without gaps.

A real hub (uvicorn on loopback) over a real SQLite file (and PostgreSQL), a FakeClock shared
by store and app to age the events, and rounds a fraction of a second apart (see clocked_hub).
"""

from __future__ import annotations

import asyncio
import logging
import shutil
import sqlite3
import threading
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from sqlalchemy import event, select
from sqlalchemy.orm import Session

from server.app import ServerOptions
from server.db.models import TicketRow
from server.housekeeping import Housekeeper, HousekeepingSchedule
from server.store import Store, create_engine_for, migrate
from shared.clock import FakeClock
from shared.config import parse_config
from shared.domain import DeviceRole
from tests.api.clocked_hub import KEEP, START, Hub, RoundLog, log_old_events, site_toml
from tests.pg import fresh_schema, require_postgres

if TYPE_CHECKING:
    from tests.api.conftest import Template


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


@pytest.fixture
def sqlite_hub(tmp_path: Path, template: Template) -> Iterator[Hub]:
    """A hub (not yet served) over a copy of the template SQLite file, its clock at START."""
    for suffix in ("", "-wal"):
        source = template.path.with_name(template.path.name + suffix)
        if source.exists():
            shutil.copy(source, tmp_path / f"hub.sqlite3{suffix}")
    token = {"Authorization": f"Bearer {template.tokens['clerk']}"}  # the staff stream
    hub = Hub(f"sqlite:///{tmp_path / 'hub.sqlite3'}", FakeClock(START), token)
    yield hub
    hub.stop()
    hub.engine.dispose()


def test_the_site_file_sets_how_long_events_are_kept() -> None:
    text = site_toml().replace("zeroconf = false", "zeroconf = false\nkeep_events_days = 30")
    options = ServerOptions.from_config(parse_config(text))
    assert options.keep_events_days == 30
    assert options.housekeeping().keep_events == timedelta(days=30)
    assert ServerOptions.from_config(parse_config(site_toml())).keep_events_days == 14


def test_the_site_file_sets_how_long_personal_data_is_kept() -> None:
    text = site_toml().replace("zeroconf = false", "zeroconf = false\nkeep_personal_days = 90")
    options = ServerOptions.from_config(parse_config(text))
    assert options.keep_personal_days == 90
    assert options.housekeeping().keep_personal == timedelta(days=90)
    default = ServerOptions.from_config(parse_config(site_toml()))
    assert default.housekeeping().keep_personal == timedelta(days=14)


def test_the_served_hub_blanks_old_tickets_in_its_rounds(sqlite_hub: Hub, rounds: RoundLog) -> None:
    hub = sqlite_hub
    log_old_events(hub.store, hub.clock)  # two tickets 20 days before START
    hub.store.issue_ticket(
        service_id="general", language="de", idempotency_key="today", issuer_id="k"
    )
    hub.serve(first=0.0)
    record = rounds.wait_for(lambda r: r.getMessage().startswith("anonymised"))
    assert record.levelno == logging.INFO
    assert record.getMessage() == (
        "anonymised 2 tickets, 0 appointments and 0 events of days before 2026-02-16"
    )
    with Session(hub.engine) as session:
        keys = dict(session.execute(select(TicketRow.day, TicketRow.status_key)).all())
    assert keys[START.date() - timedelta(days=20)] == ""
    assert keys[START.date()]  # today's ticket keeps its key


def test_first_round_after_start_prunes_old_events_and_seqs_go_on(
    sqlite_hub: Hub, rounds: RoundLog
) -> None:
    hub = sqlite_hub
    last = log_old_events(hub.store, hub.clock)
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


@pytest.mark.expect_log("server.housekeeping", "pruning the event log failed")
@pytest.mark.expect_log("server.housekeeping", "anonymising old personal data failed")
def test_a_database_error_is_logged_and_the_next_round_prunes(
    sqlite_hub: Hub, tmp_path: Path, rounds: RoundLog
) -> None:
    """Without its events table a round fails (the anonymisation, which blanks notes in the
    events, too) and logs why; the next round with the table prunes."""
    hub = sqlite_hub
    log_old_events(hub.store, hub.clock)
    raw = sqlite3.connect(tmp_path / "hub.sqlite3", isolation_level=None)
    try:
        raw.execute("ALTER TABLE events RENAME TO events_away")
        hub.serve(first=0.0, every=0.05)
        failed = rounds.wait_for(lambda r: r.getMessage().startswith("pruning the event log"))
        assert failed.levelno == logging.ERROR
        assert failed.exc_info is not None
        assert "events" in str(failed.exc_info[1])
        raw.execute("ALTER TABLE events_away RENAME TO events")
    finally:
        raw.close()
    rounds.pruned(3)
    assert hub.issue(1)  # the hub served on


@pytest.mark.expect_log("server.housekeeping", "anonymising old personal data failed")
def test_a_failed_anonymisation_is_logged_and_the_events_are_pruned_all_the_same(
    sqlite_hub: Hub, tmp_path: Path, rounds: RoundLog
) -> None:
    hub = sqlite_hub
    log_old_events(hub.store, hub.clock)
    raw = sqlite3.connect(tmp_path / "hub.sqlite3", isolation_level=None)
    try:
        raw.execute("ALTER TABLE appointments RENAME TO appointments_away")
        hub.serve(first=0.0, every=0.05)
        failed = rounds.wait_for(lambda r: r.levelno == logging.ERROR)
        assert failed.getMessage().startswith("anonymising old personal data failed")
        rounds.pruned(3)
        raw.execute("ALTER TABLE appointments_away RENAME TO appointments")
    finally:
        raw.close()
    rounds.wait_for(lambda r: r.getMessage().startswith("anonymised 2 tickets"))


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
    log_old_events(sqlite_hub.store, sqlite_hub.clock)
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
        site = parse_config(site_toml()).to_site()
        token = Store(engine, site, FakeClock(START)).add_device("kiosk", DeviceRole.KIOSK)[1]
        engine.dispose()
        hub = Hub(url, FakeClock(START), {"Authorization": f"Bearer {token}"})
        try:
            last = log_old_events(hub.store, hub.clock)
            hub.serve(first=0.0)
            rounds.pruned(3)
            assert hub.store.events_since(0) is None
            assert hub.store.last_seq() == last
            assert hub.issue(1) == [last + 1]
            frame = hub.first_frame(since=1)
            assert (frame["type"], frame["seq"]) == ("public.snapshot", last + 1)  # a kiosk
        finally:
            hub.stop()
            hub.engine.dispose()
