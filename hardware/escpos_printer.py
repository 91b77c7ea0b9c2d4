"""The ESC/POS ticket printer: checks status, sends the job, confirms it arrived."""

from __future__ import annotations

import logging
from collections.abc import Callable

from hardware.escpos_config import PrinterConfig
from hardware.escpos_ticket import encode_ticket
from hardware.printer import (
    PrinterOfflineError,
    PrinterStatus,
    PrintInterruptedError,
    error_for_status,
)
from hardware.status import query_status
from hardware.ticket import TicketPrint
from hardware.transports import Transport, TransportOpenError, open_transport

logger = logging.getLogger(__name__)


class EscposPrinter:
    """A Printer over one transport, opened on first use and reopened after a failure."""

    def __init__(
        self,
        config: PrinterConfig,
        opener: Callable[[PrinterConfig], Transport] = open_transport,
    ) -> None:
        """Use ``opener`` to reach the device (tests may hand in a memory transport)."""
        self.config = config
        self._opener = opener
        self._transport: Transport | None = None

    def _connect(self) -> Transport:
        """The open transport; PrinterOfflineError when the device is not there."""
        if self._transport is None:
            try:
                self._transport = self._opener(self.config)
            except TransportOpenError as exc:
                raise PrinterOfflineError(str(exc)) from exc
        return self._transport

    def _drop(self) -> None:
        """Forget a broken connection so the next call opens a fresh one."""
        if self._transport is not None:
            try:
                self._transport.close()
            except OSError:
                logger.debug("closing a broken printer transport failed", exc_info=True)
            self._transport = None

    def status(self) -> PrinterStatus:
        """Ask the device; OFFLINE when it is unreachable or silent, UNKNOWN when it cannot."""
        try:
            transport = self._connect()
            status = query_status(transport, self.config.status_timeout)
        except (PrinterOfflineError, OSError):
            self._drop()
            return PrinterStatus.OFFLINE
        if status is PrinterStatus.OFFLINE:
            self._drop()
        return status

    def print_ticket(self, ticket: TicketPrint) -> None:
        """Render or lay out the ticket for this printer and print it."""
        self.print_job(encode_ticket(ticket, self.config.profile, self.config.mode))

    def print_job(self, job: bytes) -> None:
        """Send one encoded job; raise the typed error when it cannot be printed in full."""
        before = self.status()
        if not before.can_print:
            raise error_for_status(before)
        if before is PrinterStatus.PAPER_NEAR_END:
            logger.warning("printer paper near end")
        transport = self._connect()
        try:
            transport.write(job)
            after = query_status(transport, self.config.write_timeout)
        except OSError as exc:
            self._drop()
            raise PrintInterruptedError(f"connection lost while printing: {exc}") from exc
        if after is PrinterStatus.OFFLINE and before is not PrinterStatus.OFFLINE:
            self._drop()
            raise PrintInterruptedError("the printer stopped answering while printing")
        if not after.can_print:
            raise error_for_status(after, f"printer reported {after} after the ticket")
        logger.info("printed a job of %d bytes", len(job))

    def close(self) -> None:
        """Release the device."""
        self._drop()
