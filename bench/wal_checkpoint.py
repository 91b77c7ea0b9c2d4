"""Commit latency with SQLite's own checkpoints (in the commit) against a checkpoint thread.

An experiment kept for other disks (docs/performance.md, "Stop 10"): by default SQLite
checkpoints inside the commit that takes the write-ahead log past 1000 pages, so that commit
(a clerk's step) copies the log into the file and syncs it. The alternative tried: commits
never checkpoint, a thread asks for a PASSIVE checkpoint every second. On this box's disk the
thread was no better (its syncs compete with the commits'), so the hub keeps the default.

Builds a SQLite file of an office's size (`--rows` rows of ~1 KB: 20,000 is ~20 MB), then runs
the same paced writes in both modes, interleaved. Each commit updates three random rows in
`BEGIN IMMEDIATE`, like a clerk's step; synchronous = FULL as in the hub.

Run: .venv/bin/python bench/wal_checkpoint.py [--rows 20000] [--commits 3000] [--pause 0.005]
"""

from __future__ import annotations

import argparse
import random
import shutil
import sqlite3
import sys
import tempfile
import threading
import time
from pathlib import Path

NEVER = 1_000_000
"""`wal_autocheckpoint` that a commit never reaches in a run."""


class Checkpointer:
    """A PASSIVE checkpoint every `every` seconds, on its own connection, in its own thread."""

    def __init__(self, path: Path, every: float = 1.0) -> None:
        self._path, self._every = path, every
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        conn = sqlite3.connect(self._path, isolation_level=None)
        conn.execute("PRAGMA synchronous = FULL")
        while not self._stop.wait(self._every):
            conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        conn.close()


def build(path: Path, rows: int) -> None:
    """A WAL database of `rows` rows of ~1 KB, checkpointed."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, body BLOB)")
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO t (body) VALUES (randomblob(900))", [()] * rows)
    conn.execute("COMMIT")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def run(path: Path, args: argparse.Namespace, *, background: bool) -> list[float]:
    """The commit times (seconds) of `args.commits` paced three-row updates."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute(f"PRAGMA wal_autocheckpoint = {NEVER if background else 1000}")
    checkpointer = Checkpointer(path) if background else None
    if checkpointer is not None:
        checkpointer.start()
    pick = random.Random(7)
    times = []
    try:
        for _ in range(args.commits):
            start = time.perf_counter()
            conn.execute("BEGIN IMMEDIATE")
            for _ in range(3):
                row = pick.randrange(1, args.rows + 1)
                conn.execute("UPDATE t SET body = randomblob(900) WHERE id = ?", (row,))
            conn.execute("COMMIT")
            times.append(time.perf_counter() - start)
            time.sleep(args.pause)
    finally:
        if checkpointer is not None:
            checkpointer.stop()
        conn.close()
    return times


def line(label: str, seconds: list[float]) -> str:
    """p50/p99/p99.9/max in ms, and how many commits took over 10 ms."""
    ms = sorted(s * 1000 for s in seconds)

    def at(q: float) -> float:
        return ms[min(len(ms) - 1, int(q * len(ms)))]

    slow = sum(1 for m in ms if m > 10)
    return (
        f"{label}: p50 {at(0.5):5.2f}  p99 {at(0.99):6.2f}  p99.9 {at(0.999):6.2f}  "
        f"max {ms[-1]:6.2f} ms  over 10 ms: {slow} of {len(ms)}"
    )


def main(argv: list[str] | None = None) -> int:
    """Build once, copy per mode, run both modes twice, interleaved."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rows", type=int, default=20_000, help="rows of ~1 KB in the file")
    parser.add_argument("--commits", type=int, default=3000, help="commits per mode and round")
    parser.add_argument("--pause", type=float, default=0.005, help="seconds between commits")
    parser.add_argument("--rounds", type=int, default=2, help="interleaved rounds of both modes")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="aufruf-bench-wal-") as tmp:
        base = Path(tmp) / "base.sqlite3"
        build(base, args.rows)
        print(f"{base.stat().st_size / 1e6:.0f} MB file, {args.commits} commits per run")
        for round_ in range(args.rounds):
            for background in (False, True):
                path = Path(tmp) / f"run{round_}{int(background)}.sqlite3"
                shutil.copyfile(base, path)
                label = "checkpoint thread " if background else "in the commit     "
                print(line(label, run(path, args, background=background)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
