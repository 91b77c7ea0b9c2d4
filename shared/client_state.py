"""The Qt-free logic of the hub client: connection states, back-off, seq cursor, heartbeat watch.

`shared.qt.client.QtHubClient` is a thin QObject around these; they are unit-tested without Qt.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Callable
from enum import Enum

from shared.protocol import Event, Heartbeat, PublicSnapshot, Snapshot

log = logging.getLogger(__name__)


class ConnectionState(Enum):
    """Where the client's event stream stands."""

    DISCONNECTED = "disconnected"
    CONNECTING = "connecting"
    CONNECTED = "connected"


class Backoff:
    """Exponential back-off with downward jitter: initial, doubling, capped at maximum.

    Each delay is the step's base times a factor in ``[1 - jitter, 1]``, so it never exceeds
    ``maximum`` and reconnecting clients do not stampede the hub in lock-step.
    """

    def __init__(
        self,
        initial: float = 0.5,
        maximum: float = 30.0,
        jitter: float = 0.25,
        rng: random.Random | None = None,
    ) -> None:
        if not 0 < initial <= maximum:
            raise ValueError(f"need 0 < initial <= maximum, got {initial}, {maximum}")
        if not 0 <= jitter < 1:
            raise ValueError(f"jitter must be in [0, 1), got {jitter}")
        self.initial = initial
        self.maximum = maximum
        self.jitter = jitter
        self._rng = rng or random.Random()
        self._attempts = 0

    @property
    def attempts(self) -> int:
        """How many delays were handed out since the last reset."""
        return self._attempts

    def base(self, attempt: int) -> float:
        """The delay before jitter for the n-th attempt (0-based)."""
        # Cap the exponent: 2**attempt would overflow a float after ~1000 failures.
        return min(self.maximum, self.initial * 2.0 ** min(attempt, 64))

    def next_delay(self) -> float:
        """The seconds to wait before the next attempt; advances the schedule."""
        base = self.base(self._attempts)
        self._attempts += 1
        return base * (1.0 - self._rng.uniform(0.0, self.jitter))

    def reset(self) -> None:
        """Start over from the initial delay (after a good connection)."""
        self._attempts = 0


class StreamCursor:
    """Which events the client has seen: the seq to resume from, and duplicates to drop.

    ``last_seq`` is what the client sends as ``since`` when it reconnects. It advances on
    events, snapshots and heartbeats (a display's public stream skips staff-only events, so
    its heartbeats are what move it on). Duplicates are judged only against the seq of the
    last *delivered* event, so a heartbeat that races ahead of an event never hides it.
    """

    def __init__(self, since: int = 0) -> None:
        self._last_seq = since
        self._delivered = since

    @property
    def last_seq(self) -> int:
        """The seq to resume from."""
        return self._last_seq

    def accept(self, event: Event) -> bool:
        """Record an event; True when it should be handed to the app."""
        if isinstance(event, Heartbeat):
            if event.seq < self._last_seq:
                log.warning(
                    "hub's latest seq %d is behind ours %d; the hub lost events or was reset",
                    event.seq,
                    self._last_seq,
                )
            self._last_seq = event.seq
            self._delivered = min(self._delivered, event.seq)
            return False
        if isinstance(event, Snapshot | PublicSnapshot):
            # A snapshot replaces all state, whatever its seq.
            self._last_seq = self._delivered = event.seq
            return True
        if event.seq <= self._delivered:
            log.debug("dropping duplicate event seq %d (have %d)", event.seq, self._delivered)
            return False
        self._delivered = event.seq
        self._last_seq = max(self._last_seq, event.seq)
        return True


class HeartbeatWatch:
    """Declares the stream dead when no frame came for ``timeout`` seconds.

    The owner calls ``seen()`` on every frame and asks ``remaining()`` when its timer fires;
    re-arming only then (not on every frame) keeps a busy stream cheap.
    """

    def __init__(self, timeout: float, now: Callable[[], float]) -> None:
        if timeout <= 0:
            raise ValueError(f"timeout must be positive, got {timeout}")
        self.timeout = timeout
        self._now = now
        self._last = now()

    def seen(self) -> None:
        """A frame arrived now."""
        self._last = self._now()

    def remaining(self) -> float:
        """Seconds until the stream counts as dead (≤ 0: it is)."""
        return self._last + self.timeout - self._now()

    def expired(self) -> bool:
        """Whether the deadline has passed."""
        return self.remaining() <= 0


__all__ = ["Backoff", "ConnectionState", "HeartbeatWatch", "StreamCursor"]
