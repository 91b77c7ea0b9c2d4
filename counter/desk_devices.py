"""The desk's devices as facts (Qt-free): how the LED sign and the receipt printer are, what
the clerk can do about it, where another one can be picked.

The Qt worker (`counter.qt.devices`) checks the devices off the GUI thread and reports
`DeviceReport`s; the devices view words them (`counter.qt.texts`).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from hardware.printer import PrinterStatus
from shared.config.printer import (
    AttachedPrinter,
    FilePrinter,
    NetworkPrinter,
    SerialPrinter,
    UsbPrinter,
)

__all__ = [
    "DeviceKind",
    "DeviceReport",
    "Health",
    "Remedy",
    "printer_address",
    "printer_report",
    "remedy",
    "serial_ports",
    "with_address",
]

SERIAL_PATTERNS = ("serial/by-id/*", "ttyUSB*", "ttyACM*", "ttyS[0-3]")
"""Where a USB-serial LED sign appears (by-id names stay the same after replugging)."""


class DeviceKind(StrEnum):
    """Which device of the desk."""

    SIGN = "sign"
    PRINTER = "printer"


class Health(StrEnum):
    """How a device is."""

    NONE = "none"
    """Not set up for this counter."""
    CHECKING = "checking"
    READY = "ready"
    TROUBLE = "trouble"
    """It answers but cannot print (paper, cover, fault)."""
    UNREACHABLE = "unreachable"
    """Unplugged, switched off, or it stopped answering."""


class Remedy(StrEnum):
    """What the clerk can do about a device (worded by the view)."""

    NOTHING = "nothing"
    PLUG_IN_SIGN = "plug_in_sign"
    SWITCH_ON_PRINTER = "switch_on_printer"
    PAPER = "paper"
    PAPER_SOON = "paper_soon"
    COVER = "cover"
    RESTART_PRINTER = "restart_printer"


@dataclass(frozen=True, slots=True, kw_only=True)
class DeviceReport:
    """One device's last check: where it is, how it is, and the error seen (if any)."""

    kind: DeviceKind
    where: str = ""
    health: Health = Health.NONE
    printer: PrinterStatus | None = None
    error: str = ""


def remedy(report: DeviceReport) -> Remedy:
    """What to do now."""
    if report.health is Health.UNREACHABLE:
        return Remedy.PLUG_IN_SIGN if report.kind is DeviceKind.SIGN else Remedy.SWITCH_ON_PRINTER
    return {
        PrinterStatus.PAPER_OUT: Remedy.PAPER,
        PrinterStatus.PAPER_NEAR_END: Remedy.PAPER_SOON,
        PrinterStatus.COVER_OPEN: Remedy.COVER,
        PrinterStatus.ERROR: Remedy.RESTART_PRINTER,
    }.get(report.printer or PrinterStatus.OK, Remedy.NOTHING)


def printer_report(status: PrinterStatus, where: str) -> DeviceReport:
    """A printer's report from the status it answered."""
    if status is PrinterStatus.OFFLINE:
        health = Health.UNREACHABLE
    elif status.can_print:
        health = Health.READY
    else:
        health = Health.TROUBLE
    return DeviceReport(kind=DeviceKind.PRINTER, where=where, health=health, printer=status)


def serial_ports(dev: Path = Path("/dev")) -> list[str]:
    """The serial devices present now, stable by-id names first."""
    found: list[str] = []
    for pattern in SERIAL_PATTERNS:
        found.extend(str(p) for p in sorted(dev.glob(pattern)) if str(p) not in found)
    return found


def printer_address(site: AttachedPrinter) -> str:
    """Where a printer is, as the clerk types it: host:port, a device path or a file."""
    match site:
        case NetworkPrinter():
            return f"{site.host}:{site.port}"
        case SerialPrinter():
            return site.device
        case FilePrinter():
            return str(site.path)
        case UsbPrinter():
            return f"{site.vendor_id:04x}:{site.product_id:04x}"


def with_address(site: AttachedPrinter, address: str) -> AttachedPrinter:
    """The same printer entry at another address; ValueError when the address does not fit."""
    text = address.strip()
    if not text:
        raise ValueError("empty address")
    match site:
        case NetworkPrinter():
            host, _, port = text.rpartition(":") if ":" in text else (text, "", "9100")
            if not host or not port.isdigit() or not 0 < int(port) < 65536:
                raise ValueError(f"{text!r} is not host:port")
            return site.model_copy(update={"host": host, "port": int(port)})
        case SerialPrinter():
            return site.model_copy(update={"device": text})
        case FilePrinter():
            return site.model_copy(update={"path": Path(text)})
        case UsbPrinter():
            vendor, _, product = text.partition(":")
            try:
                ids = int(vendor, 16), int(product, 16)
            except ValueError:
                raise ValueError(f"{text!r} is not vendor:product (hex)") from None
            return site.model_copy(update={"vendor_id": ids[0], "product_id": ids[1]})
