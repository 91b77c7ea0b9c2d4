"""The FastAPI application of the hub: routers under /api/v1, errors, the event stream."""

from __future__ import annotations

import csv
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import timedelta

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from server import errors, refusals
from server.api import alarms, counters, display, kiosk, pages, supervisor, visitors
from server.api.context import AppContext, HubState
from server.broadcast import Broadcaster
from server.contacts import ContactBook
from server.device_watch import DeviceWatch
from server.housekeeping import Housekeeper, HousekeepingSchedule
from server.keyguard import KeyGuard
from server.limits import BodyLimit
from server.logins import LoginGuard, LoginLimits
from server.ratelimit import RateLimiter
from server.status_watch import StatusWatch
from server.store import Store
from server.stream import router as stream_router
from server.trust_watch import TrustWatch
from shared.clock import Clock
from shared.config import OfficeConfig
from shared.domain import Device, DeviceRole, Site
from shared.lifecycle import IllegalTransitionError
from shared.protocol import Snapshot

log = logging.getLogger(__name__)

API_PREFIX = "/api/v1"

_STATUS: tuple[tuple[type[Exception], int], ...] = (
    (errors.NotFoundError, 404),
    (errors.ConflictError, 409),
    (IllegalTransitionError, 409),
    (errors.InvalidInputError, 400),
    (errors.AuthError, 401),
    (errors.ForbiddenError, 403),
    # Defensive: the csv module's own errors on hostile CSV text are bad input, not a crash.
    (csv.Error, 400),
)


@dataclass(frozen=True)
class ServerOptions:
    """Tunables of the running server (from the site file's `[server]`, or set by tests)."""

    tickets_per_minute_per_kiosk: float | None = 30
    heartbeat_seconds: float = 15.0
    status_base_url: str = ""
    queue_bound: int = 1000
    reorder_wait: float = 0.5
    keep_events_days: int = 14
    keep_personal_days: int = 14
    housekeeping_first_seconds: float = 60.0
    housekeeping_every_seconds: float = 6 * 3600.0
    announce_ticket_language: bool = True
    device_alert_seconds: float = 30.0
    """A watched kiosk or display out of contact this long raises a staff alert."""
    device_check_seconds: float = 1.0
    status_tick_seconds: float = 2.0
    """The status pages learn of a moved queue at most this often (one read for all)."""
    status_refresh_seconds: int = 30
    """A status page without scripts reloads itself this often."""
    status_heartbeat_seconds: float = 30.0
    """A live status page that heard nothing this long gets a comment line: proxies and the
    phone's network keep the connection, a phone gone is found when the write fails. Apart
    from `heartbeat_seconds` (the staff's and displays' streams): 500 pages at 15 s were
    ~35 writes a second (docs/performance.md)."""
    wrong_keys_per_minute: float = 20
    """Wrong status keys an address may try per minute before it gets 429."""
    logins: LoginLimits = field(default_factory=LoginLimits)
    trust_poll_seconds: float = 1.0
    """How often the hub looks for a user disabled or a device revoked by another process."""

    @classmethod
    def from_config(cls, config: OfficeConfig) -> ServerOptions:
        """The options a site file asks for."""
        return cls(
            tickets_per_minute_per_kiosk=config.server.tickets_per_minute_per_kiosk,
            status_base_url=(config.site.status_base_url or "").rstrip("/"),
            keep_events_days=config.server.keep_events_days,
            keep_personal_days=config.server.keep_personal_days,
            announce_ticket_language=config.server.announce_ticket_language,
            device_alert_seconds=config.server.device_alert_seconds,
        )

    def housekeeping(self) -> HousekeepingSchedule:
        """The housekeeping task's schedule."""
        return HousekeepingSchedule(
            keep_events=timedelta(days=self.keep_events_days),
            keep_personal=timedelta(days=self.keep_personal_days),
            first_after=self.housekeeping_first_seconds,
            every=self.housekeeping_every_seconds,
        )


def _error_handler(status_code: int) -> Callable[[Request, Exception], Awaitable[JSONResponse]]:
    async def handle(_: Request, exc: Exception) -> JSONResponse:
        headers = {"WWW-Authenticate": "Bearer"} if status_code == 401 else None
        if isinstance(exc, errors.StoreError):
            body = exc.body()
        else:
            body = {"detail": refusals.printable(str(exc))}
        return JSONResponse(body, status_code, headers=headers)

    return handle


def _context(
    store: Store, site: Site, config: OfficeConfig | None, clock: Clock, opts: ServerOptions
) -> AppContext:
    """The app's long-lived parts: broadcaster, device watch, limits, status pages."""
    rate = opts.tickets_per_minute_per_kiosk
    broadcaster = Broadcaster(
        0,
        queue_bound=opts.queue_bound,
        reorder_wait=opts.reorder_wait,
        heartbeat_seconds=opts.heartbeat_seconds,
        announce_language=opts.announce_ticket_language,
    )
    watch = DeviceWatch(
        store,
        clock,
        broadcaster,
        delay=opts.device_alert_seconds,
        every=opts.device_check_seconds,
    )
    return AppContext(
        store=store,
        site=site,
        clock=clock,
        broadcaster=broadcaster,
        limiter=RateLimiter(rate) if rate else None,
        status_base_url=opts.status_base_url,
        contacts=ContactBook(clock),
        office=config,
        devices=watch,
        status_watch=StatusWatch(
            store.places, tick_seconds=opts.status_tick_seconds, idle=broadcaster.idle
        ),
        key_guard=KeyGuard(opts.wrong_keys_per_minute),
        status_refresh_seconds=opts.status_refresh_seconds,
        status_heartbeat_seconds=opts.status_heartbeat_seconds,
    )


