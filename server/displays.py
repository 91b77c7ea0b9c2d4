"""Which wall displays still show the calls: acknowledgements, lost streams, staff alerts.

A display acknowledges every call it has shown (a `DisplayAck` frame on its event stream).
The hub watches each display that is configured in the site file (its device name is a
`[[displays]]` id or name) or that has acknowledged once since the hub started: when one has
had no stream, or left a call it was sent unacknowledged, for `delay` seconds of the hub's
clock, a `DisplayAlert` is logged and published on the staff stream; when it is back, the
alert is cleared the same way. The check runs every `every` real seconds (a task the app's
lifespan starts and stops); time itself comes from the injectable clock, so a test moves a
`FakeClock` instead of waiting 30 s.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import deque
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from server.broadcast import Broadcaster
from server.db.outcomes import AlertChange
from server.mutation import mutate
from server.store import Store
from shared.clock import Clock
from shared.protocol import DisplayAlert, DisplayProblem

log = logging.getLogger(__name__)


@dataclass
class _Screen:
    """What the hub knows of one display device."""

    name: str
    watched: bool = False
    streams: int = 0
    gone_since: datetime | None = None
    sent: deque[tuple[int, datetime]] = field(default_factory=deque)
    acked: int = 0
    alert: DisplayAlert | None = None


class DisplayWatch:
    """Raises a staff alert for a display without stream or acknowledgement, clears it after."""

    def __init__(
        self,
        store: Store,
        clock: Clock,
        broadcaster: Broadcaster,
        *,
        delay: float = 30.0,
        every: float = 1.0,
    ) -> None:
        self._store = store
        self._clock = clock
        self._broadcaster = broadcaster
        self._delay = timedelta(seconds=delay)
        self._every = every
        self._screens: dict[str, _Screen] = {}
        self._task: asyncio.Task[None] | None = None

    def expect(self, device_id: str, name: str) -> None:
        """Watch a display from now on, also before it first connects (a configured one)."""
        screen = self._screens.setdefault(device_id, _Screen(name))
        if not screen.watched:
            screen.watched = True
            if screen.streams == 0:
                screen.gone_since = self._clock.now()

    def connected(self, device_id: str, name: str) -> None:
        """A display's stream opened."""
        screen = self._screens.setdefault(device_id, _Screen(name))
        screen.streams += 1
        screen.gone_since = None

    def disconnected(self, device_id: str) -> None:
        """A display's stream closed."""
        screen = self._screens.get(device_id)
        if screen is not None and screen.streams > 0:
            screen.streams -= 1
            if screen.streams == 0:
                screen.gone_since = self._clock.now()

    def sent(self, device_id: str, seq: int) -> None:
        """A call went out to a display: it owes an acknowledgement."""
        screen = self._screens.get(device_id)
        if screen is not None and screen.watched and seq > screen.acked:
            screen.sent.append((seq, self._clock.now()))

    def acked(self, device_id: str, name: str, seq: int) -> None:
        """A display has shown every call up to `seq` (and is watched from now on)."""
        screen = self._screens.setdefault(device_id, _Screen(name))
        screen.watched = True
        screen.acked = max(screen.acked, seq)
        while screen.sent and screen.sent[0][0] <= screen.acked:
            screen.sent.popleft()

    @property
    def alerts(self) -> tuple[DisplayAlert, ...]:
        """The alerts raised and not cleared (a staff snapshot carries them)."""
        return tuple(s.alert for s in self._screens.values() if s.alert is not None)

    def _problem(self, screen: _Screen, now: datetime) -> DisplayProblem | None:
        if not screen.watched:
            return None
        if screen.gone_since is not None and now - screen.gone_since >= self._delay:
            return DisplayProblem.NO_STREAM
        if screen.streams and screen.sent and now - screen.sent[0][1] >= self._delay:
            return DisplayProblem.NO_ACK
        return None

    async def check(self) -> list[DisplayAlert]:
        """One round: raise and clear alerts as the displays' state asks, in one mutation."""
        now = self._clock.now()
        changes: list[AlertChange] = []
        raising: dict[int, _Screen] = {}
        for device_id, screen in list(self._screens.items()):
            problem = self._problem(screen, now)
            active = screen.alert
            if active is not None and active.problem is problem:
                continue
            if active is None and problem is None:
                continue
            if active is not None:
                changes.append(AlertChange(device_id, screen.name, active.problem, raised=False))
                screen.alert = None
            if problem is not None:
                raising[len(changes)] = screen
                changes.append(AlertChange(device_id, screen.name, problem, raised=True))
        if not changes:
            return []
        for change in changes:
            what = "raised" if change.raised else "cleared"
            log.info(
                "display %s (%s): %s alert %s",
                change.name,
                change.device_id,
                change.problem.value,
                what,
            )
        logged = await mutate(self._broadcaster, self._store.log_display_alerts, changes)
        alerts = [event for event in logged.events if isinstance(event, DisplayAlert)]
        for index, screen in raising.items():
            screen.alert = alerts[index]
        return alerts

    def start(self) -> None:
        """Start the periodic check on the running loop."""
        if self._task is None:
            self._task = asyncio.create_task(self._run(), name="aufruf-display-watch")

    async def stop(self) -> None:
        """Stop the periodic check (waits for a round in flight)."""
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    async def _run(self) -> None:
        while True:
            await asyncio.sleep(self._every)
            try:
                await self.check()
            except Exception:
                log.exception("checking the displays failed; trying again")
