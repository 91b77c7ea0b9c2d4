"""A USB printer through python-escpos' ``Usb`` (pyusb)."""

from __future__ import annotations

from escpos.printer import Usb

from hardware.transports.base import EscposTransport, Timeouts
from shared.config.printer import UsbPrinter


def open_usb(printer: UsbPrinter, timeouts: Timeouts) -> UsbTransport:
    """Find the printer by vendor and product id."""
    return UsbTransport(Usb(printer.vendor_id, printer.product_id, timeout=0), timeouts.write)


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
