"""A hub that watches its devices, for the API tests of wall displays and kiosks out of contact.

Real hub (uvicorn on 127.0.0.1:0) on a SQLite file or on PostgreSQL; a `FakeClock` stands in
for the 30 s a device may go without its stream, so nothing waits that long. Streams are read
with `next_frame` (a deadline, and a failure that names what it waited for) and
`alert_advancing` (the clock moved on until an alert comes).
"""

from __future__ import annotations

import contextlib
import json
import time
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

import httpx
from websockets.sync.client import ClientConnection, connect

from server.app import ServerOptions, create_app
from server.serve import ServerThread
from server.store import Store, create_engine_for, migrate
from shared.clock import FakeClock
from shared.config import OfficeConfig, parse_config
from shared.domain import DeviceRole, UserRole
from tests.pg import fresh_schema, require_postgres

START = "2026-11-23T08:00:00+01:00"
STEP = 31
"""Seconds: a little more than the alert delay."""
PASSWORD = "correct horse battery"


@dataclass
class DeviceHub:
    """A running hub with a fake clock, its devices and a clerk, each with a token by name."""

    port: int
    clock: FakeClock
    tokens: dict[str, str]
    store: Store
    config: OfficeConfig
    thread: ServerThread

    def restart(self) -> None:
        """Stop the hub and start a new one over the same database (what it knew is gone)."""
        self.thread.stop()
        self.thread = _thread(self.store, self.config, self.clock, self.port)
        self.thread.start()

    def http(self, who: str) -> httpx.Client:
        """An HTTP client for /api/v1 with a device's or the clerk's token."""
        return httpx.Client(
            base_url=f"http://127.0.0.1:{self.port}/api/v1",
            headers={"Authorization": f"Bearer {self.tokens[who]}"},
            timeout=10,
        )

    def stream(self, who: str, since: int = 0) -> ClientConnection:
        """An event stream with a device's or the clerk's token."""
        url = f"ws://127.0.0.1:{self.port}/api/v1/events?since={since}"
        headers = {"Authorization": f"Bearer {self.tokens[who]}"}
        return connect(url, additional_headers=headers, open_timeout=5)


H = TypeVar("H", bound=DeviceHub)


def serve(
    database: str,
    tmp_path: Path,
    schema: str,
    site_toml: str,
    devices: Mapping[str, tuple[str, DeviceRole]],
    hub_type: type[H],
) -> Iterator[H]:
    """Serve the site on "sqlite" (a file in `tmp_path`) or "postgresql" (a fresh `schema`).

    `devices` names each device's token key, its name and its role; the clerk's token is
    "clerk". The hub runs while the generator is suspended (a fixture yields from it).
    """
    if database == "sqlite":
        yield from _serve(f"sqlite:///{tmp_path / 'hub.sqlite3'}", site_toml, devices, hub_type)
        return
    require_postgres()
    with fresh_schema(schema) as url:
        yield from _serve(url, site_toml, devices, hub_type)


def _serve(
    url: str, site_toml: str, devices: Mapping[str, tuple[str, DeviceRole]], hub_type: type[H]
) -> Iterator[H]:
    config = parse_config(site_toml)
    clock = FakeClock(datetime.fromisoformat(START))
    engine = create_engine_for(url)
    migrate(engine)
    store = Store(engine, config.to_site(), clock)
    tokens = {key: store.add_device(name, role)[1] for key, (name, role) in devices.items()}
    store.add_user("clerk", PASSWORD, UserRole.CLERK, "Clerk")
    tokens["clerk"] = store.login("clerk", PASSWORD)[1]
    thread = _thread(store, config, clock)
    hub = hub_type(thread.start(), clock, tokens, store, config, thread)
    try:
        yield hub
    finally:
        hub.thread.stop()
        engine.dispose()


def _thread(store: Store, config: OfficeConfig, clock: FakeClock, port: int = 0) -> ServerThread:
    options = ServerOptions(heartbeat_seconds=0.5, device_check_seconds=0.05)
    app = create_app(store, site=config.to_site(), config=config, clock=clock, options=options)
    return ServerThread(app, port=port)


def next_frame(
    ws: ClientConnection, kind: str | None = None, *, timeout: float = 10.0, **fields: object
) -> dict[str, Any]:
    """The next frame of type `kind` (None: any) with these `fields`, others read past.

    Fails after `timeout` seconds, naming what it waited for and what it read instead
    (heartbeats keep coming, so a wait without a deadline would never end).
    """
    deadline = time.monotonic() + timeout
    passed: Counter[str] = Counter()
    while (left := deadline - time.monotonic()) > 0:
        try:
            frame: dict[str, Any] = json.loads(ws.recv(timeout=left))
        except TimeoutError:
            break
        if (kind is None or frame["type"] == kind) and all(
            frame.get(name) == value for name, value in fields.items()
        ):
            return frame
        passed[frame["type"]] += 1
    wanted = "a frame" if kind is None else f"a {kind!r} frame"
    if fields:
        wanted += " with " + ", ".join(f"{name}={value!r}" for name, value in fields.items())
    read = ", ".join(f"{count} {name}" for name, count in passed.items()) or "nothing"
    raise AssertionError(f"{wanted} did not come within {timeout:g} s (read past: {read})")


def alert_advancing(hub: DeviceHub, staff: ClientConnection) -> dict[str, Any]:
    """The next device alert on the staff stream, moving the clock on by `STEP` until it comes.

    A device's close reaches the hub a moment after the client closed, so one step could land
    before the hub knew; each step is a whole alert delay after any such moment.
    """
    for _ in range(20):
        hub.clock.advance(STEP)
        with contextlib.suppress(TimeoutError):
            frame: dict[str, Any] = json.loads(staff.recv(timeout=0.5))
            while frame["type"] != "device.alert":
                frame = json.loads(staff.recv(timeout=0.5))
            return frame
    raise AssertionError(f"no device alert in 20 steps of {STEP} s")
