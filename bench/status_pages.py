"""Status pages under load: N open phone pages (live streams) while the lone-call run goes on.

Prepares the same office as `call_latency.py` (`latency_setup.prepare`, one counter), opens
`--pages` server-sent event streams of waiting tickets' status pages (the first tickets in the
queue, so every called ticket has an open page), then runs `call_latency.run_load` (200
display sockets, one desk calling every ~0.5 s). Prints the call latency to the last display
and, for each called ticket, the time from the call request to its page's call message.

Run: .venv/bin/python bench/status_pages.py [--pages 500] [call_latency options, e.g.
     --calls 300 --counters 1 --pause 0.5 --client raw --desk raw;
     --profile hub.txt: py-spy on the hub during the calls;
     --latencies FILE: append the calls' latencies, to pool several runs' p99]
"""

from __future__ import annotations

import argparse
import asyncio
import bisect
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from call_latency import figures, parse_args, report, run_load, to_last
from latency_clients import Tally
from latency_setup import pin, prepare, start_hub
from sqlalchemy import select

from server.db.models import TicketRow
from server.store import create_engine_for

DEFAULTS = ["--calls", "300", "--counters", "1", "--pause", "0.5", "--client", "raw"]
DEFAULTS += ["--desk", "raw"]


@dataclass
class Pages:
    """The open pages: when each ticket's page got its call, and how many got anything."""

    called_at: dict[str, float] = field(default_factory=dict)
    moved_at: list[float] = field(default_factory=list)
    """When each "queue moved" message (place and wait) arrived."""
    opened: int = 0
    messages: int = 0
    failed: int = 0


def keys(database_url: str | None, workdir: Path, count: int) -> list[tuple[int, str, str]]:
    """The first `count` tickets in queue order: (id, number, status key)."""
    engine = create_engine_for(database_url, workdir)
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                select(TicketRow.id, TicketRow.number, TicketRow.status_key)
                .order_by(TicketRow.id)
                .limit(count)
            )
            return [(int(i), str(n), str(k)) for i, n, k in rows]
    finally:
        engine.dispose()


async def page(base: str, ticket: tuple[int, str, str], pages: Pages, ready: asyncio.Event) -> None:
    """One phone: open the page's stream and note when its call arrives."""
    url = urlsplit(base)
    tid, number, key = ticket
    try:
        reader, writer = await asyncio.open_connection(url.hostname, url.port)
    except OSError:
        pages.failed += 1
        return
    path = f"/api/v1/tickets/{tid}/status/events?key={key}"
    writer.write(f"GET {path} HTTP/1.1\r\nHost: {url.netloc}\r\nAccept: */*\r\n\r\n".encode())
    try:
        status = await reader.readline()
        if b" 200 " not in status:
            pages.failed += 1
            return
        pages.opened += 1
        ready.set()
        while line := await reader.readline():
            if line.startswith(b"data: "):
                pages.messages += 1
                if line.startswith(b'data: {"place"'):
                    pages.moved_at.append(time.perf_counter())
                if b'"alert": true' in line and number not in pages.called_at:
                    pages.called_at[number] = time.perf_counter()
                    body = json.loads(line.split(b"data: ", 1)[1])
                    assert body["status"] == "called"  # a wrong message is a bug
    except (OSError, asyncio.IncompleteReadError):
        pass
    finally:
        writer.close()


async def run(
    base: str,
    tickets: list[tuple[int, str, str]],
    args: argparse.Namespace,
    hub_pid: int,
    spies: list[subprocess.Popen[bytes]],
) -> tuple[Tally, Pages]:
    """Open the pages (a few at a time), then the lone-call run; close the pages."""
    pages = Pages()
    tasks = []
    for start in range(0, len(tickets), 50):
        ready = asyncio.Event()
        tasks += [
            asyncio.create_task(page(base, t, pages, ready)) for t in tickets[start : start + 50]
        ]
        await asyncio.sleep(0.2)  # a phone's page load is spread out too
    deadline = time.monotonic() + 60
    while pages.opened + pages.failed < len(tickets) and time.monotonic() < deadline:
        await asyncio.sleep(0.1)
    tally = await run_load(base, args.setup, args, hub_pid, spies)
    await asyncio.sleep(1.0)  # the last calls' pages
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    return tally, pages


def overlap(tally: Tally, pages: Pages) -> list[str]:
    """Calls whose way to the last display overlapped "queue moved" messages, and the others.

    Both groups run on the same box at the same time, so the neighbours' load falls on both;
    a gap between them is what the pages' updates cost the displays' call.
    """
    moved = sorted(pages.moved_at)
    during: list[float] = []
    apart: list[float] = []
    for number, sent in tally.sent.items():
        seen = tally.arrivals.get(number, [])
        if len(seen) < tally.subscribers:
            continue
        last = max(seen)
        first_moved = bisect.bisect_left(moved, sent)
        busy = first_moved < len(moved) and moved[first_moved] <= last
        (during if busy else apart).append(last - sent)
    return [
        figures("  ... while pages got moves ", during),
        figures("  ... with no page message  ", apart),
    ]


def main(argv: list[str] | None = None) -> int:
    """Prepare, start the hub, open the pages, run the calls, print both figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--pages", type=int, default=500, help="open status pages")
    parser.add_argument("--hub-log", type=Path, help="keep the hub's log here")
    parser.add_argument(
        "--latencies",
        type=Path,
        help="append each call's latency to the last display (ms, a line each), to pool runs",
    )
    own, rest = parser.parse_known_args(argv)
    args = parse_args(DEFAULTS + rest)
    with tempfile.TemporaryDirectory(prefix="aufruf-bench-pages-") as tmp:
        workdir = Path(tmp)
        count = max(own.pages, args.calls + 2 * args.counters)
        setup = prepare(workdir, args.counters, count, args.database_url, args.subscribers)
        args.setup = setup
        tickets = keys(setup.database_url, workdir, own.pages)
        hub, base = start_hub(setup, workdir / "hub.log")
        if args.pin:  # the hub on CPU 0; the displays, pages and desk (this process) on CPU 1
            pin(hub.pid, {0})
            pin(os.getpid(), {1})
        spies: list[subprocess.Popen[bytes]] = []  # py-spy, started for the measured phase
        load = os.getloadavg()
        try:
            tally, pages = asyncio.run(
                asyncio.wait_for(run(base, tickets, args, hub.pid, spies), args.timeout)
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
            if own.hub_log is not None:
                shutil.copyfile(workdir / "hub.log", own.hub_log)
        after = os.getloadavg()
    backend = "postgresql" if args.database_url else "sqlite"
    print(report(tally, args, backend, args.subscribers))
    print("\n".join(overlap(tally, pages)))
    if own.latencies is not None:
        with own.latencies.open("a") as out:
            out.writelines(f"{1000 * s:.3f}\n" for s in to_last(tally)[0])
    learned = [pages.called_at[n] - sent for n, sent in tally.sent.items() if n in pages.called_at]
    missing = len(tally.sent) - len(learned)
    print(f"status pages: {pages.opened} open, {pages.failed} refused, {pages.messages} messages")
    print(figures("call -> its page (ms)       ", learned))
    if missing:
        print(f"pages that never learned of their call: {missing}")
    print(
        f"load average at start {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}, "
        f"at end {after[0]:.1f} {after[1]:.1f} {after[2]:.1f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
