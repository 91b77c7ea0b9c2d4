"""The hub forgets a status page as soon as its phone is gone; a quiet page hears a keep-alive."""

from __future__ import annotations

import asyncio
import json
import socket
import struct
import time
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from server.app import ServerOptions
from tests.status.hub import StatusHub, start_status_hub


def _request(hub: StatusHub, path: str) -> socket.socket:
    """A raw connection that asked for the page's stream."""
    url = urlsplit(hub.public)
    events = path.replace("/status?", "/status/events?")
    conn = socket.create_connection((url.hostname or "127.0.0.1", url.port or 80), timeout=10)
    conn.sendall(f"GET {events} HTTP/1.1\r\nHost: {url.netloc}\r\nAccept: */*\r\n\r\n".encode())
    return conn


def _pages_when_settled(hub: StatusHub, wanted: int, limit: float = 20.0) -> int:
    """The open page count once it is `wanted` (or after `limit` seconds: what it is then)."""
    deadline = time.monotonic() + limit
    while hub.watch.page_count != wanted and time.monotonic() < deadline:
        time.sleep(0.05)  # polls a condition; not a fixed wait
    return hub.watch.page_count


def test_pages_whose_phone_left_before_or_during_the_stream_are_forgotten(
    status_hub: StatusHub,
) -> None:
    tickets = [status_hub.issue() for _ in range(3)]
    for _ in range(20):  # gone before the hub could start the stream
        for _, _, path in tickets:
            conn = _request(status_hub, path)
            conn.shutdown(socket.SHUT_RDWR)
            conn.close()
    reading = []
    for _, _, path in tickets:  # gone once the stream runs
        conn = _request(status_hub, path)
        assert conn.recv(4096).startswith(b"HTTP/1.1 200 ")
        reading.append(conn)
    assert _pages_when_settled(status_hub, len(reading)) == len(reading)
    for k, conn in enumerate(reading):
        if k % 2:  # a phone that vanished: reset, no goodbye
            conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        conn.close()
    assert _pages_when_settled(status_hub, 0) == 0
    with httpx.Client(
        base_url=status_hub.public, timeout=10
    ) as phone:  # the hub serves on: a new page opens
        _, _, path = tickets[0]
        with phone.stream("GET", path.replace("/status?", "/status/events?")) as stream:
            assert stream.status_code == 200
            assert _pages_when_settled(status_hub, 1) == 1
    assert _pages_when_settled(status_hub, 0) == 0


def test_every_open_page_learns_its_new_place_when_many_move(status_hub: StatusHub) -> None:
    """More pages than one batch, calls while a tick is under way: all end at their place."""
    tickets = [status_hub.issue() for _ in range(35)]
    status_hub.act("open", "/counters/c5/open")
    url = urlsplit(status_hub.public)
    places: dict[int, str] = {}

    async def phone(tid: int, path: str, done: asyncio.Event) -> None:
        reader, writer = await asyncio.open_connection(url.hostname, url.port)
        events = path.replace("/status?", "/status/events?")
        writer.write(f"GET {events} HTTP/1.1\r\nHost: {url.netloc}\r\n\r\n".encode())
        try:
            while not done.is_set() and (line := await reader.readline()):
                if line.startswith(b"data: "):
                    body = json.loads(line.removeprefix(b"data: "))
                    if "place" in body:
                        places[tid] = body["place"]
                    elif 'id="pl">' in body.get("html", ""):
                        places[tid] = body["html"].split('id="pl">', 1)[1].split("<", 1)[0]
        finally:
            writer.close()

    async def scenario() -> None:
        done = asyncio.Event()
        phones = [asyncio.create_task(phone(t, p, done)) for t, _, p in tickets[3:]]
        while status_hub.watch.page_count < len(phones):
            await asyncio.sleep(0.02)  # polls a condition
        for tid, _, _ in tickets[:3]:  # the first three, in turn: every page moves up three
            await asyncio.to_thread(status_hub.act, "call", "/counters/c5/call-next")
            await asyncio.to_thread(status_hub.act, "start", f"/tickets/{tid}/start")
            await asyncio.to_thread(status_hub.act, "finish", f"/tickets/{tid}/finish")
        want = {tid: str(k + 1) for k, (tid, _, _) in enumerate(tickets[3:])}
        deadline = time.monotonic() + 20
        while places != want and time.monotonic() < deadline:
            await asyncio.sleep(0.05)  # polls a condition
        done.set()
        for task in phones:
            task.cancel()
        await asyncio.gather(*phones, return_exceptions=True)
        assert places == want

    asyncio.run(scenario())


def test_a_quiet_page_hears_its_own_heartbeat_not_the_displays(tmp_path: Path) -> None:
    """The pages' keep-alive has its own period: here 0.3 s, the displays' streams 60 s."""
    options = ServerOptions(heartbeat_seconds=60.0, status_heartbeat_seconds=0.3)
    hub = start_status_hub(tmp_path, options)
    try:
        _, _, path = hub.issue()
        seen = b""
        with _request(hub, path) as conn:
            conn.settimeout(10)  # the displays' 60 s would run into this
            while seen.count(b": still here\n\n") < 2:
                chunk = conn.recv(4096)
                assert chunk, f"the stream ended: {seen!r}"
                seen += chunk
        assert seen.startswith(b"HTTP/1.1 200 ")
        assert seen.count(b"data: ") == 1  # the page itself; nothing moved
    finally:
        hub.stop()
