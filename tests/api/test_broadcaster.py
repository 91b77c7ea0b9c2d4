"""The broadcaster on its own: order, duplicates, gaps, slow subscribers, shutdown."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from server.broadcast import Broadcaster
from server.ratelimit import RateLimiter
from server.subscription import EndReason
from shared.domain import TicketOrigin, TicketStatus
from shared.lifecycle import TicketAction
from shared.protocol import (
    PublicCall,
    PublicClear,
    TicketCalled,
    TicketChanged,
    TicketInfo,
    TicketIssued,
)

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def _ticket(tid: int = 1, counter: str | None = None) -> TicketInfo:
    return TicketInfo(
        id=tid,
        number=f"A{tid:03d}",
        service_id="general",
        status=TicketStatus.WAITING,
        origin=TicketOrigin.WALK_IN,
        emergency=False,
        language="de",
        created_at=NOW,
        counter_id=counter,
    )


def _issued(seq: int) -> TicketIssued:
    return TicketIssued(seq=seq, at=NOW, ticket=_ticket(seq))


def _drain(queue: asyncio.Queue) -> list:  # type: ignore[type-arg]
    items = []
    while not queue.empty():
        items.append(queue.get_nowait())
    return items


def test_events_arriving_out_of_order_are_delivered_in_order_once() -> None:
    async def scenario() -> list[int]:
        hub = Broadcaster(0)
        sub = hub.subscribe(public=False)
        hub.publish([_issued(2)])
        hub.publish([_issued(1)])
        hub.publish([_issued(1), _issued(3)])
        return [e.seq for e in _drain(sub.queue)]

    assert asyncio.run(scenario()) == [1, 2, 3]


@pytest.mark.expect_log("server.broadcast", "never arrived")
def test_without_an_event_log_a_gap_that_never_fills_is_skipped_after_the_wait() -> None:
    async def scenario() -> tuple[list[int], list[int]]:
        hub = Broadcaster(0, reorder_wait=0.05)
        sub = hub.subscribe(public=False)
        hub.publish([_issued(1), _issued(3)])
        before = [e.seq for e in _drain(sub.queue)]
        await asyncio.sleep(0.1)
        return before, [e.seq for e in _drain(sub.queue)]

    assert asyncio.run(scenario()) == ([1], [3])


@pytest.mark.expect_log("server.broadcast", "fell behind")
def test_a_subscriber_that_falls_behind_is_dropped() -> None:
    async def scenario() -> tuple[EndReason | None, int, int]:
        hub = Broadcaster(0, queue_bound=2)
        slow = hub.subscribe(public=False)
        hub.publish([_issued(1), _issued(2), _issued(3)])
        return slow.ended, slow.queue.qsize(), hub.subscriber_count

    assert asyncio.run(scenario()) == (EndReason.FELL_BEHIND, 3, 0)  # 2 events + end marker


def test_a_transfer_clears_the_board_at_the_counter_that_called() -> None:
    async def scenario() -> list[object]:
        hub = Broadcaster(0)
        sub = hub.subscribe(public=True)
        called = TicketCalled(
            seq=1, at=NOW, ticket=_ticket(7, "c1"), counter_id="c1", counter_name="S1", location=""
        )
        moved = TicketChanged(seq=2, at=NOW, ticket=_ticket(7), action=TicketAction.TRANSFER)
        hub.publish([called, moved])
        return _drain(sub.queue)

    public = asyncio.run(scenario())
    assert public[1] == PublicClear(seq=2, at=NOW, number="A007", counter_id="c1", waiting=1)


def test_close_ends_every_subscription() -> None:
    async def scenario() -> tuple[EndReason | None, EndReason | None]:
        hub = Broadcaster(0)
        sub = hub.subscribe(public=False)
        hub.close()
        late = hub.subscribe(public=True)
        return sub.ended, late.ended

    assert asyncio.run(scenario()) == (EndReason.SHUTDOWN, EndReason.SHUTDOWN)


def test_the_token_bucket_refills_evenly() -> None:
    now = [0.0]
    limiter = RateLimiter(6, monotonic=lambda: now[0])  # one token per 10 s, burst 6
    assert [limiter.take("k1") for _ in range(6)] == [0.0] * 6
    assert limiter.take("k1") == 10.0
    assert limiter.take("k2") == 0.0
    now[0] = 5.0
    assert limiter.take("k1") == 5.0
    now[0] = 10.0
    assert limiter.take("k1") == 0.0


def test_the_site_can_keep_the_ticket_language_off_the_board() -> None:
    async def scenario(announce: bool) -> list[object]:
        hub = Broadcaster(0, announce_language=announce)
        sub = hub.subscribe(public=True, counters=frozenset({"c1"}))
        called = TicketCalled(
            seq=1, at=NOW, ticket=_ticket(7, "c1"), counter_id="c1", counter_name="S1", location=""
        )
        elsewhere = replace(called, seq=2, counter_id="c2", ticket=_ticket(8, "c2"))
        hub.publish([called, elsewhere])
        return _drain(sub.queue)

    [with_language] = asyncio.run(scenario(announce=True))
    [without] = asyncio.run(scenario(announce=False))
    assert isinstance(with_language, PublicCall)
    assert isinstance(without, PublicCall)
    assert (with_language.language, without.language) == ("de", None)


def test_idle_waits_until_every_queue_offered_an_event_is_sent() -> None:
    async def scenario() -> list[bool]:
        hub = Broadcaster(0)
        subs = [hub.subscribe(public=False) for _ in range(3)]
        seen = [hub.idle()]
        hub.publish([_issued(1)])
        seen.append(hub.idle())
        for sub in subs[:2]:
            _drain(sub.queue)
        seen.append(hub.idle())  # the third still holds the event
        _drain(subs[2].queue)
        seen.append(hub.idle())
        hub.changing += 1  # a mutation under way: its events are coming
        seen.append(hub.idle())
        hub.changing -= 1
        hub.publish([_issued(2)])
        hub.unsubscribe(subs[0])  # a gone subscriber's queue is nobody's wait
        _drain(subs[1].queue)
        _drain(subs[2].queue)
        seen.append(hub.idle())
        return seen

    assert asyncio.run(scenario()) == [True, False, False, True, False, True]


def test_an_event_goes_to_the_sink_only_while_nothing_waits_ahead_of_it() -> None:
    """The sender's sink writes at once; a refused or queued-behind event keeps its order."""

    async def scenario() -> tuple[list[int], list[int]]:
        hub = Broadcaster(0)
        sub = hub.subscribe(public=False)
        written: list[int] = []
        can_write = [True]

        def sink(event: object) -> bool:
            assert isinstance(event, TicketIssued)
            if can_write[0]:
                written.append(event.seq)
            return can_write[0]

        sub.sink = sink
        hub.publish([_issued(1), _issued(2)])  # written at once, nothing queued
        can_write[0] = False  # paused: queued for the sender
        hub.publish([_issued(3)])
        can_write[0] = True  # writable again, but 3 waits in the queue: 4 goes behind it
        hub.publish([_issued(4)])
        sub.sink = None  # the sender took the queue and sends
        hub.publish([_issued(5)])
        return written, [event.seq for event in _drain(sub.queue)]

    assert asyncio.run(scenario()) == ([1, 2], [3, 4, 5])
