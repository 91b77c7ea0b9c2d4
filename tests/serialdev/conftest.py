"""Fixtures for the serial device tests: emulators on real ptys, and leak guards."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from hardware.emulator.serial_devices import ScannerEmulator, SignEmulator


def _open_fds() -> set[str]:
    return {entry.name for entry in Path("/proc/self/fd").iterdir()}


@pytest.fixture
def no_leaks() -> Iterator[None]:
    """Fail the test when it leaves threads running or file descriptors open."""
    threads = set(threading.enumerate())
    fds = _open_fds()
    yield
    leaked_threads = [t for t in threading.enumerate() if t not in threads and t.is_alive()]
    assert leaked_threads == []
    leaked = {fd: os.path.realpath(f"/proc/self/fd/{fd}") for fd in _open_fds() - fds}
    leaked = {fd: path for fd, path in leaked.items() if path != "/proc/self/fd"}
    assert leaked == {}


@pytest.fixture
def scanner_link(tmp_path: Path) -> Path:
    """A stable device path, like /dev/serial/by-id/… for a USB scanner."""
    return tmp_path / "ttyScanner"


@pytest.fixture
def scanner_emulator(scanner_link: Path) -> Iterator[ScannerEmulator]:
    """A scanner emulator reachable at `scanner_link`, closed after the test."""
    with ScannerEmulator(link=scanner_link) as emulator:
        yield emulator


@pytest.fixture
def sign_emulator(tmp_path: Path) -> Iterator[SignEmulator]:
    """A counter sign emulator with the default protocol, closed after the test."""
    with SignEmulator(link=tmp_path / "ttySign") as emulator:
        yield emulator
