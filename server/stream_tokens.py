"""The stream's token re-check: one task checks every live subscription's token per period.

A stream's token may be revoked (device) or end (logout, expiry) while it is connected. One
checker per broadcaster collects the distinct tokens of the live subscriptions once per
period and checks them all in one thread-pool hop (`PrincipalCache.verify_many`: one query
per kind), then ends exactly the subscriptions whose token is no longer valid. With 200
displays that is one database read per period instead of 200, and nothing on the send path.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Collection, Iterable

from starlette.concurrency import run_in_threadpool

from server.db.outcomes import Principal
from server.subscription import EndReason, Subscription

log = logging.getLogger(__name__)

VerifyTokens = Callable[[Collection[str]], dict[str, Principal | None]]
"""Checks tokens in one go (`PrincipalCache.verify_many`); None for an invalid one."""
ExplainToken = Callable[[str], tuple[str, str]]
"""Why a token is refused: (reason code, sentence) (`Store.refusal`)."""


class TokenRecheck:
    """Runs while subscriptions are live: started by the first, stopped on close."""

    def __init__(
        self,
        live: Callable[[], Iterable[Subscription]],
        verify: VerifyTokens,
        period: float,
        explain: ExplainToken | None = None,
    ) -> None:
        self._live = live
        self._verify = verify
        self._explain = explain
        self._period = period
        self._task: asyncio.Task[None] | None = None

    @property
    def running(self) -> bool:
        """Whether the periodic task is running."""
        return self._task is not None

    def start(self) -> None:
        """Start the periodic check unless it runs (call in the event loop)."""
        if self._task is None:
            self._task = asyncio.get_running_loop().create_task(self._run())

    def stop(self) -> None:
        """Stop the periodic check (the broadcaster closes)."""
        if self._task is not None:
            self._task.cancel()
            self._task = None

    async def _run(self) -> None:
        """Once per period: check, until no subscription is left (the next one restarts it)."""
        while True:
            await asyncio.sleep(self._period)
            if not self._watched():
                self._task = None  # no await after this: a new subscriber starts a new task
                return
            await self.check_once()

    def _watched(self) -> list[Subscription]:
        return [sub for sub in self._live() if sub.ended is None and sub.token]

    async def check_once(self) -> None:
        """Check the tokens of the live subscriptions now; end those that are invalid."""
        tokens = {sub.token for sub in self._watched()}
        if not tokens:
            return
        try:
            answers = await run_in_threadpool(self._verify, tokens)
        except Exception:  # a database hiccup: keep the streams, try again next period
            log.warning("cannot re-check the streams' tokens", exc_info=True)
            return
        invalid = {token for token in tokens if answers.get(token) is None}
        if not invalid:
            return
        why = await self._reasons(invalid)
        for sub in self._watched():
            if sub.token in invalid:
                sub.why = why.get(sub.token, "")
                sub.end(EndReason.REVOKED)

    async def _reasons(self, tokens: set[str]) -> dict[str, str]:
        """Each refused token's reason code (rare: one small query per token)."""
        explain = self._explain
        if explain is None:
            return {}
        try:
            return await run_in_threadpool(lambda: {t: explain(t)[0] for t in tokens})
        except Exception:  # the streams end all the same, with the general reason
            log.warning("cannot tell why the streams' tokens were refused", exc_info=True)
            return {}
