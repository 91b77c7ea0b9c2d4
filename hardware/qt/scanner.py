"""A serial scanner in the Qt event loop: a QSocketNotifier on the port, reconnect with back-off.

The framing and the port live Qt-free in `hardware.scanner` (`ScanFramer`, `SerialScanner`).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal

from hardware.scanner import SerialScanner
from hardware.serialport import PortError, PortLostError

log = logging.getLogger(__name__)


class QtSerialScanner(QObject):
    """A serial scanner in the Qt event loop, reconnecting after an unplug.

    Signals: `scanned(str)` for each valid code; `error_occurred(str)` once per outage (and
    for an open that fails); `connection_changed(bool)` when the device comes and goes.
    Retries double from `retry_initial_ms` up to `retry_max_ms`.
    """

    scanned = Signal(str)
    error_occurred = Signal(str)
    connection_changed = Signal(bool)

    def __init__(
        self,
        scanner: SerialScanner,
        parent: QObject | None = None,
        *,
        retry_initial_ms: int = 500,
        retry_max_ms: int = 10_000,
    ) -> None:
        super().__init__(parent)
        self._scanner = scanner
        self._retry_initial_ms = retry_initial_ms
        self._retry_max_ms = retry_max_ms
        self._delay_ms = retry_initial_ms
        self._notifier: QSocketNotifier | None = None
        self._in_outage = False
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self._try_open)

    @property
    def connected(self) -> bool:
        """Whether the scanner's port is open and watched."""
        return self._notifier is not None

    @property
    def retry_delay_ms(self) -> int:
        """The wait before the next reconnect attempt."""
        return self._delay_ms

    def start(self) -> None:
        """Open the scanner now, or keep retrying in the background until it appears."""
        if not self.connected and not self._retry.isActive():
            self._try_open()

    def stop(self) -> None:
        """Stop watching, stop retrying, close the port."""
        self._retry.stop()
        self._in_outage = False
        self._delay_ms = self._retry_initial_ms
        self._unwatch()
        self._scanner.close()

    def _try_open(self) -> None:
        try:
            self._scanner.open()
        except PortError as exc:
            self._report(str(exc))
            self._schedule_retry()
            return
        self._in_outage = False
        self._delay_ms = self._retry_initial_ms
        self._notifier = QSocketNotifier(self._scanner.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._read)
        self.connection_changed.emit(True)  # noqa: FBT003 (signal argument)

    def _read(self) -> None:
        try:
            codes = self._scanner.poll()
        except PortLostError as exc:
            self._unwatch()
            self.connection_changed.emit(False)  # noqa: FBT003 (signal argument)
            self._report(str(exc))
            self._schedule_retry()
            return
        for code in codes:
            self.scanned.emit(code)

    def _report(self, message: str) -> None:
        if self._in_outage:
            log.debug("scanner still unavailable: %s", message)
            return
        self._in_outage = True
        log.warning("scanner unavailable: %s", message)
        self.error_occurred.emit(message)

    def _schedule_retry(self) -> None:
        self._retry.start(self._delay_ms)
        self._delay_ms = min(self._delay_ms * 2, self._retry_max_ms)

    def _unwatch(self) -> None:
        if self._notifier is not None:
            notifier, self._notifier = self._notifier, None
            notifier.setEnabled(False)
            notifier.deleteLater()
