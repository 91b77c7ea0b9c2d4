"""The live event stream's WebSocket endpoint: authenticate, catch up, then stream live.

A client connects with `since=<last seq it saw>`: it gets the missed events from the event
log (or a snapshot when too far behind), then the live events of the `Broadcaster`
(`server/broadcast`) through its `Subscription` (`server/subscription`), and heartbeats when
idle. Displays get the public form only.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from functools import partial

from fastapi import APIRouter, Query, WebSocket, WebSocketDisconnect
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool

from server.api.context import AppContext, context
from server.api.display import counters_shown
from server.auth import ALLOWED, Endpoint, bearer_token, may, role_of
from server.device_watch import WATCHED_ROLES
from server.refusals import deny
from server.subscription import EndReason, Subscription
from server.wsprotocol import send_text_now
from shared.domain import Counter, DeviceRole, Site, TicketStatus
from shared.protocol import (
    Event,
    Heartbeat,
    PublicCall,
    PublicSnapshot,
    Snapshot,
    decode_ack,
    encode,
)
from shared.unauthorized import AuthReason

log = logging.getLogger(__name__)

CLOSE_FELL_BEHIND = 4000
"""WebSocket close code: the client fell behind; reconnect with `since=<last seq seen>`."""
CLOSE_TOKEN_INVALID = 4001
"""WebSocket close code: the token was revoked or the session ended (checked once a period,
and at once when the trust watch sees a change); the close reason is the `AuthReason` code
(``user_disabled``, ``session_expired``, ``device_revoked``, ``unknown_token``)."""
CLOSE_RESTART = 1012
"""WebSocket close code (standard): the server is restarting or shutting down."""


def public_snapshot(
    snapshot: Snapshot,
    site: Site,
    *,
    counters: frozenset[str] | None = None,
    with_language: bool = True,
) -> PublicSnapshot:
    """The board as the waiting room sees it, built from the staff snapshot.

    `counters` limits the calls to a display's own; `with_language` False leaves out the
    language chosen at the kiosk.
    """
    calls = []
    waiting = sum(1 for t in snapshot.tickets if t.status is TicketStatus.WAITING)
    for ticket in snapshot.tickets:
        on_board = ticket.status in (TicketStatus.CALLED, TicketStatus.SERVING)
        if not on_board or ticket.counter_id is None:
            continue
        if counters is not None and ticket.counter_id not in counters:
            continue
        counter = site.counters.get(ticket.counter_id) or Counter(
            id=ticket.counter_id, name=ticket.counter_id
        )
        calls.append(
            PublicCall(
                seq=snapshot.seq,
                at=ticket.called_at or snapshot.at,
                number=ticket.number,
                counter_id=ticket.counter_id,
                counter_name=counter.name,
                location=counter.location,
                floor=counter.floor,
                room=counter.room,
                direction=counter.direction,
                language=ticket.language if with_language else None,
                waiting=waiting,
            )
        )
    calls.sort(key=lambda call: call.at)
    return PublicSnapshot(seq=snapshot.seq, at=snapshot.at, calls=tuple(calls), waiting=waiting)


router = APIRouter()


async def _catch_up(ctx: AppContext, since: int, sub: Subscription) -> tuple[list[Event], int]:
    """What a client that saw up to `since` needs first: missed events, or a snapshot."""
    store = ctx.store
    missed = await run_in_threadpool(store.events_since, since) if since > 0 else None
    if missed is not None and (missed or since <= await run_in_threadpool(store.last_seq)):
        last = max((e.seq for e in missed), default=since)
        if not sub.public:
            return list(missed), last
        counters: dict[int, str] = {}
        forms = (ctx.broadcaster.public_form(e, counters) for e in missed)
        return [f for f in forms if f is not None and sub.shows(f)], last
    snapshot = await run_in_threadpool(store.snapshot)
    if not sub.public:
        return [snapshot], snapshot.seq
    with_language = ctx.broadcaster.announce_language
    board = public_snapshot(snapshot, ctx.site, counters=sub.counters, with_language=with_language)
    return [board], snapshot.seq


async def _watch_disconnect(
    websocket: WebSocket, sub: Subscription, on_ack: Callable[[int], None] | None
) -> None:
    """Read client frames until the client goes away: a display's acks, nothing else."""
    try:
        while True:
            message = await websocket.receive()
            if message["type"] == "websocket.disconnect":
                break
            text = message.get("text")
            if on_ack is not None and text:
                try:
                    on_ack(decode_ack(text).seq)
                except ValidationError:
                    log.info("ignored a malformed frame from a display: %.80s", text)
    except (WebSocketDisconnect, RuntimeError, OSError):
        pass
    finally:
        sub.end(EndReason.DISCONNECTED)


