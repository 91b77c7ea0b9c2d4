"""A serial ESC/POS printer emulator on a pseudo-terminal pair."""

from __future__ import annotations

import contextlib
import os
import select
import threading
import time
import tty
from types import TracebackType

from PIL import Image

from hardware.emulator.interpreter import Printout, interpret
from hardware.emulator.state import EmulatorJob, EmulatorState, JobRecorder, JobSink

_POLL_SECONDS = 0.05


class SerialPrinterEmulator:
    """A serial printer: reads the pty master; our Serial transport opens ``device`` (the slave)."""

    def __init__(
        self,
        state: EmulatorState = EmulatorState.OK,
        *,
        paper_width: int = 576,
        bytes_per_second: int = 960,
    ) -> None:
        """Open the pty pair (not yet serving); ``bytes_per_second`` applies in SLOW."""
        self.state = state
        self.paper_width = paper_width
        self.bytes_per_second = bytes_per_second
        self._master, self._slave = os.openpty()
        tty.setraw(self._slave)
        self.device = os.ttyname(self._slave)
        self._sink = JobSink()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="serial-emulator", daemon=True)

    def __enter__(self) -> SerialPrinterEmulator:
        """Start serving."""
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        """Stop serving."""
        self.stop()

    def start(self) -> None:
        """Read the line on a background thread."""
        self._thread.start()

    def stop(self) -> None:
        """Stop reading, close the pty pair."""
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=5)
        for fd in (self._master, self._slave):
            with contextlib.suppress(OSError):
                os.close(fd)

    @property
    def jobs(self) -> list[EmulatorJob]:
        """The jobs received so far."""
        return self._sink.jobs

    def wait_for_jobs(self, count: int = 1, timeout: float = 10.0) -> list[EmulatorJob]:
        """Wait until ``count`` jobs arrived; TimeoutError otherwise."""
        return self._sink.wait_for(count, timeout)

    def interpret(self, job: EmulatorJob) -> Printout:
        """The job interpreted onto paper of this printer's width."""
        return interpret(job.data, self.paper_width)

    def render(self, job: EmulatorJob) -> Image.Image:
        """The picture of a job's paper."""
        return self.interpret(job).image

    def _loop(self) -> None:
        """Read from the master until stopped, answering status requests."""
        recorder = JobRecorder(1, self._sink)
        while not self._stop.is_set():
            readable, _, _ = select.select([self._master], [], [], _POLL_SECONDS)
            if not readable:
                continue
            state = self.state
            slow = state is EmulatorState.SLOW
            try:
                data = os.read(self._master, max(1, self.bytes_per_second // 20) if slow else 65536)
            except OSError:
                break
            answer = recorder.feed(data, state)
            if answer:
                os.write(self._master, answer)
            if slow:
                time.sleep(len(data) / self.bytes_per_second)
        recorder.close()
