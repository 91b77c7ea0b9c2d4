"""A serial barcode scanner and a counter LED sign, emulated on pseudo-terminal pairs.

The app under test opens `emulator.port` exactly like a real `/dev/ttyUSB0`. A `link` path
gives the device a stable name (as udev's `/dev/serial/by-id/…` does), so closing an
emulator and starting a new one on the same link looks like unplugging and replugging it.
"""

from __future__ import annotations

import contextlib
import logging
import os
import random
import re
import select
import string
import threading
import time
import tty
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Self

from hardware.sign import SignProtocol

log = logging.getLogger(__name__)


class _Pty:
    """One pty pair in raw mode, optionally reachable through a symlink."""

    def __init__(self, link: Path | None) -> None:
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
        return str(self.link) if self.link is not None else self.slave_name

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        link = self.link
        if link is not None and link.is_symlink() and str(link.readlink()) == self.slave_name:
            link.unlink()
        os.close(self.master)
        os.close(self.slave)


class ScannerEmulator:
    """A serial barcode scanner: the app opens `port`, the test calls `scan()` or `send()`."""

    def __init__(
        self, *, link: Path | None = None, terminator: bytes = b"\r", char_delay: float = 0.0
    ) -> None:
        self._pty = _Pty(link)
        self.terminator = terminator
        self.char_delay = char_delay

    @property
    def port(self) -> str:
        """The path the app opens (the link when one was given)."""
        return self._pty.port

    def scan(
        self, code: str, *, terminator: bytes | None = None, char_delay: float | None = None
    ) -> None:
        """Send one scanned code followed by the terminator, optionally byte by byte."""
        data = code.encode("ascii") + (self.terminator if terminator is None else terminator)
        delay = self.char_delay if char_delay is None else char_delay
        if delay <= 0:
            self.send(data)
            return
        for i in range(len(data)):
            self.send(data[i : i + 1])
            time.sleep(delay)

    def send(self, data: bytes) -> None:
        """Send raw bytes: noise, half frames, anything a flaky scanner might emit."""
        view = memoryview(data)
        while view:
            view = view[os.write(self._pty.master, view) :]

    def noise(self, length: int, *, seed: int = 0, terminator: bytes | None = None) -> bytes:
        """Send a misread: `length` random bytes (no CR/LF) and a terminator; return them."""
        rng = random.Random(seed)
        junk = bytes(rng.choice([b for b in range(256) if b not in b"\r\n"]) for _ in range(length))
        self.send(junk + (self.terminator if terminator is None else terminator))
        return junk

    def close(self) -> None:
        """Unplug the scanner: the app's open port reports an I/O error from now on."""
        self._pty.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


@dataclass(frozen=True, slots=True)
class SignFrame:
    """One line the sign received, and what it made of it."""

    raw: bytes
    counter: str | None
    number: str | None
    blink: bool
    understood: bool


def _template_regex(template: str) -> re.Pattern[str]:
    parts: list[str] = []
    for literal, name, _, _ in string.Formatter().parse(template):
        parts.append(re.escape(literal))
        if name is not None:
            parts.append(f"(?P<{name}>.*?)")
    return re.compile("".join(parts), re.DOTALL)


class SignEmulator:
    """A counter LED sign: reads what the app writes, records every frame and the display.

    A reader thread splits the byte stream at `terminator`; each frame is matched against
    the protocol's templates. `shown`/`blinking` hold what the sign displays now.
    """

    def __init__(
        self,
        *,
        protocol: SignProtocol | None = None,
        terminator: bytes = b"\r\n",
        link: Path | None = None,
    ) -> None:
        self.protocol = protocol or SignProtocol()
        self.terminator = terminator
        self._pty = _Pty(link)
        blink = [(_template_regex(self.protocol.blink), True)] if self.protocol.blink else []
        self._patterns = [  # blink first: its frames would also fit a looser show template
            *blink,
            (_template_regex(self.protocol.show), False),
            (_template_regex(self.protocol.clear), False),
        ]
        self._cond = threading.Condition()
        self._frames: list[SignFrame] = []
        self._shown: str | None = None
        self._blinking = False
        self._stop_r, self._stop_w = os.pipe()
        self._thread = threading.Thread(target=self._run, name="sign-emulator", daemon=True)
        self._thread.start()

    @property
    def port(self) -> str:
        """The path the app opens (the link when one was given)."""
        return self._pty.port

    @property
    def frames(self) -> list[SignFrame]:
        """Every frame received so far, oldest first (a copy)."""
        with self._cond:
            return list(self._frames)

    @property
    def shown(self) -> str | None:
        """The number the sign displays now; None when blank."""
        with self._cond:
            return self._shown

    @property
    def blinking(self) -> bool:
        """Whether the displayed number blinks."""
        with self._cond:
            return self._blinking

    def wait_for_frames(self, count: int, timeout: float = 2.0) -> list[SignFrame]:
        """Block until `count` frames arrived; return them; raise TimeoutError otherwise."""
        with self._cond:
            if not self._cond.wait_for(lambda: len(self._frames) >= count, timeout):
                raise TimeoutError(
                    f"sign got {len(self._frames)} of {count} frames: {self._frames}"
                )
            return list(self._frames)

    def close(self) -> None:
        """Unplug the sign and stop its reader thread."""
        if self._pty.closed:
            return
        os.write(self._stop_w, b"x")
        self._thread.join(timeout=5)
        os.close(self._stop_r)
        os.close(self._stop_w)
        self._pty.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def _run(self) -> None:
        buffer = b""
        while True:
            ready, _, _ = select.select([self._pty.master, self._stop_r], [], [])
            if self._stop_r in ready:
                return
            try:
                chunk = os.read(self._pty.master, 4096)
            except OSError:
                return
            buffer += chunk
            *lines, buffer = buffer.split(self.terminator)
            for line in lines:
                self._record(self._parse(line + self.terminator))

    def _parse(self, raw: bytes) -> SignFrame:
        with contextlib.suppress(UnicodeDecodeError):
            text = raw.decode(self.protocol.encoding)
            for pattern, blink in self._patterns:
                match = pattern.fullmatch(text)
                if match:
                    fields = match.groupdict()
                    return SignFrame(
                        raw, fields.get("counter"), fields.get("number"), blink, understood=True
                    )
        log.warning("sign emulator did not understand %r", raw)
        return SignFrame(raw, None, None, blink=False, understood=False)

    def _record(self, frame: SignFrame) -> None:
        with self._cond:
            self._frames.append(frame)
            if frame.understood:
                self._shown = frame.number or None
                self._blinking = frame.blink and self._shown is not None
            self._cond.notify_all()
