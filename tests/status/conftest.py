"""Fixtures of the status-page tests: a hub with its public listener, a phone browser."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium import webdriver

from server.app import ServerOptions
from tests.status.browser import start_browser, stop_browser
from tests.status.hub import StatusHub, start_status_hub


@pytest.fixture
def status_hub(tmp_path: Path) -> Iterator[StatusHub]:
    """A running hub; pages learn of a moved queue within 0.2 s, reload (no script) each 1 s."""
    options = ServerOptions(
        tickets_per_minute_per_kiosk=600,
        heartbeat_seconds=1.0,
        status_tick_seconds=0.2,
        status_refresh_seconds=1,
        wrong_keys_per_minute=5,
    )
    hub = start_status_hub(tmp_path, options)
    yield hub
    hub.stop()


@pytest.fixture
def phone() -> Iterator[webdriver.Chrome]:
    """Headless Chromium at 360×800."""
    driver = start_browser()
    yield driver
    stop_browser(driver)


@pytest.fixture
def phone_without_scripts() -> Iterator[webdriver.Chrome]:
    """Headless Chromium at 360×800 with JavaScript off."""
    driver = start_browser(scripts=False)
    yield driver
    stop_browser(driver)
