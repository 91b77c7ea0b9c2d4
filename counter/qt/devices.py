"""The desk's devices: the LED sign over the counter and the receipt printer, at run time.

Both block (serial writes, printer round trips), so each runs on its own worker thread (a
dead printer never delays the sign). Every `CHECK_MS` both are checked: a sign whose port
vanished (unplugged) is closed and opened again once it is back, then shows the current
number again; the printer is asked for its status. Each change comes back as a
`DeviceReport`; the devices view shows them and lets the clerk pick another port or address
(`use_sign`, `use_printer`) without restarting. Which port or address wins is
`counter.desk_devices.DevicePicks` (`picks`): a pick that differs from the site file's is this
PC's own (`picks.local`, kept by the app in the PC's settings and applied again at start, before
the devices are first opened) until the clerk goes back to the site's (`use_site`). A desk
without devices gets `QtDeskDevices.none()`.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from counter.desk_devices import (
    DeviceKind,
    DevicePicks,
    DeviceReport,
    Health,
    printer_address,
    printer_report,
)
from counter.qt import texts
from counter.qt.receipt import encode_receipt
from counter.qt.texts import translate
from counter.state import Receipt
from hardware.escpos.printer import EscposPrinter
from hardware.printer import PrinterError
from hardware.serialport import PortError
from hardware.sign import CounterSign, SignError

log = logging.getLogger(__name__)

CHECK_MS = 3000
"""How often the sign and the printer are checked."""


class _SignWorker(QObject):
    """Runs on the sign's thread."""

    report = Signal(object)
    problem = Signal(str)

    def __init__(self, sign: CounterSign | None) -> None:
        super().__init__()
        self.sign = sign
        self.number = ""
        """The number the sign should show (shown again after a replug)."""
        self._last: DeviceReport | None = None

    def _report(self, health: Health, error: str = "") -> None:
        where = self.sign.port if self.sign is not None else ""
        found = DeviceReport(kind=DeviceKind.SIGN, where=where, health=health, error=error)
        if found != self._last:
            self._last = found
            self.report.emit(found)

    @Slot(str)
    def show(self, number: str) -> None:
        self.number = number
        if self.sign is None:
            return
        try:
            self.sign.show(number, blink=True)
        except (SignError, PortError) as exc:
            log.warning("LED sign: %s", exc)
            self.problem.emit(translate("counter", "LED sign: {error}").format(error=exc))
            self._report(Health.UNREACHABLE, str(exc))
            return
        self._report(Health.READY)

    @Slot()
    def check(self) -> None:
        sign = self.sign
        if sign is None:
            self._report(Health.NONE)
            return
        if sign.connected and not Path(sign.port).exists():
            log.warning("LED sign %s unplugged", sign.port)
            sign.close()
        reopened = not sign.connected
        try:
            sign.connect()
        except (SignError, PortError) as exc:
            self._report(Health.UNREACHABLE, str(exc))
            return
        if reopened and self.number:
            log.info("LED sign %s is back: showing %s again", sign.port, self.number)
            self.show(self.number)
        else:
            self._report(Health.READY)

    @Slot(str)
    def use(self, port: str) -> None:
        if self.sign is None:
            return
        self.sign.close()
        self.sign = self.sign.moved_to(port)
        self._report(Health.CHECKING)
        self.check()

    @Slot()
    def close(self) -> None:
        if self.sign is not None:
            self.sign.close()


class _PrinterWorker(QObject):
    """Runs on the printer's thread."""

    report = Signal(object)
    problem = Signal(str)
    printed = Signal(str)

    def __init__(self, printer: EscposPrinter | None, check_ms: int) -> None:
        super().__init__()
        self.printer = printer
        self._last: DeviceReport | None = None
        self._checked = 0.0
        self._gap = check_ms / 2000

    def _publish(self, found: DeviceReport) -> None:
        if found != self._last:
            self._last = found
            self.report.emit(found)

    @Slot(object)
    def print_receipt(self, receipt: Receipt) -> None:
        if self.printer is None:
            return
        try:
            self.printer.print_job(encode_receipt(receipt, self.printer.profile))
        except (PrinterError, OSError) as exc:
            log.warning("receipt printer: %s", exc)
            report = self.check(force=True)
            problem = translate("counter", "Receipt not printed ({error}).").format(error=exc)
            advice = texts.device_advice(report) if report is not None else ""
            self.problem.emit(f"{problem} {advice}".strip())
            return
        self.printed.emit(receipt.number)
        self.check(force=True)

    @Slot()
    def check(self, *, force: bool = False) -> DeviceReport | None:
        printer = self.printer
        if printer is None:
            self._publish(DeviceReport(kind=DeviceKind.PRINTER))
            return None
        if not force and time.monotonic() - self._checked < self._gap:
            return None  # checks queued up behind a slow one: one is enough
        status = printer.status()
        self._checked = time.monotonic()
        found = printer_report(status, printer_address(printer.site))
        self._publish(found)
        return found

    @Slot(object)
    def use(self, printer: EscposPrinter) -> None:
        if self.printer is not None:
            self.printer.close()
        self.printer = printer
        self._publish(
            DeviceReport(
                kind=DeviceKind.PRINTER,
                where=printer_address(printer.site),
                health=Health.CHECKING,
            )
        )
        self.check(force=True)

    @Slot()
    def close(self) -> None:
        if self.printer is not None:
            self.printer.close()


