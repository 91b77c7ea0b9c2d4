"""What every endpoint reaches through `request.app.state.ctx`: the store and its helpers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from fastapi import Request

from server.broadcast import Broadcaster
from server.ratelimit import RateLimiter
from server.store import Store
from shared.clock import Clock
from shared.domain import Site
from shared.protocol import StaffEvent


@dataclass(frozen=True)
class AppContext:
    """The long-lived parts of one running server."""

    store: Store
    site: Site
    clock: Clock
    broadcaster: Broadcaster
    limiter: RateLimiter | None
    status_base_url: str = ""

    def publish(self, events: Sequence[StaffEvent]) -> None:
        """Hand committed events to the stream (call from the event loop)."""
        if events:
            self.broadcaster.publish(events)


def context(request: Request) -> AppContext:
    """The app's context (a FastAPI dependency)."""
    ctx: AppContext = request.app.state.ctx
    return ctx
