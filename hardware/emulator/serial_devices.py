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
import string
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Self

from hardware.emulator.pty_link import PtyLink, PtyReader
from hardware.sign import SignProtocol

log = logging.getLogger(__name__)


class _SerialDevice:
    """A device on its own pty line: the app opens `port`; closing it unplugs the device."""

    def __init__(self, link: Path | None) -> None:
        self._pty = PtyLink(link)

    @property
    def port(self) -> str:
        """The path the app opens (the link when one was given)."""
        return self._pty.port

    def close(self) -> None:
        """Unplug the device: the app's open port reports an I/O error from now on."""
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


class ScannerEmulator(_SerialDevice):
    """A serial barcode scanner: the app opens `port`, the test calls `scan()` or `send()`."""

    def __init__(
        self, *, link: Path | None = None, terminator: bytes = b"\r", char_delay: float = 0.0
    ) -> None:
        super().__init__(link)
        self.terminator = terminator
        self.char_delay = char_delay

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
        self._pty.write(data)

    def noise(self, length: int, *, seed: int = 0, terminator: bytes | None = None) -> bytes:
        """Send a misread: `length` random bytes (no CR/LF) and a terminator; return them."""
        rng = random.Random(seed)
        junk = bytes(rng.choice([b for b in range(256) if b not in b"\r\n"]) for _ in range(length))
        self.send(junk + (self.terminator if terminator is None else terminator))
        return junk


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


class SignEmulator(_SerialDevice):
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
        super().__init__(link)
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
        self._buffer = b""
        self._reader = PtyReader(self._pty.master, self._on_readable, name="sign-emulator")
        self._reader.start()

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
        self._reader.stop()
        super().close()

    def _on_readable(self) -> bool:
        try:
            chunk = os.read(self._pty.master, 4096)
        except OSError:
            return False
        *lines, self._buffer = (self._buffer + chunk).split(self.terminator)
        for line in lines:
            self._record(self._parse(line + self.terminator))
        return True

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
