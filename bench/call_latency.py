"""Call latency: from a clerk's `call-next` until the last of N displays has the call.

Starts the real hub as a subprocess (`aufruf server --port 0`) on a fresh SQLite file (or a
fresh schema of a PostgreSQL database), pairs the displays (one token each, as in an office)
and a kiosk, logs in one clerk session per counter through the `Store` on the same database
before the start, and issues the tickets. Then N display sockets subscribe to the public
stream and M counters call, start and finish over HTTP. For each call it measures the time
from sending the request to the moment the LAST subscriber received that call's
`public.call` (matched by ticket number), and the call's HTTP round trip. Bounded in count and
time; stops by itself. Set-up: `latency_setup.py`; sockets and desks: `latency_clients.py`.

Run: .venv/bin/python bench/call_latency.py [--subscribers 200] [--counters 4] [--calls 400]
     [--pause 0] [--client raw] [--desk raw] [--display-tokens 1]
     [--database-url postgresql://postgres@127.0.0.1:5432/test]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
from latency_clients import RawDesk, Tally, desk, open_raw, open_subscribers, raw_desk, subscriber
from latency_setup import (
    SERVICES,
    Setup,
    cpu_seconds,
    drop_schema,
    own_cpu_seconds,
    pin,
    prepare,
    profiler,
    start_hub,
)

Calls = list[tuple[str, float, float]]


class Desks:
    """The clerks' PCs: one keep-alive connection each (httpx or `RawDesk`), kept between runs."""

    def __init__(self, base: str, setup: Setup, kind: str) -> None:
        self.tokens = setup.clerk_tokens
        url = httpx.URL(base)
        self.raw = [RawDesk(url.host, url.port or 80, "/api/v1", t) for t in self.tokens]
        limits = httpx.Limits(max_connections=1)
        self.httpx = [
            httpx.AsyncClient(base_url=f"{base}/api/v1", timeout=30, limits=limits)
            for _ in self.tokens
        ]
        self.kind = kind

    async def run(self, counts: list[int], pause: float, jitter: float = 0.0) -> list[Calls]:
        """Desk k runs `counts[k]` cycles (call, start, finish), all desks at once."""
        if self.kind == "raw":
            return await asyncio.gather(
                *(
                    raw_desk(d, f"c{k}", counts[k], pause, jitter=jitter)
                    for k, d in enumerate(self.raw)
                )
            )
        return await asyncio.gather(
            *(
                desk(c, f"c{k}", self.tokens[k], counts[k], pause, jitter=jitter)
                for k, c in enumerate(self.httpx)
            )
        )

    async def close(self) -> None:
        """Close every connection."""
        await asyncio.gather(*(d.close() for d in self.raw), *(c.aclose() for c in self.httpx))


async def run_load(
    base: str,
    setup: Setup,
    args: argparse.Namespace,
    hub_pid: int,
    spies: list[subprocess.Popen[bytes]] | None = None,
) -> Tally:
    """Subscribe, call, and wait until every call reached every subscriber (or time is up).

    With `--profile`, py-spy samples the hub during the measured phase only (appended to
    `spies`, which the caller stops): not the sockets' and pages' set-up.
    """
    tally = Tally(args.subscribers)
    ws_url = base.replace("http://", "ws://") + "/api/v1/events?since=0"
    sockets, raw = [], []
    tokens = setup.display_tokens
    if args.client == "raw":
        raw = await open_raw(ws_url, tokens, args.subscribers, tally)
    else:
        sockets = await open_subscribers(ws_url, tokens, args.subscribers)
    readers = [asyncio.create_task(subscriber(ws, tally)) for ws in sockets]
    # One uncounted cycle per desk first: the hub's first request on a route is slow (lazy
    # compilation and caches) and would otherwise be the p99 of a short run.
    desks = Desks(base, setup, args.desk)
    await desks.run([1] * args.counters, 0.0)
    # The load generator's own full collections (20-40 ms with 200 sockets' buffers) would
    # stamp arrivals late; the measured phase is bounded, so it runs without them.
    gc.collect()
    gc.freeze()
    gc.disable()
    if args.profile and spies is not None:
        spies.append(profiler(hub_pid, args.profile))
    began, hub_cpu, own_cpu = time.perf_counter(), cpu_seconds(hub_pid), own_cpu_seconds()
    share, extra = divmod(args.calls, args.counters)
    try:
        counts = [share + (k < extra) for k in range(args.counters)]
        results = await desks.run(counts, args.pause, args.pause_jitter)
    finally:
        gc.enable()
        await desks.close()
    for calls in results:
        for number, start, end in calls:
            tally.sent[number] = start
            tally.round_trips.append(end - start)
            tally.trip_of[number] = end - start
    tally.elapsed = time.perf_counter() - began
    tally.hub_cpu = cpu_seconds(hub_pid) - hub_cpu
    tally.own_cpu = own_cpu_seconds() - own_cpu
    tally.expected = len(tally.sent)
    if not tally.all_in():
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(tally.complete.wait(), args.drain_timeout)
    tally.settle()
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


