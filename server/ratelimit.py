"""Token buckets per caller: how many tickets a kiosk may issue per minute, wrong keys per address.

A bucket that refilled completely is the same as no bucket, so buckets idle that long are
forgotten as the limiter is used: it keeps only the callers of the last refill period (plus
at most `max_keys`, the oldest forgotten first), not every caller that ever asked.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

MAX_KEYS = 100_000
"""Buckets kept at most: a flood from more callers within one refill period forgets the oldest
(each forgotten caller starts again with a full bucket)."""


@dataclass
class _Bucket:
    tokens: float
    updated: float


class RateLimiter:
    """One token bucket per key; `per_minute` tokens refill evenly, bursts up to `burst`."""

    def __init__(
        self,
        per_minute: float,
        *,
        burst: float | None = None,
        monotonic: Callable[[], float] = time.monotonic,
        max_keys: int = MAX_KEYS,
    ) -> None:
        if per_minute <= 0:
            raise ValueError("per_minute must be positive")
        if max_keys < 1:
            raise ValueError("max_keys must be positive")
        self.per_minute = per_minute
        self.burst = burst if burst is not None else max(1.0, per_minute)
        self._rate = per_minute / 60.0
        self.refill_seconds = self.burst / self._rate
        """An empty bucket is full again after this long: an idle bucket older than it goes."""
        self.max_keys = max_keys
        self._monotonic = monotonic
        self._buckets: OrderedDict[str, _Bucket] = OrderedDict()  # least recently used first
        self._lock = threading.Lock()

    def __len__(self) -> int:
        """How many callers' buckets are kept."""
        return len(self._buckets)

    def take(self, key: str) -> float:
        """Spend one token of `key`'s bucket: 0.0 when allowed, else the seconds to wait."""
        now = self._monotonic()
        with self._lock:
            self._forget_idle(now)
            bucket = self._buckets.get(key)
            if bucket is None:
                bucket = self._buckets[key] = _Bucket(tokens=self.burst, updated=now)
                if len(self._buckets) > self.max_keys:
                    self._buckets.popitem(last=False)
            else:
                self._buckets.move_to_end(key)
            elapsed = max(0.0, now - bucket.updated)
            bucket.tokens = min(self.burst, bucket.tokens + elapsed * self._rate)
            bucket.updated = now
            if bucket.tokens >= 1.0:
                bucket.tokens -= 1.0
                return 0.0
            return (1.0 - bucket.tokens) / self._rate

    def _forget_idle(self, now: float) -> None:
        """Drop the buckets not used for a whole refill period (full again: as if new)."""
        buckets = self._buckets
        while buckets:
            oldest = next(iter(buckets.values()))
            if now - oldest.updated < self.refill_seconds:
                return
            buckets.popitem(last=False)
