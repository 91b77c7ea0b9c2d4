"""`aufruf demo` runs the example office end to end and prints the calls."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from tests.system.conftest import AUFRUF, EXAMPLE

pytestmark = pytest.mark.slow

CALL = re.compile(r"^\d\d:\d\d\s+([A-Z]\d{3}) → (.+?)(?: \((.+)\))?$", re.MULTILINE)


def test_the_demo_calls_tickets_to_counters_and_exits_0(tmp_path: Path) -> None:
    env = os.environ | {"XDG_DATA_HOME": str(tmp_path), "PYTHONUNBUFFERED": "1"}
    done = subprocess.run(
        [AUFRUF, "demo", str(EXAMPLE), "--duration", "8"],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    calls = CALL.findall(done.stdout)
    assert calls, done.stdout + done.stderr
    counter_names = set(re.findall(r'^name = "(Empfang|Schalter \d)"', EXAMPLE.read_text(), re.M))
    assert {name for _, name, _ in calls} <= counter_names
    assert "Traceback" not in done.stderr
    assert (tmp_path / "aufruf" / "demo").is_dir()  # the demo's data went to XDG_DATA_HOME
