"""`aufruf demo`: a real hub and a scripted office that uses it over HTTP and WebSocket.

Kiosks issue tickets (and check in booked appointments), clerks open their counters and
call, serve, park and transfer, all through the public API at an accelerated pace; a
display subscribes to the public stream and prints each call as the waiting room sees it.
"""

from __future__ import annotations

import asyncio
import logging
import random
import shutil
import time
import uuid
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx
import platformdirs
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

from server.serve import ServerThread, build_hub
from shared.checkin import DEFAULT_EARLY as CHECKIN_EARLY
from shared.config import OfficeConfig
from shared.domain import DeviceRole, Site, UserRole
from shared.protocol import PublicCall, decode
from shared.shutdown import interrupt_on_stop_signals, run_until_stopped

log = logging.getLogger(__name__)

CLERK_PASSWORD = "demo-password"  # noqa: S105 - a throwaway demo account


class ScaledClock:
    """A clock that starts at a chosen time and runs `speed` times faster than real time."""

    def __init__(self, start: datetime, speed: float) -> None:
        self._start = start.astimezone(UTC)
        self._real = time.monotonic()
        self.speed = speed

    def now(self) -> datetime:
        """The demo's current time."""
        return self._start + timedelta(seconds=(time.monotonic() - self._real) * self.speed)

    def begin(self) -> None:
        """Start the run from the start time now (after the slow setup)."""
        self._real = time.monotonic()

    async def sleep(self, demo_seconds: float) -> None:
        """Sleep for a span of demo time."""
        await asyncio.sleep(demo_seconds / self.speed)


@dataclass(frozen=True)
class Office:
    """What the script needs: the site, the API's address, tokens and the clock."""

    site: Site
    base: str
    kiosk_tokens: tuple[str, ...]
    display_token: str
    clerks: dict[str, str]
    clock: ScaledClock
    rng: random.Random


def demo_dir() -> Path:
    """The demo's data dir (reset at every start)."""
    return Path(platformdirs.user_data_dir("aufruf")) / "demo"


