"""Open status pages, indexed by ticket: an event wakes only its own ticket's pages.

The `Broadcaster` hands every delivered event to `StatusWatch.seen` after the displays got
it; that costs one dict lookup per event. A ticket's own event (called, recalled, started,
finished, parked, transferred…) changes its pages' state at once. Any ticket event also
means the queue moved: one coalesced tick per `tick_seconds` reads the places of all
watched waiting tickets in one query (`places`) and sends each page whose place changed its
new place and wait. That work has a lower priority than the displays' calls: the read and
each batch of `BATCH` pages wait until no store mutation is under way and every display's
queue is sent (`idle`; a tick waits so for at most `tick_seconds` in all, then sends on),
and the batches are spread over part of the tick. 500 pages sent at once held a call up by
tens of milliseconds (the loop busy, and the call's database work in its thread waiting for
the GIL; docs/performance.md).

A page far back in the queue hears of its new place less often (`interval`): the first
`FRONT` places at every tick, further back at most every few ticks (`FAR_TICKS` at most).
Someone at place 300 gains nothing from hearing 300, 299, 298 every two seconds, and in a
queue that moves fast those messages were most of the pages' cost to the hub. A place held
back is sent by a later tick even when the queue has stopped moving by then.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Collection, Mapping
from dataclasses import replace

from starlette.concurrency import run_in_threadpool

from server.status_page import PageState
from shared.domain import TicketStatus
from shared.protocol import StaffEvent, TicketCalled, TicketChanged, TicketIssued

log = logging.getLogger(__name__)

BATCH = 10
"""Pages woken per event-loop turn when the queue moved (~1 ms of sends on the office box)."""
SPREAD = 0.5
"""The share of a tick over which a moved queue's page messages are spread."""
MAX_GAP = 0.05
"""The longest pause between two batches (seconds): a tick of few pages is not stretched."""
IDLE_POLL = 0.002
"""How often a waiting batch looks again whether the hub is idle (seconds)."""
FRONT = 20
"""Places that hear of every move (at most once per tick)."""
FAR_TICKS = 5
"""The most ticks a page far back waits for its new place (from place `FAR_TICKS * 10`)."""


