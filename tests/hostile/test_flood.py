"""200 concurrent wrong logins: the hub stays small, displays and counters keep working."""

from __future__ import annotations

import asyncio
import json
import uuid
from pathlib import Path

import httpx
import pytest
from websockets.asyncio.client import connect

from tests.hostile.conftest import HostileHub

pytestmark = pytest.mark.slow

ATTACKERS = 200
CALLS = 5
MAX_RSS_MB = 300


def peak_rss_mb(pid: int) -> float:
    """The most memory the process ever held (VmHWM), in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmHWM")


async def attacker(port: int, number: int, stop: asyncio.Event, answers: list[int]) -> None:
    """Wrong logins back to back from its own loopback address until `stop`."""
    source = f"127.0.{1 + number // 250}.{1 + number % 250}"
    async with httpx.AsyncClient(
        base_url=f"http://127.0.0.1:{port}/api/v1",
        timeout=30,
        transport=httpx.AsyncHTTPTransport(local_address=source),
    ) as http:
        while not stop.is_set():
            name = "clerk" if number % 2 else f"nobody-{uuid.uuid4().hex[:8]}"
            answer = await http.post("/sessions", json={"username": name, "password": "wrong"})
            answers.append(answer.status_code)


async def flood_while_calling(hub: HostileHub) -> tuple[list[int], list[str]]:
    """Flood the login; meanwhile a clerk calls CALLS tickets and a display must see each."""
    stop = asyncio.Event()
    answers: list[int] = []
    attackers = [
        asyncio.create_task(attacker(hub.port, k, stop, answers)) for k in range(ATTACKERS)
    ]
    headers = {"Authorization": f"Bearer {hub.tokens['display']}"}
    seen: list[str] = []
    try:
        while len(answers) < ATTACKERS:  # every attacker is under way
            await asyncio.sleep(0.05)
        url = f"ws://127.0.0.1:{hub.port}/api/v1/events?since=0"
        async with (
            connect(url, additional_headers=headers, open_timeout=30) as display,
            httpx.AsyncClient(
                base_url=f"{hub.base}/api/v1",
                headers={"Authorization": f"Bearer {hub.tokens['clerk']}"},
                timeout=30,
            ) as clerk,
        ):
            assert (await clerk.post("/counters/t01/open")).status_code == 200
            for _ in range(CALLS):
                body = {"service_id": "reception", "language": "de"}
                issued = await clerk.post(
                    "/tickets", json=body | {"idempotency_key": uuid.uuid4().hex}
                )
                ticket = issued.json()["ticket"]
                call = await clerk.post("/counters/t01/call", json={"ticket_id": ticket["id"]})
                assert call.status_code == 200, call.text
                while ticket["number"] not in seen:
                    frame = json.loads(await asyncio.wait_for(display.recv(), 10))
                    if frame["type"] == "public.call":
                        seen.append(frame["number"])
                for step in ("start", "finish"):
                    done = await clerk.post(f"/tickets/{ticket['id']}/{step}")
                    assert done.status_code == 200, done.text
    finally:
        stop.set()
        await asyncio.gather(*attackers, return_exceptions=True)
    return answers, seen


def test_a_login_flood_leaves_the_hub_small_and_working(hostile_hub: HostileHub) -> None:
    """200 concurrent wrong logins from 200 addresses: peak RSS under 300 MB, every call
    reaches the display within 10 s, the attackers get 401 or 429 (never 5xx)."""
    answers, seen = asyncio.run(flood_while_calling(hostile_hub))
    assert len(seen) == CALLS
    assert set(answers) <= {401, 429}, set(answers)
    assert answers.count(429) > 0
    assert peak_rss_mb(hostile_hub.process.pid) < MAX_RSS_MB
    hostile_hub.assert_healthy()
