"""Running the hub: build the store and app from a site file, serve them with uvicorn."""

from __future__ import annotations

import asyncio
import logging
import socket
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import uvicorn
from fastapi import FastAPI

from server.announce import Announcer
from server.app import ServerOptions, create_app
from server.sd_notify import Notifier
from server.status_watch import StatusWatch
from server.store import Store, StoreSettings, create_engine_for, migrate
from server.wsprotocol import HubWebSocketProtocol
from shared.clock import Clock, SystemClock
from shared.config import OfficeConfig

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Hub:
    """A store and the app over it, ready to serve."""

    store: Store
    app: FastAPI
    config: OfficeConfig


def build_hub(
    config: OfficeConfig,
    *,
    database_url: str | None = None,
    data_dir: Path | None = None,
    clock: Clock | None = None,
    options: ServerOptions | None = None,
) -> Hub:
    """Open (and migrate) the database the site file names and build the app over it."""
    url = database_url or config.server.database_url
    engine = create_engine_for(url, data_dir or config.server.data_dir)
    migrate(engine)
    site = config.to_site()
    settings = StoreSettings(
        policy=config.policy.to_settings(),
        checkin=config.policy.checkin_window(),
        status_base_url=(config.site.status_base_url or "").rstrip("/"),
    )
    store = Store(engine, site, clock or SystemClock(), settings)
    app = create_app(store, site=site, config=config, clock=clock or SystemClock(), options=options)
    return Hub(store=store, app=app, config=config)


class HubServer(uvicorn.Server):
    """uvicorn's server that logs where it really listens and advertises itself."""

    def __init__(
        self,
        config: uvicorn.Config,
        *,
        announce: Callable[[int], Announcer] | None = None,
        public: uvicorn.Config | None = None,
        notifier: Notifier | None = None,
    ) -> None:
        super().__init__(config)
        self.notifier = notifier
        """systemd's notify socket (`aufruf server` under Type=notify); None in tests/demo."""
        self._watchdog: asyncio.Task[None] | None = None
        self.port: int | None = None
        self.start_ended = threading.Event()  # bound (port known) or failed; see ServerThread
        self.public = uvicorn.Server(public) if public is not None else None
        """The public listener (status pages only), served in the same event loop."""
        self.public_port: int | None = None
        self._announce = announce
        self._announcer: Announcer | None = None

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        """Bind, then log `Aufruf listening on http://HOST:PORT` and start zeroconf."""
        try:
            await super().startup(sockets)
            if not self.started or not self.servers:
                return
            self.port = int(self.servers[0].sockets[0].getsockname()[1])
            host = self.config.host
            shown = f"[{host}]" if ":" in host else host
            log.info("Aufruf listening on http://%s:%d", shown, self.port)
            if self.public is not None:
                await self._start_public(self.public)
        finally:
            self.start_ended.set()  # the ports are known now: `ServerThread.start` reads them
        if self.notifier is not None and self.started:
            self.notifier.send("READY=1")
            self._watchdog = asyncio.create_task(self.notifier.pet_watchdog())
        if self._announce is not None:
            try:
                self._announcer = await asyncio.to_thread(self._announce, self.port)
            except Exception:  # discovery is a convenience: the hub serves on without it
                log.warning("cannot announce the hub by zeroconf", exc_info=True)

    async def _start_public(self, public: uvicorn.Server) -> None:
        """Bind the public listener; the hub serves on without it when it cannot."""
        public.config.load()
        public.lifespan = public.config.lifespan_class(public.config)
        await public.startup()
        if not public.started or not public.servers:
            log.error("cannot open the public listener on port %d", public.config.port)
            self.public = None
            return
        self.public_port = int(public.servers[0].sockets[0].getsockname()[1])
        host = public.config.host
        shown = f"[{host}]" if ":" in host else host
        log.info("Aufruf status pages on http://%s:%d", shown, self.public_port)

    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        """Stop advertising and the status pages' streams, then shut down gracefully."""
        if self.notifier is not None:
            self.notifier.send("STOPPING=1")
        if self._watchdog is not None:
            self._watchdog.cancel()
        app = self.config.app
        pages = getattr(getattr(app, "state", None), "status_watch", None)
        if isinstance(pages, StatusWatch):
            pages.stop()  # open event streams end now instead of at the graceful timeout
        if self.public is not None:
            await self.public.shutdown()
        if self._announcer is not None:
            await asyncio.to_thread(self._announcer.stop)
        await super().shutdown(sockets)


