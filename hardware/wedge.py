"""Keyboard-wedge scanners: USB scanners that type. Tell a scan from a person by timing.

A scanner types a whole code in a burst (a few ms per character) and presses Enter; a person
is slower. `WedgeDetector` (Qt-free) holds characters back while they may still be a scan
and hands them on as soon as they cannot be. `hardware.qt.wedge.QtWedgeFilter` applies it to
real key events.
"""

from __future__ import annotations

import logging
import re

log = logging.getLogger(__name__)

ENTER = "\r"
"""What `WedgeDetector.feed` takes for the Enter key that ends a scan."""


class WedgeDetector:
    """Decides per keystroke whether it belongs to a scan; Qt-free, time in ms from the caller.

    A scan is at least `min_length` characters, each less than `max_gap_ms` after the one
    before, ended by Enter just as fast (and matching `pattern`, when given). Characters that
    may still be a scan are *pending*; when they cannot be any more they are *released*
    (fetch them with `take_released()` and let them through as typing).
    """

    def __init__(
        self,
        *,
        max_gap_ms: int = 30,
        min_length: int = 4,
        max_length: int = 64,
        pattern: re.Pattern[str] | str | None = None,
    ) -> None:
        if min_length < 1 or max_length < min_length:
            raise ValueError("need 1 <= min_length <= max_length")
        self.max_gap_ms = max_gap_ms
        self.min_length = min_length
        self.max_length = max_length
        self.pattern = re.compile(pattern) if isinstance(pattern, str) else pattern
        self._pending: list[str] = []
        self._released: list[str] = []
        self._last_ms = 0

    @property
    def pending(self) -> str:
        """The characters held back because they may still be a scan."""
        return "".join(self._pending)

    def feed(self, char: str, t_ms: int) -> str | None:
        """Take one typed character (`ENTER` for Enter) at time `t_ms`; return a finished scan."""
        fast = bool(self._pending) and t_ms - self._last_ms <= self.max_gap_ms
        if char in (ENTER, "\n"):
            code = "".join(self._pending)
            if fast and len(code) >= self.min_length and self._fits(code):
                self._pending.clear()
                return code
            self.flush()
            return None
        if not fast or len(self._pending) >= self.max_length:
            self.flush()
        self._pending.append(char)
        self._last_ms = t_ms
        return None

    def flush(self) -> None:
        """Give up on the pending characters: they are typing (nothing followed in time)."""
        self._released += self._pending
        self._pending.clear()

    def take_released(self) -> str:
        """Return the characters released since the last call, oldest first, and forget them."""
        released = "".join(self._released)
        self._released.clear()
        return released

    def _fits(self, code: str) -> bool:
        if self.pattern is None or self.pattern.fullmatch(code):
            return True
        log.info("fast typed %r does not look like a code; treated as typing", code[:40])
        return False
