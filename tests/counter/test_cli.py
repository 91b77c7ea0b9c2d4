"""`aufruf counter` starts the app (a real process) and the hub's CLI never imports Qt."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
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


def test_aufruf_counter_starts_and_stops_on_sigterm(hub: Hub, tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    aufruf = Path(sys.executable).with_name("aufruf")
    command = [str(aufruf), "counter", "--server", hub.base, "--settings", str(tmp_path / "c.ini")]
    with subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True) as process:
        assert process.stderr is not None
        lines = []
        for line in process.stderr:
            lines.append(line)
            if "hub at " in line:
                break
        assert any("counter app started" in line for line in lines), lines
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=30) == 0
        rest = process.stderr.read()
    assert "Traceback" not in rest
