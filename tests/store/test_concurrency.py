"""Real concurrency: 32 clerks press *Next* at once; every ticket is called exactly once."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from sqlalchemy import Engine

from server.db.engine import write_session
from server.db.visitors import Visitors
from server.store import Store
from shared.clock import FakeClock
from shared.domain import CounterState, Site

THREADS = 32
TICKETS = 2000


def _issue_all(engine: Engine, site: Site, clock: FakeClock, count: int) -> set[int]:
    """Issue the morning's tickets through the store's own issuing code, in one transaction."""
    with write_session(engine) as session:
        kiosk = Visitors(session, site, clock.now())
        services = ("passport", "general", "general", "urgent")
        return {
            kiosk.issue(services[i % 4], "de", f"k{i}", "kiosk", emergency=False).ticket.id
            for i in range(count)
        }


@pytest.mark.slow
def test_32_counters_call_2000_tickets_each_exactly_once(
    site_maker: Callable[..., Site], engine: Engine, clock: FakeClock
) -> None:
    site = site_maker(counters=THREADS, cap=None)
    setup = Store(engine, site, clock)
    issued = _issue_all(engine, site, clock, TICKETS)
    for cid in site.counters:
        setup.set_counter_state(cid, CounterState.OPEN, f"clerk-{cid}")
    start_seq = setup.last_seq()

    barrier = threading.Barrier(THREADS)
    called: dict[str, list[int]] = {cid: [] for cid in site.counters}
    failures: list[BaseException] = []

    def clerk(counter_id: str) -> None:
        store = Store(
            engine, site, clock
        )  # its own store; the engine's pool gives real connections
        try:
            barrier.wait()
            while (call := store.call_next(counter_id)) is not None:
                called[counter_id].append(call.ticket.id)
                if call.ticket.id % 4:
                    store.no_show(call.ticket.id)
                else:
                    store.start(call.ticket.id)
                    store.finish(call.ticket.id)
        except Exception as error:  # noqa: BLE001 -- reported below, so no thread dies silently
            failures.append(error)

    threads = [threading.Thread(target=clerk, args=(cid,)) for cid in site.counters]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=240)
    assert not any(thread.is_alive() for thread in threads)
    assert failures == []

    everyone = [tid for ids in called.values() for tid in ids]
    assert len(everyone) == TICKETS
    assert set(everyone) == issued
    assert sum(1 for ids in called.values() if ids) > THREADS // 2  # the work was shared

    events = setup.events_since(start_seq)
    assert events is None or len(events) > 0  # more than replay_limit behind is fine
    snapshot = setup.snapshot()
    assert snapshot.tickets == ()
    assert all(c.ticket_number is None for c in snapshot.counters)
    steps = sum(1 if tid % 4 else 2 for tid in everyone)
    assert snapshot.seq == start_seq + TICKETS + steps  # one call and its steps per ticket


def test_kiosks_and_clerks_at_once_lose_nothing(
    site_maker: Callable[..., Site], engine: Engine, clock: FakeClock
) -> None:
    """4 kiosks issue (each request sent twice, as a retry would) while 8 clerks call."""
    site = site_maker(counters=8, cap=None)
    setup = Store(engine, site, clock)
    for cid in site.counters:
        setup.set_counter_state(cid, CounterState.OPEN, None)
    kiosks_done = threading.Event()
    issued: dict[str, set[int]] = {f"kiosk-{k}": set() for k in range(4)}
    called: dict[str, list[int]] = {cid: [] for cid in site.counters}
    numbers: list[tuple[str, int, str]] = []

    def kiosk(name: str) -> None:
        store = Store(engine, site, clock)
        for i in range(50):
            service = "passport" if i % 2 else "general"
            for _ in range(2):  # the retry must give back the same ticket
                got = store.issue_ticket(
                    service_id=service, language="de", idempotency_key=str(i), issuer_id=name
                )
                issued[name].add(got.ticket.id)
                numbers.append((service, got.ticket.id, got.ticket.number))

    def clerk(counter_id: str) -> None:
        store = Store(engine, site, clock)
        while True:
            call = store.call_next(counter_id)
            if call is None:
                if kiosks_done.is_set() and store.call_next(counter_id) is None:
                    return
                kiosks_done.wait(0.02)
                continue
            called[counter_id].append(call.ticket.id)
            store.no_show(call.ticket.id)

    kiosk_threads = [threading.Thread(target=kiosk, args=(name,)) for name in issued]
    clerk_threads = [threading.Thread(target=clerk, args=(cid,)) for cid in site.counters]
    for thread in kiosk_threads + clerk_threads:
        thread.start()
    for thread in kiosk_threads:
        thread.join(timeout=120)
    kiosks_done.set()
    for thread in clerk_threads:
        thread.join(timeout=120)
    assert not any(t.is_alive() for t in kiosk_threads + clerk_threads)

    every_ticket = set().union(*issued.values())
    assert [len(ids) for ids in issued.values()] == [50, 50, 50, 50]
    everyone = [tid for ids in called.values() for tid in ids]
    assert sorted(everyone) == sorted(every_ticket)  # each called exactly once
    by_service: dict[str, set[str]] = {"general": set(), "passport": set()}
    for service, _, number in numbers:
        by_service[service].add(number)
    assert by_service["general"] == {f"A{n:03d}" for n in range(1, 101)}  # gap-free numbers
    assert by_service["passport"] == {f"P{n:03d}" for n in range(1, 101)}
    events = setup.events_since(0)
    assert events is not None
    assert [e.seq for e in events] == list(range(1, len(events) + 1))
    assert len(events) == 8 + 200 * 3  # 8 counters opened; issued, called, no-show per ticket
