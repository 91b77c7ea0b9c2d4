"""Who may do what: bearer token -> `Principal` -> `Role`, checked against one matrix."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from enum import StrEnum

from fastapi import HTTPException, Request, status
from starlette.concurrency import run_in_threadpool
from starlette.requests import HTTPConnection

from server.api.context import context
from server.errors import AuthError
from server.store import Principal, Store
from shared.domain import DeviceRole

log = logging.getLogger(__name__)


class Role(StrEnum):
    """The role of a caller: a paired device's role or a logged-in user's role."""

    KIOSK = "kiosk"
    DISPLAY = "display"
    COUNTER = "counter"
    CLERK = "clerk"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


class Endpoint(StrEnum):
    """Every guarded endpoint of the API (the rows of the role matrix)."""

    SITE = "site"
    LOGOUT = "logout"
    ISSUE = "issue"
    ISSUE_EMERGENCY = "issue_emergency"
    CHECKIN = "checkin"
    WALK_INS = "walk_ins"
    DEVICE_STATUS = "device_status"
    QUEUE = "queue"
    CALL = "call"
    TICKET_STEP = "ticket_step"
    COUNTER_STATE = "counter_state"
    IMPORT_APPOINTMENTS = "import_appointments"
    EVENTS = "events"
    STAFF_EVENTS = "staff_events"
    ALARM = "alarm"
    SUPERVISE = "supervise"
    DISPLAY_SETUP = "display_setup"


_DEVICES = frozenset({Role.KIOSK, Role.DISPLAY, Role.COUNTER})
_STAFF = frozenset({Role.CLERK, Role.SUPERVISOR, Role.ADMIN})
_EVERYONE = _DEVICES | _STAFF

ALLOWED: dict[Endpoint, frozenset[Role]] = {
    Endpoint.SITE: _EVERYONE,
    Endpoint.LOGOUT: _STAFF,
    Endpoint.ISSUE: _STAFF | {Role.KIOSK},
    Endpoint.ISSUE_EMERGENCY: _STAFF,
    Endpoint.CHECKIN: _STAFF | {Role.KIOSK},
    Endpoint.WALK_INS: _STAFF | {Role.KIOSK},
    Endpoint.DEVICE_STATUS: _DEVICES,
    Endpoint.QUEUE: _STAFF,
    Endpoint.CALL: _STAFF,
    Endpoint.TICKET_STEP: _STAFF,
    Endpoint.COUNTER_STATE: _STAFF,
    Endpoint.IMPORT_APPOINTMENTS: frozenset({Role.SUPERVISOR, Role.ADMIN}),
    Endpoint.EVENTS: _EVERYONE,
    Endpoint.STAFF_EVENTS: _STAFF,  # kiosks get the public stream: no clerks' notes
    Endpoint.ALARM: _STAFF,
    Endpoint.SUPERVISE: frozenset({Role.SUPERVISOR, Role.ADMIN}),
    Endpoint.DISPLAY_SETUP: frozenset({Role.DISPLAY}),
}
"""The role matrix. Endpoints not listed here (health, login, ticket status) are open."""


def role_of(principal: Principal) -> Role:
    """The one role of a caller."""
    if principal.device_role is not None:
        return Role(principal.device_role.value)
    if principal.user_role is not None:
        return Role(principal.user_role.value)
    raise ValueError(f"principal {principal.id} has neither a device nor a user role")


def may(principal: Principal, endpoint: Endpoint) -> bool:
    """Whether a caller may use an endpoint."""
    return role_of(principal) in ALLOWED[endpoint]


def bearer_token(request: HTTPConnection) -> str | None:
    """The token of an `Authorization: Bearer …` header, if any."""
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()


def unauthorized(detail: str = "missing or unknown token") -> HTTPException:
    """A 401 that tells the client to send a bearer token."""
    return HTTPException(
        status.HTTP_401_UNAUTHORIZED, detail, headers={"WWW-Authenticate": "Bearer"}
    )


async def authenticate(store: Store, token: str | None) -> Principal:
    """The caller behind a token; 401 when there is none or it is unknown or revoked."""
    if token is None or len(token) > 512:
        raise AuthError("missing or unknown token", "unknown_token")
    principal = store.principals.get(token)  # verified in the last seconds: no thread-pool hop
    if principal is None:
        principal = await run_in_threadpool(store.authenticate, token)
    if principal is None:
        reason, detail = await run_in_threadpool(store.refusal, token)
        raise AuthError(detail, reason)
    return principal


def require(endpoint: Endpoint) -> Callable[[Request], Awaitable[Principal]]:
    """A FastAPI dependency: the caller, if their role may use `endpoint`; else 401/403."""

    async def dependency(request: Request) -> Principal:
        ctx = context(request)
        principal = await authenticate(ctx.store, bearer_token(request))
        if ctx.contacts is not None:
            ctx.contacts.seen(principal.id)
        if ctx.devices is not None and principal.device_role is DeviceRole.KIOSK:
            ctx.devices.heard(principal.id)  # a kiosk's request is a sign of life
        if not may(principal, endpoint):
            log.info("refused %s (%s) at %s", principal.name, role_of(principal), endpoint)
            raise HTTPException(
                status.HTTP_403_FORBIDDEN,
                f"role {role_of(principal)} may not use {endpoint.value}",
            )
        return principal

    dependency.__name__ = f"require_{endpoint.value}"
    return dependency
