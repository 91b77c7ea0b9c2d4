"""The demo's hub: a fresh SQLite data dir, the hub in a thread, paired devices and clerks."""

from __future__ import annotations

import logging
import random
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx
import platformdirs

from server.serve import ServerThread, build_hub
from shared.clock import ScaledClock
from shared.config import OfficeConfig
from shared.domain import DeviceRole, Site, UserRole

log = logging.getLogger(__name__)

CLERK_PASSWORD = "demo-password"  # noqa: S105 - a throwaway demo account
SUPERVISOR = "demo-supervisor"
DISPLAYS = {"display": "Demo-Anzeige Foyer", "display-portrait": "Demo-Anzeige Wartebereich"}
"""The demo's displays (window name: device name), each paired with its own token."""


@dataclass(frozen=True)
class Office:
    """What the script needs: the site, the API's address, tokens and the clock."""

    site: Site
    base: str
    kiosk_tokens: tuple[str, ...]
    display_tokens: dict[str, str]
    clerks: dict[str, str]
    clock: ScaledClock
    rng: random.Random

    @property
    def display_token(self) -> str:
        """The first display's token (the scripted office's stream printer)."""
        return self.display_tokens["display"]


@dataclass(frozen=True)
class Booking:
    """One of the demo's appointments: its number and booked time."""

    number: str
    at: datetime


def demo_dir() -> Path:
    """The demo's data dir (reset at every start)."""
    return Path(platformdirs.user_data_dir("aufruf")) / "demo"


def headers(token: str) -> dict[str, str]:
    """The bearer header of a token."""
    return {"Authorization": f"Bearer {token}"}


async def login(client: httpx.AsyncClient, username: str) -> str:
    """A session token for a demo user."""
    answer = await client.post("/sessions", json={"username": username, "password": CLERK_PASSWORD})
    answer.raise_for_status()
    token: str = answer.json()["token"]
    return token


def appointments_csv(
    site: Site,
    clock: ScaledClock,
    count: int,
    rng: random.Random,
    services: Sequence[str] | None = None,
) -> str:
    """`count` appointments every 12 minutes from 10 minutes after now, as the import's CSV
    (for `services`, by default every one that is not an emergency)."""
    zone = ZoneInfo(site.timezone)
    services = services or [s.id for s in site.services.values() if not s.emergency]
    start = clock.now().astimezone(zone).replace(second=0, microsecond=0)
    rows = ["number,service_id,scheduled_at,name"]
    for k in range(count):
        when = (start + timedelta(minutes=10 + 12 * k)).replace(tzinfo=None)
        rows.append(f"T{1001 + k},{rng.choice(services)},{when.isoformat()},Demo Person {k + 1}")
    return "\n".join(rows) + "\n"


def bookings(csv: str, zone: ZoneInfo) -> list[Booking]:
    """The bookings of an `appointments_csv`, in booking order."""
    rows = [line.split(",") for line in csv.splitlines()[1:]]
    return [Booking(row[0], datetime.fromisoformat(row[2]).replace(tzinfo=zone)) for row in rows]


async def import_appointments(
    client: httpx.AsyncClient,
    office: Office,
    count: int,
    services: Sequence[str] | None = None,
) -> list[Booking]:
    """Book the day's appointments as an office does: the supervisor imports a CSV."""
    csv = appointments_csv(office.site, office.clock, count, office.rng, services)
    answer = await client.post(
        "/appointments/import",
        content=csv,
        headers={**headers(await login(client, SUPERVISOR)), "Content-Type": "text/csv"},
    )
    answer.raise_for_status()
    log.info("demo appointments: %s", answer.json())
    return bookings(csv, ZoneInfo(office.site.timezone))


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
    displays = {
        name: hub.store.add_device(device, DeviceRole.DISPLAY)[1]
        for name, device in DISPLAYS.items()
    }
    clerks = {}
    for number, counter_id in enumerate(site.counters, start=1):
        username = f"demo-clerk-{number}"
        hub.store.add_user(username, CLERK_PASSWORD, UserRole.CLERK, f"Demo Clerk {number}")
        clerks[counter_id] = username
    hub.store.add_user(SUPERVISOR, CLERK_PASSWORD, UserRole.SUPERVISOR, "Demo Supervisor")
    thread = ServerThread(hub.app, "127.0.0.1", port)
    clock.begin()
    bound = thread.start()
    office = Office(
        site=site,
        base=f"http://127.0.0.1:{bound}",
        kiosk_tokens=kiosks,
        display_tokens=displays,
        clerks=clerks,
        clock=clock,
        rng=random.Random(),
    )
    return OpenOffice(thread=thread, office=office, port=bound, data=data, config=config)
