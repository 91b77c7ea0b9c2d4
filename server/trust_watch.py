"""The running hub applies trust changes made by other processes (`aufruf user disable`).

The CLI writes to the database from another process: the hub's principal cache would keep a
disabled user's session for its 5 s, and the streams are re-checked once a heartbeat period.
So one task per app reads the `trust_changes` row every `every` seconds (one tiny query);
on a new count it forgets every cached principal, re-checks the live streams' tokens at once
(those refused are closed with their reason, e.g. ``user_disabled``), then writes the count
to `applied`. `aufruf user disable` waits for that, so when it returns, the user's next
request is refused and their stream is closed.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable

from starlette.concurrency import run_in_threadpool

from server.store import Store

log = logging.getLogger(__name__)


class TrustWatch:
    """Polls the trust changes; started and stopped by the app's lifespan."""

    def __init__(
        self, store: Store, recheck: Callable[[], Awaitable[None]], every: float = 1.0
    ) -> None:
        self._store = store
        self._recheck = recheck
        self._every = every
        self._seen: int | None = None
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        """Start polling (in the event loop); the first round applies what came while down."""
        if self._task is None:
            self._task = asyncio.create_task(self._run(), name="aufruf-trust-watch")

    async def stop(self) -> None:
        """Stop polling and wait for the task to end."""
        task, self._task = self._task, None
        if task is None:
            return
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task

    async def check_once(self) -> bool:
        """Apply a new trust change if there is one; True when one was applied."""
        changes, applied = await run_in_threadpool(self._store.trust_state)
        if changes == self._seen and applied >= changes:
            return False
        self._store.principals.forget_all()
        await self._recheck()
        if applied < changes:
            await run_in_threadpool(self._store.mark_trust_applied, changes)
        if self._seen is not None:
            log.info("applied trust change %d (a user disabled or a device revoked)", changes)
        self._seen = changes
        return True

    async def _run(self) -> None:
        while True:
            try:
                await self.check_once()
            except Exception:  # a database hiccup: try again next round
                log.warning("cannot read the trust changes", exc_info=True)
            await asyncio.sleep(self._every)
