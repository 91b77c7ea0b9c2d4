"""The call-latency benchmark runs end to end on a tiny load and prints its figures."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "call_latency.py"
FIGURES = r"p50 +[\d.]+ +p95 +[\d.]+ +p99 +[\d.]+ +max +[\d.]+ +\(n=(\d+)\)"


@pytest.mark.parametrize(
    ("client", "desk", "tokens"), [("websockets", "httpx", "1"), ("raw", "raw", "0")]
)
def test_the_benchmark_prints_latency_round_trip_and_rate(
    client: str, desk: str, tokens: str
) -> None:
    command = [sys.executable, str(BENCH), "--subscribers", "5", "--calls", "20"]
    command += ["--client", client, "--desk", desk, "--display-tokens", tokens]
    done = subprocess.run(
        command,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "5 subscribers, 4 counters, 20 calls" in out
    assert f"{1 if tokens == '1' else 5} display tokens, {client} sockets, {desk} desks" in out
    latency = re.search(r"call -> last subscriber \(ms\): +" + FIGURES, out)
    round_trip = re.search(r"call-next round trip \(ms\) *: +" + FIGURES, out)
    assert latency is not None, out
    assert round_trip is not None, out
    assert latency.group(1) == round_trip.group(1) == "20"  # every call reached all 5
    assert re.search(r"calls/s: [\d.]+", out), out
    assert "incomplete" not in out
