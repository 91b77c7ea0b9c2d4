"""Endpoints for clerks: the queue, calling, ticket steps, counters, appointment import."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from functools import partial
from typing import Annotated

from fastapi import APIRouter, Body, Depends, HTTPException, Path, Request, Response, status
from starlette.concurrency import run_in_threadpool

from server.api.context import AppContext, context
from server.api.models import (
    CalledOut,
    CallRequest,
    Identifier,
    ImportOut,
    StepRequest,
    TicketId,
    TransferRequest,
    error_responses,
)
from server.auth import Endpoint, require
from server.store import Called, Changed, Principal
from shared.domain import CounterState
from shared.protocol import CounterInfo, Snapshot, TicketInfo

log = logging.getLogger(__name__)
router = APIRouter(responses=error_responses(400, 401, 403, 404, 409))

Ctx = Annotated[AppContext, Depends(context)]
CounterId = Annotated[Identifier, Path()]
TicketPath = Annotated[TicketId, Path()]
MAX_CSV_BYTES = 2_000_000


def _called(ctx: AppContext, called: Called) -> CalledOut:
    ctx.publish(called.events)
    return CalledOut(ticket=called.ticket, reason=called.reason, why=called.why)


@router.get("/queue")
async def queue(ctx: Ctx, _: Annotated[Principal, Depends(require(Endpoint.QUEUE))]) -> Snapshot:
    """Today's live tickets and the counters, as staff see them."""
    return await run_in_threadpool(ctx.store.snapshot)


@router.post(
    "/counters/{counter_id}/call-next",
    responses={204: {"description": "nobody waits for this counter"}},
    response_model=CalledOut,
)
async def call_next(
    counter_id: CounterId,
    ctx: Ctx,
    _: Annotated[Principal, Depends(require(Endpoint.CALL))],
) -> CalledOut | Response:
    """Call the next ticket the policy picks for this counter (204 when none waits)."""
    called = await run_in_threadpool(ctx.store.call_next, counter_id)
    if called is None:
        return Response(status_code=status.HTTP_204_NO_CONTENT)
    return _called(ctx, called)


@router.post("/counters/{counter_id}/call")
async def call_ticket(
    counter_id: CounterId,
    body: CallRequest,
    ctx: Ctx,
    _: Annotated[Principal, Depends(require(Endpoint.CALL))],
) -> CalledOut:
    """Call a chosen ticket (e.g. a parked one) to this counter."""
    called = await run_in_threadpool(ctx.store.call_ticket, counter_id, body.ticket_id)
    return _called(ctx, called)


StepFn = Callable[[AppContext, int, StepRequest], Called | Changed]

_STEPS: dict[str, StepFn] = {
    "recall": lambda ctx, tid, _: ctx.store.recall(tid),
    "start": lambda ctx, tid, _: ctx.store.start(tid),
    "finish": lambda ctx, tid, _: ctx.store.finish(tid),
    "no-show": lambda ctx, tid, _: ctx.store.no_show(tid),
    "park": lambda ctx, tid, body: ctx.store.park(tid, body.note),
    "cancel": lambda ctx, tid, _: ctx.store.cancel(tid),
}


def _step_endpoint(name: str, step: StepFn) -> Callable[..., Awaitable[TicketInfo]]:
    async def endpoint(
        ticket_id: TicketPath,
        ctx: Ctx,
        _: Annotated[Principal, Depends(require(Endpoint.TICKET_STEP))],
        body: Annotated[StepRequest | None, Body()] = None,
    ) -> TicketInfo:
        result = await run_in_threadpool(step, ctx, ticket_id, body or StepRequest())
        ctx.publish(result.events)
        return result.ticket

    endpoint.__name__ = f"ticket_{name.replace('-', '_')}"
    endpoint.__doc__ = f"Take the step `{name}` for a ticket."
    return endpoint


for _name, _step in _STEPS.items():
    router.add_api_route(
        f"/tickets/{{ticket_id}}/{_name}",
        _step_endpoint(_name, _step),
        methods=["POST"],
    )


@router.post("/tickets/{ticket_id}/transfer")
async def transfer(
    ticket_id: TicketPath,
    body: TransferRequest,
    ctx: Ctx,
    _: Annotated[Principal, Depends(require(Endpoint.TICKET_STEP))],
) -> TicketInfo:
    """Send a ticket back to the queue for another service and/or a named counter."""
    if body.service_id is None and body.counter_id is None:
        raise HTTPException(status.HTTP_400_BAD_REQUEST, "name a service, a counter, or both")
    changed = await run_in_threadpool(
        partial(
            ctx.store.transfer,
            ticket_id,
            service_id=body.service_id,
            counter_id=body.counter_id,
            note=body.note,
        )
    )
    ctx.publish(changed.events)
    return changed.ticket


def _counter_endpoint(state: CounterState) -> Callable[..., Awaitable[CounterInfo]]:
    async def endpoint(
        counter_id: CounterId,
        ctx: Ctx,
        principal: Annotated[Principal, Depends(require(Endpoint.COUNTER_STATE))],
    ) -> CounterInfo:
        clerk = principal.name if principal.kind == "user" else None
        update = await run_in_threadpool(
            ctx.store.set_counter_state,
            counter_id,
            state,
            None if state is CounterState.CLOSED else clerk,
        )
        ctx.publish(update.events)
        return update.counter

    endpoint.__name__ = f"counter_{state.value}"
    endpoint.__doc__ = f"Set a counter's state to {state.value}."
    return endpoint


_VERB = {CounterState.OPEN: "open", CounterState.PAUSED: "pause", CounterState.CLOSED: "close"}
for _state, _verb in _VERB.items():
    router.add_api_route(
        f"/counters/{{counter_id}}/{_verb}",
        _counter_endpoint(_state),
        methods=["POST"],
    )


@router.post(
    "/appointments/import",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"text/csv": {"schema": {"type": "string"}}},
        }
    },
    responses=error_responses(413),
)
async def import_appointments(
    request: Request,
    ctx: Ctx,
    _: Annotated[Principal, Depends(require(Endpoint.IMPORT_APPOINTMENTS))],
) -> ImportOut:
    """Import today's appointments from CSV (number,service_id,scheduled_at,name)."""
    raw = await request.body()
    if len(raw) > MAX_CSV_BYTES:
        raise HTTPException(status.HTTP_413_CONTENT_TOO_LARGE, "CSV larger than 2 MB")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise HTTPException(status.HTTP_400_BAD_REQUEST, "the CSV is not UTF-8 text") from exc
    result = await run_in_threadpool(ctx.store.import_appointments, text)
    log.info("imported %d appointments (%d skipped)", result.imported, result.skipped)
    return ImportOut(imported=result.imported, skipped=result.skipped, errors=list(result.errors))
