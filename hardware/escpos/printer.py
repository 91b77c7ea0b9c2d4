"""The ESC/POS ticket printer: checks status, sends the job, confirms it arrived."""

from __future__ import annotations

import logging
from collections.abc import Callable

from hardware.escpos.profile import PrinterProfile
from hardware.escpos.status import query_status
from hardware.escpos.ticket import encode_ticket, needs_picture
from hardware.picture import TicketPicture
from hardware.printer import (
    PrinterOfflineError,
    PrinterStatus,
    PrintInterruptedError,
    error_for_status,
)
from hardware.ticket import TicketPrint
from hardware.transports.base import Timeouts, Transport, TransportOpenError
from hardware.transports.opener import open_transport
from shared.config.printer import AttachedPrinter, NoPrinter, PaperWidth, PrinterConfig

log = logging.getLogger(__name__)

Opener = Callable[[AttachedPrinter, Timeouts], Transport]
"""Reaches the device a site entry names (tests may hand in a memory transport)."""


def printer_from_site(
    site: PrinterConfig, timeouts: Timeouts | None = None
) -> EscposPrinter | None:
    """The printer a kiosk's ``printer = {...}`` entry names; None for ``transport = "none"``."""
    match site:
        case NoPrinter():
            return None
        case _:
            return EscposPrinter(site, timeouts=timeouts)


class EscposPrinter:
    """A Printer over one transport, opened on first use and reopened after a failure."""

    def __init__(
        self,
        site: AttachedPrinter,
        *,
        timeouts: Timeouts | None = None,
        opener: Opener = open_transport,
    ) -> None:
        """Print to the printer a site entry names; its profile and mode come from there too."""
        self.site = site
        self.profile = PrinterProfile.of(site)
        self.timeouts = timeouts or Timeouts()
        self._opener = opener
        self._transport: Transport | None = None

    @property
    def paper(self) -> PaperWidth:
        """The paper the printer holds (the width to render a picture for)."""
        return self.profile.paper

    def needs_picture(self, ticket: TicketPrint) -> bool:
        """Whether this ticket prints from its picture (raster) rather than as printer text."""
        return needs_picture(ticket, self.profile, self.site.mode)

    def _connect(self) -> Transport:
        """The open transport; PrinterOfflineError when the device is not there."""
        if self._transport is None:
            try:
                self._transport = self._opener(self.site, self.timeouts)
            except TransportOpenError as exc:
                raise PrinterOfflineError(str(exc)) from exc
        return self._transport

    def _drop(self) -> None:
        """Forget a broken connection so the next call opens a fresh one."""
        if self._transport is not None:
            try:
                self._transport.close()
            except OSError:
                log.debug("closing a broken printer transport failed", exc_info=True)
            self._transport = None

    def status(self) -> PrinterStatus:
        """Ask the device; OFFLINE when it is unreachable or silent, UNKNOWN when it cannot."""
        try:
            transport = self._connect()
            status = query_status(transport, self.timeouts.status)
        except (PrinterOfflineError, OSError):
            self._drop()
            return PrinterStatus.OFFLINE
        if status is PrinterStatus.OFFLINE:
            self._drop()
        return status

    def print_ticket(self, ticket: TicketPrint, picture: TicketPicture | None = None) -> None:
        """Encode the ticket (from its picture unless it prints as text) and print it."""
        self.print_job(encode_ticket(ticket, picture, self.profile, self.site.mode))

    def print_job(self, job: bytes) -> None:
        """Send one encoded job; raise the typed error when it cannot be printed in full."""
        before = self.status()
        if not before.can_print:
            raise error_for_status(before)
        if before is PrinterStatus.PAPER_NEAR_END:
            log.warning("printer paper near end")
        transport = self._connect()
        try:
            transport.write(job)
            after = query_status(transport, self.timeouts.write)
        except OSError as exc:
            self._drop()
            raise PrintInterruptedError(f"connection lost while printing: {exc}") from exc
        if after is PrinterStatus.OFFLINE and before is not PrinterStatus.OFFLINE:
            self._drop()
            raise PrintInterruptedError("the printer stopped answering while printing")
        if not after.can_print:
            raise error_for_status(after, f"printer reported {after} after the ticket")
        log.info("printed a job of %d bytes", len(job))

    def close(self) -> None:
        """Release the device."""
        self._drop()
