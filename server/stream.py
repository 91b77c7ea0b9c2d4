"""The live event stream's WebSocket endpoint: authenticate, catch up, then stream live.

A client connects with `since=<last seq it saw>`: it gets the missed events from the event
log (or a snapshot when too far behind), then the live events of the `Broadcaster`
(`server/broadcast`) through its `Subscription` (`server/subscription`), and heartbeats when
idle. Displays get the public form only.
"""

from __future__ import annotations

import asyncio
import logging

from fastapi import APIRouter, Query, WebSocket, WebSocketDisconnect
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from server.api.context import AppContext, context
from server.auth import ALLOWED, Endpoint, bearer_token, may, role_of
from server.subscription import EndReason, Subscription
from shared.domain import Site, TicketStatus
from shared.protocol import (
    Event,
    Heartbeat,
    PublicCall,
    PublicSnapshot,
    Snapshot,
    encode,
)

log = logging.getLogger(__name__)

CLOSE_FELL_BEHIND = 4000
"""WebSocket close code: the client fell behind; reconnect with `since=<last seq seen>`."""
CLOSE_TOKEN_INVALID = 4001
"""WebSocket close code: the token was revoked or the session ended (checked once a period)."""
CLOSE_RESTART = 1012
"""WebSocket close code (standard): the server is restarting or shutting down."""


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
    ctx = context(websocket)
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
    sub = ctx.broadcaster.subscribe(public=public, token=secret)  # before the catch-up: no gap
    watcher = asyncio.create_task(_watch_disconnect(websocket, sub))
    if ctx.contacts is not None:
        ctx.contacts.stream_opened(principal.id)
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
        if ctx.contacts is not None:
            ctx.contacts.stream_closed(principal.id)
