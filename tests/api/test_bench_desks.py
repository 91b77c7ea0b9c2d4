"""The benchmarks' desks send each step as the counter app does: an ``Idempotency-Key`` each."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import httpx
from sqlalchemy import select

from server.db.models import StepKeyRow
from tests.api.conftest import Hub

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from latency_clients import RawDesk, desk, raw_desk


def step_keys(hub: Hub) -> list[str]:
    """The keys the hub kept, oldest first."""
    with hub.engine.connect() as db:
        return list(db.scalars(select(StepKeyRow.key).order_by(StepKeyRow.id)))


def test_both_desks_send_a_key_per_step(hub: Hub) -> None:
    with hub.client("clerk") as clerk:
        assert clerk.post("/counters/c1/open").status_code == 200
    first, second = hub.issue()["ticket"]["number"], hub.issue()["ticket"]["number"]
    token = hub.tokens["clerk"]

    async def both() -> list[str]:
        raw = RawDesk("127.0.0.1", hub.port, "/api/v1", token)
        try:
            [(called, _, _)] = await raw_desk(raw, "c1", 1, 0.0)
        finally:
            await raw.close()
        async with httpx.AsyncClient(base_url=f"{hub.base}/api/v1", timeout=10) as client:
            [(then, _, _)] = await desk(client, "c1", token, 1, 0.0)
        return [called, then]

    assert asyncio.run(both()) == [first, second]
    keys = step_keys(hub)
    assert len(keys) == 6  # call-next, start and finish, by each desk
    assert len(set(keys)) == 6
