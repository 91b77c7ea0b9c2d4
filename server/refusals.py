"""How the hub refuses: every error is a JSON answer under 500 that can always be written.

FastAPI's own 422 answer echoes the caller's input, and an input of a lone surrogate or a
non-finite number cannot be written as JSON, so that answer became a 500 with a traceback.
These handlers never echo input: they name where (the location) and what (pydantic's
message and type), and every string they send is made writable first (`printable`).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from fastapi import FastAPI, Request, WebSocket
from fastapi.exceptions import RequestValidationError, WebSocketRequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect
from starlette.status import HTTP_400_BAD_REQUEST, HTTP_422_UNPROCESSABLE_CONTENT

from shared.text import MAX_SHOWN, printable

log = logging.getLogger(__name__)
__all__ = ["MAX_SHOWN", "deny", "install", "printable", "problems"]

MAX_ERRORS = 20
"""The most validation errors one answer lists."""
_NO_BODY = frozenset({204, 304})


def _location_part(part: object) -> str | int:
    if isinstance(part, int) and not isinstance(part, bool):
        return part
    return printable(str(part), 64)


def problems(errors: Sequence[Any]) -> list[dict[str, Any]]:
    """Pydantic's errors without the input: type, location and message of each."""
    return [
        {
            "type": printable(str(error.get("type", "invalid")), 64),
            "loc": [_location_part(part) for part in error.get("loc", ())][:10],
            "msg": printable(str(error.get("msg", "invalid value"))),
        }
        for error in list(errors)[:MAX_ERRORS]
    ]


async def invalid_request(_: Request, exc: Exception) -> JSONResponse:
    """422 for a body, path or query that does not match the schema (input not echoed)."""
    assert isinstance(exc, RequestValidationError)
    return JSONResponse({"detail": problems(exc.errors())}, HTTP_422_UNPROCESSABLE_CONTENT)


async def invalid_stream(websocket: WebSocket, exc: Exception) -> None:
    """400 (as the handshake's HTTP answer) for a stream parameter that does not validate."""
    assert isinstance(exc, WebSocketRequestValidationError)
    details = problems(exc.errors())
    await deny(websocket, HTTP_400_BAD_REQUEST, details)


async def deny(websocket: WebSocket, status_code: int, detail: str | list[dict[str, Any]]) -> None:
    """Refuse a WebSocket handshake with an HTTP status and a JSON body."""
    body = {"detail": printable(detail) if isinstance(detail, str) else detail}
    if "websocket.http.response" in websocket.scope.get("extensions", {}):
        await websocket.send_denial_response(JSONResponse(body, status_code))
    else:  # a server without denial responses: the reason goes into the close frame
        await websocket.close(code=1008, reason=printable(str(body["detail"]), 100))


async def http_error(_: Request, exc: Exception) -> Response:
    """An `HTTPException` as JSON, its detail made writable, its headers kept."""
    assert isinstance(exc, HTTPException)
    headers = dict(exc.headers) if exc.headers else None
    if exc.status_code in _NO_BODY:
        return Response(status_code=exc.status_code, headers=headers)
    detail = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
    return JSONResponse({"detail": printable(detail)}, exc.status_code, headers=headers)


async def client_gone(request: Request, _: Exception) -> JSONResponse:
    """The client closed its connection before its request was read: nothing was done.

    (A counter PC shut down in the middle of a step, a phone that lost its network.) Not a
    bug: one INFO line, no traceback; the answer goes nowhere but keeps uvicorn content.
    """
    log.info(
        "%s %s: the client went away before its request was read; nothing done",
        request.method,
        request.url.path,
    )
    return JSONResponse({"detail": "the request was not read to its end"}, HTTP_400_BAD_REQUEST)


async def crash(request: Request, exc: Exception) -> JSONResponse:
    """The last resort: a bug still answers in JSON (uvicorn logs the traceback)."""
    log.error("%s %s failed: %s", request.method, request.url.path, type(exc).__name__)
    return JSONResponse({"detail": "internal error; the hub's log has the details"}, 500)


def install(app: FastAPI) -> None:
    """Make these the app's answers to invalid requests, HTTP errors and bugs."""
    app.add_exception_handler(RequestValidationError, invalid_request)
    app.add_exception_handler(WebSocketRequestValidationError, invalid_stream)
    app.add_exception_handler(HTTPException, http_error)
    app.add_exception_handler(ClientDisconnect, client_gone)
    app.add_exception_handler(Exception, crash)
