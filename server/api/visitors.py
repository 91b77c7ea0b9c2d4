"""Endpoints for everyone and for kiosks: health, site, sessions, tickets, check-ins."""

from __future__ import annotations

import logging
import math
from functools import partial
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request, Response, status
from starlette.concurrency import run_in_threadpool

from server.api.context import AppContext, context
from server.api.kiosk import refusal_responses
from server.api.models import error_responses
from server.auth import Endpoint, bearer_token, may, require, role_of
from server.errors import AuthError
from server.logins import LoginBusyError, LoginGuard, client_address, login_guard
from server.store import Issued, Principal
from shared.domain import DeviceRole
from shared.wire import (
    CheckInRequest,
    Health,
    IssuedTicket,
    IssueRequest,
    LoginRequest,
    SessionAnswer,
    SiteAnswer,
)

log = logging.getLogger(__name__)
router = APIRouter()

Ctx = Annotated[AppContext, Depends(context)]


@router.get("/health")
def health(ctx: Ctx) -> Health:
    """Liveness: the server answers and which site it serves."""
    return Health(status="ok", site=ctx.site.id, api=1)


@router.get("/site", responses=error_responses(401, 403))
def site(ctx: Ctx, _: Annotated[Principal, Depends(require(Endpoint.SITE))]) -> SiteAnswer:
    """The site's services, counters and languages."""
    return SiteAnswer.of(ctx.site)


@router.post("/sessions", responses=error_responses(400, 401, 429))
async def login(
    body: LoginRequest,
    request: Request,
    ctx: Ctx,
    guard: Annotated[LoginGuard, Depends(login_guard)],
) -> SessionAnswer:
    """Log a clerk in; the token authorises the following requests."""
    address = client_address(request)
    wait = guard.delay(address, body.username)
    if wait > 0:
        log.info("login of %r from %s refused for %.0f s", body.username, address, wait)
        wait -= await guard.hold_back(wait)
        raise _too_many("too many failed logins; try again later", wait)
    try:
        clerk, token = await guard.check(partial(ctx.store.login, body.username, body.password))
    except LoginBusyError:
        await guard.hold_back(1.0)
        raise _too_many("too many logins at once; try again shortly", 1.0) from None
    except AuthError:
        guard.failed(address, body.username)
        raise
    guard.succeeded(address, body.username)
    log.info("%s logged in", clerk.username)
    return SessionAnswer(token=token, role=clerk.role, username=clerk.username)


def _too_many(detail: str, wait: float) -> HTTPException:
    return HTTPException(
        status.HTTP_429_TOO_MANY_REQUESTS,
        detail,
        headers={"Retry-After": str(max(1, math.ceil(wait)))},
    )


@router.delete(
    "/sessions/current",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=error_responses(401, 403),
)
async def logout(
    request: Request, ctx: Ctx, _: Annotated[Principal, Depends(require(Endpoint.LOGOUT))]
) -> Response:
    """End the caller's session."""
    token = bearer_token(request)
    if token is not None:
        await run_in_threadpool(ctx.store.logout, token)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


async def _check_rate(ctx: AppContext, principal: Principal, key: str) -> Issued | None:
    """429 when a kiosk issues more tickets than its bucket allows, unless this is a retry of
    a request already done: then the first answer (the retry spends no token)."""
    if ctx.limiter is None or principal.device_role is not DeviceRole.KIOSK:
        return None
    wait = ctx.limiter.take(principal.id)
    if wait <= 0:
        return None
    done = await run_in_threadpool(
        partial(ctx.store.issued_before, idempotency_key=key, issuer_id=principal.id)
    )
    if done is not None:
        return done
    log.warning("kiosk %s is issuing too fast", principal.name)
    raise _too_many("too many tickets from this kiosk; try again shortly", wait)


def _issued(ctx: AppContext, issued: Issued) -> IssuedTicket:
    url = ctx.store.status_url(issued.ticket.id, issued.status_key)
    return IssuedTicket(
        ticket=issued.ticket,
        service_name=issued.service_name,
        expected_wait_minutes=issued.expected_wait_minutes,
        position=issued.position,
        status_url=url,
        booked_at=issued.booked_at,
    )


_ISSUE_ERRORS = error_responses(400, 401, 403, 429) | refusal_responses(404, 409)


@router.post("/tickets", responses=_ISSUE_ERRORS)
async def issue_ticket(
    body: IssueRequest,
    ctx: Ctx,
    principal: Annotated[Principal, Depends(require(Endpoint.ISSUE))],
) -> IssuedTicket:
    """Issue a walk-in ticket; the same idempotency key returns the same ticket."""
    if body.emergency and not may(principal, Endpoint.ISSUE_EMERGENCY):
        raise HTTPException(
            status.HTTP_403_FORBIDDEN, f"role {role_of(principal)} may not issue emergencies"
        )
    done = await _check_rate(ctx, principal, body.idempotency_key)
    if done is not None:
        return _issued(ctx, done)
    issued = await ctx.mutate(
        ctx.store.issue_ticket,
        service_id=body.service_id,
        language=body.language,
        idempotency_key=body.idempotency_key,
        issuer_id=principal.id,
        emergency=body.emergency,
    )
    return _issued(ctx, issued)


@router.post("/checkins", responses=_ISSUE_ERRORS)
async def check_in(
    body: CheckInRequest,
    ctx: Ctx,
    principal: Annotated[Principal, Depends(require(Endpoint.CHECKIN))],
) -> IssuedTicket:
    """Check in for an appointment: the visitor gets a ticket for it."""
    done = await _check_rate(ctx, principal, body.idempotency_key)
    if done is not None:
        return _issued(ctx, done)
    issued = await ctx.mutate(
        ctx.store.check_in,
        appointment_number=body.appointment_number,
        language=body.language,
        idempotency_key=body.idempotency_key,
        issuer_id=principal.id,
    )
    return _issued(ctx, issued)
