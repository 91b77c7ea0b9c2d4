"""What the apps see of a ticket printer: the interface, its status, its typed errors, a poller."""

from __future__ import annotations

import logging
from enum import StrEnum
from typing import Protocol

from psygnal import Signal

from hardware.picture import TicketPicture
from hardware.ticket import TicketPrint
from shared.config.printer import PaperWidth

log = logging.getLogger(__name__)


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

    @property
    def paper(self) -> PaperWidth:
        """The paper the printer holds (the width to render a picture for)."""
        ...

    def needs_picture(self, ticket: TicketPrint) -> bool:
        """Whether this ticket prints from its rendered picture rather than as printer text."""
        ...

    def status(self) -> PrinterStatus:
        """Ask the device; OFFLINE when it does not answer, UNKNOWN when it cannot."""
        ...

    def print_ticket(self, ticket: TicketPrint, picture: TicketPicture | None = None) -> None:
        """Print one ticket (from ``picture`` when it needs one) and cut; raise a PrinterError."""
        ...

    def close(self) -> None:
        """Release the device."""
        ...


class StatusMonitor:
    """Polls a printer and announces changes.

    Signals: ``printer_status_changed(PrinterStatus)``.
    """

    printer_status_changed = Signal(PrinterStatus)

    def __init__(self, printer: Printer) -> None:
        """Watch ``printer``; the status is UNKNOWN until the first poll."""
        self.printer = printer
        self.status = PrinterStatus.UNKNOWN

    def poll(self) -> PrinterStatus:
        """Ask the printer once (blocking); emit when the status changed."""
        status = self.printer.status()
        self.update(status)
        return status

    def update(self, status: PrinterStatus) -> None:
        """Take a status learned elsewhere (e.g. from a failed print)."""
        if status is not self.status:
            log.info("printer status %s -> %s", self.status, status)
            self.status = status
            self.printer_status_changed.emit(status)
