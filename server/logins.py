"""Logging in under attack: few password checks at once, and a growing delay after failures.

A password check (argon2) costs memory and CPU on purpose, so an unauthenticated caller must
not be able to start many of them. `LoginGuard`:
- runs every check in its own thread pool (`at_once` threads, default 1: argon2 releases the
  GIL, so on the office's 2-core box one core stays for the event loop): at most that many
  checks run, and only those threads ever hold argon2's memory (a check in the shared pool
  would leave its memory in one malloc arena per pool thread);
- answers "busy" (429, Retry-After 1) when `waiting` logins already wait for a thread;
- counts failures per user name and per client address; after `free_failures_…` of them the
  next attempt is refused without a check for 2, 4, 8 … seconds (at most `max_delay`) after
  the last failure. A success clears both counts; `max_delay` of quiet forgets them. At most
  `max_keys` names and addresses are remembered (the oldest are forgotten first);
- holds every refusal's answer back for up to `tarpit` seconds (of the time still to wait),
  so a client that retries at once sends a few requests a second, not hundreds: a waiting
  request costs the hub a sleeping coroutine, an answered one a trip through the app.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TypeVar

from starlette.requests import Request

log = logging.getLogger(__name__)
T = TypeVar("T")


class LoginBusyError(Exception):
    """Too many logins wait for a password check already; try again in a second."""


@dataclass
class _Failures:
    count: int
    last: float


@dataclass(frozen=True)
class LoginLimits:
    """How many password checks at once, and when failures start to cost time."""

    at_once: int = 1
    waiting: int = 16
    free_failures_per_user: int = 5
    free_failures_per_address: int = 10
    tarpit: float = 5.0
    max_delay: float = 900.0
    max_keys: int = 10_000


class LoginGuard:
    """Bounds password checks: how many run at once, how often per user and per address."""

    def __init__(
        self, limits: LoginLimits | None = None, *, monotonic: Callable[[], float] = time.monotonic
    ) -> None:
        self.limits = limits or LoginLimits()
        self._monotonic = monotonic
        self._failures: dict[tuple[str, str], _Failures] = {}
        self._lock = threading.Lock()
        self._in_flight = 0
        self._executor = ThreadPoolExecutor(self.limits.at_once, thread_name_prefix="aufruf-login")

    def delay(self, address: str, username: str) -> float:
        """Seconds until this user may try again from this address (0.0: now)."""
        now = self._monotonic()
        with self._lock:
            waits = [
                self._wait(("user", username.casefold()), self.limits.free_failures_per_user, now),
                self._wait(("address", address), self.limits.free_failures_per_address, now),
            ]
        return max(waits)

    def failed(self, address: str, username: str) -> None:
        """Count a wrong password (or unknown user) against the user and the address."""
        now = self._monotonic()
        with self._lock:
            for key in (("user", username.casefold()), ("address", address)):
                entry = self._failures.pop(key, None)
                if entry is None or now - entry.last > self.limits.max_delay:
                    entry = _Failures(0, now)
                entry.count += 1
                entry.last = now
                self._failures[key] = entry  # newest last: the oldest are forgotten first
            while len(self._failures) > self.limits.max_keys:
                del self._failures[next(iter(self._failures))]

    def succeeded(self, address: str, username: str) -> None:
        """A right password clears the user's and the address's failures."""
        with self._lock:
            self._failures.pop(("user", username.casefold()), None)
            self._failures.pop(("address", address), None)

    async def check(self, work: Callable[[], T]) -> T:
        """Run a password check in the guard's threads; LoginBusyError when too many wait."""
        if self._in_flight >= self.limits.at_once + self.limits.waiting:
            raise LoginBusyError
        self._in_flight += 1
        try:
            return await asyncio.get_running_loop().run_in_executor(self._executor, work)
        finally:
            self._in_flight -= 1

    async def hold_back(self, wait: float) -> float:
        """Delay a refusal's answer by up to `tarpit` of `wait` seconds; the seconds slept."""
        pause = min(wait, self.limits.tarpit)
        await asyncio.sleep(pause)
        return pause

    def close(self) -> None:
        """Let the threads end once their checks are done."""
        self._executor.shutdown(wait=False, cancel_futures=True)

    def _wait(self, key: tuple[str, str], free: int, now: float) -> float:
        entry = self._failures.get(key)
        if entry is None or entry.count < free:
            return 0.0
        delay = min(self.limits.max_delay, 2.0 ** (entry.count - free + 1))
        return max(0.0, entry.last + delay - now)


def login_guard(request: Request) -> LoginGuard:
    """The app's login guard (a FastAPI dependency)."""
    guard: LoginGuard = request.app.state.login_guard
    return guard


def client_address(request: Request) -> str:
    """The caller's IP address as the hub sees it (a reverse proxy's, behind one)."""
    return request.client.host if request.client else "unknown"