def _headers(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def _appointments_csv(site: Site, clock: ScaledClock, count: int, rng: random.Random) -> str:
    zone = ZoneInfo(site.timezone)
    services = [s.id for s in site.services.values() if not s.emergency]
    start = clock.now().astimezone(zone).replace(second=0, microsecond=0)
    rows = ["number,service_id,scheduled_at,name"]
    for k in range(count):
        when = (start + timedelta(minutes=10 + 12 * k)).replace(tzinfo=None)
        rows.append(f"T{1001 + k},{rng.choice(services)},{when.isoformat()},Demo Person {k + 1}")
    return "\n".join(rows) + "\n"


def _booked(csv: str, zone: ZoneInfo) -> list[tuple[str, datetime]]:
    """(number, booked time) of each row of `_appointments_csv`, in booking order."""
    rows = [line.split(",") for line in csv.splitlines()[1:]]
    return [(row[0], datetime.fromisoformat(row[2]).replace(tzinfo=zone)) for row in rows]


async def _kiosk(
    office: Office, client: httpx.AsyncClient, token: str, booked: list[tuple[str, datetime]]
) -> None:
    rng, site = office.rng, office.site
    walk_ins = [s.id for s in site.services.values() if not s.emergency]
    while True:
        # Booked visitors come within the default check-in window (an hour early at most).
        if booked and booked[0][1] - CHECKIN_EARLY <= office.clock.now() and rng.random() < 0.25:
            path = "/checkins"
            body = {"appointment_number": booked.pop(0)[0]}
        else:
            path, body = "/tickets", {"service_id": rng.choice(walk_ins)}
        body |= {"language": rng.choice(site.languages), "idempotency_key": uuid.uuid4().hex}
        answer = await client.post(path, json=body, headers=_headers(token))
        if answer.status_code != 200:
            log.warning("kiosk: %s %s: %s", path, answer.status_code, answer.text)
        await office.clock.sleep(rng.expovariate(1 / 150))


async def _resilient(name: str, loop: Callable[[], Awaitable[None]]) -> None:
    """Run a role's loop; after a network error, log it and start the loop again."""
    while True:
        try:
            await loop()
        except httpx.HTTPError as exc:
            log.warning("%s: %s (%s); again in a second", name, type(exc).__name__, exc)
            await asyncio.sleep(1)


async def _login(client: httpx.AsyncClient, username: str) -> str:
    answer = await client.post("/sessions", json={"username": username, "password": CLERK_PASSWORD})
    answer.raise_for_status()
    token: str = answer.json()["token"]
    return token


async def _serve_one(
    office: Office, client: httpx.AsyncClient, auth: dict[str, str], ticket: dict[str, object]
) -> int | None:
    """Serve one called ticket; return its id when it was parked (to call it back later)."""
    rng, tid = office.rng, int(str(ticket["id"]))
    await office.clock.sleep(rng.uniform(30, 90))
    if rng.random() < 0.06:
        await client.post(f"/tickets/{tid}/no-show", headers=auth)
        return None
    await client.post(f"/tickets/{tid}/start", headers=auth)
    service = office.site.services[str(ticket["service_id"])]
    await office.clock.sleep(rng.expovariate(1 / (service.expected_minutes * 60)))
    roll = rng.random()
    others = [
        s for s in office.site.services if s != service.id and not office.site.services[s].emergency
    ]
    if roll < 0.05:
        await client.post(f"/tickets/{tid}/park", json={"note": "holt Unterlagen"}, headers=auth)
        return tid
    if roll < 0.10 and others:
        body = {"service_id": rng.choice(others), "note": "weitergeleitet"}
        await client.post(f"/tickets/{tid}/transfer", json=body, headers=auth)
    else:
        await client.post(f"/tickets/{tid}/finish", headers=auth)
    return None


async def _clerk(office: Office, client: httpx.AsyncClient, counter_id: str, username: str) -> None:
    auth = _headers(await _login(client, username))
    await client.post(f"/counters/{counter_id}/open", headers=auth)
    parked: list[int] = []
    while True:
        if parked and office.rng.random() < 0.5:  # the visitor is back with the papers
            body = {"ticket_id": parked.pop(0)}
            answer = await client.post(f"/counters/{counter_id}/call", json=body, headers=auth)
        else:
            answer = await client.post(f"/counters/{counter_id}/call-next", headers=auth)
        if answer.status_code == 401:  # the session ran out (12 h of demo time)
            auth = _headers(await _login(client, username))
            continue
        if answer.status_code != 200:
            await office.clock.sleep(60)
            continue
        set_aside = await _serve_one(office, client, auth, answer.json()["ticket"])
        if set_aside is not None:
            parked.append(set_aside)


async def _emergencies(office: Office, client: httpx.AsyncClient, username: str) -> None:
    auth = _headers(await _login(client, username))
    urgent = [s.id for s in office.site.services.values() if s.emergency]
    service = urgent[0] if urgent else next(iter(office.site.services))
    while True:
        await office.clock.sleep(office.rng.uniform(20 * 60, 60 * 60))
        body = {"service_id": service, "language": "de", "emergency": True}
        body["idempotency_key"] = uuid.uuid4().hex
        await client.post("/tickets", json=body, headers=auth)


async def print_calls(office: Office, port: int) -> None:
    """Print each call from the public stream as it happens (the scripted office's display)."""
    zone = ZoneInfo(office.site.timezone)
    last = 0
    while True:  # like a real display: reconnect and resume after a drop
        url = f"ws://127.0.0.1:{port}/api/v1/events?since={last}"
        try:
            async with connect(url, additional_headers=_headers(office.display_token)) as socket:
                async for frame in socket:
                    event = decode(frame)
                    last = max(last, event.seq)
                    if isinstance(event, PublicCall):
                        print(_call_line(event, zone), flush=True)
        except (ConnectionClosed, OSError) as exc:
            log.warning("display lost the stream (%s); reconnecting", exc)
        await asyncio.sleep(0.5)


def _call_line(call: PublicCall, zone: ZoneInfo) -> str:
    """`09:14  A042 → Schalter 3 (Raum 1.12)` in the site's time."""
    clock = call.at.astimezone(zone).strftime("%H:%M")
    where = f" ({call.location})" if call.location else ""
    again = "  (erneut)" if call.recall else ""
    return f"{clock}  {call.number} → {call.counter_name}{where}{again}"


async def _run_office(office: Office, port: int, supervisor: str) -> None:
    async with httpx.AsyncClient(base_url=f"{office.base}/api/v1", timeout=10) as client:
        csv = _appointments_csv(office.site, office.clock, 12, office.rng)
        answer = await client.post(
            "/appointments/import",
            content=csv,
            headers={**_headers(await _login(client, supervisor)), "Content-Type": "text/csv"},
        )
        log.info("demo appointments: %s", answer.json())
        booked = _booked(csv, ZoneInfo(office.site.timezone))
        display = asyncio.create_task(print_calls(office, port))
        for _ in range(4):  # visitors already waiting at opening time
            await client.post(
                "/tickets",
                json={
                    "service_id": office.rng.choice(
                        [s.id for s in office.site.services.values() if not s.emergency]
                    ),
                    "language": "de",
                    "idempotency_key": uuid.uuid4().hex,
                },
                headers=_headers(office.kiosk_tokens[0]),
            )
        tasks = [display]
        tasks += [
            asyncio.create_task(
                _resilient(f"kiosk {n}", partial(_kiosk, office, client, token, booked))
            )
            for n, token in enumerate(office.kiosk_tokens, start=1)
        ]
        tasks += [
            asyncio.create_task(_resilient(user, partial(_clerk, office, client, cid, user)))
            for cid, user in office.clerks.items()
        ]
        tasks.append(
            asyncio.create_task(
                _resilient(supervisor, partial(_emergencies, office, client, supervisor))
            )
        )
        try:
            await asyncio.gather(*tasks)
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)


