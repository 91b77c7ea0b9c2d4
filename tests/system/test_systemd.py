"""The systemd side: the units verify, and the hub notifies READY=1 and pets the watchdog."""

from __future__ import annotations

import configparser
import os
import shutil
import signal
import socket
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from server.sd_notify import Notifier
from tests.system.conftest import AUFRUF, REPO, site_file

UNITS = REPO / "systemd"
INSTALLED = "/opt/aufruf/bin/aufruf"


def _systemd_analyze() -> str:
    """The `systemd-analyze` binary; installed with apt when missing and we may."""
    found = shutil.which("systemd-analyze")
    if found is None and os.geteuid() == 0 and shutil.which("apt-get"):
        env = os.environ | {"DEBIAN_FRONTEND": "noninteractive"}
        for cmd in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", "systemd"]):
            subprocess.run(cmd, check=False, env=env, capture_output=True)
        found = shutil.which("systemd-analyze")
    if found is None:
        pytest.skip("systemd-analyze is missing (apt-get install systemd)")
    return found


@pytest.mark.parametrize("unit", sorted(p.name for p in UNITS.glob("*.service")))
def test_the_unit_verifies(unit: str, tmp_path: Path) -> None:
    # verify checks that ExecStart's binary exists: the unit runs the venv's real `aufruf`.
    text = (UNITS / unit).read_text(encoding="utf-8")
    assert INSTALLED in text
    (tmp_path / unit).write_text(text.replace(INSTALLED, AUFRUF), encoding="utf-8")
    done = subprocess.run(
        [_systemd_analyze(), "verify", "--man=no", f"./{unit}"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout + done.stderr == ""  # not even a warning (an unknown key, a bad section)


def test_the_server_unit_is_hardened_and_notifies() -> None:
    unit = configparser.ConfigParser(strict=False, interpolation=None)
    unit.optionxform = str  # type: ignore[assignment,method-assign]
    unit.read(UNITS / "aufruf-server.service")
    service = unit["Service"]
    assert service["Type"] == "notify"
    assert int(service["WatchdogSec"]) > 0
    assert service["Restart"] == "on-failure"
    assert service["User"] == "aufruf"
    assert service["ProtectSystem"] == "strict"
    assert service["StateDirectory"] == "aufruf"
    assert service["NoNewPrivileges"] == "yes"


def test_the_counter_desktop_entry_starts_the_counter_app() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(UNITS / "aufruf-counter.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application"
    assert desktop["Exec"].split() == [INSTALLED, "counter"]
    assert desktop["Terminal"] == "false"
    validate = shutil.which("desktop-file-validate")
    if validate:
        done = subprocess.run(
            [validate, str(UNITS / "aufruf-counter.desktop")],
            check=False,
            capture_output=True,
            text=True,
        )
        assert done.returncode == 0, done.stdout + done.stderr


@pytest.fixture
def notify_socket(tmp_path: Path) -> Iterator[socket.socket]:
    """A real AF_UNIX datagram socket standing in for systemd's notify socket."""
    path = tmp_path / "notify"
    if len(str(path)) > 100:  # sun_path holds 108 bytes
        pytest.skip("the temporary directory's path is too long for a unix socket")
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(str(path))
    sock.settimeout(60)  # a bound for a busy machine, not the expected time
    yield sock
    sock.close()


def test_the_hub_says_ready_pets_the_watchdog_and_says_stopping(
    notify_socket: socket.socket, tmp_path: Path
) -> None:
    config = site_file(tmp_path, extra_counters=1)
    env = os.environ | {
        "NOTIFY_SOCKET": notify_socket.getsockname(),
        "WATCHDOG_USEC": "400000",  # WatchdogSec=0.4: a pet every 0.2 s
        "PYTHONUNBUFFERED": "1",
    }
    database = f"sqlite:///{tmp_path / 'hub.sqlite3'}"
    proc = subprocess.Popen(
        [AUFRUF, "server", "--config", str(config), "--port", "0", "--database-url", database],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
    )
    assert proc.stdout is not None
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(proc.stdout or ()), daemon=True)
    reader.start()
    try:
        assert _receive(notify_socket, lines) == b"READY=1"
        pets = [_receive(notify_socket, lines) for _ in range(3)]
        assert pets == [b"WATCHDOG=1"] * 3
        proc.send_signal(signal.SIGTERM)
        while (message := notify_socket.recv(256)) == b"WATCHDOG=1":
            pass
        assert message == b"STOPPING=1"
        assert proc.wait(30) in (0, -signal.SIGTERM)  # uvicorn re-raises the signal it handled
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        reader.join(5)
        proc.stdout.close()
    log = "".join(lines)
    assert "Traceback" not in log, log
    assert "Aufruf listening on http://127.0.0.1:" in log, log
    assert "petting systemd's watchdog every 0.2 s" in log, log


def _receive(sock: socket.socket, lines: list[str]) -> bytes:
    """The next datagram; when none comes in time, fail with the hub's log."""
    try:
        return sock.recv(256)
    except TimeoutError:
        raise AssertionError("no message from the hub:\n" + "".join(lines)) from None


def test_the_notifier_reads_systemds_environment() -> None:
    mine = str(os.getpid())
    env = {"NOTIFY_SOCKET": "@aufruf", "WATCHDOG_USEC": "30000000", "WATCHDOG_PID": mine}
    notifier = Notifier.from_environment(env)
    assert (notifier.address, notifier.watchdog_seconds) == ("@aufruf", 30.0)
    # A watchdog meant for another process (e.g. the parent) is not ours to pet.
    assert Notifier.from_environment(env | {"WATCHDOG_PID": "1"}).watchdog_seconds is None
    assert Notifier.from_environment({}).address is None
    assert Notifier.from_environment({}).send("READY=1") is False
