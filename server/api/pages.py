"""The visitor's status page behind the ticket's QR code: JSON, the HTML page, its live stream.

The same address answers JSON to API clients and the page to a browser (it asks for
text/html). `…/status/events` is the page's server-sent event stream. A wrong key, another
day's ticket and a missing ticket get the same 404; an address that guesses keys gets 429.
These two routes are all the public listener serves.
"""

from __future__ import annotations

import json
import logging
import secrets
from collections.abc import AsyncGenerator
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request, status
from fastapi.responses import HTMLResponse, Response, StreamingResponse
from starlette.concurrency import run_in_threadpool
from starlette.types import Receive, Scope, Send

from server.api.context import AppContext, context
from server.api.models import error_responses
from server.db.status import TicketPage
from server.errors import NotFoundError
from server.status_page import ENDED, PageState, moved, render_main, render_page
from server.status_texts import TEXTS
from server.status_watch import PageFeed, StatusWatch
from shared.domain import TicketStatus
from shared.wire import TicketId, TicketStatusAnswer

log = logging.getLogger(__name__)
router = APIRouter()

Ctx = Annotated[AppContext, Depends(context)]
Key = Annotated[str, Query(min_length=1, max_length=128, pattern=r"^[A-Za-z0-9_.~-]+$")]
Lang = Annotated[str | None, Query(pattern=r"^[a-z]{2,3}$")]

_HEADERS = {
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
}


async def _read(ctx: AppContext, request: Request, ticket_id: int, key: str) -> TicketPage:
    """The ticket behind the key, read after any event that arrived meanwhile."""
    address = request.client.host if request.client else "?"
    guard = ctx.key_guard
    if guard is not None:
        guard.check(address)
    for _ in range(3):  # an event delivered during the read would be missed by the page
        seq = ctx.broadcaster.last_seq
        try:
            page = await run_in_threadpool(ctx.store.ticket_page, ticket_id, key)
        except NotFoundError:
            if guard is not None:
                guard.failed(address)
            raise
        if ctx.broadcaster.last_seq == seq:
            break
    return page


def _state(page: TicketPage) -> PageState:
    ticket = page.ticket
    return PageState(
        ticket_id=ticket.id,
        number=ticket.number,
        language=ticket.language,
        service_id=ticket.service_id,
        status=ticket.status,
        position=page.position,
        wait_minutes=page.wait_minutes,
        counter_id=ticket.counter_id,
        recalled=ticket.recalls > 0 and ticket.status is TicketStatus.CALLED,
    )


def _language(state: PageState, asked: str | None) -> str:
    if asked is not None and asked in TEXTS:
        return asked
    return state.language if state.language in TEXTS else "en"


def _html(ctx: AppContext, request: Request, state: PageState, lang: str, key: str) -> Response:
    base = request.url.path
    switch = {"key": key} | ({"lang": "de"} if lang != "de" else {})
    events = (
        "" if state.status in ENDED else f"{base}/events?{urlencode({'key': key, 'lang': lang})}"
    )
    nonce = secrets.token_urlsafe(12)
    page = render_page(
        state,
        ctx.site,
        lang=lang,
        switch_url=f"{base}?{urlencode(switch)}",
        events_url=events,
        refresh_seconds=ctx.status_refresh_seconds,
        nonce=nonce,
    )
    policy = (
        f"default-src 'none'; style-src 'nonce-{nonce}'; script-src 'nonce-{nonce}'; "
        "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    )
    return HTMLResponse(page, headers=_HEADERS | {"Content-Security-Policy": policy})


@router.get(
    "/tickets/{ticket_id}/status",
    responses=error_responses(404, 429) | {200: {"content": {"text/html": {}}}},
    response_model=TicketStatusAnswer,
)
async def ticket_status(
    ticket_id: Annotated[TicketId, Path()], key: Key, ctx: Ctx, request: Request, lang: Lang = None
) -> Response | TicketStatusAnswer:
    """Where a ticket stands, for whoever holds its key: JSON, or the page for a browser."""
    page = await _read(ctx, request, ticket_id, key)
    state = _state(page)
    if "text/html" in request.headers.get("accept", ""):
        return _html(ctx, request, state, _language(state, lang), key)
    counter = ctx.site.counters.get(state.counter_id or "")
    in_hand = state.status in {TicketStatus.CALLED, TicketStatus.SERVING}
    service = ctx.site.services.get(state.service_id)
    return TicketStatusAnswer(
        number=state.number,
        status=state.status,
        position=state.position,
        counter_name=counter.name if counter is not None and in_hand else None,
        service_name=service.name(state.language) if service else state.service_id,
    )


def _message(ctx: AppContext, state: PageState, lang: str, *, whole: bool, alert: bool) -> str:
    if not whole:
        return f"data: {moved(state, lang)}\n\n"
    body = {
        "html": render_main(state, ctx.site, lang),
        "status": state.status.value,
        "alert": alert,
        "end": state.status in ENDED,
    }
    return f"data: {json.dumps(body, ensure_ascii=False)}\n\n"


async def _events(
    ctx: AppContext, watch: StatusWatch, feed: PageFeed, first: PageState
) -> AsyncGenerator[str, None]:
    lang = feed.language
    try:
        yield "retry: 3000\n" + _message(ctx, first, lang, whole=True, alert=False)
        if first.status in ENDED:
            return
        while True:
            item = await feed.next(ctx.status_heartbeat_seconds)
            if item is None:
                if feed.closed:
                    return
                yield ": still here\n\n"
                continue
            state, whole, alert = item
            yield _message(ctx, state, lang, whole=whole, alert=alert)
            if state.status in ENDED:
                return
    finally:
        watch.close(feed)


class _PageStream(StreamingResponse):
    """A page's event stream that stops watching its ticket however the response ends.

    The generator's own `finally` runs only once the generator started; a phone that went
    away before (or a response never iterated to its end) must not leave its feed behind.
    """

    def __init__(
        self, watch: StatusWatch, feed: PageFeed, content: AsyncGenerator[str, None]
    ) -> None:
        super().__init__(
            content, media_type="text/event-stream", headers=_HEADERS | {"X-Accel-Buffering": "no"}
        )
        self._watch = watch
        self._feed = feed
        self._content = content

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            await super().__call__(scope, receive, send)
        finally:
            self._watch.close(self._feed)
            await self._content.aclose()  # now, not when the garbage collector finds it


@router.get("/tickets/{ticket_id}/status/events", responses=error_responses(404, 429))
async def ticket_events(
    ticket_id: Annotated[TicketId, Path()], key: Key, ctx: Ctx, request: Request, lang: Lang = None
) -> StreamingResponse:
    """The status page's live stream (server-sent events): the page's changes as they happen."""
    watch = ctx.status_watch
    if watch is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "no live status pages here")
    state = _state(await _read(ctx, request, ticket_id, key))
    language = _language(state, lang)
    feed = watch.open(state, language)  # no await until the response holds it
    return _PageStream(watch, feed, _events(ctx, watch, feed, state))
