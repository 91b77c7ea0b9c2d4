"""The emulator as a process: started from the command line, it saves each job as a PNG."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from hardware.escpos import encode as enc
from hardware.escpos.printer import EscposPrinter
from shared.config.printer import NetworkPrinter, PrinterTransport
from tests.processes import popen_with_sigint_ignored


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM])
def test_the_emulator_process_saves_jobs_as_png(tmp_path: Path, stop: signal.Signals) -> None:
    # Started with SIGINT ignored, as from a script's background job: it must stop all the same.
    process = popen_with_sigint_ignored(
        [sys.executable, "-m", "hardware.emulator", "--port", "0", "--paper", "58",
         "--out", str(tmp_path)],
        stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        assert process.stderr is not None
        line = process.stderr.readline()
        assert "ready at 127.0.0.1:" in line
        port = int(line.rsplit(":", 1)[1])
        site = NetworkPrinter(transport=PrinterTransport.NETWORK, host="127.0.0.1", port=port)
        printer = EscposPrinter(site)
        printer.print_job(enc.initialize() + b"Hallo\n" + enc.cut())
        printer.close()
        assert "job 1:" in process.stderr.readline()
        with Image.open(tmp_path / "job-0001.png") as image:
            assert image.width == 384
        assert (tmp_path / "job-0001.bin").read_bytes() == enc.initialize() + b"Hallo\n" + enc.cut()
    finally:
        process.send_signal(stop)
        assert process.wait(timeout=10) == 0
        if process.stderr is not None:
            process.stderr.close()
