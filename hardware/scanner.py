"""Serial barcode/QR scanners: frame, validate and deliver appointment numbers.

Three layers: `ScanFramer` (bytes in, valid codes out; pure), `SerialScanner` (a pyserial
port read with a non-blocking `poll()`; Qt-free) and `QtSerialScanner` (a QSocketNotifier on
the port's fd, so the GUI thread never blocks, plus reconnect with back-off).
"""

from __future__ import annotations

import logging
import re

import serial
from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal

from hardware.serialport import PortError, PortLostError, SerialSettings, open_port, port_error

log = logging.getLogger(__name__)

APPOINTMENT_PATTERN = re.compile(r"[A-Z0-9-]{4,32}")
"""What an appointment number looks like on the appointment letter's barcode."""

_TERMINATORS = re.compile(rb"[\r\n]")
_MAX_READS = 16


class ScanFramer:
    """Cuts a scanner's byte stream at CR, LF or CRLF and keeps what matches `pattern`.

    Empty frames (the LF of a CRLF) are skipped; frames that do not decode or do not match
    are dropped with a log line; a run of more than `max_length` bytes without a terminator
    is discarded up to the next terminator, so a babbling device cannot grow the buffer.
    """

    def __init__(
        self,
        pattern: re.Pattern[str] | str = APPOINTMENT_PATTERN,
        *,
        max_length: int = 256,
        encoding: str = "ascii",
    ) -> None:
        self.pattern = re.compile(pattern) if isinstance(pattern, str) else pattern
        self.max_length = max_length
        self.encoding = encoding
        self._buffer = bytearray()
        self._overlong = False

    @property
    def buffered(self) -> int:
        """How many bytes of an unfinished frame are held (never more than `max_length`)."""
        return len(self._buffer)

    def feed(self, data: bytes) -> list[str]:
        """Take the next bytes from the device; return the complete, valid codes in them."""
        *frames, rest = _TERMINATORS.split(bytes(self._buffer) + data)
        codes: list[str] = []
        for frame in frames:
            if self._overlong:
                self._overlong = False  # the terminator ends the junk; drop its tail
                continue
            code = self._check(frame)
            if code is not None:
                codes.append(code)
        if len(rest) > self.max_length:
            if not self._overlong:
                log.warning(
                    "scanner sent over %d bytes without a terminator; dropped", self.max_length
                )
            self._overlong = True
            rest = b""
        self._buffer[:] = rest
        return codes

    def reset(self) -> None:
        """Forget a half-received frame (after the device was reopened)."""
        self._buffer.clear()
        self._overlong = False

    def _check(self, frame: bytes) -> str | None:
        if len(frame) > self.max_length:
            log.warning("scanner frame of %d bytes is too long; ignored", len(frame))
            return None
        try:
            text = frame.decode(self.encoding).strip()
        except UnicodeDecodeError:
            log.warning("scanner sent undecodable bytes %r; ignored", frame[:40])
            return None
        if not text:
            return None
        if self.pattern.fullmatch(text) is None:
            log.warning("scanned %r is no valid code; ignored", text[:40])
            return None
        return text


class SerialScanner:
    """A scanner on a serial port, read without blocking; Qt-free.

    `open()` raises a `PortError`; `poll()` returns the codes received since the last call
    and raises `PortLostError` when the device vanished (the scanner is closed then).
    """

    def __init__(self, settings: SerialSettings, framer: ScanFramer | None = None) -> None:
        self.settings = settings
        self.framer = framer or ScanFramer()
        self._port: serial.Serial | None = None

    @property
    def is_open(self) -> bool:
        """Whether the port is open."""
        return self._port is not None

    def open(self) -> None:
        """Open the port (a no-op when open); raise a `PortError` that says what is wrong."""
        if self._port is None:
            self._port = open_port(self.settings, read_timeout=0.0)
            self.framer.reset()
            log.info("scanner on %s open", self.settings.port)

    def fileno(self) -> int:
        """The open port's file descriptor (for select or a QSocketNotifier)."""
        if self._port is None:
            raise PortLostError(self.settings.port, "scanner is not open")
        return int(self._port.fileno())

    def poll(self) -> list[str]:
        """Read what is waiting, without blocking; return the complete valid codes."""
        if self._port is None:
            raise PortLostError(self.settings.port, "scanner is not open")
        codes: list[str] = []
        try:
            for _ in range(_MAX_READS):  # bounded: a babbling device must not hog the caller
                chunk = self._port.read(4096)
                if not chunk:
                    break
                codes += self.framer.feed(chunk)
        except OSError as exc:  # SerialException: EIO or "ready but no data" on unplug
            self.close()
            error = port_error(self.settings.port, exc)
            raise PortLostError(self.settings.port, f"scanner lost: {error.reason}") from exc
        return codes

    def close(self) -> None:
        """Close the port; `open()` may be called again."""
        if self._port is not None:
            port, self._port = self._port, None
            try:
                port.close()
            except OSError:
                log.debug("closing the lost scanner port failed", exc_info=True)


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
