"""A clerk's step at most once per `Idempotency-Key` header: the endpoints' common path.

Every counter and ticket step takes an optional ``Idempotency-Key`` (8-128 characters of
``A-Za-z0-9_.:-``; one per click). The step, the lookup of the key and the keeping of its
answer run in one write transaction (`Store.perform`), so a retry after a lost answer gets
the first answer — status and body, a refusal too — and the step is never done twice. The
answer of a replay carries ``Idempotent-Replayed: true``.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

from fastapi import Depends, Header, Request, Response
from pydantic import TypeAdapter
from pydantic.json_schema import SkipJsonSchema

from server.api.context import AppContext, context
from server.auth import Endpoint, require
from server.db.desk import Desk
from server.db.step_keys import fingerprint
from server.store import Principal, StepAnswer, StepKey
from shared.wire import IdempotencyKey

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

R = TypeVar("R")
A = TypeVar("A")

KeyHeader = Annotated[
    IdempotencyKey | SkipJsonSchema[None],  # optional, but documented as a plain string
    Header(
        alias="Idempotency-Key",
        description="One per click: a retry with the same key gets the first answer "
        "and the step is done at most once",
    ),
]
REPLAYED = "Idempotent-Replayed"
"""Header of an answer sent again for a repeated key."""

_ADAPTERS: dict[type[Any], TypeAdapter[Any]] = {}


def json_answer(value: object, status: int = 200) -> StepAnswer:
    """A typed answer (`shared.wire` / `shared.protocol` dataclass) as JSON bytes."""
    kind = type(value)
    adapter = _ADAPTERS.get(kind) or _ADAPTERS.setdefault(kind, TypeAdapter(kind))
    return StepAnswer(status, adapter.dump_json(value))


NO_CONTENT = StepAnswer(204, b"")


def stamped(kind: Callable[..., A], record: DataclassInstance, seq: int) -> A:
    """`record` as its answer type `kind` (a `shared.wire` subclass adding the step's `seq`)."""
    return kind(**{f.name: getattr(record, f.name) for f in fields(record)}, seq=seq)


@dataclass(frozen=True)
class StepCall:
    """One clerk's step request: who, under which key (FastAPI dependency `step_call`)."""

    ctx: AppContext
    request: Request
    principal: Principal
    key: str | None

    async def run(
        self, work: Callable[[Desk], R], answer: Callable[[R, int], StepAnswer]
    ) -> Response:
        """Do the step (or replay the first answer of its key) and answer."""
        return (await self.outcome(work, answer))[1]

    async def outcome(
        self, work: Callable[[Desk], R], answer: Callable[[R, int], StepAnswer]
    ) -> tuple[R | None, Response]:
        """`run`, and the step's outcome too (None when the first answer was replayed)."""
        step_key = None
        if self.key is not None:
            body = await self.request.body()
            request = fingerprint(self.request.method, self.request.url.path, body)
            step_key = StepKey(self.principal.id, self.key, request)
        done = await self.ctx.mutate(self.ctx.store.perform, step_key, work, answer)
        headers = {REPLAYED: "true"} if done.replayed else None
        if done.status == 204:
            return done.outcome, Response(status_code=204, headers=headers)
        sent = Response(done.body, done.status, headers, media_type="application/json")
        return done.outcome, sent


def step_call(endpoint: Endpoint) -> Callable[..., Awaitable[StepCall]]:
    """A FastAPI dependency: the caller (if their role may use `endpoint`) and their key."""

    guard = Depends(require(endpoint))

    async def dependency(
        request: Request,
        key: KeyHeader = None,
        principal: Principal = guard,  # a default: the annotation must not name a local
    ) -> StepCall:
        return StepCall(context(request), request, principal, key)

    dependency.__name__ = f"step_{endpoint.value}"
    return dependency
