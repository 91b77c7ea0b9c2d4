"""One subscriber of the live stream: its bounded queue, its sink, its heartbeat timer, its end.

An event offered while the subscriber's sender waits on an empty queue goes to the sender's
sink, which writes it at once (`server.stream`); otherwise it is queued, in order. A
subscription that falls behind (queue full) ends instead of holding up the others; the
client reconnects with `since` and catches up from the event log.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from datetime import UTC, datetime
from enum import Enum

from shared.protocol import Event, Heartbeat, PublicCall, PublicClear

IDLE = Heartbeat(seq=0, at=datetime(1970, 1, 1, tzinfo=UTC))
"""Queued when a subscription was idle for a heartbeat period; the sender sends a real one."""


Sink = Callable[[Event], bool]
"""Writes an event to the subscriber at once; False when it cannot now (it is queued instead)."""


class EndReason(Enum):
    """Why a subscription ended."""

    FELL_BEHIND = "fell behind"
    SHUTDOWN = "server shutting down"
    DISCONNECTED = "client disconnected"
    REVOKED = "token revoked or expired"


class Subscription:
    """One subscriber's bounded queue of events (public forms for a public subscriber)."""

    def __init__(
        self,
        *,
        public: bool,
        bound: int,
        token: str = "",
        counters: frozenset[str] | None = None,
        device_id: str = "",
    ) -> None:
        self.public = public
        self.counters = counters  # a display's counters: other counters' calls are not queued
        self.device_id = device_id
        self.token = token  # re-checked once per period while the subscription is live
        self.bound = bound
        # One slot more than the bound: room for the end-of-stream marker.
        self.queue: asyncio.Queue[Event | None] = asyncio.Queue(maxsize=bound + 1)
        self.ended: EndReason | None = None
        self.why = ""
        """For `EndReason.REVOKED`: the token's refusal code (``user_disabled``, …)."""
        self.sink: Sink | None = None
        """Set by the sender only while it waits on the queue: an event offered while the queue
        is empty is written at once, in the fan-out, instead of waking the sender's task."""
        self.touched = time.monotonic()
        self._beat = 0.0
        self._timer: asyncio.TimerHandle | None = None

    def offer(self, event: Event) -> bool:
        """Send an event now or queue it; False (and the subscription ends) when the queue is
        full.

        It is written at once when the sender waits on an empty queue (nothing ahead of it)
        and its `sink` can write; otherwise it is queued for the sender.
        """
        if self.ended is not None:
            return True  # its reader stops at the end marker; it is being unsubscribed
        if not self.shows(event):
            return True
        sink = self.sink
        if sink is not None and self.queue.empty() and sink(event):
            self.touched = time.monotonic()
            return True
        if self.queue.qsize() >= self.bound:
            self.end(EndReason.FELL_BEHIND)
            return False
        self.queue.put_nowait(event)
        self.touched = time.monotonic()
        return True

    def shows(self, event: Event) -> bool:
        """Whether the event is for this subscriber (a display sees only its counters)."""
        if self.counters is None or not isinstance(event, PublicCall | PublicClear):
            return True
        return event.counter_id in self.counters

    def keep_alive(self, seconds: float) -> None:
        """Queue `IDLE` whenever `seconds` pass with nothing queued (until the end).

        One timer per period instead of a timeout per event: the live path stays cheap.
        """
        self._beat = seconds
        self.touched = time.monotonic()
        self._timer = asyncio.get_running_loop().call_later(seconds, self._tick)

    def _tick(self) -> None:
        self._timer = None
        if self.ended is not None:
            return
        idle = time.monotonic() - self.touched
        if idle >= self._beat - 0.01:  # timers may fire a hair early
            if self.queue.empty():
                self.queue.put_nowait(IDLE)
            self.touched = time.monotonic()
            idle = 0.0
        self._timer = asyncio.get_running_loop().call_later(self._beat - idle, self._tick)

    def end(self, reason: EndReason) -> None:
        """Mark the subscription over and wake its reader."""
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        if self.ended is None:
            self.ended = reason
            self.queue.put_nowait(None)