class QtDeskDevices(QObject):
    """Sign and printer of one desk, each on its own thread, checked every `CHECK_MS`.

    Built idle: `start` opens them (after any `apply_local`).

    Signals: ``problem(str)`` (a device failed; for the status bar), ``printed(str)``,
    ``reported(DeviceReport)`` (a device's state changed), ``local_changed()`` (a port or
    address of this PC's own was picked, or the site's taken back).
    """

    problem = Signal(str)
    printed = Signal(str)
    reported = Signal(object)
    local_changed = Signal()
    _show = Signal(str)
    _print = Signal(object)
    _check = Signal()
    _use_sign = Signal(str)
    _use_printer = Signal(object)

    def __init__(
        self,
        sign: CounterSign | None = None,
        printer: EscposPrinter | None = None,
        parent: QObject | None = None,
        *,
        check_ms: int = CHECK_MS,
    ) -> None:
        super().__init__(parent)
        self.can_print = printer is not None
        self.has_sign = sign is not None
        self.picks = DevicePicks(sign.port if sign else "", printer.site if printer else None)
        """Where each device is used: the site file's port or address, or this PC's pick."""
        self.reports = {
            DeviceKind.SIGN: DeviceReport(
                kind=DeviceKind.SIGN,
                where=sign.port if sign else "",
                health=Health.CHECKING if sign else Health.NONE,
            ),
            DeviceKind.PRINTER: DeviceReport(
                kind=DeviceKind.PRINTER,
                where=printer_address(printer.site) if printer else "",
                health=Health.CHECKING if printer else Health.NONE,
            ),
        }
        self._threads: list[QThread] = []
        self._sign = _SignWorker(sign)
        self._printer = _PrinterWorker(printer, check_ms)
        for worker in (self._sign, self._printer):
            thread = QThread(self)
            worker.moveToThread(thread)
            worker.report.connect(self._reported)
            worker.problem.connect(self.problem)
            self._check.connect(worker.check)
            self._threads.append(thread)
        self._show.connect(self._sign.show)
        self._use_sign.connect(self._sign.use)
        self._print.connect(self._printer.print_receipt)
        self._use_printer.connect(self._printer.use)
        self._printer.printed.connect(self.printed)
        self.timer = QTimer(self)
        self.timer.setInterval(check_ms)
        self.timer.timeout.connect(self.check_now)

    def start(self) -> None:
        """Open the devices and check them every `check_ms` (nothing for a desk without)."""
        if self.has_sign or self.can_print:
            for thread in self._threads:
                thread.start()
            self.timer.start()
            self.check_now()

    @classmethod
    def none(cls) -> QtDeskDevices:
        """A desk without sign or printer."""
        return cls()

    def _reported(self, report: DeviceReport) -> None:
        self.reports[report.kind] = report
        self.reported.emit(report)

    def check_now(self) -> None:
        """Check both devices now (answers come as `reported`)."""
        if self.timer.isActive():
            self._check.emit()

    def show_number(self, number: str) -> None:
        """Show a called number on the LED sign."""
        if self.has_sign:
            self._show.emit(number)

    def print_receipt(self, receipt: Receipt) -> None:
        """Print an Eingangsbestätigung."""
        if self.can_print:
            self._print.emit(receipt)

    def use_sign(self, port: str) -> None:
        """Drive the sign on another serial device from now on."""
        if self.has_sign:
            self._use_sign.emit(port)
            self._picked(self.picks.pick(DeviceKind.SIGN, port))

    def use_printer(self, address: str) -> None:
        """Print receipts at another address from now on; ValueError when it does not fit."""
        if self.can_print:
            self._printer_moved(self.picks.pick_printer(address))

    def use_site(self, kind: DeviceKind) -> None:
        """Back to the port or address the site file names."""
        if kind is DeviceKind.SIGN:
            self.use_sign(self.picks.site[kind])
        elif self.can_print:
            self._printer_moved(self.picks.back_to_site(kind))

    def _printer_moved(self, changed: bool) -> None:
        """The printer's thread takes the entry `picks` has now."""
        if self.picks.printer is not None:
            self._use_printer.emit(EscposPrinter(self.picks.printer))
        self._picked(changed)

    def apply_local(self, local: Mapping[DeviceKind, str]) -> None:
        """Use this PC's own picks (before `start`: the site's are never opened)."""
        for kind, where in local.items():
            if kind is DeviceKind.SIGN:
                self.use_sign(where)
                continue
            try:
                self.use_printer(where)
            except ValueError as exc:
                log.warning("this PC's printer address %r is not used: %s", where, exc)

    def _picked(self, changed: bool) -> None:
        if changed:
            self.local_changed.emit()

    def stop(self) -> None:
        """Release the devices and end the threads."""
        self.timer.stop()
        for thread in self._threads:
            thread.quit()
            thread.wait(5000)
        # Closed here, once no thread uses them: a close queued to a thread that was busy
        # when told to quit was dropped, and the sign's port stayed locked (exclusive) until
        # the process ended. A thread still stuck after 5 s keeps its device.
        sign_thread, printer_thread = self._threads
        if not sign_thread.isRunning():
            self._sign.close()
        if not printer_thread.isRunning():
            self._printer.close()
