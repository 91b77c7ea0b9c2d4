"""The line an emulated serial device sits on: a raw pty pair and a thread reading its master.

The app under test opens `PtyLink.port` exactly like a real `/dev/ttyUSB0`; the emulator
reads and writes the master side. Used by the serial printer, scanner and sign emulators.
"""

from __future__ import annotations

import contextlib
import os
import select
import threading
import tty
from collections.abc import Callable
from pathlib import Path


class PtyLink:
    """One pty pair in raw mode, optionally reachable through a symlink (as udev's by-id)."""

    def __init__(self, link: Path | None = None) -> None:
        """Open the pair; with `link`, (re)point that symlink at the slave."""
        self.master, self.slave = os.openpty()
        tty.setraw(self.slave)
        self.slave_name = os.ttyname(self.slave)
        self.link = link
        if link is not None:
            link.unlink(missing_ok=True)
            link.symlink_to(self.slave_name)
        self.closed = False

    @property
    def port(self) -> str:
        """The path the app opens (the link when one was given)."""
        return str(self.link) if self.link is not None else self.slave_name

    def write(self, data: bytes) -> None:
        """Write all of `data` to the master: the app reads it from the port."""
        view = memoryview(data)
        while view:
            view = view[os.write(self.master, view) :]

    def close(self) -> None:
        """Close both ends and remove our link (unplug); a second call does nothing."""
        if self.closed:
            return
        self.closed = True
        link = self.link
        if link is not None and link.is_symlink() and str(link.readlink()) == self.slave_name:
            link.unlink()
        for fd in (self.master, self.slave):
            with contextlib.suppress(OSError):
                os.close(fd)


class PtyReader:
    """A thread that calls `on_readable()` whenever the master has bytes, until stopped.

    `on_readable` does its own `os.read` and returns False to end the thread (e.g. on
    OSError); `on_end` runs on the thread when it ends, however it ends.
    """

    def __init__(
        self,
        master: int,
        on_readable: Callable[[], bool],
        *,
        name: str,
        on_end: Callable[[], None] | None = None,
    ) -> None:
        """Prepare (not yet start) the thread."""
        self._master = master
        self._on_readable = on_readable
        self._on_end = on_end
        self._stop_r, self._stop_w = os.pipe()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._stopped = False

    def start(self) -> None:
        """Start reading."""
        self._thread.start()

    def stop(self) -> None:
        """Wake the thread, wait for it to end, release the wake-up pipe; once only."""
        if self._stopped:
            return
        self._stopped = True
        os.write(self._stop_w, b"x")
        if self._thread.is_alive():
            self._thread.join(timeout=5)
        os.close(self._stop_r)
        os.close(self._stop_w)

    def _run(self) -> None:
        try:
            while True:
                ready, _, _ = select.select([self._master, self._stop_r], [], [])
                if self._stop_r in ready or not self._on_readable():
                    return
        finally:
            if self._on_end is not None:
                self._on_end()
