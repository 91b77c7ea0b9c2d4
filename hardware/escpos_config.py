"""How a site describes a printer: its connection, paper, print mode and capabilities."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from enum import StrEnum
from typing import Any

from hardware.escpos_encode import CodePage
from hardware.ticket import PaperWidth, PrintMode
from shared.config.printer import PrinterConfig as SitePrinter
from shared.config.printer import PrinterTransport as SiteTransport


class TransportKind(StrEnum):
    """How the printer is attached."""

    USB = "usb"
    SERIAL = "serial"
    NETWORK = "network"
    FILE = "file"


@dataclass(frozen=True, slots=True)
class PrinterProfile:
    """What a printer model can do."""

    name: str = "generic"
    paper: PaperWidth = PaperWidth.MM80
    native_qr: bool = True
    """Whether it understands GS ( k QR codes; otherwise QR codes are sent as raster."""
    native_number: bool = True
    """Whether the big ticket number goes as the printer's own magnified font (GS !, ~8 KB
    less on 80 mm) rather than as the renderer's raster."""
    codepage: CodePage = CodePage.CP858
    max_band_rows: int = 256
    """Rows per GS v 0 command."""
    raster_left_margin: bool = False
    """Whether GS L shifts GS v 0 images: lets raster skip white on the left (~25 % less)."""
    raster_justify: bool = False
    """Whether ESC a justifies GS v 0 images: lets each band skip white on both sides."""


_ALIASES = {"vendor_id": "usb_vendor_id", "product_id": "usb_product_id", "device": "serial_device"}
"""Site-file key names and the names used here."""


@dataclass(frozen=True, slots=True)
class PrinterConfig:
    """One printer: transport and its parameters, paper, mode, profile, timeouts."""

    transport: TransportKind
    profile: PrinterProfile = field(default_factory=PrinterProfile)
    mode: PrintMode = PrintMode.RASTER
    usb_vendor_id: int | None = None
    usb_product_id: int | None = None
    serial_device: str = ""
    baudrate: int = 9600
    serial_dsrdtr: bool = False
    host: str = ""
    port: int = 9100
    path: str = ""
    connect_timeout: float = 3.0
    status_timeout: float = 1.0
    """How long to wait for a DLE EOT answer before calling the printer OFFLINE."""
    write_timeout: float = 30.0
    """How long one 4 KB chunk may take to leave (covers slow serial lines)."""

    def __post_init__(self) -> None:
        """Reject configurations that name no device."""
        needs = {
            TransportKind.USB: self.usb_vendor_id is not None and self.usb_product_id is not None,
            TransportKind.SERIAL: bool(self.serial_device),
            TransportKind.NETWORK: bool(self.host),
            TransportKind.FILE: bool(self.path),
        }
        if not needs[self.transport]:
            raise ValueError(f"printer config for {self.transport} transport names no device")

    @property
    def paper(self) -> PaperWidth:
        """The paper width (from the profile)."""
        return self.profile.paper

    @classmethod
    def from_mapping(cls, raw: Mapping[str, Any]) -> PrinterConfig:
        """Build from a config dict (e.g. a TOML table); unknown keys are an error.

        Takes the site file's names too: ``vendor_id``, ``product_id``, ``device``,
        ``paper = "58mm" | "80mm"``.
        """
        values = {_ALIASES.get(key, key): value for key, value in raw.items()}
        if isinstance(values.get("paper"), str):
            values["paper_mm"] = int(values.pop("paper").removesuffix("mm"))
        if "path" in values:
            values["path"] = str(values["path"])
        profile_keys = {f.name for f in fields(PrinterProfile)}
        own_keys = {f.name for f in fields(cls)} - {"profile"}
        unknown = set(values) - profile_keys - own_keys - {"paper_mm"}
        if unknown:
            raise ValueError(f"unknown printer config keys: {', '.join(sorted(unknown))}")
        profile_values: dict[str, Any] = {k: values.pop(k) for k in profile_keys & set(values)}
        if "paper_mm" in values:
            profile_values["paper"] = {58: PaperWidth.MM58, 80: PaperWidth.MM80}[
                int(values.pop("paper_mm"))
            ]
        if "paper" in profile_values:
            profile_values["paper"] = PaperWidth(profile_values["paper"])
        if "codepage" in profile_values:
            profile_values["codepage"] = CodePage(profile_values["codepage"])
        values["transport"] = TransportKind(values["transport"])
        if "mode" in values:
            values["mode"] = PrintMode(values["mode"])
        return cls(profile=PrinterProfile(**profile_values), **values)


def printer_config_from_site(site: SitePrinter) -> PrinterConfig | None:
    """The printer a kiosk's ``printer = {...}`` entry describes; None when it has none."""
    if site.transport == SiteTransport.NONE:
        return None
    return PrinterConfig.from_mapping(site.model_dump(mode="python"))
