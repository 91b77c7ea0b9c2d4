"""The one way the hub changes state: a store mutation off the event loop, then its events out.

Every caller that writes — an endpoint through `AppContext.mutate`, the device watch — goes
through `mutate`, so none can commit events and forget to publish them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ParamSpec, Protocol, TypeVar

from starlette.concurrency import run_in_threadpool

from server.broadcast import Broadcaster
from shared.protocol import StaffEvent


class Outcome(Protocol):
    """What a store mutation returns: a result that carries the events it committed."""

    @property
    def events(self) -> Sequence[StaffEvent]:
        """The events the mutation logged, in seq order."""
        ...


P = ParamSpec("P")
R = TypeVar("R", bound=Outcome | None)


async def mutate(
    broadcaster: Broadcaster, change: Callable[P, R], /, *args: P.args, **kwargs: P.kwargs
) -> R:
    """Run `change` in the thread pool (one hop), then publish the events it committed.

    A mutation that may find nothing to do returns None (no events). While it runs the
    broadcaster counts it as `changing` (lower-priority work waits for `Broadcaster.idle`).
    """
    broadcaster.changing += 1
    try:
        outcome = await run_in_threadpool(change, *args, **kwargs)
        if outcome is not None and outcome.events:
            broadcaster.publish(outcome.events)
    finally:
        broadcaster.changing -= 1
    return outcome
