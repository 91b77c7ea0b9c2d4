"""The status page in a real browser (the distribution's headless Chromium): a kiosk ticket,
its page, a clerk's call shown within a second without reload, right to left, no script,
a wrong key, the end states."""

from __future__ import annotations

import time
from pathlib import Path

from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from bench.status_screenshots import LANGUAGES, shoot
from tests.status.browser import require_chromium
from tests.status.hub import StatusHub

TIMEOUT = 10


def _text(phone: webdriver.Chrome) -> str:
    """The page's text; read again when a live update replaced the body while it was read."""
    for _ in range(20):
        try:
            return str(phone.find_element(By.TAG_NAME, "body").text)
        except StaleElementReferenceException:
            continue
    return str(phone.find_element(By.TAG_NAME, "body").text)


def _wait_for_text(phone: webdriver.Chrome, words: str, timeout: float = TIMEOUT) -> float:
    """Wait until the page shows `words`; the seconds it took."""
    start = time.monotonic()
    WebDriverWait(phone, timeout, poll_frequency=0.02).until(lambda d: words in _text(d))
    return time.monotonic() - start


def _live(phone: webdriver.Chrome) -> None:
    """Wait until the page's stream is open (the hub has the page in its watch)."""
    WebDriverWait(phone, TIMEOUT, poll_frequency=0.02).until(
        lambda d: d.execute_script("return document.documentElement.className") == "js"
    )


def _open(phone: webdriver.Chrome, hub: StatusHub, path: str) -> None:
    """Open a page and wait until its live stream is open (the hub watches it)."""
    before = hub.watch.page_count
    phone.get(hub.public + path)
    _live(phone)
    WebDriverWait(phone, TIMEOUT, poll_frequency=0.01).until(
        lambda _: hub.watch.page_count > before
    )


def test_a_call_reaches_the_open_page_within_a_second(
    status_hub: StatusHub, phone: webdriver.Chrome
) -> None:
    _, number, path = status_hub.issue("de")
    _open(phone, status_hub, path)
    assert number in _text(phone)
    assert "Ihr Platz in der Warteschlange" in _text(phone)
    status_hub.act("open", "/counters/c5/open")
    phone.execute_script("window.notReloaded = true")
    start = time.monotonic()
    status_hub.act("call", "/counters/c5/call-next")
    _wait_for_text(phone, "Bitte gehen Sie jetzt zu Schalter 5")
    took = time.monotonic() - start
    assert took < 1.0, took
    assert "1. OG, Raum 1.05" in _text(phone)
    assert phone.execute_script("return window.notReloaded") is True
    call = phone.find_element(By.ID, "call")
    screen = phone.execute_script("return [window.innerWidth, window.innerHeight]")
    assert screen == [360, 800]
    assert call.size == {"width": 360, "height": 800}  # the whole screen


def test_arabic_is_laid_out_right_to_left(status_hub: StatusHub, phone: webdriver.Chrome) -> None:
    _, _, path = status_hub.issue("ar")
    _open(phone, status_hub, path)
    assert phone.execute_script("return getComputedStyle(document.body).direction") == "rtl"
    heading = phone.find_element(By.CSS_SELECTOR, "main .l")
    main = phone.find_element(By.ID, "m")
    right_gap = main.rect["x"] + main.rect["width"] - (heading.rect["x"] + heading.rect["width"])
    assert right_gap < 2  # the first line starts at the right
    assert "مكانك في الدور" in _text(phone)
    width = phone.execute_script("return document.documentElement.scrollWidth")
    assert width <= 360  # no sideways scrolling


def test_without_scripts_the_page_reloads_itself(
    status_hub: StatusHub, phone_without_scripts: webdriver.Chrome
) -> None:
    _, _, path = status_hub.issue("en")
    phone = phone_without_scripts
    phone.get(status_hub.base + path)
    assert "Your place in the queue" in _text(phone)
    status_hub.act("open", "/counters/c5/open")
    status_hub.act("call", "/counters/c5/call-next")
    _wait_for_text(phone, "Please go to Schalter 5 now")


def test_a_wrong_key_shows_not_found(status_hub: StatusHub, phone: webdriver.Chrome) -> None:
    tid, _, _ = status_hub.issue()
    phone.get(f"{status_hub.public}/api/v1/tickets/{tid}/status?key=wrong")
    assert "no ticket with this id and key" in _text(phone)


def test_each_end_state_is_explained(status_hub: StatusHub, phone: webdriver.Chrome) -> None:
    status_hub.act("open", "/counters/c5/open")
    tid, _, path = status_hub.issue("en")
    _open(phone, status_hub, path)
    steps = [
        ("call", "/counters/c5/call-next", "Please go to Schalter 5 now"),
        ("recall", f"/tickets/{tid}/recall", "You are called again"),
        ("park", f"/tickets/{tid}/park", "Your case is paused"),
        ("call", "/counters/c5/call", "Please go to Schalter 5 now"),
        ("transfer", f"/tickets/{tid}/transfer", "You were sent on to another desk"),
        ("call", "/counters/c5/call-next", "Please go to Schalter 5 now"),
        ("no-show", f"/tickets/{tid}/no-show", "You did not come when called"),
    ]
    for verb, where, words in steps:
        body: dict[str, object] = {}
        if verb == "call" and where.endswith("/call"):
            body = {"ticket_id": tid}
        if verb == "transfer":
            body = {"service_id": "permit", "note": ""}
        if verb == "park":
            body = {"note": ""}
        status_hub.act(verb, where, **body)
        _wait_for_text(phone, words)
    _, _, other = status_hub.issue("en")
    _open(phone, status_hub, other)
    status_hub.act("call", "/counters/c5/call-next")
    _wait_for_text(phone, "Please go to")
    other_id = int(other.split("/tickets/")[1].split("/")[0])
    status_hub.act("start", f"/tickets/{other_id}/start")
    _wait_for_text(phone, "You are being served at Schalter 5")
    status_hub.act("finish", f"/tickets/{other_id}/finish")
    _wait_for_text(phone, "Your visit is finished")


def test_the_screenshot_script_writes_every_phone_screenshot(tmp_path: Path) -> None:
    require_chromium()
    shots = shoot(tmp_path)
    assert sorted(p.name for p in shots) == sorted(
        f"status-{state}-{lang}.png" for state in ("waiting", "called") for lang in LANGUAGES
    )
    for path in shots:
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
