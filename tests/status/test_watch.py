"""How often an open status page hears that the queue moved: at once near the front, less
often far back, and never left with an old place when the queue stops."""

from __future__ import annotations

import asyncio
from collections.abc import Collection, Mapping
from dataclasses import replace

from server.status_page import PageState
from server.status_watch import FAR_TICKS, PageFeed, StatusWatch, interval
from shared.domain import TicketStatus
from shared.protocol import TicketCalled
from tests.client.sample import AT, issued

TICK = 0.05


class Queue:
    """The places of waiting tickets, as `Store.places` answers them; ticket 1 is first."""

    def __init__(self, waiting: int) -> None:
        self.order = list(range(1, waiting + 1))

    def places(self, tickets: Collection[int]) -> Mapping[int, int]:
        return {t: self.order.index(t) + 1 for t in tickets if t in self.order}

    def call_first(self, seq: int) -> TicketCalled:
        ticket = self.order.pop(0)
        info = replace(issued(ticket).ticket, status=TicketStatus.CALLED, counter_id="c1")
        return TicketCalled(
            seq=seq, at=AT, ticket=info, counter_id="c1", counter_name="1", location=""
        )


def _page(watch: StatusWatch, queue: Queue, ticket: int) -> PageFeed:
    place = queue.order.index(ticket) + 1
    state = PageState(
        ticket_id=ticket,
        number=f"A{ticket:03d}",
        language="de",
        service_id="general",
        status=TicketStatus.WAITING,
        position=place,
        wait_minutes=float(place * 5),
    )
    return watch.open(state, "de")


async def _places_heard(feed: PageFeed, last: int, limit: float = 10.0) -> list[int]:
    """The places a page heard until it heard `last` (or `limit` seconds passed)."""
    heard: list[int] = []
    loop = asyncio.get_running_loop()
    until = loop.time() + limit
    while (not heard or heard[-1] != last) and (left := until - loop.time()) > 0:
        item = await feed.next(left)
        if item is not None:
            assert item[0].position is not None
            heard.append(item[0].position)
    return heard


def test_the_interval_grows_with_the_place_up_to_a_few_ticks() -> None:
    assert [interval(p, 2.0) for p in (1, 19, 20, 35, 49, 50, 300)] == [
        2.0, 2.0, 4.0, 6.0, 8.0, 10.0, 10.0
    ]  # fmt: skip
    assert interval(10_000, 2.0) == 2.0 * FAR_TICKS


def test_a_page_far_back_hears_less_often_and_still_learns_its_last_place() -> None:
    async def scenario() -> tuple[list[int], list[int], float]:
        queue = Queue(120)
        watch = StatusWatch(queue.places, tick_seconds=TICK)
        near, far = _page(watch, queue, 15), _page(watch, queue, 100)
        loop = asyncio.get_running_loop()
        opened = loop.time()
        listening = [
            asyncio.create_task(_places_heard(near, 3)),
            asyncio.create_task(_places_heard(far, 88)),
        ]
        for seq in range(1, 13):  # the queue moves about once a tick, then stops
            watch.seen(queue.call_first(seq))
            await asyncio.sleep(TICK * 1.2)
        heard_near, heard_far = await asyncio.gather(*listening)
        watch.stop()
        return heard_near, heard_far, loop.time() - opened

    near, far, took = asyncio.run(scenario())
    assert near[-1] == 3  # the queue stopped: both know where they stand
    assert far[-1] == 88
    assert near == sorted(near, reverse=True)
    assert far == sorted(far, reverse=True)
    # far back: at most one message per FAR_TICKS ticks since the page opened
    assert len(far) <= took / (0.9 * FAR_TICKS * TICK) + 1, (far, took)
    assert len(near) > len(far), (near, far)
