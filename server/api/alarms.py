"""The staff alarm: a clerk calls for help; supervisors and other counters see it at once.

It travels on the staff stream only (never on a display's), and log lines name the alarm
and counter, never the staff member.
"""

from __future__ import annotations

import logging
from typing import Annotated

from fastapi import APIRouter, Depends, Path

from server.api.context import AppContext, context
from server.api.models import error_responses, step_refusal_responses
from server.auth import Endpoint, require
from server.store import Principal
from shared.protocol import AlarmInfo
from shared.wire import RaiseAlarmRequest, TicketId

log = logging.getLogger(__name__)
router = APIRouter(responses=error_responses(401, 403) | step_refusal_responses(400, 404, 409))

Ctx = Annotated[AppContext, Depends(context)]
Staff = Annotated[Principal, Depends(require(Endpoint.ALARM))]


@router.post("/alarms")
async def raise_alarm(body: RaiseAlarmRequest, ctx: Ctx, principal: Staff) -> AlarmInfo:
    """A colleague at this counter needs help (an open alarm there is answered again)."""
    update = await ctx.mutate(ctx.store.raise_alarm, body.counter_id, principal.id)
    if update.events:
        log.info("alarm %d raised at counter %s", update.alarm.id, update.alarm.counter_id)
    return update.alarm


@router.post("/alarms/{alarm_id}/acknowledge")
async def acknowledge_alarm(
    alarm_id: Annotated[TicketId, Path()], ctx: Ctx, principal: Staff
) -> AlarmInfo:
    """Someone came to help: the alarm is closed for everyone."""
    update = await ctx.mutate(ctx.store.acknowledge_alarm, alarm_id, principal.id)
    log.info("alarm %d at counter %s acknowledged", update.alarm.id, update.alarm.counter_id)
    return update.alarm
