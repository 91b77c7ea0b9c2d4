"""Call latency: from a clerk's `call-next` until the last of N displays has the call.

Starts the real hub as a subprocess (`aufruf server --port 0`) on a fresh SQLite file (or a
fresh schema of a PostgreSQL database), pairs a display and a kiosk and logs in one clerk
session per counter through the `Store` on the same database before the start, and issues
the tickets. Then N display sockets subscribe to the public stream and M counters call,
start and finish over HTTP. For each call it measures the time from sending the request to
the moment the LAST subscriber received that call's `public.call` (matched by ticket
number), and the call's HTTP round trip. Bounded in count and time; stops by itself.

Run: .venv/bin/python bench/call_latency.py [--subscribers 200] [--counters 4] [--calls 400]
     [--pause 0] [--database-url postgresql://postgres@127.0.0.1:5432/test]
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import contextlib
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import psycopg
from websockets.asyncio.client import ClientConnection, connect

from server.store import Store, create_engine_for, migrate
from shared.clock import SystemClock
from shared.config import parse_config
from shared.domain import CounterState, DeviceRole, UserRole

AUFRUF = Path(sys.executable).with_name("aufruf")
LISTENING = re.compile(r"Aufruf listening on (http://\S+)")
PASSWORD = "bench-password"  # a throwaway account in a throwaway database
SERVICES = "ABCDEFGH"  # one service per counter: numbers stay unique and A001..A999 suffice


def site_toml(counters: int, data_dir: Path) -> str:
    """A site with one service and one counter per desk, no zeroconf, no kiosk limit."""
    parts = [
        f"""[site]
id = "bench"
name = "Benchmark office"
timezone = "Europe/Berlin"
languages = ["de", "en"]

[server]
data_dir = {json.dumps(str(data_dir))}
zeroconf = false
tickets_per_minute_per_kiosk = 10000
"""
    ]
    parts.extend(
        f"""[[services]]
id = "s{k}"
letter = "{SERVICES[k]}"
names = {{ de = "Anliegen {k}", en = "Concern {k}" }}
expected_minutes = 5

