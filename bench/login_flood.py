"""Login flood: the hub's memory and call latency while many callers send wrong passwords.

Starts the real hub (`aufruf server --port 0`) on a fresh SQLite file (or PostgreSQL schema),
with D display sockets on the public stream and one clerk. Phase 1 (quiet): the clerk calls,
starts and finishes N tickets, one every `--pause` s; for each call the time until the last
display has it. Phase 2 (flood): the same while F connections send wrong logins back to back
(half for the real user `clerk`, half for made-up names), without a token, as fast as the hub
answers, from `--addresses` loopback source addresses (127.0.1.1 …; one per attacker by
default, so a per-address limit alone does not stop them). The hub's RSS is sampled every
20 ms (and its peak, VmHWM, read at the end).

Bounded in count and time; every connection goes to 127.0.0.1 only; stops by itself.
To measure another version of the hub (e.g. before a change), point PYTHONPATH at its source
tree: the hub process and this script's set-up then import that `server` package.

Run: .venv/bin/python bench/login_flood.py [--attackers 200] [--displays 50] [--calls 40]
     [--pause 0.5] [--database-url postgresql+psycopg://postgres@127.0.0.1:5432/test]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import tempfile
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from call_latency import figures
from latency_clients import RawDesk, Tally, open_raw, raw_desk
from latency_setup import Setup, drop_schema, prepare, start_hub

import server

SOURCE = Path(server.__file__).resolve().parents[1]
"""The source tree of the `server` package in use (PYTHONPATH picks another one)."""


def rss_mb(pid: int, field_name: str = "VmRSS") -> float:
    """A memory figure of a process from /proc (MB)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field_name + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


@dataclass
class Flood:
    """What the attackers got back, and the hub's memory meanwhile."""

    answers: Counter[int] = field(default_factory=Counter)
    errors: int = 0
    rss: list[float] = field(default_factory=list)
    stop: asyncio.Event = field(default_factory=asyncio.Event)


async def attacker(host: str, port: int, number: int, source: str, flood: Flood) -> None:
    """One connection from `source` (a loopback address) that sends wrong logins, keep-alive,
    until told to stop."""
    reader: asyncio.StreamReader | None = None
    writer: asyncio.StreamWriter | None = None
    sent = 0
    while not flood.stop.is_set():
        name = "clerk" if number % 2 == 0 else f"nobody-{number}-{sent}"
        body = json.dumps({"username": name, "password": uuid.uuid4().hex}).encode()
        request = (
            f"POST /api/v1/sessions HTTP/1.1\r\nHost: {host}\r\ncontent-type: application/json"
            f"\r\ncontent-length: {len(body)}\r\n\r\n"
        ).encode() + body
        try:
            if writer is None:
                reader, writer = await asyncio.open_connection(host, port, local_addr=(source, 0))
            assert reader is not None
            writer.write(request)
            head = await reader.readuntil(b"\r\n\r\n")
            status = int(head.split(b" ", 2)[1])
            length = next(
                int(line.split(b":")[1])
                for line in head.split(b"\r\n")
                if line.lower().startswith(b"content-length:")
            )
            await reader.readexactly(length)
            flood.answers[status] += 1
            if b"connection: close" in head.lower():
                writer.close()
                writer = None
        except (OSError, asyncio.IncompleteReadError, ValueError, StopIteration):
            flood.errors += 1
            if writer is not None:
                writer.close()
            writer = None
            await asyncio.sleep(0.05)
        sent += 1
    if writer is not None:
        writer.close()


async def sample_memory(pid: int, flood: Flood) -> None:
    """The hub's RSS every 20 ms until the flood stops."""
    while not flood.stop.is_set():
        flood.rss.append(rss_mb(pid))
        await asyncio.sleep(0.02)


async def calls(base: str, setup: Setup, count: int, pause: float, tally: Tally) -> None:
    """`count` call-start-finish cycles at counter c0 (each one in `tally` as it is done)."""
    url = httpx.URL(base)
    desk = RawDesk(url.host, url.port or 80, "/api/v1", setup.clerk_tokens[0])
    try:
        for _ in range(count):
            for number, start, end in await raw_desk(desk, "c0", 1, 0.0):
                tally.sent[number] = start
                tally.round_trips.append(end - start)
            await asyncio.sleep(pause)
    finally:
        await desk.close()


def source(number: int, args: argparse.Namespace) -> str:
    """Attacker `number`'s source address: one of `args.addresses` in 127.0.1.0/24 … ."""
    k = number % args.addresses
    return f"127.0.{1 + k // 250}.{1 + k % 250}"


