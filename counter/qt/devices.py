"""The desk's devices: the LED sign over the counter and the receipt printer.

Both block (serial writes, printer round trips), so they run on one worker thread; results
and errors come back as signals. A desk without them gets `QtDeskDevices.none()`.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QThread, Signal, Slot

from counter.qt.receipt import encode_receipt
from counter.qt.texts import translate
from counter.state import Receipt
from hardware.escpos.printer import EscposPrinter
from hardware.printer import PrinterError
from hardware.serialport import PortError
from hardware.sign import CounterSign, SignError

log = logging.getLogger(__name__)


class _Worker(QObject):
    """Runs on the devices' thread."""

    problem = Signal(str)
    printed = Signal(str)

    def __init__(self, sign: CounterSign | None, printer: EscposPrinter | None) -> None:
        super().__init__()
        self.sign = sign
        self.printer = printer

    @Slot(str)
    def show(self, number: str) -> None:
        if self.sign is None:
            return
        try:
            self.sign.show(number, blink=True)
        except (SignError, PortError) as exc:
            log.warning("LED sign: %s", exc)
            self.problem.emit(translate("counter", "LED sign: {error}").format(error=exc))

    @Slot(object)
    def print_receipt(self, receipt: Receipt) -> None:
        if self.printer is None:
            return
        try:
            self.printer.print_job(encode_receipt(receipt, self.printer.profile))
        except (PrinterError, OSError) as exc:
            log.warning("receipt printer: %s", exc)
            self.problem.emit(translate("counter", "Printer: {error}").format(error=exc))
            return
        self.printed.emit(receipt.number)

    @Slot()
    def close(self) -> None:
        if self.sign is not None:
            self.sign.close()
        if self.printer is not None:
            self.printer.close()


class QtDeskDevices(QObject):
    """Sign and printer of one desk, off the GUI thread.

    Signals: ``problem(str)`` (a device failed; for the status bar), ``printed(str)``.
    """

    problem = Signal(str)
    printed = Signal(str)
    _show = Signal(str)
    _print = Signal(object)
    _close = Signal()

    def __init__(
        self,
        sign: CounterSign | None = None,
        printer: EscposPrinter | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.can_print = printer is not None
        self.has_sign = sign is not None
        self._thread = QThread(self)
        self._worker = _Worker(sign, printer)
        self._worker.moveToThread(self._thread)
        self._show.connect(self._worker.show)
        self._print.connect(self._worker.print_receipt)
        self._close.connect(self._worker.close)
        self._worker.problem.connect(self.problem)
        self._worker.printed.connect(self.printed)
        if sign is not None or printer is not None:
            self._thread.start()

    @classmethod
    def none(cls) -> QtDeskDevices:
        """A desk without sign or printer."""
        return cls()

    def show_number(self, number: str) -> None:
        """Show a called number on the LED sign."""
        if self.has_sign:
            self._show.emit(number)

    def print_receipt(self, receipt: Receipt) -> None:
        """Print an Eingangsbestätigung."""
        if self.can_print:
            self._print.emit(receipt)

    def stop(self) -> None:
        """Release the devices and end the thread."""
        if self._thread.isRunning():
            self._close.emit()
            self._thread.quit()
            self._thread.wait(3000)
