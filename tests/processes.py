"""No test leaves a process behind; children start as from a non-interactive script.

Each test's new descendant processes must be gone when it ends; those still running are
killed and the test fails. At the end of the session the same holds for processes that a
module or session fixture started. Linux only: descendants are read from /proc.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

PROC = Path("/proc")
GONE_WITHIN = 10.0  # seconds a killed process may take to die


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in (PROC / str(pid) / "task").glob("*/children"):
        try:
            found |= {int(child) for child in task.read_text().split()}
        except OSError:  # the thread or the process ended meanwhile
            continue
    return found


def _state(pid: int) -> str | None:
    """The process's state letter (R, S, Z, …), None when it is gone."""
    try:
        stat = (PROC / str(pid) / "stat").read_text()
    except OSError:
        return None
    return stat.rsplit(")", 1)[1].split()[0]


def _running(pid: int) -> bool:
    return _state(pid) not in (None, "Z")


def descendants(pid: int | None = None) -> set[int]:
    """The pids of every running process below `pid` (this process by default)."""
    found: set[int] = set()
    todo = [os.getpid() if pid is None else pid]
    while todo:
        for child in _children(todo.pop()) - found:
            found.add(child)
            todo.append(child)
    return {p for p in found if _running(p)}


def _describe(pid: int) -> str:
    try:
        return (PROC / str(pid) / "cmdline").read_bytes().replace(b"\0", b" ").decode().strip()
    except OSError:
        return "?"


def _kill(pids: set[int]) -> None:
    """SIGKILL each process and wait (bounded) until it is dead."""
    for pid in pids:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            continue
    deadline = time.monotonic() + GONE_WITHIN
    while any(_running(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.01)  # polling /proc: a process's death sends this process no event


def _fail_for(left: set[int], who: str) -> None:
    described = {pid: _describe(pid) for pid in left}
    _kill(left)
    lines = "\n".join(f"  {pid}: {cmdline}" for pid, cmdline in sorted(described.items()))
    pytest.fail(f"{who} left {len(left)} process(es) running (killed now):\n{lines}", pytrace=False)


@pytest.fixture(autouse=True, scope="session")
def no_process_left_by_the_session() -> Iterator[None]:
    """Fail when a process started by a module or session fixture outlives the session."""
    before = descendants()
    yield
    if left := descendants() - before:
        _fail_for(left, "the test session")


@pytest.fixture(autouse=True)
def no_process_left_behind() -> Iterator[None]:
    """Fail the test when a process it started is still running after it."""
    before = descendants()
    yield
    if left := descendants() - before:
        _fail_for(left, "the test")


def popen_with_sigint_ignored(args: list[str], **options: Any) -> subprocess.Popen[str]:
    """Start a process as a background job of a non-interactive shell does: SIGINT ignored.

    The disposition is inherited across exec, so the child shows whether it installs its own
    handlers. (Main thread only; the test process ignores SIGINT just while it starts the child.)
    """
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        return subprocess.Popen(args, text=True, **options)
    finally:
        signal.signal(signal.SIGINT, previous)
