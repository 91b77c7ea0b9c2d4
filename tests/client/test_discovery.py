"""Zeroconf on loopback: the hub's announcer and a browser in another process find each other."""

from __future__ import annotations

import asyncio
import ipaddress
import json
import os
import queue
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import pytest
from zeroconf import ServiceInfo

from server.announce import Announcer, _local_addresses
from shared.discovery import SERVICE_TYPE, HubAddress, find_hub, hub_address
from shared.qt.discovery import QtHubFinder

LOOPBACK = ["127.0.0.1"]
ROOT = Path(__file__).resolve().parents[2]


class Browser:
    """`browse_hubs.py` in a child process; its JSON lines arrive on a queue."""

    def __init__(self) -> None:
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        self.process = subprocess.Popen(
            [sys.executable, str(Path(__file__).with_name("browse_hubs.py")), *LOOPBACK],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
            cwd=ROOT,
        )
        self.lines: queue.Queue[dict[str, object]] = queue.Queue()
        self.others: list[dict[str, object]] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        assert self.next()["kind"] == "ready"

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(json.loads(line))

    def next(self, site: str | None = None, timeout: float = 10.0) -> dict[str, object]:
        """The next line (about ``site``, if given: other tests may announce hubs too)."""
        deadline = time.monotonic() + timeout
        while (left := deadline - time.monotonic()) > 0:
            try:
                line = self.lines.get(timeout=left)
            except queue.Empty:
                break
            if site is None or line.get("site_id") == site:
                return line
            self.others.append(line)
        pytest.fail(f"browser said nothing about {site} for {timeout} s")

    def close(self) -> None:
        """Close stdin; the child unsubscribes and exits."""
        assert self.process.stdin is not None
        self.process.stdin.close()
        try:
            self.process.wait(10)
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait()
        self._reader.join(5)
        assert self.process.stdout is not None
        self.process.stdout.close()


@pytest.fixture
def browser():
    child = Browser()
    yield child
    child.close()


@pytest.fixture
def site():
    """A site id no other test run on this machine announces."""
    return f"test-{uuid.uuid4().hex[:8]}"


def test_browser_in_another_process_sees_found_and_lost(browser, site):
    old = Announcer(site, 9002, LOOPBACK, name=f"Old {site}", api_version=2)
    hub = Announcer(site, 8443, LOOPBACK, name=f"Hub {site}")
    started = time.monotonic()
    registering = threading.Thread(target=old.start)  # both probe at once: saves ~1.7 s
    registering.start()
    hub.start()
    registering.join(10)
    try:
        found = browser.next(site)
        took = time.monotonic() - started
        assert found == {
            "kind": "found",
            "name": f"Hub {site}",
            "host": "127.0.0.1",
            "port": 8443,
            "site_id": site,
            "api_version": 1,
        }
        assert took < 8, took
        hub.stop()
        assert browser.next(site) == {**found, "kind": "lost"}
    finally:
        hub.stop()
        old.stop()
    with pytest.raises(pytest.fail.Exception):
        browser.next(site, timeout=0.3)  # the api-2 hub was never reported


def test_find_hub_filters_by_site(site):
    announcer = Announcer(site, 8443, LOOPBACK, name=f"Hub {site}")
    asyncio.run(announcer.async_start())  # what the hub's async startup calls
    try:
        address = find_hub(timeout=5, site_id=site, interfaces=LOOPBACK)
        assert address == HubAddress(f"Hub {site}", "127.0.0.1", 8443, site, 1)
        assert address.url == "http://127.0.0.1:8443"
        assert find_hub(timeout=0.5, site_id=f"{site}-elsewhere", interfaces=LOOPBACK) is None
    finally:
        asyncio.run(announcer.async_stop())
    assert announcer.service_name is None


def record(properties, addresses=("127.0.0.1",), port=8000):
    return ServiceInfo(
        SERVICE_TYPE,
        f"Hub.{SERVICE_TYPE}",
        port=port,
        properties=properties,
        server="hub.local.",
        parsed_addresses=list(addresses),
    )


@pytest.mark.parametrize(
    "properties",
    [
        {"site": "x"},
        {"site": "x", "api": "2"},
        {"site": "x", "api": "one"},
        {"api": "1"},
    ],
)
def test_records_we_cannot_use_are_ignored(properties):
    assert hub_address(record(properties)) is None


def test_record_without_address_is_ignored():
    assert hub_address(record({"site": "x", "api": "1"}, addresses=())) is None


def test_ipv4_is_preferred_and_ipv6_urls_are_bracketed():
    both = record({"site": "x", "api": "1"}, addresses=("fd00::5", "10.0.0.5"))
    assert hub_address(both) == HubAddress("Hub", "10.0.0.5", 8000, "x", 1)
    only6 = hub_address(record({"site": "x", "api": "1"}, addresses=("fd00::5",)))
    assert only6 is not None
    assert only6.url == "http://[fd00::5]:8000"


def test_announcer_stop_before_start_is_harmless():
    announcer = Announcer("s", 1, LOOPBACK)
    announcer.stop()
    assert announcer.service_name is None
    assert announcer.name.startswith("Aufruf s on ")


def test_without_interfaces_the_hub_announces_its_lan_addresses():
    addresses = _local_addresses()
    assert addresses
    loopback = [a for a in addresses if ipaddress.ip_address(a).is_loopback]
    assert loopback in ([], ["127.0.0.1"])
    assert len(addresses) == 1 or not loopback


def test_qt_finder_delivers_on_the_gui_thread(qtbot, site):
    finder = QtHubFinder(LOOPBACK)
    threads = []
    finder.hub_found.connect(lambda _address: threads.append(threading.current_thread()))
    finder.start()
    finder.start()
    announcer = Announcer(site, 8444, LOOPBACK, name=f"Hub {site}")
    try:
        with qtbot.wait_signal(
            finder.hub_found, timeout=10000, check_params_cb=lambda a: a.site_id == site
        ) as blocker:
            announcer.start()
        assert blocker.args[0].port == 8444
        with qtbot.wait_signal(
            finder.hub_lost, timeout=10000, check_params_cb=lambda a: a.site_id == site
        ):
            announcer.stop()
    finally:
        announcer.stop()
        finder.stop()
    assert not finder.running
    assert threads
    assert all(thread is threading.main_thread() for thread in threads)
