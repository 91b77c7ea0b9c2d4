"""The `Broadcaster`: committed events to every subscriber, in `seq` order, each once.

Events reach it after their transaction committed, possibly from several request threads at
once; it hands them to subscribers strictly in `seq` order, holding an early-arriving event
back briefly (`reorder_wait`) until the ones before it arrive, and reading the missing ones
from the event log when their publish is late or never comes.
"""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence

from starlette.concurrency import run_in_threadpool

from server.stream_tokens import ExplainToken, TokenRecheck, VerifyTokens
from server.subscription import EndReason, Subscription
from shared.domain import TicketStatus
from shared.protocol import (
    Event,
    PublicEvent,
    PublicWaiting,
    Snapshot,
    StaffEvent,
    TicketCalled,
    TicketChanged,
    TicketIssued,
    encode,
    to_public,
)

log = logging.getLogger(__name__)

TEXT_CACHE = 64
"""How many recent events keep their encoded JSON (one encoding for every subscriber)."""
GAP_READS = 3
"""How often a failing read of the event log is tried before a gap is given up."""

EventLog = Callable[[int], Sequence[StaffEvent] | None]
"""Reads the committed events after a seq (`Store.events_since`; None: not all are kept)."""


class Broadcaster:
    """Fans committed staff events out to subscribers, in `seq` order, without duplicates."""

    def __init__(
        self,
        last_seq: int,
        *,
        queue_bound: int = 1000,
        reorder_wait: float = 0.5,
        heartbeat_seconds: float = 15.0,
        announce_language: bool = True,
    ) -> None:
        self.last_seq = last_seq
        self.announce_language = announce_language
        self.queue_bound = queue_bound
        self.reorder_wait = reorder_wait
        self.heartbeat_seconds = heartbeat_seconds
        self._subscribers: set[Subscription] = set()
        self._unsent: dict[Subscription, None] = {}
        """Subscriptions offered an event since `idle` last found their queue empty (in order)."""
        self._pending: dict[int, StaffEvent] = {}
        self._gap_timer: asyncio.TimerHandle | None = None
        self._counter_of: dict[int, str] = {}
        self._waiting: set[int] = set()
        self._texts: OrderedDict[int, tuple[Event, str]] = OrderedDict()
        self._closed = False
        self._event_log: EventLog | None = None
        self._filling: asyncio.Task[None] | None = None
        self._failed_reads = 0
        self._recheck: TokenRecheck | None = None
        self.watchers: list[Callable[[StaffEvent], None]] = []
        """Called with each delivered event after the subscribers (the status pages)."""
        self.changing = 0
        """Store mutations under way (`server.mutation.mutate`): their events are coming."""

    def read_gaps_from(self, event_log: EventLog) -> None:
        """Fill a gap that outlives `reorder_wait` from the event log (the app sets it).

        Without it (a bare broadcaster) such a gap is skipped: only a log can supply the event.
        """
        self._event_log = event_log

    def recheck_tokens_with(
        self, verify: VerifyTokens, explain: ExplainToken | None = None
    ) -> None:
        """Re-check the subscriptions' tokens once per heartbeat period (the app sets it).

        One checker for all subscriptions, started by the first one with a token, stopped on
        close. Without it (a bare broadcaster) tokens are not re-checked.
        """
        if self._recheck is None:
            self._recheck = TokenRecheck(
                lambda: self._subscribers, verify, self.heartbeat_seconds, explain
            )

    async def recheck_tokens_now(self) -> None:
        """Re-check the live subscriptions' tokens now (the trust watch saw a change)."""
        if self._recheck is not None:
            await self._recheck.check_once()

    def remember_counters(self, snapshot: Snapshot) -> None:
        """Learn which counter each live ticket is at (for clears of transferred tickets),
        and which tickets wait (the waiting room's count)."""
        for ticket in snapshot.tickets:
            if ticket.counter_id is not None:
                self._counter_of[ticket.id] = ticket.counter_id
        self._waiting = {t.id for t in snapshot.tickets if t.status is TicketStatus.WAITING}

    @property
    def waiting(self) -> int:
        """How many tickets wait after the last delivered event."""
        return len(self._waiting)

    def _count(self, event: StaffEvent) -> None:
        if isinstance(event, TicketIssued | TicketCalled | TicketChanged):
            if event.ticket.status is TicketStatus.WAITING:
                self._waiting.add(event.ticket.id)
            else:
                self._waiting.discard(event.ticket.id)

    def subscribe(
        self,
        *,
        public: bool,
        token: str = "",
        counters: frozenset[str] | None = None,
        device_id: str = "",
    ) -> Subscription:
        """A new subscription; it receives every event delivered from now on.

        Its `token` (if any) is re-checked once per period; it ends when no longer valid.
        A display's `counters` limit the calls it gets to its own.
        """
        sub = Subscription(
            public=public,
            bound=self.queue_bound,
            token=token,
            counters=counters,
            device_id=device_id,
        )
        if self._closed:
            sub.end(EndReason.SHUTDOWN)
            return sub
        self._subscribers.add(sub)
        if token and self._recheck is not None:
            self._recheck.start()
        return sub

    def unsubscribe(self, sub: Subscription) -> None:
        """Stop delivering to a subscription."""
        self._subscribers.discard(sub)
        self._unsent.pop(sub, None)
        sub.end(EndReason.DISCONNECTED)

    def text_of(self, event: Event) -> str:
        """The JSON of a delivered event, encoded once for all subscribers."""
        cached = self._texts.get(id(event))
        if cached is not None and cached[0] is event:
            return cached[1]
        text = encode(event)
        self._texts[id(event)] = (event, text)  # holding the event keeps its id unique
        if len(self._texts) > TEXT_CACHE:
            self._texts.popitem(last=False)
        return text

    @property
    def token_check_running(self) -> bool:
        """Whether the periodic token re-check runs (only while there are subscribers)."""
        return self._recheck is not None and self._recheck.running

    def idle(self) -> bool:
        """No mutation under way and every subscriber's queue sent: nobody waits for events.

        Work of lower priority (the status pages' "queue moved" messages) waits for this.
        The subscriptions offered an event since the last look are looked at, oldest first,
        until one still has events to send: after a call's fan-out, each queue is seen empty
        once, and a poll while the fan-out goes on looks at one queue, not at all 200.
        """
        if self.changing:
            return False
        unsent = self._unsent
        while unsent:
            sub = next(iter(unsent))
            if not sub.queue.empty() and sub.ended is None:
                return False
            del unsent[sub]
        return True

    @property
    def subscriber_count(self) -> int:
        """How many subscriptions are live."""
        return len(self._subscribers)

    def publish(self, events: Iterable[StaffEvent]) -> None:
        """Accept committed events (in the event loop); deliver them in `seq` order."""
        for event in events:
            if event.seq > self.last_seq:
                self._pending[event.seq] = event
        self._deliver_ready()

    def _deliver_ready(self) -> None:
        """Deliver the pending events that follow `last_seq`; time any gap left behind."""
        while self.last_seq + 1 in self._pending:
            self._deliver(self._pending.pop(self.last_seq + 1))
        if not self._pending:
            if self._gap_timer is not None:
                self._gap_timer.cancel()
                self._gap_timer = None
        elif self._gap_timer is None and self._filling is None and not self._closed:
            loop = asyncio.get_running_loop()
            self._gap_timer = loop.call_later(self.reorder_wait, self._gap_outlived)

    def _gap_outlived(self) -> None:
        """A publish is late or never comes (its request was cancelled after the commit).

        Every committed seq is in the event log (seqs are allocated in the write transaction,
        in commit order), so the missing events are read from there instead of skipped.
        """
        self._gap_timer = None
        if not self._pending:
            return
        if self._event_log is None:
            self._skip_through(max(self._pending))
            return
        self._filling = asyncio.get_running_loop().create_task(
            self._fill_gap(self._event_log, max(self._pending))
        )

    async def _fill_gap(self, event_log: EventLog, through: int) -> None:
        """Deliver the logged events after `last_seq` (up to and past `through`), in order."""
        try:
            logged = await run_in_threadpool(event_log, self.last_seq)
        except Exception:  # a database hiccup: wait and try again, a few times
            self._failed_reads += 1
            log.warning("cannot read the event log to fill a seq gap", exc_info=True)
            if self._failed_reads < GAP_READS:
                self._filling = None
                self._deliver_ready()
                return
            logged = None
        self._filling = None
        self._failed_reads = 0
        for event in logged or ():
            if event.seq > self.last_seq:
                self._pending.setdefault(event.seq, event)
        self._deliver_ready()
        if self._pending and self.last_seq < through:
            self._skip_through(through)

    def _skip_through(self, through: int) -> None:
        """Give up the missing seqs up to `through` (not in the log: pruned, or no log)."""
        for seq in sorted(s for s in self._pending if s <= through):
            if seq > self.last_seq + 1:
                first, last = self.last_seq + 1, seq - 1
                log.warning(
                    "event seq %d..%d never arrived, nor from the log; skipped", first, last
                )
            self._deliver(self._pending.pop(seq))
        self._deliver_ready()

    def public_form(
        self, event: StaffEvent, counters: dict[int, str], *, recount: bool = True
    ) -> PublicEvent | None:
        """The waiting room's form of an event; `counters` tracks where tickets were called.

        It carries the count of waiting tickets as of the last delivered event; an event
        that is neither a call nor a clear becomes a `PublicWaiting` only when `recount`
        (the count changed, or nobody knows whether it did: a replay).
        """
        if not isinstance(event, TicketIssued | TicketCalled | TicketChanged):
            return None  # counter states, staff alarms, device alerts and states: staff only
        previous = counters.get(event.ticket.id) or self._counter_of.get(event.ticket.id)
        if isinstance(event, TicketCalled):
            counters[event.ticket.id] = event.counter_id
        public = to_public(
            event, previous, waiting=self.waiting, with_language=self.announce_language
        )
        return None if isinstance(public, PublicWaiting) and not recount else public

    def _deliver(self, event: StaffEvent) -> None:
        self.last_seq = event.seq
        before = self.waiting
        self._count(event)
        public = self.public_form(event, self._counter_of, recount=self.waiting != before)
        for sub in list(self._subscribers):
            form: Event | None = public if sub.public else event
            if form is None:
                continue
            if sub.offer(form):
                if not sub.queue.empty():  # queued for its sender (not written at once)
                    self._unsent[sub] = None
            else:
                log.warning("a subscriber fell behind at seq %d; dropped", event.seq)
                self._subscribers.discard(sub)
                self._unsent.pop(sub, None)
        for watcher in self.watchers:
            watcher(event)

    def close(self) -> None:
        """End every subscription (server shutdown)."""
        self._closed = True
        if self._gap_timer is not None:
            self._gap_timer.cancel()
            self._gap_timer = None
        if self._filling is not None:
            self._filling.cancel()
            self._filling = None
        if self._recheck is not None:
            self._recheck.stop()
        for sub in list(self._subscribers):
            sub.end(EndReason.SHUTDOWN)
        self._subscribers.clear()
        self._unsent.clear()
