"""The desk's devices as facts (Qt-free): how the LED sign and the receipt printer are, what
the clerk can do about it, where another one can be picked.

The Qt worker (`counter.qt.devices`) checks the devices off the GUI thread and reports
`DeviceReport`s; the devices view words them (`counter.qt.texts`). `DevicePicks` holds which
port or address each device is used at: the site file's, or this PC's own pick over it.
"""

from __future__ import annotations

from collections.abc import Mapping
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
    "DevicePicks",
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


class DevicePicks:
    """Where the desk's sign and printer are used: the site file's port and address, or the one
    picked on this PC over it.

    A pick that differs from the site file's is this PC's own (`local`; the app keeps it in
    the PC's settings) and wins; a pick equal to the site's is no pick of its own: it is
    dropped and the site's applies, as after `back_to_site`. A printer picked at another
    address is a copy of its entry with that address (`printer`); back at the site's, the
    site's entry itself is used again. Each change says whether this PC's picks changed.
    """

    def __init__(self, sign_port: str = "", printer: AttachedPrinter | None = None) -> None:
        self.site: Mapping[DeviceKind, str] = {
            DeviceKind.SIGN: sign_port,
            DeviceKind.PRINTER: printer_address(printer) if printer is not None else "",
        }
        """Where the site file puts each device ("": none)."""
        self.site_printer = printer
        """The site file's printer entry (None: no printer)."""
        self.printer = printer
        """The printer's entry now (another address is put into a copy of it)."""
        self._local: dict[DeviceKind, str] = {}

    @property
    def local(self) -> Mapping[DeviceKind, str]:
        """The ports and addresses picked on this PC over the site file's."""
        return self._local

    def where(self, kind: DeviceKind) -> str:
        """Where a device is used: this PC's pick, else the site file's."""
        return self._local.get(kind, self.site[kind])

    def pick(self, kind: DeviceKind, where: str) -> bool:
        """Use `where` for `kind` from now on; whether this PC's picks changed."""
        before = self._local.get(kind)
        if where == self.site[kind]:
            self._local.pop(kind, None)
        else:
            self._local[kind] = where
        return self._local.get(kind) != before

    def pick_printer(self, address: str) -> bool:
        """Print at `address` from now on (`printer` is its entry); whether this PC's picks
        changed. ValueError when the address does not fit the entry, or there is no printer.
        """
        if self.printer is None:
            raise ValueError("this desk has no receipt printer")
        self.printer = with_address(self.printer, address)
        return self.pick(DeviceKind.PRINTER, printer_address(self.printer))

    def back_to_site(self, kind: DeviceKind) -> bool:
        """Back to the port or address the site file names; whether this PC's picks changed."""
        if kind is DeviceKind.PRINTER:
            self.printer = self.site_printer
        return self.pick(kind, self.site[kind])
