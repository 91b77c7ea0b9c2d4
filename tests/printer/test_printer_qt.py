"""Printing from Qt: the event loop keeps running while a slow printer works."""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from hardware.emulator import EmulatorState, NetworkPrinterEmulator
from hardware.printer import PaperOutError, PrinterStatus
from hardware.qt.print_queue import QtPrintQueue
from hardware.ticket_sample import sample_ticket
from shared.config.printer import PrintMode

from .conftest import NetworkPrinterAt


@pytest.fixture
def slow_emulator() -> Iterator[NetworkPrinterEmulator]:
    """A printer that takes about a second for a text ticket."""
    with NetworkPrinterEmulator(state=EmulatorState.SLOW, bytes_per_second=640) as emu:
        yield emu


def _queue(emu: NetworkPrinterEmulator, network_printer: NetworkPrinterAt) -> QtPrintQueue:
    printer = network_printer(emu, PrintMode.TEXT, write_timeout=10.0)
    return QtPrintQueue(printer, poll_interval_ms=60_000)


def test_a_slow_print_does_not_block_the_event_loop(
    qtbot: QtBot, slow_emulator: NetworkPrinterEmulator, network_printer: NetworkPrinterAt
) -> None:
    queue = _queue(slow_emulator, network_printer)
    ticks: list[float] = []
    heartbeat = QTimer()
    heartbeat.setInterval(20)
    heartbeat.timeout.connect(lambda: ticks.append(time.monotonic()))
    queue.start()
    heartbeat.start()
    started = time.monotonic()
    with qtbot.wait_signal(queue.printed, timeout=10_000) as blocker:
        job_id = queue.submit(sample_ticket("de"))
    took = time.monotonic() - started
    heartbeat.stop()
    queue.stop()
    assert blocker.args == [job_id]
    assert took > 0.8
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    # A blocked loop would show one gap as long as the print; loaded CI gets some slack.
    assert len(ticks) >= 10
    assert max(gaps) < took / 2
    assert slow_emulator.wait_for_jobs(1)[0].complete


@pytest.mark.expect_log("hardware", r"print job \S+ failed")
def test_a_failed_print_comes_back_with_its_typed_error_and_status(
    qtbot: QtBot, emulator: NetworkPrinterEmulator, network_printer: NetworkPrinterAt
) -> None:
    queue = _queue(emulator, network_printer)
    with qtbot.wait_signal(queue.printer_status_changed, timeout=5000) as first:
        queue.start()
    assert first.args == [PrinterStatus.OK]
    emulator.state = EmulatorState.PAPER_OUT
    with (
        qtbot.wait_signal(queue.print_failed, timeout=5000) as failed,
        qtbot.wait_signal(queue.printer_status_changed, timeout=5000) as changed,
    ):
        job_id = queue.submit(sample_ticket("de"))
    queue.stop()
    assert failed.args[0] == job_id
    assert isinstance(failed.args[1], PaperOutError)
    assert changed.args == [PrinterStatus.PAPER_OUT]
    assert queue.status is PrinterStatus.PAPER_OUT


def test_polling_reports_a_printer_that_goes_silent(
    qtbot: QtBot, emulator: NetworkPrinterEmulator, network_printer: NetworkPrinterAt
) -> None:
    queue = QtPrintQueue(network_printer(emulator), poll_interval_ms=50)
    with qtbot.wait_signal(queue.printer_status_changed, timeout=5000):
        queue.start()
    emulator.state = EmulatorState.OFFLINE
    with qtbot.wait_signal(queue.printer_status_changed, timeout=5000) as blocker:
        pass
    queue.stop()
    assert blocker.args == [PrinterStatus.OFFLINE]


def test_a_raster_ticket_renders_and_prints_on_the_printer_thread(
    qtbot: QtBot, emulator: NetworkPrinterEmulator, network_printer: NetworkPrinterAt
) -> None:
    queue = QtPrintQueue(network_printer(emulator), poll_interval_ms=60_000)
    queue.start()
    with qtbot.wait_signal(queue.printed, timeout=10_000):
        queue.submit(sample_ticket("ar"))
    queue.stop()
    printout = emulator.interpret(emulator.wait_for_jobs(1)[0])
    assert printout.cuts == 1
    assert printout.image.height > 500
