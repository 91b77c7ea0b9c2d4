"""An in-memory printer, and what it shares with the printer emulators in `hardware.emulator`.

`MemoryTransport` is a transport with a printer behind it: it records jobs and answers
status requests as a printer in an `EmulatorState` would. The emulators serve the same
recorder (`JobRecorder`, `JobSink`) and answers over a real socket or pty.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from enum import StrEnum

from hardware.escpos.commands import is_status_request, split_commands

_CUT = 0x1D, ord("V")


class EmulatorState(StrEnum):
    """What the emulated printer does: answer normally, report a fault, or misbehave."""

    OK = "ok"
    PAPER_NEAR_END = "paper_near_end"
    PAPER_OUT = "paper_out"
    COVER_OPEN = "cover_open"
    OFFLINE = "offline"
    """Never answers a status request (a printer that is off or hung)."""
    ERROR = "error"
    SLOW = "slow"
    """Reads at a throttled rate (``bytes_per_second``), answers normally."""
    DROP = "drop"
    """Closes the connection after ``drop_after`` bytes."""


class MemoryTransport:
    """An in-memory printer: records jobs and answers status like a printer in ``state``."""

    readable = True

    def __init__(self, state: EmulatorState = EmulatorState.OK) -> None:
        """Start with no jobs."""
        self.state = state
        self.sink = JobSink()
        self._recorder = JobRecorder(1, self.sink)
        self._answers = bytearray()
        self.closed = False

    def write(self, data: bytes) -> None:
        """Take the bytes; status requests queue their answers."""
        if self.closed:
            raise ConnectionResetError("memory transport is closed")
        self._answers += self._recorder.feed(data, self.state)

    def read(self, size: int, timeout: float) -> bytes:
        """Queued answers (none when offline); never waits, so ``timeout`` is unused."""
        del timeout
        answer, self._answers = bytes(self._answers[:size]), self._answers[size:]
        return answer

    def close(self) -> None:
        """End the stream; an unfinished job is recorded as incomplete."""
        if not self.closed:
            self._recorder.close()
            self.closed = True


# Answers to DLE EOT 1..4 (fixed bits 1 and 4 set) per state; OFFLINE has none.
_OK_ANSWERS = {1: 0x16, 2: 0x12, 3: 0x12, 4: 0x12}
_ANSWERS: dict[EmulatorState, dict[int, int]] = {
    EmulatorState.OK: _OK_ANSWERS,
    EmulatorState.SLOW: _OK_ANSWERS,
    EmulatorState.DROP: _OK_ANSWERS,
    EmulatorState.PAPER_NEAR_END: {**_OK_ANSWERS, 4: 0x12 | 0x0C},
    EmulatorState.PAPER_OUT: {1: 0x16 | 0x08, 2: 0x12 | 0x20, 3: 0x12, 4: 0x12 | 0x60},
    EmulatorState.COVER_OPEN: {1: 0x16 | 0x08, 2: 0x12 | 0x04, 3: 0x12, 4: 0x12},
    EmulatorState.ERROR: {1: 0x16 | 0x08, 2: 0x12 | 0x40, 3: 0x12 | 0x20, 4: 0x12},
}


def status_answer(state: EmulatorState, request: int) -> bytes:
    """The byte a printer in ``state`` sends back for DLE EOT ``request`` (none when offline)."""
    answers = _ANSWERS.get(state)
    if answers is None or request not in answers:
        return b""
    return bytes([answers[request]])


@dataclass(frozen=True, slots=True)
class EmulatorJob:
    """The bytes of one ticket as received: up to and including a cut, or up to a hang-up."""

    data: bytes
    complete: bool
    """False when the connection ended before the cut."""
    connection: int
    first_byte_at: float
    last_byte_at: float
    """``time.monotonic()`` of the job's first and last byte."""


class JobRecorder:
    """Turns one connection's byte stream into jobs and status answers."""

    def __init__(self, connection: int, sink: JobSink) -> None:
        """Record into ``sink`` for connection number ``connection``."""
        self.connection = connection
        self.sink = sink
        self.tail = b""
        self.job = bytearray()
        self.first_byte_at = 0.0

    def feed(self, data: bytes, state: EmulatorState) -> bytes:
        """Take received bytes; return the status answers to send back."""
        now = time.monotonic()
        commands, self.tail = split_commands(self.tail + data)
        answers = bytearray()
        for command in commands:
            if is_status_request(command):
                answers += status_answer(state, command[2])
                continue
            if not self.job:
                self.first_byte_at = now
            self.job += command
            if tuple(command[:2]) == _CUT:
                self._finish(complete=True, now=now)
        return bytes(answers)

    def close(self) -> None:
        """The connection ended: keep what came without a cut as an incomplete job."""
        self.job += self.tail
        self.tail = b""
        if self.job:
            self._finish(complete=False, now=time.monotonic())

    def _finish(self, *, complete: bool, now: float) -> None:
        """Hand the current job to the sink."""
        job = EmulatorJob(bytes(self.job), complete, self.connection, self.first_byte_at, now)
        self.sink.add(job)
        self.job = bytearray()


class JobSink:
    """The thread-safe list of received jobs, with a way to wait for them."""

    def __init__(self) -> None:
        """Start empty."""
        self._jobs: list[EmulatorJob] = []
        self._changed = threading.Condition()

    def add(self, job: EmulatorJob) -> None:
        """Record a job and wake waiters."""
        with self._changed:
            self._jobs.append(job)
            self._changed.notify_all()

    @property
    def jobs(self) -> list[EmulatorJob]:
        """A copy of the jobs so far."""
        with self._changed:
            return list(self._jobs)

    def wait_for(self, count: int, timeout: float) -> list[EmulatorJob]:
        """Wait until ``count`` jobs are recorded; raise TimeoutError otherwise."""
        with self._changed:
            if not self._changed.wait_for(lambda: len(self._jobs) >= count, timeout):
                raise TimeoutError(f"{len(self._jobs)} of {count} print jobs after {timeout} s")
            return list(self._jobs)
