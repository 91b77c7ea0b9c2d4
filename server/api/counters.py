"""Endpoints for clerks: the queue, calling, ticket steps, counters, appointment import."""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from typing import Annotated

from fastapi import APIRouter, Body, Depends, HTTPException, Path, Request, Response, status
from starlette.concurrency import run_in_threadpool

from server.api.context import AppContext, context
from server.api.models import error_responses, step_refusal_responses
from server.api.once import NO_CONTENT, StepCall, json_answer, stamped, step_call
from server.auth import Endpoint, require
from server.db.desk import Desk
from server.store import Called, Changed, CounterUpdate, Principal, StepAnswer
from shared.domain import CounterState
from shared.lifecycle import TicketAction
from shared.protocol import Snapshot
from shared.text import refusal
from shared.wire import (
    CalledTicket,
    CallRequest,
    CounterAnswer,
    Identifier,
    ImportAnswer,
    SteppedTicket,
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
Caller = Annotated[StepCall, Depends(step_call(Endpoint.CALL))]
Stepper = Annotated[StepCall, Depends(step_call(Endpoint.TICKET_STEP))]
CounterKeeper = Annotated[StepCall, Depends(step_call(Endpoint.COUNTER_STATE))]
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
async def call_next(counter_id: CounterId, step: Caller) -> Response:
    """Call the next ticket the policy picks for this counter (204 when none waits)."""
    return await step.run(partial(Desk.call_next, counter_id=counter_id), _called)


@router.post("/counters/{counter_id}/call", response_model=CalledTicket)
async def call_ticket(counter_id: CounterId, body: CallRequest, step: Caller) -> Response:
    """Call a chosen ticket (e.g. a parked one) to this counter."""
    work = partial(Desk.call_ticket, counter_id=counter_id, ticket_id=body.ticket_id)
    return await step.run(work, _called)


# The six steps take the same optional body (`note`, `at_counter`); only park keeps the note.
@router.post("/tickets/{ticket_id}/recall", response_model=SteppedTicket)
async def ticket_recall(ticket_id: TicketPath, step: Stepper, body: StepBody = None) -> Response:
    """Take the step `recall` for a ticket."""
    work = partial(Desk.recall, ticket_id=ticket_id, at_counter=_at(body))
    return await step.run(work, _ticket)


@router.post("/tickets/{ticket_id}/start", response_model=SteppedTicket)
async def ticket_start(ticket_id: TicketPath, step: Stepper, body: StepBody = None) -> Response:
    """Take the step `start` for a ticket."""
    return await step.run(_change(ticket_id, TicketAction.START, body), _ticket)


@router.post("/tickets/{ticket_id}/finish", response_model=SteppedTicket)
async def ticket_finish(ticket_id: TicketPath, step: Stepper, body: StepBody = None) -> Response:
    """Take the step `finish` for a ticket."""
    return await step.run(_change(ticket_id, TicketAction.FINISH, body), _ticket)


@router.post("/tickets/{ticket_id}/no-show", response_model=SteppedTicket)
async def ticket_no_show(ticket_id: TicketPath, step: Stepper, body: StepBody = None) -> Response:
    """Take the step `no-show` for a ticket."""
    return await step.run(_change(ticket_id, TicketAction.NO_SHOW, body), _ticket)


@router.post("/tickets/{ticket_id}/park", response_model=SteppedTicket)
async def ticket_park(ticket_id: TicketPath, step: Stepper, body: StepBody = None) -> Response:
    """Take the step `park` for a ticket (the note says why)."""
    return await step.run(_change(ticket_id, TicketAction.PARK, body), _ticket)


@router.post("/tickets/{ticket_id}/cancel", response_model=SteppedTicket)
async def ticket_cancel(ticket_id: TicketPath, step: Stepper, body: StepBody = None) -> Response:
    """Take the step `cancel` for a ticket."""
    return await step.run(_change(ticket_id, TicketAction.CANCEL, body), _ticket)


@router.post("/tickets/{ticket_id}/transfer", response_model=SteppedTicket)
async def transfer(ticket_id: TicketPath, body: TransferRequest, step: Stepper) -> Response:
    """Send a ticket back to the queue for another service and/or a named counter."""
    work = partial(
        Desk.transfer,
        ticket_id=ticket_id,
        service_id=body.service_id,
        counter_id=body.counter_id,
        note=body.note,
        at_counter=body.at_counter,
    )
    return await step.run(work, _ticket)


@router.post("/counters/{counter_id}/open", response_model=CounterAnswer)
async def counter_open(counter_id: CounterId, step: CounterKeeper) -> Response:
    """Set a counter's state to open."""
    return await step.run(_set_state(step, counter_id, CounterState.OPEN), _counter)


@router.post("/counters/{counter_id}/pause", response_model=CounterAnswer)
async def counter_paused(counter_id: CounterId, step: CounterKeeper) -> Response:
    """Set a counter's state to paused."""
    return await step.run(_set_state(step, counter_id, CounterState.PAUSED), _counter)


@router.post("/counters/{counter_id}/close", response_model=CounterAnswer)
async def counter_closed(counter_id: CounterId, step: CounterKeeper) -> Response:
    """Set a counter's state to closed."""
    return await step.run(_set_state(step, counter_id, CounterState.CLOSED), _counter)


def _at(body: StepRequest | None) -> str | None:
    return body.at_counter if body is not None else None


def _change(
    ticket_id: int, action: TicketAction, body: StepRequest | None
) -> Callable[[Desk], Changed]:
    note = body.note if body is not None and action is TicketAction.PARK else ""
    return partial(Desk.change, ticket_id=ticket_id, action=action, note=note, at_counter=_at(body))


def _set_state(
    step: StepCall, counter_id: str, state: CounterState
) -> Callable[[Desk], CounterUpdate]:
    """The counter's new state; the acting user becomes its clerk (none when closed)."""
    who = step.principal
    clerk = who.name if who.kind == "user" and state is not CounterState.CLOSED else None
    return partial(Desk.set_state, counter_id=counter_id, state=state, clerk=clerk)


def _called(called: Called | None, seq: int) -> StepAnswer:
    if called is None:
        return NO_CONTENT
    answer = CalledTicket(ticket=called.ticket, reason=called.reason, why=called.why, seq=seq)
    return json_answer(answer)


def _ticket(changed: Changed | Called, seq: int) -> StepAnswer:
    return json_answer(stamped(SteppedTicket, changed.ticket, seq))


def _counter(update: CounterUpdate, seq: int) -> StepAnswer:
    return json_answer(stamped(CounterAnswer, update.counter, seq))


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
