"""The largest request body the hub reads: 64 KB of JSON, 2 MB for the appointments CSV.

A pure ASGI middleware in front of everything, so an over-long body is refused (413, JSON)
before any of it is parsed, whether the client announced its length or streams it chunked.
"""

from __future__ import annotations

import json

from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

MAX_BODY_BYTES = 64 * 1024
"""The largest JSON body (the largest valid one is under 2 KB)."""
MAX_CSV_BYTES = 2_000_000
"""The largest appointments CSV."""
_LARGE_BODY_PATHS = {"/api/v1/appointments/import": MAX_CSV_BYTES}


class _TooLargeError(HTTPException):
    """The body outgrew its limit while it was being read (answered by the app's handler)."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, _detail(limit))


def _detail(limit: int) -> str:
    return f"the request body is larger than {limit} bytes"


class BodyLimit:
    """Answer 413 (JSON) to a request whose body is larger than its path allows."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass the request on with a counting `receive`; refuse it when it grows too large."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = _LARGE_BODY_PATHS.get(scope["path"], MAX_BODY_BYTES)
        declared = Headers(scope=scope).get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            await _refuse(send, limit)
            return
        received = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise _TooLargeError(limit)
            return message

        async def watching_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counting_receive, watching_send)
        except _TooLargeError:
            if started:
                raise
            await _refuse(send, limit)


async def _refuse(send: Send, limit: int) -> None:
    body = json.dumps({"detail": _detail(limit)}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
