"""The site configuration: one TOML file, validated, with errors that name the key and line.

    cfg = load_config(Path("office.toml"))     # raises ConfigError
    site = cfg.to_site()                        # the domain's Site

`load` reads the file and turns every failure into one `ConfigError`; `model` holds the
sections, `printer` the printer vocabulary, `checks` the cross-section checks, `errors` the
wording of pydantic's errors, `locate` the line finder.
"""

from shared.config.load import (
    MAX_BYTES,
    MAX_SHOWN,
    ConfigError,
    ConfigIssue,
    CounterConfig,
    DisplayConfig,
    FilePrinter,
    KioskConfig,
    NetworkPrinter,
    NoPrinter,
    OfficeConfig,
    PaperWidth,
    PolicyConfig,
    PrinterConfig,
    PrinterTransport,
    PrintMode,
    SerialPrinter,
    ServerConfig,
    ServiceConfig,
    SiteConfig,
    UsbPrinter,
    check_config,
    load_config,
    parse_config,
    starter_config,
)

__all__ = [
    "MAX_BYTES",
    "MAX_SHOWN",
    "ConfigError",
    "ConfigIssue",
    "CounterConfig",
    "DisplayConfig",
    "FilePrinter",
    "KioskConfig",
    "NetworkPrinter",
    "NoPrinter",
    "OfficeConfig",
    "PaperWidth",
    "PolicyConfig",
    "PrintMode",
    "PrinterConfig",
    "PrinterTransport",
    "SerialPrinter",
    "ServerConfig",
    "ServiceConfig",
    "SiteConfig",
    "UsbPrinter",
    "check_config",
    "load_config",
    "parse_config",
    "starter_config",
]
