"""What every endpoint reaches through the lifespan state (`HubState`): the store and its helpers.

`AppContext.mutate` is the one way an endpoint changes state: it runs the store mutation in the
thread pool (one hop) and publishes the events it returned, which the store has committed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ParamSpec, TypedDict, TypeVar, cast

from starlette.requests import HTTPConnection

from server.broadcast import Broadcaster
from server.contacts import ContactBook
from server.device_watch import DeviceWatch
from server.keyguard import KeyGuard
from server.mutation import Outcome, mutate
from server.ratelimit import RateLimiter
from server.status_watch import StatusWatch
from server.store import Store
from shared.clock import Clock
from shared.config import OfficeConfig
from shared.domain import Site

P = ParamSpec("P")
R = TypeVar("R", bound=Outcome | None)


@dataclass(frozen=True)
class AppContext:
    """The long-lived parts of one running server."""

    store: Store
    site: Site
    clock: Clock
    broadcaster: Broadcaster
    limiter: RateLimiter | None
    status_base_url: str = ""
    contacts: ContactBook | None = None
    """When each device last reached the hub (None: not tracked)."""
    office: OfficeConfig | None = None
    """The site file, when the hub was started from one (display setups, info texts)."""
    devices: DeviceWatch | None = None
    """Watches the kiosks' and wall displays' contact and acknowledgements (staff alerts)."""
    status_watch: StatusWatch | None = None
    """The open status pages of visitors' phones (None: no live pages)."""
    key_guard: KeyGuard | None = None
    """Counts wrong status keys per address (None: not limited)."""
    status_refresh_seconds: int = 30
    """How often a status page without scripts reloads itself."""
    status_heartbeat_seconds: float = 30.0
    """How long a live status page may hear nothing before it gets a comment line."""

    async def mutate(self, change: Callable[P, R], /, *args: P.args, **kwargs: P.kwargs) -> R:
        """Run a store mutation off the event loop, then publish the events it committed.

        ``await ctx.mutate(ctx.store.call_next, counter_id)``: one thread-pool hop; the events
        go to the stream on the loop, after the mutation's transaction has committed. A
        mutation that may find nothing to do returns None (no events).
        """
        return await mutate(self.broadcaster, change, *args, **kwargs)


class HubState(TypedDict):
    """The app's lifespan state (Starlette copies it into every request's ``state``)."""

    ctx: AppContext


def context(connection: HTTPConnection) -> AppContext:
    """The app's context, for a request or a WebSocket (also a FastAPI dependency)."""
    return cast("HTTPConnection[HubState]", connection).state["ctx"]
