"""`aufruf demo` runs the example office end to end, prints the calls, and stops on Ctrl-C."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import threading
import time
from pathlib import Path

import pytest

from tests.processes import popen_with_sigint_ignored
from tests.system.conftest import AUFRUF, EXAMPLE

pytestmark = pytest.mark.slow

CALL = re.compile(r"^\d\d:\d\d  ([A-Z]\d{3}) → (.+?)(?: \((.+)\))?$")
WANTED_CALLS = 3


def test_the_demo_calls_tickets_to_counters_and_stops_on_ctrl_c(tmp_path: Path) -> None:
    env = os.environ | {"XDG_DATA_HOME": str(tmp_path), "PYTHONUNBUFFERED": "1"}
    # Started with SIGINT ignored, as from a script's background job: Ctrl-C must stop it still.
    proc = popen_with_sigint_ignored(
        [AUFRUF, "demo", str(EXAMPLE), "--duration", "120"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert proc.stdout is not None
    assert proc.stderr is not None
    errors = proc.stderr
    stderr: list[str] = []
    reader = threading.Thread(target=lambda: stderr.extend(errors), daemon=True)
    reader.start()
    calls: list[tuple[str, str, str]] = []
    lines: list[str] = []
    deadline = time.monotonic() + 90
    try:
        for line in proc.stdout:  # ends when the demo exits
            lines.append(line)
            match = CALL.match(line.rstrip("\n"))
            if match:
                calls.append((match[1], match[2], match[3] or ""))
            if len(calls) >= WANTED_CALLS or time.monotonic() > deadline:
                break
        proc.send_signal(signal.SIGINT)  # what Ctrl-C in the terminal sends
        assert proc.wait(timeout=30) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        reader.join(timeout=5)
        proc.stdout.close()
        errors.close()
    log = "".join(lines) + "".join(stderr)
    assert len(calls) >= WANTED_CALLS, log
    counter_names = set(re.findall(r'^name = "(Empfang|Schalter \d+)"', EXAMPLE.read_text(), re.M))
    assert {name for _, name, _ in calls} <= counter_names, log
    assert "Aufruf listening on http://127.0.0.1:" in log
    assert "Traceback" not in log
    assert (tmp_path / "aufruf" / "demo" / "aufruf.sqlite3").exists()
