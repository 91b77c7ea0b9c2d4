"""The Qt side of printing: jobs and status polls run on a worker thread, results come back.

On that thread a ticket takes its whole way: rendered into its picture (`hardware.qt.render`)
when the printer needs one, then handed to the Qt-free printer, which encodes and sends it.
"""

from __future__ import annotations

import itertools
import logging

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from hardware.printer import Printer, PrinterError, PrinterStatus, StatusMonitor
from hardware.qt.render import ticket_picture
from hardware.ticket import TicketPrint

log = logging.getLogger(__name__)


class _QtPrinterWorker(QObject):
    """Lives on the printer thread and is the only one touching the printer.

    Signals: ``printed(str)``, ``print_failed(str, object)``, ``status_read(object)``,
    ``polled()``.
    """

    printed = Signal(str)
    print_failed = Signal(str, object)
    status_read = Signal(object)
    polled = Signal()

    def __init__(self, printer: Printer) -> None:
        """Work for ``printer``."""
        super().__init__()
        self.printer = printer
        self.monitor = StatusMonitor(printer)
        self.monitor.printer_status_changed.connect(self.status_read.emit)

    @Slot(str, object)
    def print_ticket(self, job_id: str, ticket: TicketPrint) -> None:
        """Render and print one ticket (blocking this thread only) and report how it went."""
        try:
            picture = (
                ticket_picture(ticket, self.printer.paper)
                if self.printer.needs_picture(ticket)
                else None
            )
            self.printer.print_ticket(ticket, picture)
        except PrinterError as exc:
            log.warning("print job %s failed: %s", job_id, exc)
            self.monitor.update(exc.status)
            self.print_failed.emit(job_id, exc)
            return
        except Exception as exc:
            log.exception("print job %s failed unexpectedly", job_id)
            error = PrinterError(f"unexpected printing error: {exc}")
            self.print_failed.emit(job_id, error)
            return
        self.printed.emit(job_id)
        self.poll()

    @Slot()
    def poll(self) -> None:
        """Read the status once."""
        try:
            self.monitor.poll()
        finally:
            self.polled.emit()


class QtPrintQueue(QObject):
    """Prints tickets one after another off the GUI thread; polls the printer's status.

    Signals: ``printed(str job_id)``, ``print_failed(str job_id, PrinterError)``,
    ``printer_status_changed(PrinterStatus)`` - all delivered on the thread that owns the queue.
    """

    printed = Signal(str)
    print_failed = Signal(str, object)
    printer_status_changed = Signal(object)
    _print_requested = Signal(str, object)
    _poll_requested = Signal()

    def __init__(
        self, printer: Printer, *, poll_interval_ms: int = 5000, parent: QObject | None = None
    ) -> None:
        """Set up the worker thread (not started yet); poll every ``poll_interval_ms``."""
        super().__init__(parent)
        self.printer = printer
        self.status = PrinterStatus.UNKNOWN
        self._ids = itertools.count(1)
        self._thread = QThread()
        self._thread.setObjectName("printer")
        self._worker = _QtPrinterWorker(printer)
        self._worker.moveToThread(self._thread)
        self._print_requested.connect(self._worker.print_ticket)
        self._poll_requested.connect(self._worker.poll)
        self._worker.printed.connect(self.printed)
        self._worker.print_failed.connect(self.print_failed)
        self._worker.status_read.connect(self._on_status)
        self._worker.polled.connect(self._on_polled)
        self._poll_pending = False
        self._timer = QTimer(self)
        self._timer.setInterval(poll_interval_ms)
        self._timer.timeout.connect(self.poll)

    def start(self) -> None:
        """Start the printer thread, poll once now and then periodically."""
        self._thread.start()
        self._timer.start()
        self.poll()

    def stop(self) -> None:
        """Stop polling, finish the running job, end the thread, release the printer."""
        self._timer.stop()
        self._thread.quit()
        self._thread.wait()
        self.printer.close()

    def submit(self, ticket: TicketPrint) -> str:
        """Queue a ticket; returns its job id (reported back by ``printed``/``print_failed``)."""
        job_id = f"job-{next(self._ids)}"
        self._print_requested.emit(job_id, ticket)
        return job_id

    def poll(self) -> None:
        """Ask for a status read on the printer thread (once: polls do not pile up)."""
        if self._poll_pending:
            return
        self._poll_pending = True
        self._poll_requested.emit()

    def _on_polled(self) -> None:
        """A status read finished; the next tick may ask again."""
        self._poll_pending = False

    def _on_status(self, status: PrinterStatus) -> None:
        """Keep and announce a changed status."""
        self.status = status
        self.printer_status_changed.emit(status)
