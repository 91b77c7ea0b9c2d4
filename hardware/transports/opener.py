"""The transport a site entry names: a match on the site config's tagged union."""

from __future__ import annotations

import logging

from escpos.exceptions import DeviceNotFoundError

from hardware.transports.base import EscposTransport, Timeouts, Transport, TransportOpenError
from hardware.transports.file import open_file
from hardware.transports.network import open_network
from hardware.transports.serial import open_serial
from hardware.transports.usb import open_usb
from shared.config.printer import (
    AttachedPrinter,
    FilePrinter,
    NetworkPrinter,
    SerialPrinter,
    UsbPrinter,
)

log = logging.getLogger(__name__)


def open_transport(printer: AttachedPrinter, timeouts: Timeouts) -> Transport:
    """Open the device a site entry names; TransportOpenError when it is not there."""
    try:
        transport = _open(printer, timeouts)
        if transport.device.device is None:
            raise DeviceNotFoundError(f"{printer.transport} printer did not open")
    except (DeviceNotFoundError, OSError, RuntimeError, ValueError) as exc:
        # ValueError: pyusb without a libusb backend (NoBackendError).
        raise TransportOpenError(f"cannot open {printer.transport} printer: {exc}") from exc
    log.info("printer opened over %s", printer.transport)
    return transport


def _open(printer: AttachedPrinter, timeouts: Timeouts) -> EscposTransport:
    """The escpos device for the entry's transport, wrapped."""
    match printer:
        case NetworkPrinter():
            return open_network(printer, timeouts)
        case SerialPrinter():
            return open_serial(printer, timeouts)
        case UsbPrinter():
            return open_usb(printer, timeouts)
        case FilePrinter():
            return open_file(printer, timeouts)
