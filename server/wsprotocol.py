"""uvicorn's websockets-sansio protocol, made to answer every upgrade it refuses.

uvicorn (0.54) writes what the `websockets` state machine has to send only after that machine
reports an event. When `websockets` refuses an upgrade while parsing it (a header line over
8 KB, more than 128 headers, a request line over 8 KB) it queues its 431/414 answer and
reports no event, so the answer is never written and the connection stays open in silence
(`docs/websocket-431.py` reproduces it). `HubWebSocketProtocol` writes that answer
(its status, with a JSON body like every other refusal of the hub) and closes the
connection. It also marks a handshake answered by a denial response (`websocket.http.response`,
how the hub refuses a token or a parameter) as complete: uvicorn does not, and logs "ASGI
callable returned without completing handshake." at ERROR for every such refusal (upstream:
Kludex/uvicorn pull request 3138). Everything
else is uvicorn's, so the fan-out keeps its fast path (measured
against wsproto in docs/performance.md). uvicorn 0.55 answers such a refusal itself
(`handle_handshake_exception`), as websockets' plain text; the hub's answer stays JSON there
too, so both versions answer alike.

One more thing is the hub's own: a text message to an open connection without extensions
is written as a frame built once per text (`text_frame`), not once per connection. The
broadcaster hands the same text to every display, and websockets' `send_text` (encode,
frame, serialize, join) was a third of the Python each display costs a call's fan-out
(docs/performance.md). The bytes are websockets' own serialization; a connection that
negotiated permessage-deflate, is closing, or is paused for flow control takes uvicorn's path.
The same write is offered to the app without a coroutine (`send_text_now`, in the scope's
extensions), so the broadcaster's fan-out writes to every waiting display itself
(`Subscription.sink`) instead of waking one task per display.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Mapping
from typing import Any

from uvicorn._types import ASGISendEvent
from uvicorn.protocols.websockets.websockets_sansio_impl import WebSocketsSansIOProtocol
from websockets.frames import Frame, Opcode
from websockets.http11 import Request
from websockets.protocol import State

log = logging.getLogger(__name__)

_BAD_REQUEST = b"HTTP/1.1 400 Bad Request"


def _answer(status_line: bytes, reason: str) -> bytes:
    body = json.dumps({"detail": f"WebSocket upgrade refused: {reason}"[:300]}).encode()
    head = b"content-type: application/json\r\ncontent-length: %d\r\nconnection: close" % len(body)
    return status_line + b"\r\n" + head + b"\r\n\r\n" + body


SEND_NOW = "aufruf.send_text_now"
"""The ASGI scope's extension under which the hub's protocol offers `send_text_now`."""


def send_text_now(scope: Mapping[str, Any]) -> Callable[[str], bool] | None:
    """The connection's synchronous text writer (the hub's protocol only; None elsewhere)."""
    extensions = scope.get("extensions") or {}
    offered = extensions.get(SEND_NOW)
    writer = offered.get("send") if isinstance(offered, dict) else None
    return writer if callable(writer) else None


_FRAMES: dict[str, bytes] = {}
FRAMES_KEPT = 16
"""Texts whose frames are kept: the fan-out of one event sends one text to every display."""


def text_frame(text: str) -> bytes:
    """A server's unmasked, unfragmented text frame of `text` (websockets' serialization)."""
    frame = _FRAMES.get(text)
    if frame is None:
        frame = Frame(Opcode.TEXT, text.encode()).serialize(mask=False, extensions=[])
        if len(_FRAMES) >= FRAMES_KEPT:
            _FRAMES.clear()
        _FRAMES[text] = frame
    return frame


class HubWebSocketProtocol(WebSocketsSansIOProtocol):
    """websockets-sansio that sends and closes on a refusal made while parsing the request."""

    def data_received(self, data: bytes) -> None:
        """Feed the state machine; if it refused the request before any event, answer now."""
        super().data_received(data)
        if (
            self.handshake_initiated
            or self.conn.handshake_exc is None
            or self.transport.is_closing()
        ):
            return
        self._refuse()

    def handle_connect(self, event: Request) -> None:
        """uvicorn's, and the scope offers `send_text_now` to the app (`SEND_NOW`)."""
        super().handle_connect(event)
        scope: Any = getattr(self, "scope", None)  # absent when the upgrade was refused
        if scope is not None:
            scope["extensions"][SEND_NOW] = {"send": self.send_text_now}

    def handle_handshake_exception(self) -> None:
        """uvicorn >= 0.55: the refused request is answered here, in JSON like the hub's."""
        self.handshake_complete = True
        self.close_sent = True
        self._refuse()

    def _refuse(self) -> None:
        queued = b"".join(self.conn.data_to_send())  # websockets' own text answer, if any
        status_line = queued.split(b"\r\n", 1)[0] if queued.startswith(b"HTTP/") else _BAD_REQUEST
        reason = str(self.conn.handshake_exc)
        log.info("refused a WebSocket upgrade: %s", reason)
        self.transport.write(_answer(status_line, reason))
        self.transport.close()

    def _plain(self) -> bool:
        """Open, accepted, writable, and no extension that would change a frame's bytes."""
        return (
            self.handshake_complete
            and not self.close_sent
            and self.initial_response is None
            and not self.disconnected
            and self.writable.is_set()
            and self.conn.state is State.OPEN
            and not self.conn.expect_continuation_frame
            and not self.conn.extensions
        )

    def send_text_now(self, text: str) -> bool:
        """Write a text message now, as a shared frame, if the connection is plain (`_plain`);
        False (nothing written) otherwise: the caller sends it the awaited way."""
        if not self._plain():
            return False
        self.transport.write(text_frame(text))
        return True

    async def send(self, message: ASGISendEvent) -> None:
        """Send as uvicorn does; a text on a plain open connection goes as a shared frame; a
        denial response's last body part completes the handshake."""
        if message["type"] == "websocket.send":
            text = message.get("text")
            if text is not None and self.send_text_now(text):
                return
        await super().send(message)
        if message["type"] == "websocket.http.response.body" and not message.get("more_body"):
            self.handshake_complete = True
