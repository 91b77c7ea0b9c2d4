"""The live event stream: a `Broadcaster` of committed events and the WebSocket endpoint.

Events reach the broadcaster after their transaction committed, possibly from several
request threads at once; it hands them to subscribers strictly in `seq` order (holding an
early-arriving event back briefly until the ones before it arrive). Each subscriber has a
bounded queue: one that falls behind is dropped and must reconnect with `since`.
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from enum import Enum
from typing import TYPE_CHECKING

from fastapi import APIRouter, Query, WebSocket, WebSocketDisconnect
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from server.auth import ALLOWED, Endpoint, bearer_token, may, role_of
from shared.domain import Site, TicketStatus
from shared.protocol import (
    CounterChanged,
    Event,
    Heartbeat,
    PublicCall,
    PublicEvent,
    PublicSnapshot,
    Snapshot,
    StaffEvent,
    TicketCalled,
    encode,
    to_public,
)

if TYPE_CHECKING:
    from server.api.context import AppContext

log = logging.getLogger(__name__)

CLOSE_FELL_BEHIND = 4000
"""WebSocket close code: the client fell behind; reconnect with `since=<last seq seen>`."""
CLOSE_TOKEN_INVALID = 4001
"""WebSocket close code: the token was revoked or the session expired (checked when idle)."""
CLOSE_RESTART = 1012
"""WebSocket close code (standard): the server is restarting or shutting down."""
IDLE = Heartbeat(seq=0, at=datetime(1970, 1, 1, tzinfo=UTC))
"""Queued when a subscription was idle for a heartbeat period; the sender sends a real one."""
TEXT_CACHE = 64
"""How many recent events keep their encoded JSON (one encoding for every subscriber)."""
GAP_READS = 3
"""How often a failing read of the event log is tried before a gap is given up."""

EventLog = Callable[[int], Sequence[StaffEvent] | None]
"""Reads the committed events after a seq (`Store.events_since`; None: not all are kept)."""


class EndReason(Enum):
    """Why a subscription ended."""

    FELL_BEHIND = "fell behind"
    SHUTDOWN = "server shutting down"
    DISCONNECTED = "client disconnected"
    REVOKED = "token revoked or expired"


class Subscription:
    """One subscriber's bounded queue of events (public forms for a public subscriber)."""

    def __init__(self, *, public: bool, bound: int) -> None:
        self.public = public
        self.bound = bound
        # One slot more than the bound: room for the end-of-stream marker.
        self.queue: asyncio.Queue[Event | None] = asyncio.Queue(maxsize=bound + 1)
        self.ended: EndReason | None = None
        self.touched = time.monotonic()
        self._beat = 0.0
        self._timer: asyncio.TimerHandle | None = None

    def offer(self, event: Event) -> bool:
        """Queue an event; False (and the subscription ends) when the queue is full."""
        if self.ended is not None:
            return True  # its reader stops at the end marker; it is being unsubscribed
        if self.queue.qsize() >= self.bound:
            self.end(EndReason.FELL_BEHIND)
            return False
        self.queue.put_nowait(event)
        self.touched = time.monotonic()
        return True

    def keep_alive(self, seconds: float) -> None:
        """Queue `IDLE` whenever `seconds` pass with nothing queued (until the end).

        One timer per period instead of a timeout per event: the live path stays cheap.
        """
        self._beat = seconds
        self.touched = time.monotonic()
        self._timer = asyncio.get_running_loop().call_later(seconds, self._tick)

    def _tick(self) -> None:
        self._timer = None
        if self.ended is not None:
            return
        idle = time.monotonic() - self.touched
        if idle >= self._beat - 0.01:  # timers may fire a hair early
            if self.queue.empty():
                self.queue.put_nowait(IDLE)
            self.touched = time.monotonic()
            idle = 0.0
        self._timer = asyncio.get_running_loop().call_later(self._beat - idle, self._tick)

    def end(self, reason: EndReason) -> None:
        """Mark the subscription over and wake its reader."""
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        if self.ended is None:
            self.ended = reason
            self.queue.put_nowait(None)


def _stagger() -> float:
    """A random factor in [0.5, 1) that spreads periodic per-socket work over the period."""
    return 0.5 + random.random() / 2  # load spreading, not security


