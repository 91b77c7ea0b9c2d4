"""A printer on a serial line through python-escpos' ``Serial`` (pyserial)."""

from __future__ import annotations

from escpos.printer import Serial

from hardware.transports.base import EscposTransport, Timeouts
from shared.config.printer import SerialPrinter


def open_serial(printer: SerialPrinter, timeouts: Timeouts) -> SerialTransport:
    """Open the port; no DSR/DTR handshake (escpos turns it on by default)."""
    device = Serial(
        printer.device, baudrate=printer.baudrate, timeout=timeouts.status, dsrdtr=False
    )
    return SerialTransport(device, timeouts.write)


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
