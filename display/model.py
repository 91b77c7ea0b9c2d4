"""The wall display's state and behaviour, without Qt: the board, the connection, info texts.

Time is data: every method that depends on it takes `now` (seconds of a monotonic clock), and
`next_change(now)` tells the view when something will look different (highlight end, blink,
info text, the "reconnecting" mark), so the view repaints only then.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from psygnal import Signal

from shared.board import Board, BoardCall, PublicBoardEvent
from shared.display_setup import DisplaySetup

log = logging.getLogger(__name__)

RECONNECTING_AFTER = 5.0
"""Seconds without the hub before the "reconnecting" mark shows."""
BLINK_SECONDS = 0.5
"""Half a blink period of the newest call."""
LARGE_CALLS = 4
"""How many calls the board shows large; older current calls go to the side list."""


@dataclass(frozen=True, slots=True)
class DisplayViewState:
    """What the screen shows at one moment (tests read it; views render it)."""

    title: str
    calls: tuple[BoardCall, ...]
    history: tuple[BoardCall, ...]
    waiting: int | None
    highlighted: str | None
    blink_on: bool
    reconnecting: bool
    info_language: str | None
    info_text: str | None
    seq: int


class DisplayModel:
    """The wall display: folds the public stream into a board and says what to show.

    Signals: ``board_changed()`` (calls, history or count changed), ``call_arrived(BoardCall)``
    (a new call: chime and announce it), ``reconnecting_changed(bool)``, ``setup_changed()``.
    """

    board_changed = Signal()
    call_arrived = Signal(object)
    reconnecting_changed = Signal(bool)
    setup_changed = Signal()

    def __init__(
        self,
        *,
        highlight_seconds: float = 8.0,
        reconnecting_after: float = RECONNECTING_AFTER,
    ) -> None:
        self.board = Board(highlight_seconds=highlight_seconds)
        self.setup: DisplaySetup | None = None
        self._reconnecting_after = reconnecting_after
        self._offline_since: float | None = 0.0
        self._reconnecting = False
        self._info: list[tuple[str, str]] = []

    # ------------------------------------------------------------------ verbs
    def receive(self, event: PublicBoardEvent, now: float) -> None:
        """A public event (or snapshot) from the hub."""
        version = self.board.version
        calls = self.board.apply(event, now)
        if self.board.version != version:
            self.board_changed.emit()
        for call in calls:
            self.call_arrived.emit(call)

    def set_setup(self, setup: DisplaySetup) -> None:
        """The hub told the display its counters, sounds and info texts."""
        self.setup = setup
        self._info = [(i.language, text) for i in setup.info for text in i.texts]
        self.setup_changed.emit()

    def connection_changed(self, *, online: bool, now: float) -> None:
        """The stream to the hub came up or went down."""
        if online:
            self._offline_since = None
        elif self._offline_since is None:
            self._offline_since = now
        self.tick(now)

    def tick(self, now: float) -> None:
        """Let time pass: the "reconnecting" mark appears after a while without the hub."""
        reconnecting = (
            self._offline_since is not None
            and now - self._offline_since >= self._reconnecting_after
        )
        if reconnecting != self._reconnecting:
            self._reconnecting = reconnecting
            self.reconnecting_changed.emit(reconnecting)

    def _away_long(self, now: float) -> bool:
        since = self._offline_since
        return since is not None and now - since >= self._reconnecting_after

    # ------------------------------------------------------------------ reading
    @property
    def reconnecting(self) -> bool:
        """Whether the "reconnecting" mark shows."""
        return self._reconnecting

    def info_at(self, now: float) -> tuple[str, str] | None:
        """The info text (language, text) shown at `now`, rotating through the languages."""
        if not self._info:
            return None
        seconds = self.setup.info_seconds if self.setup else 8.0
        return self._info[int(now // seconds) % len(self._info)]

    def next_change(self, now: float) -> float | None:
        """The next moment the screen looks different without a new event (None: never)."""
        times = []
        if self.board.highlighted(now) is not None:
            times.append((now // BLINK_SECONDS + 1) * BLINK_SECONDS)
        ends = self.board.next_change(now)
        if ends is not None:
            times.append(ends)
        if len(self._info) > 1 and self.setup is not None:
            seconds = self.setup.info_seconds
            times.append((now // seconds + 1) * seconds)
        if self._offline_since is not None and not self._reconnecting:
            times.append(self._offline_since + self._reconnecting_after)
        return min(times) if times else None

    def view_state(self, now: float) -> DisplayViewState:
        """The frozen picture of the screen at `now`."""
        highlighted = self.board.highlighted(now)
        info = self.info_at(now)
        title = self.setup.name if self.setup else ""
        return DisplayViewState(
            title=title,
            calls=self.board.current,
            history=self.board.history,
            waiting=self.board.waiting,
            highlighted=highlighted.number if highlighted else None,
            blink_on=highlighted is not None and int(now // BLINK_SECONDS) % 2 == 0,
            reconnecting=self._away_long(now),
            info_language=info[0] if info else None,
            info_text=info[1] if info else None,
            seq=self.board.seq,
        )
