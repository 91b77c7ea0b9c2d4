"""Login under attack: failures cost growing time, checks run few at once, retries of done
requests are answered before any limit."""

from __future__ import annotations

import asyncio
import threading
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from server.app import ServerOptions
from server.logins import LoginBusyError, LoginGuard, LoginLimits
from tests.api.conftest import PASSWORD, start_hub

if TYPE_CHECKING:
    from tests.api.conftest import Template


class Ticker:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_failures_cost_growing_time_per_user_and_address() -> None:
    """Five failures are free; then 2, 4, 8 … s after the last one, capped; success clears."""
    ticker = Ticker()
    guard = LoginGuard(LoginLimits(free_failures_per_user=5, max_delay=60), monotonic=ticker)
    for _ in range(5):
        assert guard.delay("10.0.0.1", "Clerk") == 0.0
        guard.failed("10.0.0.1", "Clerk")
    assert guard.delay("10.0.0.1", "clerk") == 2.0  # user names compare case-blind
    assert guard.delay("10.0.0.9", "CLERK") == 2.0  # from any address
    assert guard.delay("10.0.0.1", "other") == 0.0  # the address is not locked yet
    ticker.now += 2.0
    assert guard.delay("10.0.0.1", "clerk") == 0.0
    guard.failed("10.0.0.1", "clerk")
    assert guard.delay("10.0.0.1", "clerk") == 4.0
    for _ in range(10):
        guard.failed("10.0.0.1", "clerk")
    assert guard.delay("10.0.0.1", "clerk") == 60.0
    guard.succeeded("10.0.0.1", "clerk")
    assert guard.delay("10.0.0.1", "clerk") == 0.0
    guard.close()


def test_an_address_trying_many_names_is_slowed_down() -> None:
    """Random user names from one address: the address's count stops them."""
    guard = LoginGuard(LoginLimits(free_failures_per_address=20), monotonic=Ticker())
    for number in range(20):
        guard.failed("10.0.0.2", f"user{number}")
    assert guard.delay("10.0.0.2", "someone-new") == 2.0
    assert guard.delay("10.0.0.3", "someone-new") == 0.0
    guard.close()


def test_the_guard_remembers_a_bounded_number_of_keys() -> None:
    """Made-up names cannot grow the hub's memory: the oldest are forgotten."""
    guard = LoginGuard(LoginLimits(max_keys=100), monotonic=Ticker())
    for number in range(1000):
        guard.failed(f"10.1.{number // 256}.{number % 256}", f"user{number}")
    assert len(guard._failures) == 100
    guard.close()


def test_checks_run_few_at_once_and_the_rest_is_busy() -> None:
    """`at_once` checks run, `waiting` more wait; beyond that LoginBusyError at once."""
    guard = LoginGuard(LoginLimits(at_once=2, waiting=3))
    release = threading.Event()
    running: list[str] = []

    def check() -> str:
        running.append(threading.current_thread().name)
        release.wait(10)
        return "done"

    async def flood() -> list[object]:
        tasks = [asyncio.ensure_future(guard.check(check)) for _ in range(8)]
        await asyncio.sleep(0)
        busy = [t for t in tasks if t.done()]
        assert len(busy) == 3
        release.set()
        return list(await asyncio.gather(*tasks, return_exceptions=True))

    results = asyncio.run(flood())
    assert results.count("done") == 5
    assert sum(isinstance(r, LoginBusyError) for r in results) == 3
    assert len(set(running)) <= 2  # only the guard's two threads ever checked a password
    guard.close()


def test_wrong_logins_get_429_with_retry_after_even_with_the_right_password(
    tmp_path: Path, template: Template
) -> None:
    """After five wrong passwords the user is refused (429, Retry-After) without a check."""
    hub = start_hub(tmp_path, template, ServerOptions())
    try:
        codes = []
        for _ in range(5):
            wrong = hub.http.post("/sessions", json={"username": "clerk", "password": "nope"})
            codes.append(wrong.status_code)
        assert codes == [401] * 5
        right = hub.http.post("/sessions", json={"username": "clerk", "password": PASSWORD})
        assert right.status_code == 429, right.text
        assert int(right.headers["Retry-After"]) in (1, 2)
        assert "too many failed logins" in right.json()["detail"]
        other = hub.http.post("/sessions", json={"username": "admin", "password": PASSWORD})
        assert other.status_code == 200, other.text  # another user from the same address
    finally:
        hub.stop()


@pytest.mark.expect_log("server", "issuing too fast")
def test_a_retry_of_an_issued_ticket_is_answered_while_rate_limited(
    tmp_path: Path, template: Template
) -> None:
    """A kiosk that lost the answer retries with the same key: the first ticket, not 429."""
    hub = start_hub(tmp_path, template, ServerOptions(tickets_per_minute_per_kiosk=2))
    try:
        bodies = [
            {"service_id": "general", "language": "de", "idempotency_key": uuid.uuid4().hex}
            for _ in range(3)
        ]
        first, second = (
            hub.http.post("/tickets", json=body, headers=hub.auth("kiosk")) for body in bodies[:2]
        )
        assert first.status_code == second.status_code == 200
        limited = hub.http.post("/tickets", json=bodies[2], headers=hub.auth("kiosk"))
        assert limited.status_code == 429
        retried = hub.http.post("/tickets", json=bodies[0], headers=hub.auth("kiosk"))
        assert retried.status_code == 200, retried.text
        assert retried.json()["ticket"] == first.json()["ticket"]
        assert retried.json()["status_url"] == first.json()["status_url"]
    finally:
        hub.stop()
