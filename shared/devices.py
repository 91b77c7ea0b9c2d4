"""What paired devices report about themselves (hub, kiosk and counter app share it).

`PrinterStatus` has the values of `hardware.printer.PrinterStatus` (a test keeps them equal):
a kiosk sends its printer's state with ``PUT /api/v1/devices/current/status``.
"""

from __future__ import annotations

from enum import StrEnum


class PrinterStatus(StrEnum):
    """A ticket printer's state as a kiosk last saw it."""

    OK = "ok"
    PAPER_NEAR_END = "paper_near_end"
    PAPER_OUT = "paper_out"
    COVER_OPEN = "cover_open"
    OFFLINE = "offline"
    ERROR = "error"
    UNKNOWN = "unknown"


__all__ = ["PrinterStatus"]