def interval(place: int, tick_seconds: float) -> float:
    """How long a page at `place` waits at least between two "queue moved" messages.

    One tick for the first `FRONT` places, then one tick more per ten places, up to
    `FAR_TICKS` ticks: place 25 hears every 2nd tick, place 50 and beyond every 5th.
    """
    if place < FRONT:
        return tick_seconds
    return tick_seconds * min(FAR_TICKS, place // 10)


Places = Callable[[Collection[int]], Mapping[int, int]]
"""Reads the places of waiting tickets (`Store.places`)."""


class PageFeed:
    """One open page: the latest state for it, and whether to alert (a call)."""

    def __init__(self, ticket_id: int, language: str) -> None:
        self.ticket_id = ticket_id
        self.language = language
        self.state: PageState | None = None
        self.whole = False
        """The ticket itself changed: send the whole main part (else only place and wait)."""
        self.alert = False
        self.closed = False
        self._wake = asyncio.Event()

    def push(self, state: PageState, *, whole: bool, alert: bool = False) -> None:
        """Keep the newest state; a later state replaces one not yet sent."""
        self.state = state
        self.whole = self.whole or whole
        self.alert = self.alert or alert
        self._wake.set()

    def close(self) -> None:
        """Wake the reader to stop (server shutdown)."""
        self.closed = True
        self._wake.set()

    async def next(self, timeout: float) -> tuple[PageState, bool, bool] | None:
        """The next state to send, with (whole, alert); None after `timeout` idle or on close."""
        try:
            async with asyncio.timeout(timeout):  # a timer only (wait_for adds a task per wait)
                await self._wake.wait()
        except TimeoutError:
            return None
        self._wake.clear()
        if self.closed or self.state is None:
            return None
        taken = (self.state, self.whole, self.alert)
        self.whole = self.alert = False
        return taken


def after(state: PageState, event: TicketCalled | TicketChanged | TicketIssued) -> PageState:
    """A page's state after an event of its ticket."""
    ticket = event.ticket
    recalled = isinstance(event, TicketCalled) and event.recall
    action = event.action if isinstance(event, TicketChanged) else None
    waiting = ticket.status is TicketStatus.WAITING
    return replace(
        state,
        number=ticket.number,
        service_id=ticket.service_id,
        status=ticket.status,
        counter_id=ticket.counter_id,
        recalled=recalled,
        action=action,
        position=state.position if waiting else None,
    )


class StatusWatch:
    """The open status pages by ticket id, fed by the broadcaster's delivered events."""

    def __init__(
        self, places: Places, *, tick_seconds: float = 2.0, idle: Callable[[], bool] | None = None
    ) -> None:
        self._places = places
        self.tick_seconds = tick_seconds
        self._idle = idle or (lambda: True)
        self._feeds: dict[int, set[PageFeed]] = {}
        self._states: dict[int, PageState] = {}
        self._sent_at: dict[int, float] = {}
        """When each watched ticket's pages last got a "queue moved" message (loop time)."""
        self._timer: asyncio.TimerHandle | None = None
        self._ticking: asyncio.Task[None] | None = None
        self._again = False
        """The queue moved while a tick was under way: another tick follows it."""

    @property
    def page_count(self) -> int:
        """How many pages are open."""
        return sum(len(feeds) for feeds in list(self._feeds.values()))  # read from any thread

    def open(self, state: PageState, language: str) -> PageFeed:
        """Watch a ticket for one page that starts at `state`."""
        feed = PageFeed(state.ticket_id, language)
        self._feeds.setdefault(state.ticket_id, set()).add(feed)
        self._states[state.ticket_id] = state
        self._sent_at.setdefault(state.ticket_id, asyncio.get_running_loop().time())
        return feed

    def close(self, feed: PageFeed) -> None:
        """Stop watching for a page (it disconnected)."""
        feeds = self._feeds.get(feed.ticket_id)
        if feeds is None:
            return
        feeds.discard(feed)
        if not feeds:
            del self._feeds[feed.ticket_id]
            self._states.pop(feed.ticket_id, None)
            self._sent_at.pop(feed.ticket_id, None)

    def seen(self, event: StaffEvent) -> None:
        """A delivered event: wake its ticket's pages; the queue moved for the others."""
        if not isinstance(event, TicketCalled | TicketChanged | TicketIssued):
            return
        feeds = self._feeds.get(event.ticket.id)
        if feeds:
            state = self._states[event.ticket.id] = after(self._states[event.ticket.id], event)
            alert = isinstance(event, TicketCalled)
            for feed in feeds:
                feed.push(state, whole=True, alert=alert)
        if self._ticking is not None:
            self._again = True
        else:
            self._schedule()

    def _schedule(self) -> None:
        """A tick in `tick_seconds`, unless one is due already (or no page is open)."""
        if self._feeds and self._timer is None:
            self._timer = asyncio.get_running_loop().call_later(self.tick_seconds, self._tick)

    def _tick(self) -> None:
        self._timer = None
        self._ticking = asyncio.get_running_loop().create_task(self._refresh())

    async def _refresh(self) -> None:
        """Read the places of the watched waiting tickets; send those that changed, paced."""
        try:
            waiting = [t for t, s in self._states.items() if s.status is TicketStatus.WAITING]
            if not waiting:
                return
            patience = asyncio.get_running_loop().time() + self.tick_seconds
            await self._until_idle(patience)
            try:
                found = await run_in_threadpool(self._places, waiting)
            except Exception:  # the database is busy or gone: the next tick tries again
                log.warning("cannot read the queue places for the status pages", exc_info=True)
                return
            now = asyncio.get_running_loop().time()
            stale = [(t, p) for t, p in found.items() if self._stale(t, p)]
            changed = [(t, p) for t, p in stale if self._due(t, p, now)]
            if len(changed) < len(stale):
                self._again = True  # the places held back are sent by a later tick
            batches = -(-len(changed) // BATCH)
            gap = min(MAX_GAP, self.tick_seconds * SPREAD / max(1, batches))
            for start in range(0, len(changed), BATCH):
                if start:
                    await asyncio.sleep(gap)  # the loop is free for calls between batches
                await self._until_idle(patience)
                for ticket_id, place in changed[start : start + BATCH]:
                    self._moved(ticket_id, place)
        finally:
            self._ticking = None
            if self._again:
                self._again = False
                self._schedule()

    async def _until_idle(self, deadline: float) -> None:
        """Let a call under way reach the displays first (a busy office: until `deadline`)."""
        loop = asyncio.get_running_loop()
        while not self._idle() and loop.time() < deadline:
            await asyncio.sleep(IDLE_POLL)

    def _stale(self, ticket_id: int, place: int) -> bool:
        """Whether a waiting ticket's pages show another place than `place`."""
        state = self._states.get(ticket_id)
        return (
            state is not None and state.status is TicketStatus.WAITING and state.position != place
        )

    def _due(self, ticket_id: int, place: int, now: float) -> bool:
        """Whether a page at `place` may hear of it now (its `interval` has passed)."""
        sent = self._sent_at.get(ticket_id)
        # a hair early is on time: the tick's own timer and the reads take a little
        return sent is None or now - sent >= interval(place, self.tick_seconds) * 0.9

    def _moved(self, ticket_id: int, place: int) -> None:
        """A waiting ticket's new place: its pages get the place and the scaled wait."""
        state = self._states.get(ticket_id)
        if state is None or state.status is not TicketStatus.WAITING or state.position == place:
            return
        wait = state.wait_minutes
        if wait is not None and state.position:
            wait = wait * place / state.position  # the wait shrinks with the queue
        new = self._states[ticket_id] = replace(state, position=place, wait_minutes=wait)
        self._sent_at[ticket_id] = asyncio.get_running_loop().time()
        for feed in self._feeds.get(ticket_id, ()):
            feed.push(new, whole=False)

    def stop(self) -> None:
        """Close every page's feed and the timer (server shutdown)."""
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        if self._ticking is not None:
            self._ticking.cancel()
            self._ticking = None
        self._again = False
        for feeds in self._feeds.values():
            for feed in feeds:
                feed.close()