def _opening_time(site: Site) -> datetime:
    """Today at 07:58 at the site: the demo starts just before the office opens."""
    zone = ZoneInfo(site.timezone)
    return datetime.now(zone).replace(hour=7, minute=58, second=0, microsecond=0)


@dataclass(frozen=True)
class OpenOffice:
    """A demo hub serving in a thread, and what the script needs to use it."""

    thread: ServerThread
    office: Office
    port: int
    data: Path
    config: OfficeConfig


def open_office(config: OfficeConfig, *, port: int = 0, speed: float = 60.0) -> OpenOffice:
    """Reset the demo's data dir, start the hub on SQLite there, pair devices and add clerks."""
    for noisy in ("httpx", "server.store", "server.api", "server.db"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    data = demo_dir()
    shutil.rmtree(data, ignore_errors=True)
    data.mkdir(parents=True)
    server = config.server.model_copy(
        update={"database_url": None, "data_dir": data, "zeroconf": False}
    )
    config = config.model_copy(update={"server": server})
    site = config.to_site()
    clock = ScaledClock(_opening_time(site), speed)
    hub = build_hub(config, clock=clock)
    kiosks = tuple(hub.store.add_device(f"Demo-Kiosk {i}", DeviceRole.KIOSK)[1] for i in (1, 2))
    display_token = hub.store.add_device("Demo-Anzeige", DeviceRole.DISPLAY)[1]
    clerks = {}
    for number, counter_id in enumerate(site.counters, start=1):
        username = f"demo-clerk-{number}"
        hub.store.add_user(username, CLERK_PASSWORD, UserRole.CLERK, f"Demo Clerk {number}")
        clerks[counter_id] = username
    hub.store.add_user("demo-supervisor", CLERK_PASSWORD, UserRole.SUPERVISOR, "Demo Supervisor")
    thread = ServerThread(hub.app, "127.0.0.1", port)
    clock.begin()
    bound = thread.start()
    office = Office(
        site=site,
        base=f"http://127.0.0.1:{bound}",
        kiosk_tokens=kiosks,
        display_token=display_token,
        clerks=clerks,
        clock=clock,
        rng=random.Random(),
    )
    return OpenOffice(thread=thread, office=office, port=bound, data=data, config=config)


def run_demo(
    config: OfficeConfig, *, port: int = 0, speed: float = 60.0, duration: float | None = None
) -> int:
    """Serve a demo office until SIGINT/SIGTERM (or `duration` seconds); print every call."""
    interrupt_on_stop_signals()  # also when started with SIGINT ignored (a background job)
    opened = open_office(config, port=port, speed=speed)
    office, thread, bound = opened.office, opened.thread, opened.port
    print(
        f"Demo office {office.site.name!r} at {office.base} (data in {opened.data}); "
        "Ctrl-C ends it."
    )
    try:
        work = run_for(_run_office(office, bound, "demo-supervisor"), duration)
        if asyncio.run(run_until_stopped(work)):
            print("\nstopping the demo")
    except KeyboardInterrupt:  # a signal before the event loop ran
        print("\nstopping the demo")
    finally:
        thread.stop()
    return 0


async def run_for(work: Coroutine[None, None, None], duration: float | None) -> None:
    """Run `work` until it ends or `duration` seconds have passed."""
    try:
        await asyncio.wait_for(work, duration)
    except TimeoutError:
        log.info("demo ran its %.0f s", duration)
