"""Stopping a long-running command on SIGINT or SIGTERM, whatever it inherited.

A background job of a non-interactive shell starts with SIGINT ignored, and its children
inherit that: Python then never raises KeyboardInterrupt, and a command that waits for one
runs on after Ctrl-C or a test's interrupt. So every long-running command installs its
handlers explicitly: `aufruf server` through uvicorn, the demo and the printer emulator here.
"""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Coroutine
from types import FrameType
from typing import Any

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


def _interrupt(signum: int, _frame: FrameType | None) -> None:
    raise KeyboardInterrupt(signal.Signals(signum).name)


def interrupt_on_stop_signals() -> None:
    """From now on SIGINT and SIGTERM raise KeyboardInterrupt in the main thread."""
    for sig in STOP_SIGNALS:
        signal.signal(sig, _interrupt)


async def run_until_stopped(work: Coroutine[Any, Any, None]) -> bool:
    """Run `work` until it ends or a stop signal cancels it; True when a signal stopped it.

    The signal cancels the work inside the event loop, so its `finally` blocks and async
    context managers run as on any cancellation. The handlers before the call come back after.
    """
    loop = asyncio.get_running_loop()
    task = asyncio.ensure_future(work)
    received: list[signal.Signals] = []

    def stop(sig: signal.Signals) -> None:
        received.append(sig)
        task.cancel()

    before = {sig: signal.getsignal(sig) for sig in STOP_SIGNALS}
    for sig in STOP_SIGNALS:
        loop.add_signal_handler(sig, stop, sig)
    try:
        await task
    except asyncio.CancelledError:
        current = asyncio.current_task()
        if not received or (current is not None and current.cancelling()):
            raise
    finally:
        for sig, handler in before.items():
            loop.remove_signal_handler(sig)
            signal.signal(sig, handler)
    return bool(received)
