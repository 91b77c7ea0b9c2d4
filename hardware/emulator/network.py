"""A network (port 9100 style) ESC/POS printer emulator on a real TCP socket."""

from __future__ import annotations

import contextlib
import itertools
import logging
import socket
import threading

from hardware.emulator.printer_base import PrinterEmulatorBase
from hardware.transports.memory import EmulatorState, JobRecorder

log = logging.getLogger(__name__)

_POLL_SECONDS = 0.05


class NetworkPrinterEmulator(PrinterEmulatorBase):
    """A TCP printer: records each connection's jobs and answers DLE EOT by its ``state``."""

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        state: EmulatorState = EmulatorState.OK,
        *,
        paper_width: int = 576,
        bytes_per_second: int = 960,
        drop_after: int = 512,
    ) -> None:
        """Bind (not yet serve); ``bytes_per_second`` applies in SLOW, ``drop_after`` in DROP."""
        super().__init__(state, paper_width, bytes_per_second)
        self.drop_after = drop_after
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._numbers = itertools.count(1)
        self._server = socket.create_server((host, port))
        self._server.settimeout(_POLL_SECONDS)
        self.host, self.port = self._server.getsockname()[:2]

    def start(self) -> None:
        """Accept connections on a background thread."""
        thread = threading.Thread(target=self._accept_loop, name="printer-emulator", daemon=True)
        self._threads.append(thread)
        thread.start()

    def stop(self) -> None:
        """Close the socket and join every thread."""
        self._stop.set()
        for thread in list(self._threads):
            thread.join(timeout=5)
        self._server.close()

    def _accept_loop(self) -> None:
        """Accept connections until stopped."""
        while not self._stop.is_set():
            try:
                conn, _ = self._server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            number = next(self._numbers)
            thread = threading.Thread(
                target=self._serve, args=(conn, number), name=f"printer-conn-{number}", daemon=True
            )
            self._threads.append(thread)
            thread.start()

    def _serve(self, conn: socket.socket, number: int) -> None:
        """Read one connection to its end, answering status requests."""
        recorder = JobRecorder(number, self._sink)
        received = 0
        conn.settimeout(_POLL_SECONDS)
        with conn:
            while not self._stop.is_set():
                state = self.state
                try:
                    data = conn.recv(self._read_size(state))
                except TimeoutError:
                    continue
                except OSError:
                    break
                if not data:
                    break
                if state is EmulatorState.DROP and received + len(data) >= self.drop_after:
                    recorder.feed(data[: self.drop_after - received], state)
                    log.info("emulator drops connection %d after %d bytes", number, received)
                    break
                received += len(data)
                answer = recorder.feed(data, state)
                if answer:
                    with contextlib.suppress(OSError):
                        conn.sendall(answer)
                self._throttle(state, len(data))
        recorder.close()
