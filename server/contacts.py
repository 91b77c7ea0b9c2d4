"""When the hub last heard from each device: requests seen and event streams held open.

Kept in memory by the running hub (since its start): a device that holds its event stream
open is in contact now; otherwise its last request or the end of its last stream counts.
"""

from __future__ import annotations

import threading
from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from shared.clock import Clock


@dataclass(frozen=True, slots=True)
class Contact:
    """A device's contact with the hub: when last seen, and whether a stream is open now."""

    last_seen: datetime | None
    streaming: bool


class ContactBook:
    """Last contact per principal id (devices and users alike); safe from any thread."""

    def __init__(self, clock: Clock) -> None:
        self._clock = clock
        self._seen: dict[str, datetime] = {}
        self._streams: Counter[str] = Counter()
        self._lock = threading.Lock()

    def seen(self, principal_id: str) -> None:
        """The principal made a request just now."""
        now = self._clock.now()
        with self._lock:
            self._seen[principal_id] = now

    def stream_opened(self, principal_id: str) -> None:
        """The principal opened an event stream."""
        self.seen(principal_id)
        with self._lock:
            self._streams[principal_id] += 1

    def stream_closed(self, principal_id: str) -> None:
        """One of the principal's event streams ended."""
        self.seen(principal_id)
        with self._lock:
            self._streams[principal_id] -= 1
            if self._streams[principal_id] <= 0:
                del self._streams[principal_id]

    def of(self, principal_id: str) -> Contact:
        """The principal's contact (a stream open now counts as seen now)."""
        with self._lock:
            streaming = self._streams[principal_id] > 0
            last = self._clock.now() if streaming else self._seen.get(principal_id)
        return Contact(last_seen=last, streaming=streaming)
