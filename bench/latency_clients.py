"""The call-latency benchmark's load: display sockets that stamp arrivals, desks that call.

Two kinds of each. Display sockets: the `websockets` client, or `RawSubscriber`, a minimal
reader that stamps each TCP read on arrival. Desks: `httpx`, or `RawDesk`, a minimal
HTTP/1.1 keep-alive client that stamps the call when its bytes go to the socket. The raw
kinds keep the load generator's own Python out of the figures as far as possible: on a
2-core machine it shares the CPU with the hub. Both desks send each step with an
``Idempotency-Key`` of its own, as the counter app does (one key per click), so the hub
takes its real path: the step and the keeping of its answer in one transaction.
"""

from __future__ import annotations

import asyncio
import base64
import json
import os
import random
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import partial

import httpx
from websockets.asyncio.client import ClientConnection, connect


def new_key() -> str:
    """A step's ``Idempotency-Key``: a fresh one per click, as the counter app makes it."""
    return uuid.uuid4().hex


@dataclass
class Tally:
    """What the load generator saw: send times, round trips and arrivals per ticket number."""

    subscribers: int
    sent: dict[str, float] = field(default_factory=dict)
    round_trips: list[float] = field(default_factory=list)
    trip_of: dict[str, float] = field(default_factory=dict)
    """Each call's round trip by ticket number."""
    arrivals: dict[str, list[float]] = field(default_factory=dict)
    complete: asyncio.Event = field(default_factory=asyncio.Event)
    expected: int = 0
    elapsed: float = 0.0
    hub_cpu: float = 0.0
    own_cpu: float = 0.0

    frames: dict[bytes, list[float]] = field(default_factory=dict)
    """Arrival times by the call frame's bytes (the hub sends every display the same text)."""

    def arrived(self, number: str, at: float) -> None:
        """One subscriber received the call of `number` at `at`."""
        seen = self.arrivals.setdefault(number, [])
        seen.append(at)
        if len(seen) == self.subscribers and self.expected and self.all_in():
            self.complete.set()

    def arrived_frame(self, payload: bytes, at: float) -> None:
        """One subscriber received the call frame `payload` at `at`.

        The frame is parsed once, when its last subscriber has it: parsing it on every socket
        (~4 µs of JSON each) would stamp the 200th display ~1 ms late in this one process.
        """
        seen = self.frames.setdefault(payload, [])
        seen.append(at)
        if len(seen) == self.subscribers:
            self.arrived_all(payload, seen)

    def arrived_all(self, payload: bytes, seen: list[float]) -> None:
        """File a frame every subscriber has; the run may be complete now."""
        self._file(payload, seen)
        if self.expected and self.all_in():
            self.complete.set()

    def settle(self) -> None:
        """File the frames that did not reach every subscriber (after the run)."""
        for payload, seen in self.frames.items():
            if len(seen) < self.subscribers:
                self._file(payload, seen)
        self.frames.clear()

    def _file(self, payload: bytes, seen: list[float]) -> None:
        """A frame's arrivals under its ticket number."""
        self.arrivals.setdefault(json.loads(payload)["number"], []).extend(seen)

    def all_in(self) -> bool:
        """Whether every call sent so far reached every subscriber."""
        done = sum(1 for n in self.sent if len(self.arrivals.get(n, ())) == self.subscribers)
        return done >= self.expected


async def subscriber(ws: ClientConnection, tally: Tally) -> None:
    """Record when each `public.call` arrives (time first, parsing after)."""
    async for frame in ws:
        at = time.perf_counter()
        if '"public.call"' in frame:
            tally.arrived(json.loads(frame)["number"], at)


