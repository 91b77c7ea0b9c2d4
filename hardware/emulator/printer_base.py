"""What the network and the serial printer emulator share: settings, recorded jobs, paper."""

from __future__ import annotations

import time
from abc import ABC, abstractmethod
from types import TracebackType
from typing import Self

from PIL import Image

from hardware.emulator.interpreter import Printout, interpret
from hardware.transports.memory import EmulatorJob, EmulatorState, JobSink


class PrinterEmulatorBase(ABC):
    """An emulated ESC/POS printer: ``with`` starts and stops it; jobs land in a sink."""

    def __init__(self, state: EmulatorState, paper_width: int, bytes_per_second: int) -> None:
        """Keep the settings; ``bytes_per_second`` applies in SLOW."""
        self.state = state
        self.paper_width = paper_width
        self.bytes_per_second = bytes_per_second
        self._sink = JobSink()

    @abstractmethod
    def start(self) -> None:
        """Start serving on a background thread."""

    @abstractmethod
    def stop(self) -> None:
        """Stop serving and release the line."""

    def __enter__(self) -> Self:
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

    def _read_size(self, state: EmulatorState) -> int:
        """How many bytes to read at once: a twentieth of a second's worth when SLOW."""
        return max(1, self.bytes_per_second // 20) if state is EmulatorState.SLOW else 65536

    def _throttle(self, state: EmulatorState, received: int) -> None:
        """When SLOW, take as long over ``received`` bytes as the throttled rate needs."""
        if state is EmulatorState.SLOW:
            time.sleep(received / self.bytes_per_second)