async def _send_live(websocket: WebSocket, ctx: AppContext, sub: Subscription, last: int) -> None:
    """Forward queued events newer than `last`, with heartbeats when idle.

    While it waits on an empty queue, an event is written in the broadcaster's fan-out
    (`Subscription.sink`) when the connection can take it at once (`wsprotocol.send_text_now`):
    one task for the fan-out, not one wake-up per display. A paused or deflating connection,
    or another server, gets every event through the queue and this task.
    """
    broadcaster = ctx.broadcaster
    devices = ctx.devices if sub.device_id else None
    write = send_text_now(websocket.scope)

    def now(event: Event) -> bool:
        nonlocal last
        if event.seq <= last:
            return True  # sent with the catch-up
        try:
            if write is None or not write(broadcaster.text_of(event)):
                return False
        except Exception:  # a transport gone wrong: the sender's own send will say so
            log.debug("could not write at once to %s", sub.device_id or "a stream", exc_info=True)
            return False
        if devices is not None and isinstance(event, PublicCall):
            devices.sent(sub.device_id, event.seq)  # written now: the ack cannot be earlier
        last = event.seq
        return True

    sink = now if write is not None else None
    sub.keep_alive(broadcaster.heartbeat_seconds)
    while True:
        sub.sink = sink
        try:
            event = await sub.queue.get()
        finally:
            sub.sink = None
        if event is None:
            break
        if isinstance(event, Heartbeat):
            if sub.queue.empty():  # everything delivered so far was sent (or is not public)
                last = max(last, broadcaster.last_seq)
            await websocket.send_text(encode(Heartbeat(seq=last, at=ctx.clock.now())))
        elif event.seq > last:
            if devices is not None and isinstance(event, PublicCall):
                devices.sent(sub.device_id, event.seq)  # owed from now (before it lands)
            await websocket.send_text(broadcaster.text_of(event))
            last = event.seq
    if sub.ended is EndReason.FELL_BEHIND:
        await websocket.close(CLOSE_FELL_BEHIND, f"fell behind; resume with since={last}")
    elif sub.ended is EndReason.SHUTDOWN:
        await websocket.close(CLOSE_RESTART, "server shutting down")
    elif sub.ended is EndReason.REVOKED:
        await websocket.close(CLOSE_TOKEN_INVALID, sub.why or AuthReason.UNKNOWN_TOKEN.value)


@router.websocket("/events")
async def events(
    websocket: WebSocket,
    since: int = Query(0, ge=0, le=2**62),
    token: str | None = Query(None, max_length=512),
) -> None:
    """The event stream: catch-up from `since`, then live events and heartbeats."""
    ctx = context(websocket)
    secret = bearer_token(websocket) or token
    principal = await run_in_threadpool(ctx.store.authenticate, secret) if secret else None
    if secret is None or principal is None:
        await deny(websocket, 401, "missing or unknown token")
        return
    if not may(principal, Endpoint.EVENTS):
        await deny(websocket, 403, f"role {role_of(principal)} may not use events")
        return
    public = role_of(principal) not in ALLOWED[Endpoint.STAFF_EVENTS]
    await websocket.accept()
    if ctx.contacts is not None:
        ctx.contacts.stream_opened(principal.id)
    role = principal.device_role
    watch = ctx.devices if role in WATCHED_ROLES else None
    wall = watch if role is DeviceRole.DISPLAY else None
    sub = ctx.broadcaster.subscribe(  # before the catch-up: no gap
        public=public,
        token=secret,
        counters=counters_shown(ctx.office, principal.name) if wall else None,
        device_id=principal.id if wall else "",
    )
    on_ack = partial(wall.acked, principal.id, principal.name) if wall else None
    if watch and role:
        watch.connected(principal.id, principal.name, role)
    watcher = asyncio.create_task(_watch_disconnect(websocket, sub, on_ack))
    try:
        first, last = await _catch_up(ctx, since, sub)
        for event in first:
            await websocket.send_text(encode(event))
        await _send_live(websocket, ctx, sub, last)
    except (WebSocketDisconnect, RuntimeError, OSError) as exc:
        log.debug("stream of %s ended: %s", principal.name, exc)
    finally:
        ctx.broadcaster.unsubscribe(sub)
        watcher.cancel()
        if ctx.contacts is not None:
            ctx.contacts.stream_closed(principal.id)
        if watch:
            watch.disconnected(principal.id)
