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
"""

from __future__ import annotations

import json
import logging

from uvicorn._types import ASGISendEvent
from uvicorn.protocols.websockets.websockets_sansio_impl import WebSocketsSansIOProtocol

log = logging.getLogger(__name__)

_BAD_REQUEST = b"HTTP/1.1 400 Bad Request"


def _answer(status_line: bytes, reason: str) -> bytes:
    body = json.dumps({"detail": f"WebSocket upgrade refused: {reason}"[:300]}).encode()
    head = b"content-type: application/json\r\ncontent-length: %d\r\nconnection: close" % len(body)
    return status_line + b"\r\n" + head + b"\r\n\r\n" + body


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

    async def send(self, message: ASGISendEvent) -> None:
        """Send as uvicorn does; a denial response's last body part completes the handshake."""
        await super().send(message)
        if message["type"] == "websocket.http.response.body" and not message.get("more_body"):
            self.handshake_complete = True