class Broadcaster:
    """Fans committed staff events out to subscribers, in `seq` order, without duplicates."""

    def __init__(
        self,
        last_seq: int,
        *,
        queue_bound: int = 1000,
        reorder_wait: float = 0.5,
        heartbeat_seconds: float = 15.0,
    ) -> None:
        self.last_seq = last_seq
        self.queue_bound = queue_bound
        self.reorder_wait = reorder_wait
        self.heartbeat_seconds = heartbeat_seconds
        self._subscribers: set[Subscription] = set()
        self._pending: dict[int, StaffEvent] = {}
        self._gap_timer: asyncio.TimerHandle | None = None
        self._counter_of: dict[int, str] = {}
        self._texts: OrderedDict[int, tuple[Event, str]] = OrderedDict()
        self._closed = False
        self._event_log: EventLog | None = None
        self._filling: asyncio.Task[None] | None = None
        self._failed_reads = 0

    def read_gaps_from(self, event_log: EventLog) -> None:
        """Fill a gap that outlives `reorder_wait` from the event log (the stream sets it).

        Without it (a bare broadcaster) such a gap is skipped: only a log can supply the event.
        """
        self._event_log = event_log

    def remember_counters(self, snapshot: Snapshot) -> None:
        """Learn which counter each live ticket is at (for clears of transferred tickets)."""
        for ticket in snapshot.tickets:
            if ticket.counter_id is not None:
                self._counter_of[ticket.id] = ticket.counter_id

    def subscribe(self, *, public: bool) -> Subscription:
        """A new subscription; it receives every event delivered from now on."""
        sub = Subscription(public=public, bound=self.queue_bound)
        if self._closed:
            sub.end(EndReason.SHUTDOWN)
        else:
            self._subscribers.add(sub)
        return sub

    def unsubscribe(self, sub: Subscription) -> None:
        """Stop delivering to a subscription."""
        self._subscribers.discard(sub)
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
                log.warning(
                    "event seq %d..%d are not in the event log; skipped", self.last_seq + 1, seq - 1
                )
            self._deliver(self._pending.pop(seq))
        self._deliver_ready()

    def public_form(self, event: StaffEvent, counters: dict[int, str]) -> PublicEvent | None:
        """The waiting room's form of an event; `counters` tracks where tickets were called."""
        if isinstance(event, CounterChanged):
            return None
        previous = counters.get(event.ticket.id) or self._counter_of.get(event.ticket.id)
        if isinstance(event, TicketCalled):
            counters[event.ticket.id] = event.counter_id
        return to_public(event, previous)

    def _deliver(self, event: StaffEvent) -> None:
        self.last_seq = event.seq
        public = self.public_form(event, self._counter_of)
        for sub in list(self._subscribers):
            form: Event | None = public if sub.public else event
            if form is not None and not sub.offer(form):
                log.warning("a subscriber fell behind at seq %d; dropped", event.seq)
                self._subscribers.discard(sub)

    def close(self) -> None:
        """End every subscription (server shutdown)."""
        self._closed = True
        if self._gap_timer is not None:
            self._gap_timer.cancel()
            self._gap_timer = None
        if self._filling is not None:
            self._filling.cancel()
            self._filling = None
        for sub in list(self._subscribers):
            sub.end(EndReason.SHUTDOWN)
        self._subscribers.clear()


def public_snapshot(snapshot: Snapshot, site: Site) -> PublicSnapshot:
    """The board as the waiting room sees it, built from the staff snapshot."""
    calls = []
    for ticket in snapshot.tickets:
        on_board = ticket.status in (TicketStatus.CALLED, TicketStatus.SERVING)
        if not on_board or ticket.counter_id is None:
            continue
        counter = site.counters.get(ticket.counter_id)
        calls.append(
            PublicCall(
                seq=snapshot.seq,
                at=ticket.called_at or snapshot.at,
                number=ticket.number,
                counter_id=ticket.counter_id,
                counter_name=counter.name if counter else ticket.counter_id,
                location=counter.location if counter else "",
            )
        )
    waiting = sum(1 for t in snapshot.tickets if t.status is TicketStatus.WAITING)
    return PublicSnapshot(seq=snapshot.seq, at=snapshot.at, calls=tuple(calls), waiting=waiting)


router = APIRouter()


async def _catch_up(ctx: AppContext, since: int, *, public: bool) -> tuple[list[Event], int]:
    """What a client that saw up to `since` needs first: missed events, or a snapshot."""
    store = ctx.store
    missed = await run_in_threadpool(store.events_since, since) if since > 0 else None
    if missed is not None and (missed or since <= await run_in_threadpool(store.last_seq)):
        last = max((e.seq for e in missed), default=since)
        if not public:
            return list(missed), last
        counters: dict[int, str] = {}
        forms = (ctx.broadcaster.public_form(e, counters) for e in missed)
        return [f for f in forms if f is not None], last
    snapshot = await run_in_threadpool(store.snapshot)
    first: Event = public_snapshot(snapshot, ctx.site) if public else snapshot
    return [first], snapshot.seq


