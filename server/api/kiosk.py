"""What kiosks need beyond issuing: refusals with reasons, the walk-in offer, device status."""

from __future__ import annotations

import logging
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from server.api.context import AppContext, context
from server.api.models import error_responses
from server.auth import Endpoint, require
from server.errors import RefusedError
from server.store import Principal
from shared.protocol import DeviceInfo
from shared.refusal import Refused
from shared.wire import DeviceStatusReport, WalkInsAnswer, WalkInService

log = logging.getLogger(__name__)
router = APIRouter()

Ctx = Annotated[AppContext, Depends(context)]


def refusal_responses(*codes: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI entries for the codes whose body is a `shared.refusal.Refused` (404, 409)."""
    return {
        code: {"model": Refused, "description": "refused; see `reason` and `remedy`"}
        for code in codes
    }


async def refused_handler(_: Request, exc: Exception) -> JSONResponse:
    """The JSON answer of a `RefusedError`: its refusal, with status 404 or 409."""
    if not isinstance(exc, RefusedError):  # pragma: no cover - registered for RefusedError
        raise exc
    log.info("refused: %s (%s)", exc.refused.reason, exc.refused.detail)
    return JSONResponse(exc.refused.to_json(), exc.status_code)


@router.get("/walk-ins", responses=error_responses(401, 403))
async def walk_ins(
    ctx: Ctx, _: Annotated[Principal, Depends(require(Endpoint.WALK_INS))]
) -> WalkInsAnswer:
    """The walk-in concerns of today, which still have tickets and how many."""
    offer = await run_in_threadpool(ctx.store.walk_in_offer)
    return WalkInsAnswer(
        day=offer.day,
        services=tuple(
            WalkInService(
                service_id=q.service_id,
                daily_cap=q.daily_cap,
                issued_today=q.issued_today,
                remaining=q.remaining,
                used_up=q.used_up,
            )
            for q in offer.services
        ),
    )


@router.put("/devices/current/status", responses=error_responses(400, 401, 403, 404))
async def report_status(
    body: DeviceStatusReport,
    ctx: Ctx,
    principal: Annotated[Principal, Depends(require(Endpoint.DEVICE_STATUS))],
) -> DeviceInfo:
    """Keep the calling device's printer state; a change goes to the staff stream."""
    report = await ctx.mutate(ctx.store.report_device_status, principal.id, body.printer)
    if ctx.devices is not None and principal.device_role is not None:
        ctx.devices.reported(principal.id, principal.name, principal.device_role)
    if report.events:
        log.info("device %s: printer %s", report.device.name, report.device.printer)
    return report.device