[[counters]]
id = "c{k}"
name = "Schalter {k + 1}"
location = "Raum {k + 1}"
services = {{ s{k} = 10 }}
"""
        for k in range(counters)
    )
    return "\n".join(parts)


@dataclass(frozen=True)
class Setup:
    """The prepared database and what the load generator needs to use it."""

    config_path: Path
    database_url: str | None
    display_token: str
    clerk_tokens: tuple[str, ...]
    schema: str | None = None


def fresh_schema(url: str) -> tuple[str, str]:
    """Create a throwaway schema on PostgreSQL; the URL that uses it and its name."""
    raw = url.replace("+psycopg", "")
    schema = f"bench_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(raw, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    separator = "&" if "?" in url else "?"
    return f"{url}{separator}options=-csearch_path%3D{schema}", schema


def drop_schema(url: str, schema: str) -> None:
    """Remove the throwaway schema."""
    with psycopg.connect(url.replace("+psycopg", ""), autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


def prepare(workdir: Path, counters: int, tickets: int, database_url: str | None) -> Setup:
    """Write the site file, pair the devices, log in the clerks, open counters, issue tickets."""
    config_path = workdir / "office.toml"
    config_path.write_text(site_toml(counters, workdir), encoding="utf-8")
    config = parse_config(config_path.read_text(encoding="utf-8"), str(config_path))
    schema = None
    if database_url is not None and database_url.startswith("postgres"):
        database_url, schema = fresh_schema(database_url)
    engine = create_engine_for(database_url, workdir)
    try:
        migrate(engine)
        store = Store(engine, config.to_site(), SystemClock())
        display_token = store.add_device("wall", DeviceRole.DISPLAY)[1]
        kiosk = store.add_device("kiosk", DeviceRole.KIOSK)[0]
        store.add_user("clerk", PASSWORD, UserRole.CLERK, "Clerk")
        clerk_tokens = tuple(store.login("clerk", PASSWORD)[1] for _ in range(counters))
        for k in range(counters):
            store.set_counter_state(f"c{k}", CounterState.OPEN, "clerk")
        for n in range(tickets):
            store.issue_ticket(
                service_id=f"s{n % counters}",
                language="de",
                idempotency_key=uuid.uuid4().hex,
                issuer_id=kiosk.id,
            )
    finally:
        engine.dispose()
    return Setup(config_path, database_url, display_token, clerk_tokens, schema)


def start_hub(
    setup: Setup, log_path: Path, timeout: float = 30.0
) -> tuple[subprocess.Popen[bytes], str]:
    """Start `aufruf server --port 0`; return the process and its base URL once it listens."""
    command = [str(AUFRUF), "server", "--config", str(setup.config_path), "--host", "127.0.0.1"]
    command += ["--port", "0"]
    if setup.database_url is not None:
        command += ["--database-url", setup.database_url]
    with log_path.open("wb") as log_file:
        hub = subprocess.Popen(command, stdout=log_file, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and hub.poll() is None:
        found = LISTENING.search(log_path.read_text(encoding="utf-8", errors="replace"))
        if found:
            return hub, found.group(1)
        time.sleep(0.05)
    hub.kill()
    raise RuntimeError(f"the hub did not start:\n{log_path.read_text(errors='replace')}")


@dataclass
class Tally:
    """What the load generator saw: send times, round trips and arrivals per ticket number."""

    subscribers: int
    sent: dict[str, float] = field(default_factory=dict)
    round_trips: list[float] = field(default_factory=list)
    arrivals: dict[str, list[float]] = field(default_factory=dict)
    complete: asyncio.Event = field(default_factory=asyncio.Event)
    expected: int = 0
    elapsed: float = 0.0
    hub_cpu: float = 0.0
    own_cpu: float = 0.0

    def arrived(self, number: str, at: float) -> None:
        """One subscriber received the call of `number` at `at`."""
        seen = self.arrivals.setdefault(number, [])
        seen.append(at)
        if len(seen) == self.subscribers and self.expected and self.all_in():
            self.complete.set()

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
    client: httpx.AsyncClient, counter: str, token: str, calls: int, pause: float
) -> list[tuple[str, float, float]]:
    """Call, start and finish `calls` tickets; (number, sent, answered) per call."""
    auth = {"Authorization": f"Bearer {token}"}
    done: list[tuple[str, float, float]] = []
    for _ in range(calls):
        start = time.perf_counter()
        answer = await client.post(f"/counters/{counter}/call-next", headers=auth)
        end = time.perf_counter()
        if answer.status_code == 204:
            break
        answer.raise_for_status()
        ticket = answer.json()["ticket"]
        done.append((ticket["number"], start, end))
        for step in ("start", "finish"):
            (await client.post(f"/tickets/{ticket['id']}/{step}", headers=auth)).raise_for_status()
        if pause:
            await asyncio.sleep(pause)
    return done


async def open_subscribers(ws_url: str, token: str, count: int) -> list[ClientConnection]:
    """Open `count` display sockets and read each one's first frame (the snapshot)."""
    headers = {"Authorization": f"Bearer {token}"}
    sockets: list[ClientConnection] = []
    for start in range(0, count, 50):  # in batches: the hub's accept backlog is finite
        batch = [
            connect(ws_url, additional_headers=headers, compression=None, open_timeout=30)
            for _ in range(start, min(count, start + 50))
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
                self.tally.arrived(json.loads(payload)["number"], at)

    def connection_lost(self, exc: Exception | None) -> None:
        """Fail a handshake that never finished."""
        if not self.ready.done():
            self.ready.set_exception(exc or ConnectionError("closed during the handshake"))


async def open_raw(ws_url: str, token: str, count: int, tally: Tally) -> list[asyncio.Transport]:
    """Open `count` raw display sockets and wait for each one's snapshot."""
    loop, url = asyncio.get_running_loop(), httpx.URL(ws_url)
    transports: list[asyncio.Transport] = []
    for start in range(0, count, 50):
        opened = await asyncio.gather(
            *(
                loop.create_connection(
                    lambda: RawSubscriber(url, token, tally), url.host, url.port or 80
                )
                for _ in range(start, min(count, start + 50))
            )
        )
        await asyncio.wait_for(asyncio.gather(*(p.ready for _, p in opened)), 30)
        transports += [t for t, _ in opened]
    return transports


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process (Linux /proc; 0 elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def own_cpu_seconds() -> float:
    """User + system CPU time of this process."""
    times = os.times()
    return times.user + times.system


async def run_load(base: str, setup: Setup, args: argparse.Namespace, hub_pid: int) -> Tally:
    """Subscribe, call, and wait until every call reached every subscriber (or time is up)."""
    tally = Tally(args.subscribers)
    ws_url = base.replace("http://", "ws://") + "/api/v1/events?since=0"
    sockets, raw = [], []
    if args.client == "raw":
        raw = await open_raw(ws_url, setup.display_token, args.subscribers, tally)
    else:
        sockets = await open_subscribers(ws_url, setup.display_token, args.subscribers)
    readers = [asyncio.create_task(subscriber(ws, tally)) for ws in sockets]
    share, extra = divmod(args.calls, args.counters)
    limits = httpx.Limits(max_connections=1)
    clients = [
        httpx.AsyncClient(base_url=f"{base}/api/v1", timeout=30, limits=limits)
        for _ in setup.clerk_tokens
    ]
    desks = list(enumerate(zip(clients, setup.clerk_tokens, strict=True)))
    # One uncounted cycle per desk first: the hub's first request on a route is slow (lazy
    # compilation and caches) and would otherwise be the p99 of a short run.
    await asyncio.gather(*(desk(c, f"c{k}", token, 1, 0) for k, (c, token) in desks))
    began, hub_cpu, own_cpu = time.perf_counter(), cpu_seconds(hub_pid), own_cpu_seconds()
    results = await asyncio.gather(
        *(
            desk(client, f"c{k}", token, share + (k < extra), args.pause)
            for k, (client, token) in desks
        )
    )
    for calls in results:
        for number, start, end in calls:
            tally.sent[number] = start
            tally.round_trips.append(end - start)
    tally.elapsed = time.perf_counter() - began
    tally.hub_cpu = cpu_seconds(hub_pid) - hub_cpu
    tally.own_cpu = own_cpu_seconds() - own_cpu
    tally.expected = len(tally.sent)
    if not tally.all_in():
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(tally.complete.wait(), args.drain_timeout)
    for client in clients:
        await client.aclose()
    for reader in readers:
        reader.cancel()
    await asyncio.gather(*(ws.close() for ws in sockets), return_exceptions=True)
    for transport in raw:
        transport.close()
    return tally


def percentile(values: list[float], q: float) -> float:
    """The nearest-rank percentile `q` (0..100) of `values`."""
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(q / 100 * len(ordered) + 0.5) - 1))
    return ordered[rank]


