"""`aufruf counter` starts the app (a real process) and the hub's CLI never imports Qt."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tests.api.conftest import Hub


def test_the_hub_cli_does_not_import_qt_or_the_app() -> None:
    code = (
        "import sys, server.cli; "
        "assert 'PySide6' not in sys.modules and 'counter' not in sys.modules, sorted(sys.modules)"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


def _wait_for_line(log: Path, text: str, process: subprocess.Popen[bytes]) -> None:
    """Wait until the process logged a line with `text` (it writes to a file, never blocks)."""
    deadline = time.monotonic() + 60
    while text not in log.read_text(encoding="utf-8", errors="replace"):
        assert process.poll() is None, log.read_text(encoding="utf-8", errors="replace")
        assert time.monotonic() < deadline, log.read_text(encoding="utf-8", errors="replace")
        time.sleep(0.05)


def test_aufruf_counter_starts_and_stops_on_sigterm(hub: Hub, tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    aufruf = Path(sys.executable).with_name("aufruf")
    command = [str(aufruf), "counter", "--server", hub.base, "--settings", str(tmp_path / "c.ini")]
    log = tmp_path / "counter.log"
    with log.open("wb") as sink, subprocess.Popen(command, env=env, stderr=sink) as process:
        _wait_for_line(log, "counter app started", process)
        _wait_for_line(log, "hub at ", process)
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=30) == 0
    assert "Traceback" not in log.read_text(encoding="utf-8")