def latencies(tally: Tally) -> list[float]:
    """Per call: from sending call-next to the last display having it."""
    return [
        max(tally.arrivals[n]) - sent
        for n, sent in tally.sent.items()
        if len(tally.arrivals.get(n, ())) == tally.subscribers
    ]


async def phase(
    base: str, setup: Setup, args: argparse.Namespace, pid: int, attackers: int
) -> list[str]:
    """One measured phase: displays subscribe, the clerk calls, `attackers` flood meanwhile."""
    tally = Tally(args.displays)
    ws_url = base.replace("http://", "ws://") + "/api/v1/events?since=0"
    transports = await open_raw(ws_url, setup.display_tokens, args.displays, tally)
    flood = Flood()
    url = httpx.URL(base)
    before = rss_mb(pid)
    tasks = [asyncio.create_task(sample_memory(pid, flood))]
    tasks += [
        asyncio.create_task(attacker(url.host, url.port or 80, k, source(k, args), flood))
        for k in range(attackers)
    ]
    if attackers:
        await asyncio.sleep(2.0)  # the flood is on before the first call
    began = time.perf_counter()
    outcome = "done"
    try:
        await asyncio.wait_for(calls(base, setup, args.calls, args.pause, tally), args.timeout)
        tally.expected = len(tally.sent)
        if not tally.all_in():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(tally.complete.wait(), 10)
    except TimeoutError:
        outcome = f"TIMED OUT after {args.timeout:.0f} s"
    finally:
        took = time.perf_counter() - began
        flood.stop.set()
        await asyncio.gather(*tasks, return_exceptions=True)
        for transport in transports:
            transport.close()
    reached = len(latencies(tally))
    label = f"{attackers} attackers" if attackers else "quiet"
    logins = ", ".join(f"{status}: {n}" for status, n in sorted(flood.answers.items()))
    return [
        (
            f"-- {label}: {len(tally.sent)} of {args.calls} calls in {took:.1f} s ({outcome}), "
            f"{reached} reached all {args.displays} displays"
        ),
        (
            f"hub RSS (MB): before {before:.0f}, peak while measured {max(flood.rss):.0f}, "
            f"after {rss_mb(pid):.0f}"
        ),
        figures("call -> last display (ms)", latencies(tally)),
        figures("call-next round trip (ms)", tally.round_trips),
        f"login answers: {logins or 'none'}; connection errors {flood.errors}"
        if attackers
        else "login answers: none (no flood)",
    ]


async def bench(args: argparse.Namespace, workdir: Path) -> list[str]:
    """Prepare, start the hub, run the quiet and the flood phase."""
    setup = prepare(workdir, 1, 2 * args.calls + 4, args.database_url, displays=args.displays)
    hub, base = start_hub(setup, workdir / "hub.log")
    lines = [
        (
            f"login flood: {args.attackers} attackers from {args.addresses} addresses, "
            f"{args.displays} displays, {args.calls} calls per phase, pause {args.pause} s, "
            f"{'postgresql' if args.database_url else 'sqlite'}; hub source: {SOURCE}"
        )
    ]
    try:
        lines += await phase(base, setup, args, hub.pid, 0)
        lines += await phase(base, setup, args, hub.pid, args.attackers)
        lines.append(f"hub peak RSS over the whole run (VmHWM): {rss_mb(hub.pid, 'VmHWM'):.0f} MB")
    finally:
        hub.terminate()
        hub.wait(10)
        if setup.schema and setup.database_url:
            drop_schema(setup.database_url, setup.schema)
    problems = [
        line
        for line in (workdir / "hub.log").read_text(errors="replace").splitlines()
        if " ERROR " in line or "Traceback" in line
    ]
    lines.append(
        f"hub log: {len(problems)} errors/tracebacks" + (f": {problems[0]}" if problems else "")
    )
    return lines


def main(argv: list[str] | None = None) -> None:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--attackers", type=int, default=200, help="concurrent connections")
    parser.add_argument(
        "--addresses", type=int, default=200, help="loopback source addresses they come from"
    )
    parser.add_argument("--displays", type=int, default=50, help="display sockets")
    parser.add_argument("--calls", type=int, default=40, help="calls per phase (at most 400)")
    parser.add_argument("--pause", type=float, default=0.5, help="seconds between calls")
    parser.add_argument("--database-url", default=None, help="default: SQLite in a temp dir")
    parser.add_argument("--timeout", type=float, default=120.0, help="a phase's limit, seconds")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="aufruf-flood-") as tmp:
        print("\n".join(asyncio.run(bench(args, Path(tmp)))))


if __name__ == "__main__":
    main()
