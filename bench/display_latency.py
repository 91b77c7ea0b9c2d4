"""Display latency: from a clerk's call request until the call is painted by a real display.

Starts the real hub (`aufruf server`, as `call_latency.py` does: `latency_setup.py`) and a real
display process (`python -m display.qt.main --windowed --stamp-paints FILE`, Qt offscreen,
paired through its token file), attaches N other display sockets (minimal raw readers) and
lets desks call over HTTP. The display stamps each paint of its calls board with
`time.perf_counter()` (CLOCK_MONOTONIC, shared by every process on the machine); a call's
latency is its first paint with that number on the board (large or in the history: the
desks finish each ticket right after calling it, so a clear can come before the paint) minus
the moment the request was written.

Then, optionally: the display idles (`--idle` seconds: its CPU share and RSS, sampled from
/proc), and a compressed soak (`--soak` recalls of the called tickets as fast as the hub
answers: each one is a new call on the board; RSS after the first 10 % against the end).

Run: .venv/bin/python bench/display_latency.py [--subscribers 200] [--calls 200]
     [--pause 0.05] [--idle 600] [--soak 10000]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from call_latency import figures
from latency_clients import RawDesk, Tally, open_raw, raw_desk
from latency_setup import Setup, cpu_seconds, prepare, start_hub

from shared.pairing import TokenStore

PYTHON = sys.executable


def rss_mb(pid: int) -> float:
    """Resident memory of a process in MB (Linux /proc)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def start_display(base: str, token: str, workdir: Path, stamps: Path) -> subprocess.Popen[bytes]:
    """The real display process, paired by its token file, painting offscreen."""
    config, cache = workdir / "config", workdir / "cache"
    TokenStore("display", config / "aufruf").save(token)
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(config),
        "XDG_CACHE_HOME": str(cache),
    }
    command = [PYTHON, "-m", "display.qt.main", "--server", base, "--windowed"]
    command += ["--stamp-paints", str(stamps)]
    log = (workdir / "display.log").open("wb")
    return subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)


def paints(stamps: Path) -> list[tuple[int, tuple[str, ...], float]]:
    """The display's paint stamps so far: (seq, numbers on the board, time)."""
    rows = []
    for line in stamps.read_text().splitlines():
        kind, seq, numbers, at = line.split()
        if kind == "p":
            rows.append((int(seq), tuple(numbers.split(",")), float(at)))
    return rows


def arrivals(stamps: Path) -> dict[str, float]:
    """When each call reached the display process (its first arrival)."""
    found: dict[str, float] = {}
    for line in stamps.read_text().splitlines():
        kind, _, number, at = line.split()
        if kind == "a":
            found.setdefault(number, float(at))
    return found


async def wait_for(check: object, timeout: float) -> None:
    """Poll a condition every 20 ms until true or `timeout` (the display is another process)."""
    deadline = time.monotonic() + timeout
    while not check():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise TimeoutError("the display did not get there in time")
        await asyncio.sleep(0.02)


async def measure(
    base: str, setup: Setup, args: argparse.Namespace, stamps: Path
) -> tuple[list[float], list[float]]:
    """Attach the other subscribers, call, and match each call with its first paint.

    Two lists: request → painted, and (the display's own share) arrival → painted.
    """
    tally = Tally(args.subscribers)
    ws_url = base.replace("http://", "ws://") + "/api/v1/events?since=0"
    others = await open_raw(ws_url, setup.display_tokens[1:], args.subscribers, tally)
    port = int(base.rsplit(":", 1)[1])
    desks = [RawDesk("127.0.0.1", port, "/api/v1", t) for t in setup.clerk_tokens]
    await asyncio.gather(*(raw_desk(d, f"c{k}", 1, 0) for k, d in enumerate(desks)))  # warm-up
    sent: list[tuple[str, float]] = []
    for k in range(args.calls):
        desk = desks[k % len(desks)]
        [(number, start, _)] = await raw_desk(desk, f"c{k % len(desks)}", 1, 0)
        sent.append((number, start))
        await asyncio.sleep(args.pause)
    last = sent[-1][0]
    await wait_for(lambda: any(last in n for _, n, _ in paints(stamps)), 30)
    first_paint: dict[str, float] = {}
    for _, numbers, at in paints(stamps):
        for number in numbers:
            first_paint.setdefault(number, at)
    for transport in others:
        transport.close()
    for desk in desks:
        await desk.close()
    came = arrivals(stamps)
    total = [first_paint[n] - start for n, start in sent if n in first_paint]
    own = [first_paint[n] - came[n] for n, _ in sent if n in first_paint and n in came]
    return total, own


