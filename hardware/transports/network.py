"""A network printer (raw TCP, port 9100) through python-escpos' ``Network``."""

from __future__ import annotations

import socket

from escpos.printer import Network

from hardware.transports.base import EscposTransport, Timeouts
from shared.config.printer import NetworkPrinter


def open_network(printer: NetworkPrinter, timeouts: Timeouts) -> NetworkTransport:
    """Connect to the printer (we connect the socket: escpos leaks it when connect fails)."""
    device = Network(printer.host, printer.port, timeout=timeouts.connect)
    sock = socket.create_connection((printer.host, printer.port), timeouts.connect)
    # No Nagle: the short tail of a job and the status request after it leave at once
    # instead of waiting ~40 ms for the delayed ACK of the bytes before them.
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    device.device = sock
    return NetworkTransport(device, timeouts.write)


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