def _watch_from_start(
    watch: DeviceWatch, snapshot: Snapshot, devices: list[Device], config: OfficeConfig | None
) -> None:
    """What the device watch knows at start: configured devices, kiosks that have reported,
    and the alerts still open in the database (cleared once their device is back)."""
    active = {d.id: d for d in devices if not d.revoked}
    for device in active.values():
        if config is None:
            break
        if device.role is DeviceRole.DISPLAY and config.display_for_device(device.name):
            watch.expect(device.id, device.name, device.role)
        if device.role is DeviceRole.KIOSK and config.kiosk_for_device(device.name):
            watch.expect(device.id, device.name, device.role)
    for info in snapshot.devices:
        if info.role is DeviceRole.KIOSK and info.id in active:
            watch.expect(info.id, info.name, info.role)  # it has reported: a kiosk in use
    for alert in snapshot.alerts:
        watch.restore(alert)
        if alert.device_id not in active:
            watch.retire(alert.device_id)
        log.info(
            "%s %s (%s): %s alert open since %s",
            alert.role.value,
            alert.name,
            alert.device_id,
            alert.problem.value,
            alert.at.isoformat(timespec="seconds"),
        )


def create_app(
    store: Store,
    *,
    site: Site,
    config: OfficeConfig | None = None,
    clock: Clock,
    options: ServerOptions | None = None,
) -> FastAPI:
    """The API app over a store; the caller runs it (uvicorn) and owns the store's engine."""
    opts = options or (ServerOptions.from_config(config) if config else ServerOptions())
    ctx = _context(store, site, config, clock, opts)
    broadcaster = ctx.broadcaster
    watch = ctx.devices
    assert watch is not None
    assert ctx.status_watch is not None
    broadcaster.watchers.append(ctx.status_watch.seen)
    ctx.broadcaster.read_gaps_from(store.events_since)
    ctx.broadcaster.recheck_tokens_with(store.principals.verify_many, store.refusal)
    housekeeper = Housekeeper(store, clock, opts.housekeeping())

    async def recheck_trust() -> None:
        """A user disabled or a device revoked: streams re-checked, revoked devices unwatched."""
        await broadcaster.recheck_tokens_now()
        watch.retire_revoked(await run_in_threadpool(store.list_devices))

    trust_watch = TrustWatch(store, recheck_trust, opts.trust_poll_seconds)
    login_guard = LoginGuard(opts.logins)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[HubState]:
        ctx.broadcaster.last_seq = await run_in_threadpool(store.last_seq)
        snapshot = await run_in_threadpool(store.snapshot)
        ctx.broadcaster.remember_counters(snapshot)
        log.info("serving site %s from event seq %d", site.id, ctx.broadcaster.last_seq)
        _watch_from_start(watch, snapshot, await run_in_threadpool(store.list_devices), config)
        housekeeper.start()
        trust_watch.start()
        watch.start()
        try:
            yield {"ctx": ctx}
        finally:
            if ctx.status_watch is not None:
                ctx.status_watch.stop()
            await watch.stop()
            await housekeeper.stop()
            await trust_watch.stop()
            login_guard.close()
            ctx.broadcaster.close()
            log.info("stopped serving site %s", site.id)

    app = FastAPI(
        title="Aufruf hub API",
        version="1",
        summary="Tickets, calls and the live event stream of one office.",
        lifespan=lifespan,
        openapi_url="/openapi.json",
        docs_url="/docs",
        redoc_url=None,
    )
    app.add_middleware(BodyLimit)
    app.state.housekeeper = housekeeper
    app.state.trust_watch = trust_watch
    app.state.login_guard = login_guard
    for exc_type, status_code in _STATUS:
        app.add_exception_handler(exc_type, _error_handler(status_code))
    app.add_exception_handler(errors.RefusedError, kiosk.refused_handler)
    refusals.install(app)
    for router in (
        visitors.router,
        pages.router,
        counters.router,
        alarms.router,
        supervisor.router,
        display.router,
        kiosk.router,
        stream_router,
    ):
        app.include_router(router, prefix=API_PREFIX)
    app.state.public = public_app(ctx)
    app.state.status_watch = ctx.status_watch
    app.state.broadcaster = ctx.broadcaster
    return app


def public_app(ctx: AppContext) -> FastAPI:
    """The public listener's app: the status pages and their live streams, nothing else.

    It shares the hub's context (and event loop): the hub's own app must be served too.
    """

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[HubState]:
        yield {"ctx": ctx}

    app = FastAPI(lifespan=lifespan, openapi_url=None, docs_url=None, redoc_url=None)
    app.add_middleware(BodyLimit)
    for exc_type, status_code in _STATUS:
        app.add_exception_handler(exc_type, _error_handler(status_code))
    refusals.install(app)
    app.include_router(pages.router, prefix=API_PREFIX)
    return app
