"""SerialScanner over a real pty, driven by the scanner emulator (no Qt)."""

from __future__ import annotations

import errno
import os
import select
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from hardware.emulator.serial_devices import ScannerEmulator
from hardware.scanner import ScanFramer, SerialScanner
from hardware.serialport import (
    PortBusyError,
    PortError,
    PortLostError,
    PortNotFoundError,
    PortPermissionError,
    SerialSettings,
    port_error,
)


def collect(scanner: SerialScanner, count: int, timeout: float = 2.0) -> list[str]:
    """Poll until `count` codes arrived, waiting on the port's fd in between."""
    codes: list[str] = []
    deadline = time.monotonic() + timeout
    while len(codes) < count:
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError(f"got {codes}, wanted {count} codes")
        select.select([scanner.fileno()], [], [], left)
        codes += scanner.poll()
    return codes


@pytest.fixture
def scanner(scanner_emulator: ScannerEmulator) -> Iterator[SerialScanner]:
    opened = SerialScanner(SerialSettings(scanner_emulator.port))
    opened.open()
    yield opened
    opened.close()


@pytest.mark.parametrize("terminator", [b"\r", b"\n", b"\r\n"])
def test_terminators(
    scanner_emulator: ScannerEmulator, scanner: SerialScanner, terminator: bytes
) -> None:
    scanner_emulator.scan("T-2026-0001", terminator=terminator)
    scanner_emulator.scan("T-2026-0002", terminator=terminator)
    assert collect(scanner, 2) == ["T-2026-0001", "T-2026-0002"]


def test_nothing_waiting_returns_nothing(scanner: SerialScanner) -> None:
    assert scanner.poll() == []


def test_split_writes_and_slow_typing(
    scanner_emulator: ScannerEmulator, scanner: SerialScanner
) -> None:
    scanner_emulator.send(b"T-20")
    assert scanner.poll() == []
    scanner_emulator.send(b"26-0003\r")
    scanner_emulator.scan("SLOW1", char_delay=0.002)
    assert collect(scanner, 2) == ["T-2026-0003", "SLOW1"]


@pytest.mark.expect_log("hardware", "undecodable|no valid code")
def test_garbage_between_scans_is_ignored(
    scanner_emulator: ScannerEmulator, scanner: SerialScanner
) -> None:
    scanner_emulator.send(b"\x00\xff#noise\r\n")
    scanner_emulator.scan("ABCD-1")
    assert collect(scanner, 1) == ["ABCD-1"]


@pytest.mark.expect_log("hardware", "undecodable|no valid code|too long|without a terminator")
def test_misreads_from_the_emulator_are_dropped(
    scanner_emulator: ScannerEmulator, scanner: SerialScanner
) -> None:
    for seed in range(5):
        junk = scanner_emulator.noise(12, seed=seed, terminator=b"\r\n")
        assert len(junk) == 12
        assert b"\r" not in junk
        assert b"\n" not in junk
    scanner_emulator.scan("REAL-1")
    assert collect(scanner, 1) == ["REAL-1"]


@pytest.mark.expect_log("hardware", "without a terminator")
def test_very_long_line_stays_bounded(scanner_emulator: ScannerEmulator) -> None:
    scanner = SerialScanner(SerialSettings(scanner_emulator.port), ScanFramer(max_length=128))
    scanner.open()
    for _ in range(100):  # 100 KB without a terminator, read as it comes
        scanner_emulator.send(b"X" * 1024)
        select.select([scanner.fileno()], [], [], 1.0)
        assert scanner.poll() == []
        assert scanner.framer.buffered <= 128
    scanner_emulator.send(b"\rGOOD-1\r")
    assert collect(scanner, 1) == ["GOOD-1"]
    scanner.close()


def test_unplug_raises_lost_and_replug_reopens(scanner_link: Path, no_leaks: None) -> None:
    first = ScannerEmulator(link=scanner_link)
    scanner = SerialScanner(SerialSettings(str(scanner_link)))
    scanner.open()
    first.scan("BEFORE")
    assert collect(scanner, 1) == ["BEFORE"]
    first.send(b"HALF")  # a half frame must not survive the reconnect
    first.close()
    with pytest.raises(PortLostError, match="scanner lost"):
        collect(scanner, 1)
    assert not scanner.is_open
    with pytest.raises(PortNotFoundError):
        scanner.open()
    with ScannerEmulator(link=scanner_link) as second:
        scanner.open()
        second.scan("AFTER")
        assert collect(scanner, 1) == ["AFTER"]
        scanner.close()


def test_open_of_a_missing_device_says_what_is_wrong(tmp_path: Path) -> None:
    with pytest.raises(PortNotFoundError, match="plugged in") as info:
        SerialScanner(SerialSettings(str(tmp_path / "ttyUSB9"))).open()
    assert info.value.port == str(tmp_path / "ttyUSB9")


@pytest.mark.parametrize(
    ("code", "kind", "hint"),
    [
        (errno.ENOENT, PortNotFoundError, "plugged in"),
        (errno.ENXIO, PortNotFoundError, "plugged in"),
        (errno.EACCES, PortPermissionError, "dialout"),
        (errno.EBUSY, PortBusyError, "in use"),
        (errno.EIO, PortError, "Input/output"),
    ],
)
def test_os_errors_map_to_typed_port_errors(code: int, kind: type[PortError], hint: str) -> None:
    error = port_error("/dev/ttyUSB0", OSError(code, os.strerror(code)))
    assert type(error) is kind
    assert hint in str(error)
    assert str(error).startswith("/dev/ttyUSB0: ")


def test_a_second_program_cannot_open_the_scanner(
    scanner_emulator: ScannerEmulator, scanner: SerialScanner
) -> None:
    with pytest.raises(PortBusyError, match="in use"):
        SerialScanner(SerialSettings(scanner_emulator.port)).open()


def test_poll_or_fileno_on_a_closed_scanner(tmp_path: Path) -> None:
    scanner = SerialScanner(SerialSettings(str(tmp_path / "x")))
    with pytest.raises(PortLostError, match="not open"):
        scanner.poll()
    with pytest.raises(PortLostError, match="not open"):
        scanner.fileno()
