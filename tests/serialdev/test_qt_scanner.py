"""QtSerialScanner in a real event loop over a real pty: scans, unplug, replug."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from hardware.emulator.serial_devices import ScannerEmulator
from hardware.qt.scanner import QtSerialScanner
from hardware.scanner import SerialScanner
from hardware.serialport import SerialSettings


@pytest.fixture
def qt_scanner(scanner_link: Path) -> Iterator[QtSerialScanner]:
    scanner = QtSerialScanner(
        SerialScanner(SerialSettings(str(scanner_link))), retry_initial_ms=10, retry_max_ms=40
    )
    yield scanner
    scanner.stop()


@pytest.mark.expect_log("hardware", "no valid code")
def test_scans_arrive_as_signals(
    qtbot: QtBot, scanner_emulator: ScannerEmulator, qt_scanner: QtSerialScanner
) -> None:
    with qtbot.wait_signal(qt_scanner.connection_changed) as connected:
        qt_scanner.start()
    assert connected.args == [True]
    received: list[str] = []
    qt_scanner.scanned.connect(received.append)
    scanner_emulator.send(b"#garbage\r\nT-20")
    scanner_emulator.send(b"26-0042\r\n")
    scanner_emulator.scan("ABCD")
    qtbot.wait_until(lambda: len(received) == 2, timeout=2000)
    assert received == ["T-2026-0042", "ABCD"]


@pytest.mark.expect_log("hardware", "scanner unavailable")
def test_unplug_reports_once_and_replug_reconnects(
    qtbot: QtBot, scanner_link: Path, qt_scanner: QtSerialScanner, no_leaks: None
) -> None:
    errors: list[str] = []
    qt_scanner.error_occurred.connect(errors.append)
    first = ScannerEmulator(link=scanner_link)
    qt_scanner.start()
    assert qt_scanner.connected
    with qtbot.wait_signal(qt_scanner.connection_changed, timeout=2000) as lost:
        first.close()
    assert lost.args == [False]
    assert len(errors) == 1
    assert "scanner lost" in errors[0]
    qtbot.wait_until(lambda: qt_scanner.retry_delay_ms == 40, timeout=2000)  # backing off
    assert len(errors) == 1  # failed retries do not repeat the error
    with ScannerEmulator(link=scanner_link) as second:
        with qtbot.wait_signal(qt_scanner.connection_changed, timeout=2000) as back:
            pass
        assert back.args == [True]
        assert qt_scanner.retry_delay_ms == 10
        with qtbot.wait_signal(qt_scanner.scanned, timeout=2000) as scanned:
            second.scan("AFTER-1")
        assert scanned.args == ["AFTER-1"]
        qt_scanner.stop()


@pytest.mark.expect_log("hardware", "scanner unavailable")
def test_missing_device_at_start_is_reported_then_found(
    qtbot: QtBot, scanner_link: Path, qt_scanner: QtSerialScanner
) -> None:
    with qtbot.wait_signal(qt_scanner.error_occurred) as error:
        qt_scanner.start()
    assert "no such device" in error.args[0]
    assert not qt_scanner.connected
    with ScannerEmulator(link=scanner_link) as emulator:
        qtbot.wait_until(lambda: qt_scanner.connected, timeout=2000)
        with qtbot.wait_signal(qt_scanner.scanned, timeout=2000) as scanned:
            emulator.scan("FOUND-1")
        assert scanned.args == ["FOUND-1"]
        qt_scanner.stop()


@pytest.mark.expect_log("hardware", "scanner unavailable")
def test_stop_ends_retrying(qtbot: QtBot, scanner_link: Path, qt_scanner: QtSerialScanner) -> None:
    qt_scanner.start()
    qt_scanner.stop()
    with (
        ScannerEmulator(link=scanner_link),
        qtbot.assert_not_emitted(qt_scanner.connection_changed, wait=100),
    ):
        pass
    assert not qt_scanner.connected


def test_start_twice_watches_once(
    qtbot: QtBot, scanner_emulator: ScannerEmulator, qt_scanner: QtSerialScanner
) -> None:
    received: list[str] = []
    qt_scanner.scanned.connect(received.append)
    qt_scanner.start()
    qt_scanner.start()
    scanner_emulator.scan("ONCE-1")
    qtbot.wait_until(lambda: received == ["ONCE-1"], timeout=2000)
    qtbot.wait(50)
    assert received == ["ONCE-1"]


@pytest.mark.expect_log("hardware", "scanner unavailable")
def test_restart_after_stop_reports_a_new_outage(
    qtbot: QtBot, scanner_link: Path, qt_scanner: QtSerialScanner
) -> None:
    with qtbot.wait_signal(qt_scanner.error_occurred):
        qt_scanner.start()
    qt_scanner.stop()
    with qtbot.wait_signal(qt_scanner.error_occurred):
        qt_scanner.start()
