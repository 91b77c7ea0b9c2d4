"""Guessing of status keys: wrong keys counted per address, a blocked address gets 429."""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable

from fastapi import HTTPException, status

from server.ratelimit import RateLimiter

log = logging.getLogger(__name__)

BLOCKED_KEEP = 10_000
"""Blocked addresses remembered at most (expired ones are forgotten first)."""


class KeyGuard:
    """Counts wrong status keys per address; too many in a minute and the address waits."""

    def __init__(
        self, per_minute: float = 20, *, monotonic: Callable[[], float] = time.monotonic
    ) -> None:
        self._limiter = RateLimiter(per_minute, burst=per_minute, monotonic=monotonic)
        self._monotonic = monotonic
        self._blocked: dict[str, float] = {}

    def check(self, address: str) -> None:
        """429 while the address is blocked."""
        until = self._blocked.get(address)
        if until is None:
            return
        left = until - self._monotonic()
        if left <= 0:
            del self._blocked[address]
            return
        raise HTTPException(
            status.HTTP_429_TOO_MANY_REQUESTS,
            "too many wrong ticket keys; try again later",
            headers={"Retry-After": str(max(1, math.ceil(left)))},
        )

    def failed(self, address: str) -> None:
        """A wrong key from the address; it is blocked when its bucket is empty."""
        wait = self._limiter.take(address)
        if wait > 0:
            log.warning("wrong ticket keys from %s; blocked %.0f s", address, wait)
            if len(self._blocked) >= BLOCKED_KEEP:
                now = self._monotonic()
                self._blocked = {a: t for a, t in self._blocked.items() if t > now}
            self._blocked[address] = self._monotonic() + wait