def figures(label: str, seconds: list[float]) -> str:
    """One line: p50/p95/p99/max in milliseconds."""
    ms = [s * 1000 for s in seconds]
    if not ms:
        return f"{label}: no data"
    cells = "  ".join(f"p{q} {percentile(ms, q):6.1f}" for q in (50, 95, 99))
    return f"{label}: {cells}  max {max(ms):6.1f}  (n={len(ms)})"


def report(tally: Tally, args: argparse.Namespace, backend: str) -> str:
    """The benchmark's printout."""
    latencies, spreads = [], []
    incomplete = 0
    for number, sent in tally.sent.items():
        seen = tally.arrivals.get(number, [])
        if len(seen) < tally.subscribers:
            incomplete += 1
            continue
        latencies.append(max(seen) - sent)
        spreads.append(max(seen) - min(seen))
    calls = max(1, len(tally.sent))
    rate = len(tally.sent) / tally.elapsed if tally.elapsed else 0.0
    head = (
        f"call latency: {args.subscribers} subscribers, {args.counters} counters, "
        f"{len(tally.sent)} calls, pause {args.pause} s, {backend}, {args.client} client, "
        f"nproc {os.cpu_count()} (load generator and hub share the machine)"
    )
    lines = [
        head,
        figures("call -> last subscriber (ms)", latencies),
        figures("first -> last subscriber  ", spreads),
        figures("call-next round trip (ms) ", tally.round_trips),
        f"calls/s: {rate:.1f} (each call also starts and finishes its ticket)",
        (
            f"CPU ms per call: hub {1000 * tally.hub_cpu / calls:.1f}, "
            f"load generator {1000 * tally.own_cpu / calls:.1f}"
        ),
    ]
    if incomplete:
        lines.append(f"incomplete: {incomplete} calls did not reach every subscriber in time")
    return "\n".join(lines)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The benchmark's options."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--subscribers", type=int, default=200, help="display sockets")
    parser.add_argument("--counters", type=int, default=4, choices=range(1, len(SERVICES) + 1))
    parser.add_argument("--calls", type=int, default=400, help="calls in all (at most 900)")
    parser.add_argument("--pause", type=float, default=0.0, help="seconds a desk waits per call")
    parser.add_argument(
        "--client",
        choices=("websockets", "raw"),
        default="websockets",
        help="display sockets: the websockets library, or a minimal reader (less client CPU)",
    )
    parser.add_argument("--database-url", default=None, help="default: SQLite in a temp dir")
    parser.add_argument("--drain-timeout", type=float, default=10.0, help="seconds")
    parser.add_argument(
        "--profile", type=Path, default=None, help="py-spy the hub: .svg or raw stacks"
    )
    parser.add_argument("--timeout", type=float, default=600.0, help="the whole run, seconds")
    args = parser.parse_args(argv)
    if not 1 <= args.calls <= 900 * args.counters or args.subscribers < 1:
        parser.error("need 1..900 calls per counter and at least one subscriber")
    return args


