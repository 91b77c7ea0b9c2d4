"""Endpoints for clerks: the queue, calling, ticket steps, counters, appointment import."""

from __future__ import annotations

import logging
from typing import Annotated

from fastapi import APIRouter, Body, Depends, HTTPException, Path, Request, Response, status
from starlette.concurrency import run_in_threadpool

from server.api.context import AppContext, context
from server.api.models import error_responses, step_refusal_responses
from server.auth import Endpoint, require
from server.store import Principal
from shared.domain import CounterState
from shared.protocol import CounterInfo, Snapshot, TicketInfo
from shared.text import refusal
from shared.wire import (
    CalledTicket,
    CallRequest,
    Identifier,
    ImportAnswer,
    StepRequest,
    TicketId,
    TransferRequest,
)

log = logging.getLogger(__name__)
router = APIRouter(responses=error_responses(401, 403) | step_refusal_responses(400, 404, 409))

Ctx = Annotated[AppContext, Depends(context)]
CounterId = Annotated[Identifier, Path()]
TicketPath = Annotated[TicketId, Path()]
MAX_CSV_BYTES = 2_000_000
Caller = Annotated[Principal, Depends(require(Endpoint.CALL))]
Stepper = Annotated[Principal, Depends(require(Endpoint.TICKET_STEP))]
CounterKeeper = Annotated[Principal, Depends(require(Endpoint.COUNTER_STATE))]
# One title for the optional body of all six steps (the OpenAPI shows "Body" for each).
StepBody = Annotated[StepRequest | None, Body(title="Body")]


@router.get("/queue")
async def queue(ctx: Ctx, _: Annotated[Principal, Depends(require(Endpoint.QUEUE))]) -> Snapshot:
    """Today's live tickets and the counters, as staff see them."""
    return await run_in_threadpool(ctx.store.snapshot)


@router.post(
    "/counters/{counter_id}/call-next",
    responses={204: {"description": "nobody waits for this counter"}},
    response_model=CalledTicket,
)
async def call_next(counter_id: CounterId, ctx: Ctx, _: Caller) -> CalledTicket | Response:
    """Call the next ticket the policy picks for this counter (204 when none waits)."""
    called = await ctx.mutate(ctx.store.call_next, counter_id)
    if called is None:
        return Response(status_code=status.HTTP_204_NO_CONTENT)
    return CalledTicket(ticket=called.ticket, reason=called.reason, why=called.why)


@router.post("/counters/{counter_id}/call")
async def call_ticket(
    counter_id: CounterId, body: CallRequest, ctx: Ctx, _: Caller
) -> CalledTicket:
    """Call a chosen ticket (e.g. a parked one) to this counter."""
    called = await ctx.mutate(ctx.store.call_ticket, counter_id, body.ticket_id)
    return CalledTicket(ticket=called.ticket, reason=called.reason, why=called.why)


# The six steps take the same optional body (`note`, `at_counter`); only park keeps the note.
def _at(body: StepRequest | None) -> str | None:
    return body.at_counter if body is not None else None


@router.post("/tickets/{ticket_id}/recall")
async def ticket_recall(
    ticket_id: TicketPath, ctx: Ctx, _: Stepper, body: StepBody = None
) -> TicketInfo:
    """Take the step `recall` for a ticket."""
    return (await ctx.mutate(ctx.store.recall, ticket_id, _at(body))).ticket


@router.post("/tickets/{ticket_id}/start")
async def ticket_start(
    ticket_id: TicketPath, ctx: Ctx, _: Stepper, body: StepBody = None
) -> TicketInfo:
    """Take the step `start` for a ticket."""
    return (await ctx.mutate(ctx.store.start, ticket_id, _at(body))).ticket


@router.post("/tickets/{ticket_id}/finish")
async def ticket_finish(
    ticket_id: TicketPath, ctx: Ctx, _: Stepper, body: StepBody = None
) -> TicketInfo:
    """Take the step `finish` for a ticket."""
    return (await ctx.mutate(ctx.store.finish, ticket_id, _at(body))).ticket


@router.post("/tickets/{ticket_id}/no-show")
async def ticket_no_show(
    ticket_id: TicketPath, ctx: Ctx, _: Stepper, body: StepBody = None
) -> TicketInfo:
    """Take the step `no-show` for a ticket."""
    return (await ctx.mutate(ctx.store.no_show, ticket_id, _at(body))).ticket


@router.post("/tickets/{ticket_id}/park")
async def ticket_park(
    ticket_id: TicketPath, ctx: Ctx, _: Stepper, body: StepBody = None
) -> TicketInfo:
    """Take the step `park` for a ticket."""
    note = body.note if body is not None else ""
    return (await ctx.mutate(ctx.store.park, ticket_id, note, _at(body))).ticket


@router.post("/tickets/{ticket_id}/cancel")
async def ticket_cancel(
    ticket_id: TicketPath, ctx: Ctx, _: Stepper, body: StepBody = None
) -> TicketInfo:
    """Take the step `cancel` for a ticket."""
    return (await ctx.mutate(ctx.store.cancel, ticket_id, _at(body))).ticket


@router.post("/tickets/{ticket_id}/transfer")
async def transfer(
    ticket_id: TicketPath, body: TransferRequest, ctx: Ctx, _: Stepper
) -> TicketInfo:
    """Send a ticket back to the queue for another service and/or a named counter."""
    changed = await ctx.mutate(
        ctx.store.transfer,
        ticket_id,
        service_id=body.service_id,
        counter_id=body.counter_id,
        note=body.note,
        at_counter=body.at_counter,
    )
    return changed.ticket


async def _set_state(
    ctx: AppContext, counter_id: str, state: CounterState, principal: Principal
) -> CounterInfo:
    clerk = (
        principal.name if principal.kind == "user" and state is not CounterState.CLOSED else None
    )
    return (await ctx.mutate(ctx.store.set_counter_state, counter_id, state, clerk)).counter


@router.post("/counters/{counter_id}/open")
async def counter_open(counter_id: CounterId, ctx: Ctx, principal: CounterKeeper) -> CounterInfo:
    """Set a counter's state to open."""
    return await _set_state(ctx, counter_id, CounterState.OPEN, principal)


@router.post("/counters/{counter_id}/pause")
async def counter_paused(counter_id: CounterId, ctx: Ctx, principal: CounterKeeper) -> CounterInfo:
    """Set a counter's state to paused."""
    return await _set_state(ctx, counter_id, CounterState.PAUSED, principal)


@router.post("/counters/{counter_id}/close")
async def counter_closed(counter_id: CounterId, ctx: Ctx, principal: CounterKeeper) -> CounterInfo:
    """Set a counter's state to closed."""
    return await _set_state(ctx, counter_id, CounterState.CLOSED, principal)


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
) -> ImportAnswer:
    """Import today's appointments from CSV (number,service_id,scheduled_at,name)."""
    raw = await request.body()
    if len(raw) > MAX_CSV_BYTES:
        raise HTTPException(status.HTTP_413_CONTENT_TOO_LARGE, "CSV larger than 2 MB")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise HTTPException(status.HTTP_400_BAD_REQUEST, "the CSV is not UTF-8 text") from exc
    reason = refusal(text, lines=True)
    if reason is not None:
        raise HTTPException(status.HTTP_400_BAD_REQUEST, f"the CSV {reason}")
    result = await run_in_threadpool(ctx.store.import_appointments, text)
    log.info("imported %d appointments (%d skipped)", result.imported, result.skipped)
    return ImportAnswer(imported=result.imported, skipped=result.skipped, errors=result.errors)
