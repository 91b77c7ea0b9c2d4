"""What every printer transport is: the `Transport` protocol, its timeouts, the escpos base."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

CHUNK = 4096
"""Bytes per write: a write timeout applies per chunk (a 9600-baud line needs 4 s for one)."""


@dataclass(frozen=True, slots=True)
class Timeouts:
    """How long a printer may take: to connect, to answer a status request, per 4 KB chunk."""

    connect: float = 3.0
    status: float = 1.0
    """How long to wait for a DLE EOT answer before calling the printer OFFLINE."""
    write: float = 30.0
    """How long one 4 KB chunk may take to leave (covers slow serial lines)."""


class TransportOpenError(OSError):
    """The device could not be opened or connected."""


class Transport(Protocol):
    """A connection to a printer: write bytes, read status answers, close."""

    @property
    def readable(self) -> bool:
        """Whether the device can answer status requests."""
        ...

    def write(self, data: bytes) -> None:
        """Send all bytes; raise OSError (ConnectionError, TimeoutError) when they cannot go."""
        ...

    def read(self, size: int, timeout: float) -> bytes:
        """Up to ``size`` bytes; b"" when nothing came within ``timeout``; OSError on hang-up."""
        ...

    def close(self) -> None:
        """Release the device."""
        ...


class EscposTransport:
    """A python-escpos printer object used as a transport: writes go through its ``_raw``."""

    readable = True

    def __init__(self, device: Any, write_timeout: float) -> None:
        """Wrap an opened ``escpos.printer`` instance."""
        self.device = device
        self.write_timeout = write_timeout

    def write(self, data: bytes) -> None:
        """Send in chunks so a slow line's timeout applies per chunk."""
        for start in range(0, len(data), CHUNK):
            self.device._raw(data[start : start + CHUNK])

    def read(self, size: int, timeout: float) -> bytes:
        """Not every escpos device reads; subclasses do."""
        raise NotImplementedError

    def close(self) -> None:
        """Close the escpos device."""
        self.device.close()
