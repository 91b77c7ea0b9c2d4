"""The staff alarm: a clerk calls for help; supervisors and other counters see it at once.

It travels on the staff stream only (never on a display's), and log lines name the alarm
and counter, never the staff member.
"""

from __future__ import annotations

import logging
from functools import partial
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Response

from server.api.models import error_responses, step_refusal_responses
from server.api.once import StepCall, json_answer, stamped, step_call
from server.auth import Endpoint
from server.db.desk import Desk
from server.store import AlarmUpdate, StepAnswer
from shared.wire import AlarmAnswer, RaiseAlarmRequest, TicketId

log = logging.getLogger(__name__)
router = APIRouter(responses=error_responses(401, 403) | step_refusal_responses(400, 404, 409))

Staff = Annotated[StepCall, Depends(step_call(Endpoint.ALARM))]


@router.post("/alarms", response_model=AlarmAnswer)
async def raise_alarm(body: RaiseAlarmRequest, step: Staff) -> Response:
    """A colleague at this counter needs help (an open alarm there is answered again)."""
    work = partial(Desk.raise_alarm, counter_id=body.counter_id, who=step.principal.id)
    done = await step.outcome(work, _alarm)
    update, answer = done
    if update is not None and update.events:
        log.info("alarm %d raised at counter %s", update.alarm.id, update.alarm.counter_id)
    return answer


@router.post("/alarms/{alarm_id}/acknowledge", response_model=AlarmAnswer)
async def acknowledge_alarm(alarm_id: Annotated[TicketId, Path()], step: Staff) -> Response:
    """Someone came to help: the alarm is closed for everyone."""
    work = partial(Desk.acknowledge_alarm, alarm_id=alarm_id, who=step.principal.id)
    done = await step.outcome(work, _alarm)
    update, answer = done
    if update is not None:
        log.info("alarm %d at counter %s acknowledged", update.alarm.id, update.alarm.counter_id)
    return answer


def _alarm(update: AlarmUpdate, seq: int) -> StepAnswer:
    return json_answer(stamped(AlarmAnswer, update.alarm, seq))
