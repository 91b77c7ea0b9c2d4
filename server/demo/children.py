"""The windowed demo's child processes: started, their output passed on, told things, stopped."""

from __future__ import annotations

import logging
import re
import subprocess
import sys
import threading
from collections.abc import Callable

from server.demo.stream import say

log = logging.getLogger(__name__)

NOISE = ("propagateSizeHints", "qt.multimedia.symbolsresolver")
"""Qt's harmless offscreen chatter, not passed on."""


class Child:
    """One child process (`python -m MODULE …`); its output is read line by line."""

    def __init__(self, name: str, process: subprocess.Popen[str]) -> None:
        self.name = name
        self.process = process

    def tell(self, line: str) -> None:
        """Write a line to the child's standard input (it may have ended: then nothing)."""
        stdin = self.process.stdin
        if stdin is None or self.process.poll() is not None:
            return
        try:
            stdin.write(line + "\n")
            stdin.flush()
        except (BrokenPipeError, ValueError):  # ended meanwhile, or stdin closed at the stop
            log.info("%s did not take %r: it has ended", self.name, line)


class Children:
    """The demo's child processes; their output is passed on line by line."""

    def __init__(self, env: dict[str, str]) -> None:
        self.env = env
        self.children: list[Child] = []
        self.readers: list[threading.Thread] = []

    def start(
        self,
        module: str,
        *args: str,
        name: str | None = None,
        env: dict[str, str] | None = None,
        on_line: Callable[[Child, str], None] | None = None,
    ) -> Child:
        """Start `python -m MODULE ARGS…`; each line it prints is printed and given to `on_line`."""
        process = subprocess.Popen(  # noqa: S603 - our own interpreter and modules
            [sys.executable, "-m", module, *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env=self.env | (env or {}),
        )
        child = Child(name or module, process)
        self.children.append(child)

        def read() -> None:
            assert process.stdout is not None
            for line in process.stdout:
                text = line.rstrip("\n")
                if not any(noise in text for noise in NOISE):
                    say(text)
                if on_line is not None:
                    on_line(child, text)
            code = process.wait()
            if code not in (0, -15):  # -15: our own SIGTERM at the end
                say(f"{child.name} ended with exit status {code}")

        reader = threading.Thread(target=read, name=f"demo-{child.name}", daemon=True)
        reader.start()
        self.readers.append(reader)
        return child

    def start_and_wait(self, module: str, *args: str, pattern: re.Pattern[str]) -> str | None:
        """Start a child and wait (at most 2 minutes) for a line matching `pattern`: group 1."""
        found: list[str] = []
        seen = threading.Event()

        def watch(_: Child, line: str) -> None:
            match = pattern.search(line)
            if match and not seen.is_set():
                found.append(match[1])
                seen.set()

        child = self.start(module, *args, on_line=watch)
        while not seen.wait(0.5) and child.process.poll() is None:
            pass
        seen.wait(1)  # the reader may still be at the line that ended the process
        return found[0] if found else None

    def stop(self, children: list[Child] | None = None) -> None:
        """SIGTERM to these (default: all), then wait (and kill what does not end)."""
        chosen = list(self.children) if children is None else children
        for child in chosen:
            if child.process.poll() is None:
                child.process.terminate()
        for child in chosen:
            try:
                child.process.wait(15)
            except subprocess.TimeoutExpired:
                child.process.kill()
                child.process.wait()
            if child.process.stdin is not None:
                child.process.stdin.close()
        if children is None:
            for reader in self.readers:
                reader.join(5)
