"""A printer device file (e.g. /dev/usb/lp0) or a plain file through python-escpos' ``File``."""

from __future__ import annotations

from escpos.printer import File

from hardware.transports.base import EscposTransport, Timeouts
from shared.config.printer import FilePrinter


def open_file(printer: FilePrinter, timeouts: Timeouts) -> FileTransport:
    """Open the file for writing."""
    return FileTransport(File(str(printer.path)), timeouts.write)


class FileTransport(EscposTransport):
    """A device file (e.g. /dev/usb/lp0) through ``escpos.printer.File``: write only."""

    readable = False