def profiler(pid: int, out: Path) -> subprocess.Popen[bytes]:
    """Sample the hub with py-spy (installed separately): SVG flame graph or raw stacks."""
    spy = Path(sys.executable).with_name("py-spy")
    kind = "flamegraph" if out.suffix == ".svg" else "raw"
    command = [str(spy), "record", "--pid", str(pid), "--output", str(out), "--format", kind]
    return subprocess.Popen([*command, "--rate", "250", "--threads", "--nonblocking"])


def main(argv: list[str] | None = None) -> int:
    """Prepare, start the hub, run the load, print the figures, stop the hub."""
    args = parse_args(argv)
    backend = "postgresql" if args.database_url else "sqlite"
    with tempfile.TemporaryDirectory(prefix="aufruf-bench-") as tmp:
        workdir = Path(tmp)
        tickets = args.calls + 2 * args.counters  # round robin: share + warm-up + 1 spare
        setup = prepare(workdir, args.counters, tickets, args.database_url)
        hub, base = start_hub(setup, workdir / "hub.log")
        spy = profiler(hub.pid, args.profile) if args.profile else None
        try:
            tally = asyncio.run(
                asyncio.wait_for(run_load(base, setup, args, hub.pid), args.timeout)
            )
        finally:
            if spy is not None:
                spy.send_signal(signal.SIGINT)
                spy.wait(60)
            hub.terminate()
            try:
                hub.wait(10)
            except subprocess.TimeoutExpired:
                hub.kill()
                hub.wait()
            if setup.schema is not None and args.database_url is not None:
                drop_schema(args.database_url, setup.schema)
        print(report(tally, args, backend))
    return 0


if __name__ == "__main__":
    sys.exit(main())
