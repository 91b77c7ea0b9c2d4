"""The demo's view of the public stream: each call printed as the waiting room sees it."""

from __future__ import annotations

import asyncio
import logging
import sys
import threading
from collections.abc import Coroutine
from zoneinfo import ZoneInfo

from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

from server.demo.office import Office, headers
from shared.protocol import PublicCall, decode

log = logging.getLogger(__name__)

_PRINTING = threading.Lock()
"""One line at a time on the demo's output (the windowed demo reads its children in threads)."""


def say(line: str) -> None:
    """Print a whole line (never mixed with another thread's)."""
    with _PRINTING:
        sys.stdout.write(line + "\n")
        sys.stdout.flush()


async def print_calls(office: Office, port: int) -> None:
    """Print each call from the public stream as it happens (the scripted office's display)."""
    zone = ZoneInfo(office.site.timezone)
    last = 0
    while True:  # like a real display: reconnect and resume after a drop
        url = f"ws://127.0.0.1:{port}/api/v1/events?since={last}"
        try:
            async with connect(url, additional_headers=headers(office.display_token)) as socket:
                async for frame in socket:
                    event = decode(frame)
                    last = max(last, event.seq)
                    if isinstance(event, PublicCall):
                        say(call_line(event, zone))
        except (ConnectionClosed, OSError) as exc:
            log.warning("display lost the stream (%s); reconnecting", exc)
        await asyncio.sleep(0.5)


def call_line(call: PublicCall, zone: ZoneInfo) -> str:
    """`09:14  A042 → Schalter 3 (Raum 1.12)` in the site's time."""
    clock = call.at.astimezone(zone).strftime("%H:%M")
    where = f" ({call.location})" if call.location else ""
    again = "  (erneut)" if call.recall else ""
    return f"{clock}  {call.number} → {call.counter_name}{where}{again}"


async def run_for(work: Coroutine[None, None, None], duration: float | None) -> None:
    """Run `work` until it ends or `duration` seconds have passed."""
    try:
        await asyncio.wait_for(work, duration)
    except TimeoutError:
        log.info("demo ran its %.0f s", duration)
