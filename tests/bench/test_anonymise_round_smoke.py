"""The anonymisation benchmark runs end to end on a tiny history and prints its three rounds."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "bench" / "anonymise_round.py"


def test_the_benchmark_times_the_first_the_next_day_and_an_idle_round() -> None:
    command = [sys.executable, str(BENCH), "--days", "20", "--tickets", "20"]
    command += ["--appointments", "2", "--repeat", "2"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "20 days x 20 tickets = 400 tickets, 40 appointments, 1600 events" in out, out
    first = "anonymised 100 tickets, 10 appointments and 10 events of days before 2026-11-23"
    assert first in out, out  # one noted ticket a day, two of its events carry the note
    aged = "anonymised 20 tickets, 2 appointments and 2 events of days before 2026-11-25"
    assert aged in out, out
    [idle] = [line for line in out.splitlines() if line.startswith("idle (nothing to blank)")]
    assert idle.endswith(
        "anonymised 0 tickets, 0 appointments and 0 events of days before 2026-11-25"
    )
    assert "idle, the anonymisation alone, median:" in out.splitlines()[-1], out
