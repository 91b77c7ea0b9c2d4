"""Minimal reproduction of two uvicorn websockets-sansio bugs (uvicorn 0.54, websockets 17.4).

1. An upgrade request with a header line over 8 KB (or over 128 headers, or a request line
   over 8 KB) is never answered: `websockets` queues its 431/414 response while parsing, but
   reports no event, and `WebSocketsSansIOProtocol.data_received` writes `data_to_send()` only
   from its event handlers. The connection stays open with nothing sent; uvicorn even logs
   "HTTP response sent (431 …)". `--ws websockets` (legacy) and `--ws wsproto` answer.
2. A handshake refused with a denial response (`websocket.http.response.start/body`) is sent
   correctly, but `handshake_complete` is never set, so uvicorn logs
   "ASGI callable returned without completing handshake." at ERROR for every refusal.

Run: python docs/websocket-431.py [websockets-sansio|websockets|wsproto]
Needs only uvicorn and websockets (wsproto for that choice); talks to 127.0.0.1 only.
"""

from __future__ import annotations

import logging
import socket
import sys
import threading
import time
from typing import Any

import uvicorn

UPGRADE = (
    "GET /ws HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n"
    "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
)


async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
    """Refuse every WebSocket with a 401 denial response."""
    if scope["type"] != "websocket":
        return
    await receive()
    await send({"type": "websocket.http.response.start", "status": 401, "headers": []})
    await send({"type": "websocket.http.response.body", "body": b"no"})


def ask(port: int, extra: str) -> str:
    """Send an upgrade with `extra` header lines; what came back within 3 s."""
    with socket.create_connection(("127.0.0.1", port), timeout=3) as sock:
        sock.sendall((UPGRADE + extra + "\r\n").encode())
        data = b""
        try:
            while chunk := sock.recv(65536):
                data += chunk
        except TimeoutError:
            return f"NO ANSWER within 3 s ({len(data)} bytes)"
    return data.split(b"\r\n", 1)[0].decode() + " (then closed)"


def main() -> None:
    """Serve `app` with the chosen implementation and try both cases."""
    logging.basicConfig(level=logging.INFO, format="    log: %(levelname)s %(message)s")
    ws = sys.argv[1] if len(sys.argv) > 1 else "websockets-sansio"
    server = uvicorn.Server(uvicorn.Config(app, port=0, ws=ws, log_config=None))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    port = server.servers[0].sockets[0].getsockname()[1]
    print(f"{ws}: a 9 KB header ->", ask(port, f"X-Big: {'a' * 9000}\r\n"))
    print(f"{ws}: an ordinary upgrade the app refuses ->", ask(port, ""))
    time.sleep(0.2)
    server.should_exit = True


if __name__ == "__main__":
    main()