async def desk(
    client: httpx.AsyncClient,
    counter: str,
    token: str,
    calls: int,
    pause: float,
    *,
    jitter: float = 0.0,
) -> list[tuple[str, float, float]]:
    """Call, start and finish `calls` tickets; (number, sent, answered) per call.

    Between cycles the desk waits `pause` plus up to `jitter` seconds (uniform, seeded). Each
    step goes out with an ``Idempotency-Key`` of its own, as the counter app sends it.
    """
    rng = random.Random(counter)  # the same pauses in every run
    auth = {"Authorization": f"Bearer {token}"}
    done: list[tuple[str, float, float]] = []
    for _ in range(calls):
        keyed = auth | {"Idempotency-Key": new_key()}
        start = time.perf_counter()
        answer = await client.post(f"/counters/{counter}/call-next", headers=keyed)
        end = time.perf_counter()
        if answer.status_code == 204:
            break
        answer.raise_for_status()
        ticket = answer.json()["ticket"]
        done.append((ticket["number"], start, end))
        for step in ("start", "finish"):
            keyed = auth | {"Idempotency-Key": new_key()}
            (await client.post(f"/tickets/{ticket['id']}/{step}", headers=keyed)).raise_for_status()
        if pause or jitter:
            await asyncio.sleep(pause + rng.uniform(0.0, jitter))
    return done


async def open_subscribers(
    ws_url: str, tokens: Sequence[str], count: int
) -> list[ClientConnection]:
    """Open `count` display sockets (socket k uses token k mod len) and read each snapshot."""
    sockets: list[ClientConnection] = []
    for start in range(0, count, 50):  # in batches: the hub's accept backlog is finite
        batch = [
            connect(
                ws_url,
                additional_headers={"Authorization": f"Bearer {tokens[k % len(tokens)]}"},
                compression=None,
                open_timeout=30,
            )
            for k in range(start, min(count, start + 50))
        ]
        sockets += await asyncio.gather(*batch)
    await asyncio.gather(*(ws.recv() for ws in sockets))
    return sockets


class RawSubscriber(asyncio.Protocol):
    """A minimal WebSocket reader (handshake, unmasked server frames, pong): low client CPU.

    It stamps each TCP read as it arrives, so the figures show the hub, not the cost of a
    full client library running 200 connections in one Python process.
    """

    def __init__(self, url: httpx.URL, token: str, tally: Tally) -> None:
        self.url, self.token, self.tally = url, token, tally
        self.ready: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self.transport: asyncio.Transport | None = None
        self.buffer = b""
        self.upgraded = False

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        """Send the upgrade request."""
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport
        key = base64.b64encode(os.urandom(16)).decode()
        target = self.url.raw_path.decode()
        transport.write(
            f"GET {target} HTTP/1.1\r\nHost: {self.url.host}:{self.url.port}\r\n"
            f"Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
            f"Sec-WebSocket-Version: 13\r\nAuthorization: Bearer {self.token}\r\n\r\n".encode()
        )

    def data_received(self, data: bytes) -> None:
        """Stamp, then split the bytes into frames."""
        at = time.perf_counter()
        self.buffer += data
        if not self.upgraded:
            head, found, rest = self.buffer.partition(b"\r\n\r\n")
            if not found:
                return
            if not head.startswith(b"HTTP/1.1 101"):
                self.ready.set_exception(RuntimeError(head.decode(errors="replace")))
                return
            self.upgraded, self.buffer = True, rest
        while (frame := self._next_frame()) is not None:
            self._on_frame(*frame, at)

    def _next_frame(self) -> tuple[int, bytes] | None:
        buf = self.buffer
        if len(buf) < 2:
            return None
        size, start = buf[1] & 0x7F, 2
        if size >= 126:
            start = 4 if size == 126 else 10
            if len(buf) < start:
                return None
            size = int.from_bytes(buf[2:start], "big")
        if len(buf) < start + size:
            return None
        self.buffer = buf[start + size :]
        return buf[0] & 0x0F, buf[start : start + size]

    def _on_frame(self, opcode: int, payload: bytes, at: float) -> None:
        if opcode == 0x9 and self.transport is not None:  # ping: a masked pong (mask 0)
            self.transport.write(bytes([0x8A, 0x80 | len(payload)]) + bytes(4) + payload)
        elif opcode == 0x1:
            if not self.ready.done():
                self.ready.set_result(None)  # the snapshot
            elif b'"public.call"' in payload:
                self.tally.arrived_frame(payload, at)

    def connection_lost(self, exc: Exception | None) -> None:
        """Fail a handshake that never finished."""
        if not self.ready.done():
            self.ready.set_exception(exc or ConnectionError("closed during the handshake"))


