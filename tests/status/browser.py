"""The distribution's headless Chromium, driven by selenium through chromium-driver."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

CHROMIUM = Path("/usr/bin/chromium")
DRIVER = Path("/usr/bin/chromedriver")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
)


def require_chromium() -> None:
    """Skip unless chromium and chromium-driver are installed (tasks.py installs them)."""
    if not CHROMIUM.exists() or not DRIVER.exists():
        pytest.skip("needs the chromium and chromium-driver packages (python3 tasks.py)")


def start_browser(*, width: int = 360, height: int = 800, scripts: bool = True) -> webdriver.Chrome:
    """A fresh headless Chromium at phone size, with its own profile directory."""
    require_chromium()
    profile = tempfile.mkdtemp(prefix="aufruf-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.add_argument(f"--window-size={width},{height}")
    if not scripts:
        options.add_experimental_option(
            "prefs", {"profile.managed_default_content_settings.javascript": 2}
        )
    try:
        driver = webdriver.Chrome(options=options, service=Service(str(DRIVER)))
    except Exception:
        shutil.rmtree(profile, ignore_errors=True)
        raise
    driver.set_page_load_timeout(30)
    metrics = {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": True}
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
    driver.aufruf_profile = profile  # type: ignore[attr-defined]
    return driver


def stop_browser(driver: webdriver.Chrome) -> None:
    """Quit Chromium and remove its profile."""
    profile = getattr(driver, "aufruf_profile", None)
    driver.quit()
    if profile:
        shutil.rmtree(profile, ignore_errors=True)
