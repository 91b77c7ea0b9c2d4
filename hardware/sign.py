"""The LED number sign above a counter: each call also shows at the desk. Qt-free.

The sign speaks a line protocol given by templates, e.g. ``"{counter}:{number}\\r\\n"`` →
``b"03:A042\\r\\n"``. `CounterSign` blocks while it writes (a few bytes, bounded by a write
timeout), so apps call it off the GUI thread.
"""

from __future__ import annotations

import logging
import string
import threading
from collections.abc import Callable
from dataclasses import dataclass

import serial

from hardware.serialport import PortError, SerialSettings, open_port, port_error

log = logging.getLogger(__name__)

_FIELDS = frozenset({"counter", "number"})


def template_fields(template: str) -> frozenset[str]:
    """Return the placeholder names a sign template uses; raise ValueError on unknown ones."""
    names = {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}
    unknown = names - _FIELDS
    if unknown or "" in names:
        raise ValueError(f"sign template {template!r} may only use {{counter}} and {{number}}")
    return frozenset(names)


@dataclass(frozen=True, slots=True)
class SignProtocol:
    """The line protocol of one sign model: templates for show, clear and (optionally) blink."""

    show: str = "{counter}:{number}\r\n"
    clear: str = "{counter}:\r\n"
    blink: str | None = None
    """E.g. ``"{counter}:{number}:B\\r\\n"``; None when the sign cannot blink."""
    encoding: str = "ascii"
    max_number_length: int = 8
    """How many characters the sign's digits can show."""

    def __post_init__(self) -> None:
        if "number" not in template_fields(self.show):
            raise ValueError(f"the show template {self.show!r} needs a {{number}} placeholder")
        if "number" in template_fields(self.clear):
            raise ValueError(f"the clear template {self.clear!r} cannot show a {{number}}")
        if self.blink is not None and "number" not in template_fields(self.blink):
            raise ValueError(f"the blink template {self.blink!r} needs a {{number}} placeholder")
        "".encode(self.encoding)  # LookupError for an unknown codec, at config time
        if self.max_number_length < 1:
            raise ValueError("a sign shows at least one character")


class SignError(Exception):
    """Base of the counter sign's errors."""


class SignUnavailableError(SignError):
    """The sign cannot be reached: not plugged in, no permission, or it stopped answering."""


class SignPayloadError(SignError, ValueError):
    """The number cannot be shown on this sign (too long, or characters it cannot encode)."""


def encode_frame(protocol: SignProtocol, template: str, counter: str, number: str) -> bytes:
    """Fill a template and encode it for the wire; raise `SignPayloadError` when impossible."""
    if len(number) > protocol.max_number_length:
        raise SignPayloadError(
            f"{number!r} is longer than the sign's {protocol.max_number_length} characters"
        )
    if any(not ch.isprintable() for ch in number + counter):
        raise SignPayloadError(f"{number!r} on counter {counter!r} holds control characters")
    text = template.format(counter=counter, number=number)
    try:
        return text.encode(protocol.encoding)
    except UnicodeEncodeError as exc:
        raise SignPayloadError(f"the sign cannot show {text!r} in {protocol.encoding}") from exc


Opener = Callable[[SerialSettings], serial.Serial]


def _open(settings: SerialSettings) -> serial.Serial:
    return open_port(settings, read_timeout=0.0, write_timeout=1.0)


class CounterSign:
    """Drives one counter's LED number sign; opens the port on first use, reopens after a loss."""

    def __init__(
        self,
        settings: SerialSettings,
        counter: str,
        protocol: SignProtocol | None = None,
        *,
        opener: Opener = _open,
    ) -> None:
        self._settings = settings
        self._counter = counter
        self._protocol = protocol or SignProtocol()
        self._opener = opener
        self._port: serial.Serial | None = None
        self._lock = threading.Lock()
        encode_frame(self._protocol, self._protocol.clear, counter, "")  # fail early on bad names

    @property
    def counter(self) -> str:
        """The counter name or number this sign stands above, as sent to the sign."""
        return self._counter

    def show(self, number: str, *, blink: bool = False) -> None:
        """Show a ticket number; `blink` when the sign can (otherwise it shows steadily)."""
        template = self._protocol.show
        if blink:
            if self._protocol.blink is None:
                log.debug("sign on %s cannot blink; showing %s steadily", self._counter, number)
            else:
                template = self._protocol.blink
        self._send(encode_frame(self._protocol, template, self._counter, number))

    def clear(self) -> None:
        """Blank the sign (the counter is closed or the visitor has been served)."""
        self._send(encode_frame(self._protocol, self._protocol.clear, self._counter, ""))

    @property
    def port(self) -> str:
        """The serial device path the sign hangs on."""
        return self._settings.port

    @property
    def connected(self) -> bool:
        """Whether the port is open now (it may still have been unplugged since)."""
        return self._port is not None

    def connect(self) -> None:
        """Open the port now, without sending; `SignUnavailableError` when it cannot be."""
        with self._lock:
            self._ensure_open()

    def moved_to(self, port: str) -> CounterSign:
        """The same sign (counter, protocol, line settings) on another serial device."""
        settings = SerialSettings(
            port,
            baudrate=self._settings.baudrate,
            bytesize=self._settings.bytesize,
            parity=self._settings.parity,
            stopbits=self._settings.stopbits,
            exclusive=self._settings.exclusive,
        )
        return CounterSign(settings, self._counter, self._protocol, opener=self._opener)

    def close(self) -> None:
        """Release the port; a later `show` opens it again."""
        with self._lock:
            self._drop()

    def _send(self, frame: bytes) -> None:
        with self._lock:
            port = self._ensure_open()
            try:
                port.write(frame)  # no flush(): tcdrain has no timeout on a stuck line
            except (OSError, serial.SerialException) as exc:
                self._drop()
                error = port_error(self._settings.port, exc)
                log.warning("counter sign %s lost: %s", self._counter, error)
                raise SignUnavailableError(f"counter sign {self._counter}: {error}") from exc
            log.debug("sign %s ← %r", self._counter, frame)

    def _ensure_open(self) -> serial.Serial:
        if self._port is None:
            try:
                self._port = self._opener(self._settings)
            except PortError as exc:
                raise SignUnavailableError(f"counter sign {self._counter}: {exc}") from exc
        return self._port

    def _drop(self) -> None:
        if self._port is not None:
            port, self._port = self._port, None
            try:
                port.close()
            except (OSError, serial.SerialException):
                log.debug("closing the lost sign port failed", exc_info=True)
