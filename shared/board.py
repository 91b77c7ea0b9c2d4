"""The board of current calls, folded from the public stream: what displays and counters show.

`Board.apply(event, now)` takes a `PublicSnapshot` (the board is rebuilt from it) or a live
public event (call, clear, waiting count) and answers the calls that are new — the ones to
announce. The newest call is highlighted for `highlight_seconds`; timers are data: `now` is
a number of seconds from any monotonic source, and `next_change(now)` says when the view must
look again. No Qt, no I/O.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from datetime import datetime

from shared.protocol import PublicCall, PublicClear, PublicSnapshot, PublicWaiting

HISTORY = 8
"""How many earlier calls the history keeps."""
HIGHLIGHT_SECONDS = 8.0
"""How long the newest call stays highlighted."""


@dataclass(frozen=True, slots=True)
class BoardCall:
    """One call on the board: the number, the counter and where it is; nothing personal."""

    seq: int
    number: str
    counter_id: str
    counter_name: str
    location: str
    floor: str
    room: str
    direction: str
    language: str | None
    recall: bool
    at: datetime

    @classmethod
    def of(cls, call: PublicCall) -> BoardCall:
        """The board's form of a public call."""
        return cls(
            seq=call.seq,
            number=call.number,
            counter_id=call.counter_id,
            counter_name=call.counter_name,
            location=call.location,
            floor=call.floor,
            room=call.room,
            direction=call.direction,
            language=call.language,
            recall=call.recall,
            at=call.at,
        )

    @property
    def place(self) -> str:
        """Where to go, in one line: the parts if the site gives them, else the location."""
        parts = [p for p in (self.floor, self.room, self.direction) if p]
        return " · ".join(parts) if parts else self.location


PublicBoardEvent = PublicSnapshot | PublicCall | PublicClear | PublicWaiting


class Board:
    """The current calls (newest first), the history of earlier ones, and how many wait."""

    def __init__(
        self, *, history: int = HISTORY, highlight_seconds: float = HIGHLIGHT_SECONDS
    ) -> None:
        self._current: list[BoardCall] = []
        self._history: deque[BoardCall] = deque(maxlen=history)
        self._highlight_seconds = highlight_seconds
        self._highlight_until = 0.0
        self.waiting: int | None = None
        self.seq = 0
        self.version = 0
        """Goes up with every change (views compare it instead of the contents)."""

    @property
    def current(self) -> tuple[BoardCall, ...]:
        """The calls still on the board, newest first."""
        return tuple(self._current)

    @property
    def history(self) -> tuple[BoardCall, ...]:
        """Earlier calls that have left the board, newest first."""
        return tuple(self._history)

    def highlighted(self, now: float) -> BoardCall | None:
        """The newest call while it is highlighted, else None."""
        if self._current and now < self._highlight_until:
            return self._current[0]
        return None

    def next_change(self, now: float) -> float | None:
        """When the highlight ends (a time in `now`'s scale), or None when nothing is timed."""
        return self._highlight_until if now < self._highlight_until else None

    def apply(self, event: PublicBoardEvent, now: float) -> tuple[BoardCall, ...]:
        """Fold one event in; the new calls (to announce), in order."""
        if isinstance(event, PublicSnapshot):
            self._rebuild(event)
            return ()
        if event.seq <= self.seq:
            return ()  # seen already (a replay after a resume)
        self.seq = event.seq
        if event.waiting is not None:
            self.waiting = event.waiting
        self.version += 1
        if isinstance(event, PublicCall):
            call = BoardCall.of(event)
            self._remove(call.number, call.counter_id)
            if any(c.number == call.number for c in self._history):  # called again
                kept = [c for c in self._history if c.number != call.number]
                self._history.clear()
                self._history.extend(kept)
            self._current.insert(0, call)
            self._highlight_until = now + self._highlight_seconds
            return (call,)
        if isinstance(event, PublicClear):
            gone = self._remove(event.number, event.counter_id)
            if gone is not None:
                self._history.appendleft(gone)
        return ()

    def _rebuild(self, snapshot: PublicSnapshot) -> None:
        calls = sorted((BoardCall.of(c) for c in snapshot.calls), key=lambda c: c.at, reverse=True)
        shown = {c.number for c in calls}
        self._current = calls
        kept = [c for c in self._history if c.number not in shown]
        self._history.clear()
        self._history.extend(kept)
        self.waiting = snapshot.waiting
        self.seq = snapshot.seq
        self._highlight_until = 0.0
        self.version += 1

    def _remove(self, number: str, counter_id: str) -> BoardCall | None:
        for index, call in enumerate(self._current):
            if call.number == number and call.counter_id == counter_id:
                return self._current.pop(index)
        for index, call in enumerate(self._current):
            if call.number == number:  # a transfer's clear names the counter that called
                return self._current.pop(index)
        return None
