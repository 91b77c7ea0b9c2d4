"""`aufruf demo FILE`: the scripted office, over HTTP and WebSocket, without windows.

Kiosks issue tickets (and check in booked appointments), clerks open their counters and
call, serve, park and transfer, all through the public API at an accelerated pace; a
display subscribes to the public stream and prints each call as the waiting room sees it.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Awaitable, Callable
from functools import partial

import httpx

from server.demo.office import (
    SUPERVISOR,
    Booking,
    Office,
    headers,
    import_appointments,
    login,
    open_office,
)
from server.demo.stream import print_calls, run_for
from shared.checkin import DEFAULT_EARLY as CHECKIN_EARLY
from shared.config import OfficeConfig
from shared.shutdown import interrupt_on_stop_signals, run_until_stopped

log = logging.getLogger(__name__)


async def _kiosk(
    office: Office, client: httpx.AsyncClient, token: str, booked: list[Booking]
) -> None:
    rng, site = office.rng, office.site
    walk_ins = [s.id for s in site.services.values() if not s.emergency]
    while True:
        # Booked visitors come within the default check-in window (an hour early at most).
        if booked and booked[0].at - CHECKIN_EARLY <= office.clock.now() and rng.random() < 0.25:
            path = "/checkins"
            body = {"appointment_number": booked.pop(0).number}
        else:
            path, body = "/tickets", {"service_id": rng.choice(walk_ins)}
        body |= {"language": rng.choice(site.languages), "idempotency_key": uuid.uuid4().hex}
        answer = await client.post(path, json=body, headers=headers(token))
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
    auth = headers(await login(client, username))
    await client.post(f"/counters/{counter_id}/open", headers=auth)
    parked: list[int] = []
    while True:
        if parked and office.rng.random() < 0.5:  # the visitor is back with the papers
            body = {"ticket_id": parked.pop(0)}
            answer = await client.post(f"/counters/{counter_id}/call", json=body, headers=auth)
        else:
            answer = await client.post(f"/counters/{counter_id}/call-next", headers=auth)
        if answer.status_code == 401:  # the session ran out (12 h of demo time)
            auth = headers(await login(client, username))
            continue
        if answer.status_code != 200:
            await office.clock.sleep(60)
            continue
        set_aside = await _serve_one(office, client, auth, answer.json()["ticket"])
        if set_aside is not None:
            parked.append(set_aside)


async def _emergencies(office: Office, client: httpx.AsyncClient, username: str) -> None:
    auth = headers(await login(client, username))
    urgent = [s.id for s in office.site.services.values() if s.emergency]
    service = urgent[0] if urgent else next(iter(office.site.services))
    while True:
        await office.clock.sleep(office.rng.uniform(20 * 60, 60 * 60))
        body = {"service_id": service, "language": "de", "emergency": True}
        body["idempotency_key"] = uuid.uuid4().hex
        await client.post("/tickets", json=body, headers=auth)


async def _run_office(office: Office, port: int) -> None:
    async with httpx.AsyncClient(base_url=f"{office.base}/api/v1", timeout=10) as client:
        booked = await import_appointments(client, office, 12)
        display = asyncio.create_task(print_calls(office, port))
        walk_ins = [s.id for s in office.site.services.values() if not s.emergency]
        for _ in range(4):  # visitors already waiting at opening time
            body = {"service_id": office.rng.choice(walk_ins), "language": "de"}
            body["idempotency_key"] = uuid.uuid4().hex
            await client.post("/tickets", json=body, headers=headers(office.kiosk_tokens[0]))
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
                _resilient(SUPERVISOR, partial(_emergencies, office, client, SUPERVISOR))
            )
        )
        try:
            await asyncio.gather(*tasks)
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)


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
        work = run_for(_run_office(office, bound), duration)
        if asyncio.run(run_until_stopped(work)):
            print("\nstopping the demo")
    except KeyboardInterrupt:  # a signal before the event loop ran
        print("\nstopping the demo")
    finally:
        thread.stop()
    return 0
