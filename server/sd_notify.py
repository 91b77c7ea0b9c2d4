"""systemd's service notification: `READY=1` once the hub serves, `WATCHDOG=1` while its loop runs.

The protocol is one datagram per message on the AF_UNIX socket named by `$NOTIFY_SOCKET`
(sd_notify(3)); a name starting with `@` is in the abstract namespace. Outside systemd the
variable is unset and every call does nothing. Written here (a dozen lines) rather than
pulling in `sdnotify` or `systemd-python` (the latter needs libsystemd headers to build).
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
from collections.abc import Mapping

log = logging.getLogger(__name__)


class Notifier:
    """Sends sd_notify messages to the socket systemd gave the service, or nowhere."""

    def __init__(self, address: str | None, watchdog_seconds: float | None = None) -> None:
        self.address = address
        self.watchdog_seconds = watchdog_seconds
        """WatchdogSec of the unit (None: no watchdog); the hub pets it every half of that."""

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] | None = None) -> Notifier:
        """The notifier systemd configured through `NOTIFY_SOCKET` and `WATCHDOG_USEC`."""
        env = os.environ if environ is None else environ
        address = env.get("NOTIFY_SOCKET") or None
        watchdog: float | None = None
        usec = env.get("WATCHDOG_USEC", "")
        pid = env.get("WATCHDOG_PID", "")
        if usec.isdigit() and int(usec) > 0 and (not pid or pid == str(os.getpid())):
            watchdog = int(usec) / 1_000_000
        return cls(address, watchdog)

    def send(self, message: str) -> bool:
        """Send one message (`READY=1`, …); False (logged) when there is no socket or it fails."""
        if not self.address:
            return False
        target = "\0" + self.address[1:] if self.address.startswith("@") else self.address
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC) as sock:
                sock.sendto(message.encode(), target)
        except OSError as exc:
            log.warning("cannot notify systemd at %s: %s", self.address, exc)
            return False
        return True

    async def pet_watchdog(self) -> None:
        """Send `WATCHDOG=1` every half WatchdogSec from the event loop, until cancelled.

        Sent from a coroutine on the hub's own loop: when the loop hangs, the petting stops
        and systemd restarts the service.
        """
        if self.watchdog_seconds is None or not self.address:
            return
        interval = self.watchdog_seconds / 2
        log.info("petting systemd's watchdog every %.1f s", interval)
        while True:
            self.send("WATCHDOG=1")
            await asyncio.sleep(interval)
