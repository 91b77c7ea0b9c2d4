"""Opening pyserial ports with settings from the site config and errors a person can act on."""

from __future__ import annotations

import errno
import logging
from dataclasses import dataclass
from enum import StrEnum

import serial

log = logging.getLogger(__name__)


class Parity(StrEnum):
    """Parity bit of a serial line (values are pyserial's constants)."""

    NONE = "N"
    EVEN = "E"
    ODD = "O"


@dataclass(frozen=True, slots=True)
class SerialSettings:
    """Where a serial device hangs and how its line is set up (8N1 at 9600 baud by default)."""

    port: str
    baudrate: int = 9600
    bytesize: int = 8
    parity: Parity = Parity.NONE
    stopbits: int = 1
    exclusive: bool = True  # flock the port, so two programs never share one device

    def __post_init__(self) -> None:
        if not self.port:
            raise ValueError("a serial device needs a port path, e.g. /dev/ttyUSB0")
        if self.baudrate <= 0:
            raise ValueError(f"baud rate must be positive, not {self.baudrate}")
        if self.bytesize not in (5, 6, 7, 8):
            raise ValueError(f"byte size must be 5, 6, 7 or 8, not {self.bytesize}")
        if self.stopbits not in (1, 2):
            raise ValueError(f"stop bits must be 1 or 2, not {self.stopbits}")


class PortError(Exception):
    """A serial port could not be opened or used; `port` names it, the message says why."""

    def __init__(self, port: str, reason: str) -> None:
        super().__init__(f"{port}: {reason}")
        self.port = port
        self.reason = reason


class PortNotFoundError(PortError):
    """The device is not there (unplugged, or a wrong path in the config)."""


class PortPermissionError(PortError):
    """The device exists but this user may not open it."""


class PortBusyError(PortError):
    """Another program holds the device."""


class PortLostError(PortError):
    """An open device stopped answering (unplugged while in use)."""


_BUSY = (errno.EBUSY, errno.EAGAIN, errno.EWOULDBLOCK)


def port_error(port: str, exc: OSError) -> PortError:
    """Translate an OS or pyserial error on `port` into the matching `PortError`."""
    code = exc.errno
    if code in (errno.ENOENT, errno.ENODEV, errno.ENXIO):
        return PortNotFoundError(port, "no such device (is it plugged in? check the port path)")
    if code in (errno.EACCES, errno.EPERM):
        return PortPermissionError(
            port, "permission denied (add the user to the 'dialout' group or fix the udev rule)"
        )
    if code in _BUSY:
        return PortBusyError(port, "in use by another program")
    return PortError(port, str(exc) or type(exc).__name__)


def open_port(
    settings: SerialSettings,
    *,
    read_timeout: float | None = 0.0,
    write_timeout: float | None = 1.0,
) -> serial.Serial:
    """Open the port of `settings`; raise a `PortError` subclass that says what is wrong.

    `read_timeout=0` makes `read()` non-blocking; `write_timeout` bounds a write to a stuck
    device (pyserial raises `SerialTimeoutException`, a `SerialException`).
    """
    try:
        port = serial.Serial(
            port=settings.port,
            baudrate=settings.baudrate,
            bytesize=settings.bytesize,
            parity=settings.parity.value,
            stopbits=settings.stopbits,
            timeout=read_timeout,
            write_timeout=write_timeout,
            exclusive=settings.exclusive,
        )
    except OSError as exc:  # pyserial's SerialException is an OSError, errno set on open
        raise port_error(settings.port, exc) from exc
    log.debug("opened %s at %d baud", settings.port, settings.baudrate)
    return port
