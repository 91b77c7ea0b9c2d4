"""A serial ESC/POS printer emulator on a pseudo-terminal pair."""

from __future__ import annotations

import os

from hardware.emulator.printer_base import PrinterEmulatorBase
from hardware.emulator.pty_link import PtyLink, PtyReader
from hardware.transports.memory import EmulatorState, JobRecorder


class SerialPrinterEmulator(PrinterEmulatorBase):
    """A serial printer: reads the pty master; our Serial transport opens ``device`` (the slave)."""

    def __init__(
        self,
        state: EmulatorState = EmulatorState.OK,
        *,
        paper_width: int = 576,
        bytes_per_second: int = 960,
    ) -> None:
        """Open the pty pair (not yet serving); ``bytes_per_second`` applies in SLOW."""
        super().__init__(state, paper_width, bytes_per_second)
        self._pty = PtyLink()
        self.device = self._pty.port
        self._recorder = JobRecorder(1, self._sink)
        self._reader = PtyReader(
            self._pty.master, self._on_readable, name="serial-emulator", on_end=self._recorder.close
        )

    def start(self) -> None:
        """Read the line on a background thread."""
        self._reader.start()

    def stop(self) -> None:
        """Stop reading, close the pty pair."""
        self._reader.stop()
        self._pty.close()

    def _on_readable(self) -> bool:
        """Read what arrived, answering status requests; False when the line is gone."""
        state = self.state
        try:
            data = os.read(self._pty.master, self._read_size(state))
        except OSError:
            return False
        answer = self._recorder.feed(data, state)
        if answer:
            self._pty.write(answer)
        self._throttle(state, len(data))
        return True
