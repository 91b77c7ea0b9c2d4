"""A WebSocket handshake over a raw socket: exactly the bytes we choose, and what comes back."""

from __future__ import annotations

import contextlib
import socket
import time
from dataclasses import dataclass

KEY_HEADERS = (
    "Connection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\n"
    "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
)


@dataclass(frozen=True)
class Answer:
    """What the hub sent back to a handshake, and whether it then closed the connection."""

    status: int | None
    """None: no status line arrived in time (the hub never answered)."""
    headers: dict[str, str]
    body: bytes
    closed: bool
    """The hub closed the connection (for a refusal: within the timeout)."""


def request_text(target: str, extra: str = "", *, method: str = "GET") -> bytes:
    """A handshake request for `target` with the usual upgrade headers plus `extra` lines."""
    return f"{method} {target} HTTP/1.1\r\nHost: hub\r\n{KEY_HEADERS}{extra}\r\n".encode(
        "utf-8", "surrogateescape"
    )


def handshake(port: int, request: bytes, timeout: float = 10.0) -> Answer:
    """Send `request`; read the answer, and for a refusal wait until the hub closes."""
    deadline = time.monotonic() + timeout
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        with contextlib.suppress(OSError):  # the hub may answer and close before reading all
            sock.sendall(request)
        data = b""
        closed = False
        while time.monotonic() < deadline:
            sock.settimeout(max(0.01, deadline - time.monotonic()))
            try:
                chunk = sock.recv(65536)
            except TimeoutError:
                break
            except ConnectionResetError:
                closed = True
                break
            if not chunk:
                closed = True
                break
            data += chunk
            if data.startswith(b"HTTP/1.1 101") and b"\r\n\r\n" in data:
                break
    return _parse(data, closed)


def _parse(data: bytes, closed: bool) -> Answer:
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    parts = lines[0].split(" ")
    status = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return Answer(status, headers, body, closed)
