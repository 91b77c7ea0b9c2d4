"""Serial barcode/QR scanners: frame, validate and deliver appointment numbers.

Three layers: `ScanFramer` (bytes in, valid codes out; pure), `SerialScanner` (a pyserial
port read with a non-blocking `poll()`; Qt-free) and `hardware.qt.scanner.QtSerialScanner`
(a QSocketNotifier on the port's fd, so the GUI thread never blocks, plus reconnect with
back-off).
"""

from __future__ import annotations

import logging
import re

import serial

from hardware.serialport import PortLostError, SerialSettings, open_port, port_error

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