async def open_raw(
    ws_url: str, tokens: Sequence[str], count: int, tally: Tally
) -> list[asyncio.Transport]:
    """Open `count` raw display sockets (token k mod len) and wait for each one's snapshot."""
    loop, url = asyncio.get_running_loop(), httpx.URL(ws_url)
    transports: list[asyncio.Transport] = []
    for start in range(0, count, 50):
        opened = await asyncio.gather(
            *(
                loop.create_connection(
                    partial(RawSubscriber, url, tokens[k % len(tokens)], tally),
                    url.host,
                    url.port or 80,
                )
                for k in range(start, min(count, start + 50))
            )
        )
        await asyncio.wait_for(asyncio.gather(*(p.ready for _, p in opened)), 30)
        transports += [t for t, _ in opened]
    return transports


class RawDesk:
    """A clerk's PC as a minimal HTTP/1.1 client on one keep-alive connection.

    `httpx` spends ~1-2 ms of Python on each side of a request; on a 2-core machine shared with
    the hub that is part of every figure. This writes the request bytes and reads the answer
    by `Content-Length`, nothing else; the call is stamped when its bytes go to the socket.
    Each request carries an ``Idempotency-Key``, as the counter app's steps do.
    """

    def __init__(self, host: str, port: int, prefix: str, token: str) -> None:
        self.host, self.port, self.prefix = host, port, prefix
        self.head = f"Host: {host}:{port}\r\nAuthorization: Bearer {token}\r\n"
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def post(self, path: str, key: str | None = None) -> tuple[int, bytes, float]:
        """POST with an empty body: (status, body, time the request was written).

        `key` goes out as ``Idempotency-Key``; None: a fresh one (a click of its own).
        """
        if self.writer is None or self.reader is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        head = f"{self.head}Idempotency-Key: {key or new_key()}\r\n"
        request = f"POST {self.prefix}{path} HTTP/1.1\r\n{head}Content-Length: 0\r\n\r\n"
        sent = time.perf_counter()
        self.writer.write(request.encode())
        head = await self.reader.readuntil(b"\r\n\r\n")
        status_line, *fields = head.decode("latin-1").split("\r\n")
        status = int(status_line.split(" ", 2)[1])
        length = 0
        for line in fields:
            name, _, value = line.partition(":")
            if name.strip().lower() == "content-length":
                length = int(value)
        body = await self.reader.readexactly(length) if length else b""
        return status, body, sent

    async def close(self) -> None:
        """Close the connection."""
        if self.writer is not None:
            self.writer.close()
            await self.writer.wait_closed()


async def raw_desk(
    client: RawDesk, counter: str, calls: int, pause: float, *, jitter: float = 0.0
) -> list[tuple[str, float, float]]:
    """`desk` over a `RawDesk`: call, start and finish `calls` tickets."""
    rng = random.Random(counter)  # the same pauses in every run
    done: list[tuple[str, float, float]] = []
    for _ in range(calls):
        status, body, start = await client.post(f"/counters/{counter}/call-next")
        end = time.perf_counter()
        if status == 204:
            break
        if status != 200:
            raise RuntimeError(f"call-next answered {status}: {body[:200]!r}")
        ticket = json.loads(body)["ticket"]
        done.append((ticket["number"], start, end))
        for step in ("start", "finish"):
            status, body, _ = await client.post(f"/tickets/{ticket['id']}/{step}")
            if status != 200:
                raise RuntimeError(f"{step} answered {status}: {body[:200]!r}")
        if pause or jitter:
            await asyncio.sleep(pause + rng.uniform(0.0, jitter))
    return done
