"""Which kiosks and wall displays still do their job: streams, requests, acknowledgements.

The hub watches a device of one of these kinds once it is known to matter:
- a wall display that is configured (its device name is a `[[displays]]` id or name) or that
  has acknowledged once since the hub started (`DisplayAck` frames on its event stream);
- a kiosk that is configured (a `[[kiosks]]` id or name), that has ever reported its
  printer's state (`PUT /devices/current/status`), or reports it now;
- any device with an alert still open in the database when the hub starts (`restore`).
A device revoked (at start, or later: the trust watch tells) is no longer watched and its
open alert is cleared.

A display is in contact while it holds an event stream and acknowledges each call it was
sent; a kiosk while it holds its stream or makes requests. A watched device out of contact
for `delay` seconds of the hub's clock gets a `DeviceAlert` (`no_stream` or `no_ack` for a
display, `offline` for a kiosk), logged, kept open in the database and published on the
staff stream; once the device is back (a stream again, its acknowledgements caught up, a
kiosk's request) the alert is cleared the same way. An alert is never cleared merely
because the delay has not passed again: a display whose stream drops keeps its `no_ack`
alert until it is `no_stream`, and an alert taken over at start stays until the device is
back, so counters see each alert once. The check runs every `every` real seconds (a task the
app's lifespan starts and stops); time itself comes from the injectable clock, so a test
moves a `FakeClock` instead of waiting 30 s.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from server.broadcast import Broadcaster
from server.db.outcomes import AlertChange
from server.mutation import mutate
from server.store import Store
from shared.clock import Clock
from shared.domain import Device, DeviceRole
from shared.protocol import DeviceAlert, DeviceProblem

log = logging.getLogger(__name__)

WATCHED_ROLES = frozenset({DeviceRole.KIOSK, DeviceRole.DISPLAY})


@dataclass
class _Device:
    """What the hub knows of one kiosk or display."""

    name: str
    role: DeviceRole
    watched: bool = False
    streams: int = 0
    gone_since: datetime | None = None
    """Since when it has had no contact (None: a stream is open)."""
    heard: bool = False
    """A kiosk made a request since its alert was raised (or taken over)."""
    sent: deque[tuple[int, datetime]] = field(default_factory=deque)
    acked: int = 0
    alert: DeviceAlert | None = None
    retired: bool = False
    """Revoked or unknown: its open alert is cleared, it is no longer watched."""
    confirmed: bool = True
    """False for an alert taken over at start until the delay has confirmed it."""


class DeviceWatch:
    """Raises a staff alert for a kiosk or display out of contact, clears it when it is back."""

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
        self._devices: dict[str, _Device] = {}
        self._task: asyncio.Task[None] | None = None

    def _device(self, device_id: str, name: str, role: DeviceRole) -> _Device:
        device = self._devices.get(device_id)
        if device is None:
            device = self._devices[device_id] = _Device(name, role)
            device.gone_since = self._clock.now()
        return device

    def expect(self, device_id: str, name: str, role: DeviceRole) -> None:
        """Watch a device from now on, also before it first connects (a configured one)."""
        self._device(device_id, name, role).watched = True

    def restore(self, alert: DeviceAlert) -> None:
        """Take over an alert still open in the database (the hub starts): it stays open
        until the device is back, and is confirmed (logged) when the delay passes without it."""
        device = self._device(alert.device_id, alert.name, alert.role)
        device.watched = True
        device.alert = alert
        device.heard = False
        device.confirmed = False

    def retire(self, device_id: str) -> None:
        """A revoked or deleted device: clear its open alert and watch it no longer."""
        device = self._devices.get(device_id)
        if device is not None:
            device.retired = True

    def retire_revoked(self, devices: Iterable[Device]) -> None:
        """Retire every watched device that is revoked or no longer paired."""
        active = {d.id for d in devices if not d.revoked}
        for device_id, device in self._devices.items():
            if device_id not in active and not device.retired:
                device.retired = True

    def connected(self, device_id: str, name: str, role: DeviceRole) -> None:
        """A device's stream opened."""
        device = self._device(device_id, name, role)
        device.streams += 1
        device.gone_since = None
        device.heard = True

    def disconnected(self, device_id: str) -> None:
        """A device's stream closed."""
        device = self._devices.get(device_id)
        if device is not None and device.streams > 0:
            device.streams -= 1
            if device.streams == 0:
                device.gone_since = self._clock.now()

    def heard(self, device_id: str) -> None:
        """A kiosk made a request: it is in contact now (displays need their stream)."""
        device = self._devices.get(device_id)
        if device is not None and device.role is DeviceRole.KIOSK:
            device.heard = True
            if device.streams == 0:
                device.gone_since = self._clock.now()

    def reported(self, device_id: str, name: str, role: DeviceRole) -> None:
        """A device reported its printer's state: a kiosk is watched from now on."""
        if role is DeviceRole.KIOSK:
            self._device(device_id, name, role).watched = True
            self.heard(device_id)

    def sent(self, device_id: str, seq: int) -> None:
        """A call went out to a display: it owes an acknowledgement."""
        device = self._devices.get(device_id)
        if device is not None and device.watched and seq > device.acked:
            device.sent.append((seq, self._clock.now()))

    def acked(self, device_id: str, name: str, seq: int) -> None:
        """A display has shown every call up to `seq` (and is watched from now on)."""
        device = self._device(device_id, name, DeviceRole.DISPLAY)
        device.watched = True
        device.acked = max(device.acked, seq)
        while device.sent and device.sent[0][0] <= device.acked:
            device.sent.popleft()

    @property
    def alerts(self) -> tuple[DeviceAlert, ...]:
        """The alerts raised and not cleared (as the database keeps them)."""
        return tuple(d.alert for d in self._devices.values() if d.alert is not None)

    def _problem(self, device: _Device, now: datetime) -> DeviceProblem | None:
        """What is wrong with the device now (None: nothing, or not for long enough)."""
        if not device.watched or device.retired:
            return None
        if device.gone_since is not None and now - device.gone_since >= self._delay:
            kiosk = device.role is DeviceRole.KIOSK
            return DeviceProblem.OFFLINE if kiosk else DeviceProblem.NO_STREAM
        if device.streams and device.sent and now - device.sent[0][1] >= self._delay:
            return DeviceProblem.NO_ACK
        return None

    def _back(self, device: _Device) -> bool:
        """Whether a device with an open alert is evidently doing its job again."""
        if device.retired:
            return True
        if device.role is DeviceRole.KIOSK:
            return device.streams > 0 or device.heard
        return device.streams > 0

    async def check(self) -> list[DeviceAlert]:
        """One round: raise and clear alerts as the devices' state asks, in one mutation."""
        now = self._clock.now()
        changes: list[AlertChange] = []
        raising: dict[int, _Device] = {}
        for device_id, device in list(self._devices.items()):
            problem = self._problem(device, now)
            active = device.alert
            if active is not None and active.problem is problem:
                self._confirm(device, active)
                continue
            if active is None and problem is None:
                continue
            if active is not None and problem is None and not self._back(device):
                continue  # not back yet, and not gone long enough to say more
            if active is not None:
                changes.append(_change(device_id, device, active.problem, raised=False))
                device.alert = None
            if problem is not None:
                raising[len(changes)] = device
                changes.append(_change(device_id, device, problem, raised=True))
                device.heard = False  # contact counts from now (also while the log is written)
                device.confirmed = True
        if not changes:
            return []
        for change in changes:
            log.info(
                "%s %s (%s): %s alert %s",
                change.role.value,
                change.name,
                change.device_id,
                change.problem.value,
                "raised" if change.raised else "cleared",
            )
        logged = await mutate(self._broadcaster, self._store.log_device_alerts, changes)
        alerts = [event for event in logged.events if isinstance(event, DeviceAlert)]
        for index, device in raising.items():
            device.alert = alerts[index]
        return alerts

    def _confirm(self, device: _Device, alert: DeviceAlert) -> None:
        """An alert taken over at start is still true after the delay: say so once."""
        if not device.confirmed:
            device.confirmed = True
            log.info(
                "%s %s (%s): %s alert from before the start still open",
                alert.role.value,
                alert.name,
                alert.device_id,
                alert.problem.value,
            )

    def start(self) -> None:
        """Start the periodic check on the running loop."""
        if self._task is None:
            self._task = asyncio.create_task(self._run(), name="aufruf-device-watch")

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
                log.exception("checking the devices failed; trying again")


def _change(
    device_id: str, device: _Device, problem: DeviceProblem, *, raised: bool
) -> AlertChange:
    return AlertChange(device_id, device.name, device.role, problem, raised=raised)