def to_last(tally: Tally) -> tuple[list[float], list[float]]:
    """Per call that reached every subscriber: call -> last, and first -> last (seconds)."""
    latencies, spreads = [], []
    for number, sent in tally.sent.items():
        seen = tally.arrivals.get(number, [])
        if len(seen) >= tally.subscribers:
            latencies.append(max(seen) - sent)
            spreads.append(max(seen) - min(seen))
    return latencies, spreads


def report(tally: Tally, args: argparse.Namespace, backend: str, displays: int) -> str:
    """The benchmark's printout."""
    latencies, spreads = to_last(tally)
    incomplete = len(tally.sent) - len(latencies)
    calls = max(1, len(tally.sent))
    rate = len(tally.sent) / tally.elapsed if tally.elapsed else 0.0
    head = (
        f"call latency: {args.subscribers} subscribers, {args.counters} counters, "
        f"{len(tally.sent)} calls, pause {args.pause} s"
        + (f" + up to {args.pause_jitter} s" if args.pause_jitter else "")
        + f", {backend}, {displays} display tokens, "
        f"{args.client} sockets, {args.desk} desks, "
        f"nproc {os.cpu_count()} "
        + (
            "(hub pinned to CPU 0, load generator to CPU 1)"
            if args.pin
            else "(load generator and hub share the machine)"
        )
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
    lines.append(slowest(tally))
    return "\n".join(lines)


def slowest(tally: Tally, count: int = 5) -> str:
    """The slowest call-next round trips and when they were sent (wall clock, UTC), to hold
    against the hub's log (housekeeping rounds and the like)."""
    offset = time.time() - time.perf_counter()
    trips = sorted(((trip, tally.sent[n]) for n, trip in tally.trip_of.items()), reverse=True)
    cells = ", ".join(
        f"{1000 * trip:.0f} ms at {time.strftime('%H:%M:%S', time.gmtime(offset + sent))}"
        for trip, sent in trips[:count]
    )
    return f"slowest round trips: {cells or 'none'}"


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The benchmark's options."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--subscribers", type=int, default=200, help="display sockets")
    parser.add_argument("--counters", type=int, default=4, choices=range(1, len(SERVICES) + 1))
    parser.add_argument("--calls", type=int, default=400, help="calls in all (at most 900)")
    parser.add_argument("--pause", type=float, default=0.0, help="seconds a desk waits per call")
    parser.add_argument(
        "--pause-jitter",
        type=float,
        default=0.0,
        help="plus up to this many seconds (uniform, seeded): calls meet periodic work anywhere",
    )
    parser.add_argument(
        "--client",
        choices=("websockets", "raw"),
        default="websockets",
        help="display sockets: the websockets library, or a minimal reader (less client CPU)",
    )
    parser.add_argument(
        "--desk",
        choices=("httpx", "raw"),
        default="httpx",
        help="counters: httpx, or a minimal HTTP/1.1 client (less client CPU)",
    )
    parser.add_argument(
        "--display-tokens",
        type=int,
        default=0,
        help="paired displays the sockets share (default 0: one token per socket, as in an office)",
    )
    parser.add_argument(
        "--pin",
        action="store_true",
        help="hub on CPU 0, load generator on CPU 1 (Linux): the generator takes no hub CPU",
    )
    parser.add_argument("--database-url", default=None, help="default: SQLite in a temp dir")
    parser.add_argument("--drain-timeout", type=float, default=10.0, help="seconds")
    parser.add_argument(
        "--profile",
        type=Path,
        default=None,
        help="py-spy the hub during the measured phase: .svg or raw stacks",
    )
    parser.add_argument("--timeout", type=float, default=600.0, help="the whole run, seconds")
    args = parser.parse_args(argv)
    if not 1 <= args.calls <= 900 * args.counters or args.subscribers < 1:
        parser.error("need 1..900 calls per counter and at least one subscriber")
    if not 0 <= args.display_tokens <= args.subscribers:
        parser.error("--display-tokens: 0 (one per socket) up to the number of subscribers")
    return args


def main(argv: list[str] | None = None) -> int:
    """Prepare, start the hub, run the load, print the figures, stop the hub."""
    args = parse_args(argv)
    backend = "postgresql" if args.database_url else "sqlite"
    displays = args.display_tokens or args.subscribers
    with tempfile.TemporaryDirectory(prefix="aufruf-bench-") as tmp:
        workdir = Path(tmp)
        tickets = args.calls + 2 * args.counters  # round robin: share + warm-up + 1 spare
        setup = prepare(workdir, args.counters, tickets, args.database_url, displays)
        hub, base = start_hub(setup, workdir / "hub.log")
        if args.pin:
            pin(hub.pid, {0})
            pin(os.getpid(), {1})
        spies: list[subprocess.Popen[bytes]] = []
        try:
            tally = asyncio.run(
                asyncio.wait_for(run_load(base, setup, args, hub.pid, spies), args.timeout)
            )
        finally:
            for spy in spies:
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
        print(report(tally, args, backend, displays))
    return 0


if __name__ == "__main__":
    sys.exit(main())