async def soak(base: str, setup: Setup, args: argparse.Namespace, display: int) -> list[str]:
    """Recall the counters' tickets `--soak` times; RSS after 10 % and at the end."""
    port = int(base.rsplit(":", 1)[1])
    desks = [RawDesk("127.0.0.1", port, "/api/v1", t) for t in setup.clerk_tokens]
    tickets = []
    for k, desk in enumerate(desks):
        status, body, _ = await desk.post(f"/counters/c{k}/call-next")
        if status == 200:
            tickets.append(json.loads(body)["ticket"]["id"])
    lines, early = [], 0.0
    for n in range(args.soak):
        desk = desks[n % len(tickets)]
        status, body, _ = await desk.post(f"/tickets/{tickets[n % len(tickets)]}/recall")
        if status != 200:
            raise RuntimeError(f"recall answered {status}: {body[:200]!r}")
        if n + 1 == args.soak // 10:
            await asyncio.sleep(2)  # let the display catch up before sampling
            early = rss_mb(display)
    await asyncio.sleep(5)
    late = rss_mb(display)
    lines.append(
        f"soak: {args.soak} calls (recalls); display RSS after {args.soak // 10}: {early:.1f} MB, "
        f"after {args.soak}: {late:.1f} MB ({100 * (late - early) / early:+.1f} %)"
    )
    for desk in desks:
        await desk.close()
    return lines


async def idle(display: int, seconds: float) -> str:
    """The display's CPU share and RSS while nothing happens."""
    cpu, began, peak = cpu_seconds(display), time.monotonic(), rss_mb(display)
    while time.monotonic() - began < seconds:
        await asyncio.sleep(min(5.0, seconds))
        peak = max(peak, rss_mb(display))
    share = 100 * (cpu_seconds(display) - cpu) / (time.monotonic() - began)
    return f"idle {seconds:.0f} s: display CPU {share:.2f} % of one core, RSS max {peak:.1f} MB"


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The benchmark's options."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--subscribers", type=int, default=200, help="other display sockets")
    parser.add_argument("--counters", type=int, default=4)
    parser.add_argument("--calls", type=int, default=200)
    parser.add_argument("--pause", type=float, default=0.05, help="seconds between calls")
    parser.add_argument("--idle", type=float, default=0.0, help="idle seconds to measure")
    parser.add_argument("--soak", type=int, default=0, help="recalls for the memory soak")
    return parser.parse_args(argv)


async def run(base: str, setup: Setup, args: argparse.Namespace, workdir: Path) -> list[str]:
    """Start the display, measure, idle, soak; the report's lines."""
    stamps = workdir / "paints.txt"
    stamps.touch()
    display = start_display(base, setup.display_tokens[0], workdir, stamps)
    try:
        await wait_for(lambda: bool(paints(stamps)), 60)  # set up, snapshot painted
        started_rss = rss_mb(display.pid)
        latencies, own = await measure(base, setup, args, stamps)
        head = (
            f"display latency: {args.subscribers} other subscribers, {args.calls} calls, "
            f"pause {args.pause} s, nproc {os.cpu_count()}, load average "
            f"{os.getloadavg()[0]:.1f} (the machine is shared)"
        )
        after = rss_mb(display.pid)
        lines = [
            head,
            figures("call request -> painted on the display (ms)", latencies),
            figures("arrived at the display -> painted (ms)  ", own),
            f"display RSS at start {started_rss:.1f} MB, after the calls {after:.1f} MB",
        ]
        if args.idle:
            lines.append(await idle(display.pid, args.idle))
        if args.soak:
            lines += await soak(base, setup, args, display.pid)
        return lines
    finally:
        display.terminate()
        display.wait(10)


def main(argv: list[str] | None = None) -> int:
    """Prepare, start hub and display, measure, print, stop."""
    args = parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="aufruf-display-bench-") as tmp:
        workdir = Path(tmp)
        tickets = args.calls + 2 * args.counters
        setup = prepare(workdir, args.counters, tickets, None, args.subscribers + 1)
        hub, base = start_hub(setup, workdir / "hub.log")
        try:
            lines = asyncio.run(run(base, setup, args, workdir))
        finally:
            hub.terminate()
            hub.wait(10)
        print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
