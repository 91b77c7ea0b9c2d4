"""The report benchmark runs end to end on a tiny history and prints its figures."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "bench" / "report.py"


def test_the_benchmark_times_every_grouping() -> None:
    command = [sys.executable, str(BENCH), "--days", "3", "--tickets", "20", "--runs", "1"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "3 days x 20 tickets = 60 tickets" in out, out
    assert "read 60 tickets" in out, out
    for grouping in ("total", "month", "week", "day", "day --csv"):
        assert re.search(rf"--by {grouping}: median [\d.]+ s of 1 runs", out), out
