"""The status-pages benchmark runs end to end on a tiny load and prints both figures."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "bench" / "status_pages.py"
FIGURES = r"p50 +[\d.]+ +p95 +[\d.]+ +p99 +[\d.]+ +max +[\d.]+ +\(n=(\d+)\)"


def test_the_benchmark_prints_the_displays_and_the_pages_figures() -> None:
    command = [sys.executable, str(BENCH), "--pages", "12", "--subscribers", "4"]
    command += ["--calls", "6", "--pause", "0.05"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "4 subscribers, 1 counters, 6 calls" in out, out
    displays = re.search(r"call -> last subscriber \(ms\): +" + FIGURES, out)
    page = re.search(r"call -> its page \(ms\) *: +" + FIGURES, out)
    assert displays is not None, out
    assert page is not None, out
    assert (
        displays.group(1) == page.group(1) == "6"
    )  # every call reached every display and its page
    assert re.search(r"status pages: 12 open, 0 refused, \d+ messages", out), out
    assert "incomplete" not in out