async def _deny(websocket: WebSocket, status_code: int, detail: str) -> None:
    """Refuse the handshake with an HTTP status (or a policy close if unsupported)."""
    if "websocket.http.response" in websocket.scope.get("extensions", {}):
        await websocket.send_denial_response(JSONResponse({"detail": detail}, status_code))
    else:
        await websocket.close(code=1008, reason=detail)


async def _watch_disconnect(websocket: WebSocket, sub: Subscription) -> None:
    """Read (and ignore) client frames until the client goes away."""
    try:
        while True:
            message = await websocket.receive()
            if message["type"] == "websocket.disconnect":
                break
    except (WebSocketDisconnect, RuntimeError, OSError):
        pass
    finally:
        sub.end(EndReason.DISCONNECTED)


async def _recheck_token(ctx: AppContext, sub: Subscription, secret: str) -> None:
    """Check the token again once per heartbeat period; end the stream when it is invalid.

    This runs beside the sender, not in its way: an event never waits for the database, and
    the checks of many sockets are spread over the period instead of coming all at once. The
    first check comes within the first period (before the first heartbeat), then one per period.
    """
    period = ctx.broadcaster.heartbeat_seconds
    await asyncio.sleep(period * _stagger())
    while sub.ended is None:
        try:
            principal = ctx.store.principals.get(secret) or await run_in_threadpool(
                ctx.store.authenticate, secret
            )
        except Exception:  # a database hiccup: keep the stream, try again next period
            log.warning("cannot re-check a stream's token", exc_info=True)
        else:
            if principal is None:
                sub.end(EndReason.REVOKED)
                return
        await asyncio.sleep(period)


async def _send_live(websocket: WebSocket, ctx: AppContext, sub: Subscription, last: int) -> None:
    """Forward queued events newer than `last`, with heartbeats when idle."""
    broadcaster = ctx.broadcaster
    sub.keep_alive(broadcaster.heartbeat_seconds)
    while True:
        event = await sub.queue.get()
        if event is None:
            break
        if isinstance(event, Heartbeat):
            if sub.queue.empty():  # everything delivered so far was sent (or is not public)
                last = max(last, broadcaster.last_seq)
            await websocket.send_text(encode(Heartbeat(seq=last, at=ctx.clock.now())))
        elif event.seq > last:
            await websocket.send_text(broadcaster.text_of(event))
            last = event.seq
    if sub.ended is EndReason.FELL_BEHIND:
        await websocket.close(CLOSE_FELL_BEHIND, f"fell behind; resume with since={last}")
    elif sub.ended is EndReason.SHUTDOWN:
        await websocket.close(CLOSE_RESTART, "server shutting down")
    elif sub.ended is EndReason.REVOKED:
        await websocket.close(CLOSE_TOKEN_INVALID, "token revoked or expired")


@router.websocket("/events")
async def events(
    websocket: WebSocket,
    since: int = Query(0, ge=0, le=2**62),
    token: str | None = Query(None, max_length=512),
) -> None:
    """The event stream: catch-up from `since`, then live events and heartbeats."""
    ctx: AppContext = websocket.app.state.ctx
    secret = bearer_token(websocket) or token
    principal = await run_in_threadpool(ctx.store.authenticate, secret) if secret else None
    if secret is None or principal is None:
        await _deny(websocket, 401, "missing or unknown token")
        return
    if not may(principal, Endpoint.EVENTS):
        await _deny(websocket, 403, f"role {role_of(principal)} may not use events")
        return
    public = role_of(principal) not in ALLOWED[Endpoint.STAFF_EVENTS]
    await websocket.accept()
    ctx.broadcaster.read_gaps_from(ctx.store.events_since)
    sub = ctx.broadcaster.subscribe(public=public)  # before reading the catch-up: no gap
    watcher = asyncio.create_task(_watch_disconnect(websocket, sub))
    checker = asyncio.create_task(_recheck_token(ctx, sub, secret))
    try:
        first, last = await _catch_up(ctx, since, public=public)
        for event in first:
            await websocket.send_text(encode(event))
        await _send_live(websocket, ctx, sub, last)
    except (WebSocketDisconnect, RuntimeError, OSError) as exc:
        log.debug("stream of %s ended: %s", principal.name, exc)
    finally:
        ctx.broadcaster.unsubscribe(sub)
        watcher.cancel()
        checker.cancel()
