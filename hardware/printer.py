"""What the apps see of a ticket printer: the interface, its status, and its typed errors."""

from __future__ import annotations

from enum import StrEnum
from typing import Protocol

from hardware.ticket import TicketPrint


class PrinterStatus(StrEnum):
    """The printer's condition as last read back from the device."""

    OK = "ok"
    PAPER_NEAR_END = "paper_near_end"
    PAPER_OUT = "paper_out"
    COVER_OPEN = "cover_open"
    OFFLINE = "offline"
    """The device did not answer (off, unplugged, hung) or reports itself offline."""
    ERROR = "error"
    UNKNOWN = "unknown"
    """The transport cannot read status (e.g. a plain file)."""

    @property
    def can_print(self) -> bool:
        """Whether a ticket may be sent (near end and unknown are tried)."""
        return self in (PrinterStatus.OK, PrinterStatus.PAPER_NEAR_END, PrinterStatus.UNKNOWN)


class PrinterError(Exception):
    """A ticket could not be printed; ``visitor_hint`` is what the kiosk may show."""

    visitor_hint = "The ticket could not be printed. Please ask at reception."
    status = PrinterStatus.ERROR


class PrinterOfflineError(PrinterError):
    """The printer cannot be reached or does not answer."""

    visitor_hint = "The printer is not available right now. Please ask at reception."
    status = PrinterStatus.OFFLINE


class PaperOutError(PrinterError):
    """The paper roll is empty."""

    visitor_hint = "The printer is out of paper. Please ask at reception."
    status = PrinterStatus.PAPER_OUT


class CoverOpenError(PrinterError):
    """The printer's cover is open."""

    visitor_hint = "The printer cover is open. Please ask at reception."
    status = PrinterStatus.COVER_OPEN


class PrintInterruptedError(PrinterError):
    """The connection dropped while a ticket was being sent; the ticket may be cut short."""

    visitor_hint = "Printing was interrupted. Please ask at reception for your ticket."
    status = PrinterStatus.OFFLINE


def error_for_status(status: PrinterStatus, detail: str = "") -> PrinterError:
    """The typed error that stops printing in ``status``."""
    kinds: dict[PrinterStatus, type[PrinterError]] = {
        PrinterStatus.PAPER_OUT: PaperOutError,
        PrinterStatus.COVER_OPEN: CoverOpenError,
        PrinterStatus.OFFLINE: PrinterOfflineError,
    }
    kind = kinds.get(status, PrinterError)
    return kind(detail or f"printer status: {status}")


class Printer(Protocol):
    """A ticket printer, used from one thread at a time (the Qt side gives it its own)."""

    def status(self) -> PrinterStatus:
        """Ask the device; OFFLINE when it does not answer, UNKNOWN when it cannot."""
        ...

    def print_ticket(self, ticket: TicketPrint) -> None:
        """Print one ticket and cut; raise a PrinterError subclass when that fails."""
        ...

    def close(self) -> None:
        """Release the device."""
        ...
