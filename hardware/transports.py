"""Byte pipes to a printer: python-escpos devices (USB, serial, network, file) and memory."""

from __future__ import annotations

import logging
import socket
from typing import Any, Protocol

from escpos.exceptions import DeviceNotFoundError
from escpos.printer import File, Network, Serial, Usb

from hardware.emulator.state import EmulatorState, JobRecorder, JobSink
from hardware.escpos_config import PrinterConfig, TransportKind

logger = logging.getLogger(__name__)

CHUNK = 4096


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


class NetworkTransport(EscposTransport):
    """TCP (port 9100) through ``escpos.printer.Network``."""

    def _socket(self) -> socket.socket:
        """The connected socket."""
        sock: socket.socket = self.device.device
        return sock

    def write(self, data: bytes) -> None:
        """Send with the write timeout per chunk."""
        self._socket().settimeout(self.write_timeout)
        super().write(data)

    def read(self, size: int, timeout: float) -> bytes:
        """Receive; a closed connection raises ConnectionResetError."""
        sock = self._socket()
        sock.settimeout(timeout)
        try:
            data = sock.recv(size)
        except TimeoutError:
            return b""
        if not data:
            raise ConnectionResetError("the printer closed the connection")
        return data


class SerialTransport(EscposTransport):
    """A serial line through ``escpos.printer.Serial`` (pyserial)."""

    def write(self, data: bytes) -> None:
        """Write with the write timeout per chunk."""
        self.device.device.write_timeout = self.write_timeout
        super().write(data)

    def read(self, size: int, timeout: float) -> bytes:
        """Read what arrives within the timeout."""
        port = self.device.device
        port.timeout = timeout
        data: bytes = port.read(size)
        return data


class UsbTransport(EscposTransport):
    """USB through ``escpos.printer.Usb`` (pyusb); reads from the IN endpoint."""

    def read(self, size: int, timeout: float) -> bytes:
        """Read the IN endpoint; a USB timeout is no answer."""
        import usb.core  # noqa: PLC0415 - pyusb is only needed on USB kiosks

        try:
            answer = self.device.device.read(self.device.in_ep, size, int(timeout * 1000))
        except usb.core.USBTimeoutError:
            return b""
        return bytes(answer)


class FileTransport(EscposTransport):
    """A device file (e.g. /dev/usb/lp0) through ``escpos.printer.File``: write only."""

    readable = False


class MemoryTransport:
    """An in-memory printer: records jobs and answers status like an emulator in ``state``."""

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


def _network_device(config: PrinterConfig) -> Network:
    """An escpos Network printer on a socket we connect (escpos leaks it when connect fails)."""
    device = Network(config.host, config.port, timeout=config.connect_timeout)
    sock = socket.create_connection((config.host, config.port), config.connect_timeout)
    # No Nagle: the short tail of a job and the status request after it leave at once
    # instead of waiting ~40 ms for the delayed ACK of the bytes before them.
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    device.device = sock
    return device


def open_transport(config: PrinterConfig) -> Transport:
    """Open the device a config names; TransportOpenError when it is not there."""
    kinds: dict[TransportKind, tuple[type[EscposTransport], Any]] = {
        TransportKind.NETWORK: (NetworkTransport, lambda: _network_device(config)),
        TransportKind.SERIAL: (
            SerialTransport,
            lambda: Serial(
                config.serial_device,
                baudrate=config.baudrate,
                timeout=config.status_timeout,
                dsrdtr=config.serial_dsrdtr,
            ),
        ),
        TransportKind.USB: (
            UsbTransport,
            lambda: Usb(config.usb_vendor_id, config.usb_product_id, timeout=0),
        ),
        TransportKind.FILE: (FileTransport, lambda: File(config.path)),
    }
    wrapper, build = kinds[config.transport]
    try:
        device = build()
        if device.device is None:
            raise DeviceNotFoundError(f"{config.transport} printer did not open")
    except (DeviceNotFoundError, OSError, RuntimeError, ValueError) as exc:
        # ValueError: pyusb without a libusb backend (NoBackendError).
        raise TransportOpenError(f"cannot open {config.transport} printer: {exc}") from exc
    logger.info("printer opened over %s", config.transport)
    return wrapper(device, config.write_timeout)
