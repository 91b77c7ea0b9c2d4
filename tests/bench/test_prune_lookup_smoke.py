"""The prune lookup benchmark runs end to end on a tiny log: both sides, both plans."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "bench" / "prune_lookup.py"


def test_the_benchmark_times_the_lookup_and_the_appends_without_and_with_the_index() -> None:
    command = [sys.executable, str(BENCH), "--event-days", "3", "--rounds", "2"]
    command += ["--repeat", "3", "--appends", "10", "--batch", "100"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    out = done.stdout.splitlines()
    assert "SQLite file: 4800 events over 3 days to 2026-12-07" in out[1], out
    assert out[4] == (
        "  plan with index, max(seq + 0): SEARCH events USING COVERING INDEX ix_events_at (at<?)"
    ), out
    assert out[5] == "  plan with index, max(seq): SEARCH events", out
    assert out[-2].startswith("without ix_events_at: lookup max(seq + 0) "), out
    assert out[-1].startswith("   with ix_events_at: lookup max(seq + 0) "), out
