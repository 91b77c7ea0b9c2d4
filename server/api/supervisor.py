"""The supervisor's overview: today's key figures and every device's last contact.

Counters (state, clerk, ticket in hand), queues and open alarms come with the staff
snapshot and events; this adds what the stream does not carry. `GET /policy` gives counters
the policy's settings, so they rank their waiting list with the hub's own code.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends
from starlette.concurrency import run_in_threadpool

from server.api.context import AppContext, context
from server.api.models import error_responses
from server.auth import Endpoint, require
from server.store import Principal
from shared.wire import DeviceContact, Overview, PolicyAnswer, StaffContact

router = APIRouter(responses=error_responses(401, 403))

Ctx = Annotated[AppContext, Depends(context)]


def _overview(ctx: AppContext) -> Overview:
    store, book = ctx.store, ctx.contacts
    devices = []
    for device in store.list_devices():
        contact = book.of(device.id) if book else None
        devices.append(
            DeviceContact(
                id=device.id,
                name=device.name,
                role=device.role,
                revoked=device.revoked,
                last_seen=contact.last_seen if contact else None,
                streaming=bool(contact and contact.streaming),
            )
        )
    staff = []
    for user in store.list_users():
        contact = book.of(user.username) if book else None
        staff.append(
            StaffContact(
                username=user.username,
                display_name=user.display_name,
                role=user.role.value,
                last_seen=contact.last_seen if contact else None,
                streaming=bool(contact and contact.streaming),
            )
        )
    return Overview(
        at=ctx.clock.now(), figures=store.figures(), devices=tuple(devices), staff=tuple(staff)
    )


@router.get("/policy")
async def policy(
    ctx: Ctx, _: Annotated[Principal, Depends(require(Endpoint.QUEUE))]
) -> PolicyAnswer:
    """The settings of the queue policy the hub calls with."""
    settings = ctx.store.policy
    return PolicyAnswer(
        appointment_window_minutes=settings.appointment_window.total_seconds() / 60,
        ageing_per_minute=settings.ageing_per_minute,
        max_wait_minutes=settings.max_wait.total_seconds() / 60,
    )


@router.get("/supervisor")
async def overview(
    ctx: Ctx, _: Annotated[Principal, Depends(require(Endpoint.SUPERVISE))]
) -> Overview:
    """Today's key figures so far and every device's and clerk's last contact."""
    return await run_in_threadpool(_overview, ctx)