def announcer_for(config: OfficeConfig, host: str) -> Callable[[int], Announcer] | None:
    """A function that starts the zeroconf advertisement on a port, when configured.

    It announces on `zeroconf_interfaces`, else on the address the hub listens on, else (for
    0.0.0.0 / ::) on every interface.
    """
    if not config.server.zeroconf:
        return None
    interfaces = list(config.server.zeroconf_interfaces or ()) or None
    if interfaces is None and host not in ("0.0.0.0", "::", ""):  # noqa: S104 - comparing
        interfaces = [host]

    def start(port: int) -> Announcer:
        announcer = Announcer(config.site.id, port, interfaces)
        announcer.start()
        return announcer

    return start


def uvicorn_config(
    app: FastAPI, host: str, port: int, *, trusted_proxies: Sequence[str] = ()
) -> uvicorn.Config:
    """uvicorn's settings for the hub: our logging, no access log, a graceful shutdown.

    `X-Forwarded-For` is read only from `trusted_proxies` (uvicorn's own default would trust
    127.0.0.1: any local process could then claim any address).
    """
    return uvicorn.Config(
        app,
        host=host,
        port=port,
        proxy_headers=bool(trusted_proxies),
        forwarded_allow_ips=list(trusted_proxies),
        log_config=None,
        access_log=False,
        timeout_graceful_shutdown=5,
        timeout_keep_alive=75,  # kiosks and counters are idle for minutes between requests
        ws=HubWebSocketProtocol,  # websockets-sansio that answers every refusal (wsprotocol)
        ws_ping_interval=20,
        ws_ping_timeout=20,
    )


def public_config(
    app: FastAPI, host: str, port: int, trusted_proxies: Sequence[str] = ()
) -> uvicorn.Config:
    """uvicorn's settings for the public listener over the hub app's `state.public`.

    Behind `trusted_proxies` the phone's address is the right-most untrusted one in
    `X-Forwarded-For` (uvicorn's `ProxyHeadersMiddleware`); from any other peer the header
    is ignored.
    """
    config = uvicorn_config(app.state.public, host, port, trusted_proxies=trusted_proxies)
    config.lifespan = "on"
    return config


class ServerThread:
    """A hub served by uvicorn in a background thread (tests and the demo)."""

    def __init__(
        self,
        app: FastAPI,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        public: tuple[str, int] | None = None,
        trusted_proxies: Sequence[str] = (),
    ) -> None:
        listener = public_config(app, *public, trusted_proxies) if public is not None else None
        self.server = HubServer(uvicorn_config(app, host, port), public=listener)
        self._thread = threading.Thread(target=self._run, name="aufruf-server", daemon=True)

    def _run(self) -> None:
        try:
            self.server.run()
        finally:
            self.server.start_ended.set()

    def start(self, timeout: float = 30.0) -> int:
        """Start serving; return the bound port."""
        self._thread.start()
        if not self.server.start_ended.wait(timeout):
            raise RuntimeError(f"the server did not start within {timeout:g} s")
        if not self.server.started or self.server.port is None:
            raise RuntimeError("the server did not start (see the log)")
        return self.server.port

    def stop(self, timeout: float = 10.0) -> None:
        """Shut down gracefully and wait for the thread."""
        self.server.should_exit = True
        self._thread.join(timeout)
