"""A kiosk that issues too fast gets 429 with Retry-After; clerks are not limited; idle
buckets are forgotten."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from server.app import ServerOptions
from server.ratelimit import RateLimiter

if TYPE_CHECKING:
    from tests.api.conftest import Template


@pytest.mark.expect_log("server", "issuing too fast")
def test_kiosk_rate_limit(tmp_path: Path, template: Template) -> None:
    from tests.api.conftest import start_hub  # noqa: PLC0415

    hub = start_hub(tmp_path, template, ServerOptions(tickets_per_minute_per_kiosk=3))
    try:
        codes = []
        for _ in range(4):
            body = {"service_id": "general", "language": "de", "idempotency_key": uuid.uuid4().hex}
            answer = hub.http.post("/tickets", json=body, headers=hub.auth("kiosk"))
            codes.append(answer.status_code)
        assert codes == [200, 200, 200, 429]
        assert 1 <= int(answer.headers["Retry-After"]) <= 20
        assert "too many" in answer.json()["detail"]
        for _ in range(5):
            hub.issue(role="clerk")
    finally:
        hub.stop()


def test_idle_buckets_are_forgotten_so_many_callers_take_bounded_memory() -> None:
    now = [0.0]
    limiter = RateLimiter(20, monotonic=lambda: now[0])  # burst 20: full again after 60 s
    sizes = []
    for second in range(600):  # ten minutes, 50 new addresses a second: 30,000 in all
        now[0] = float(second)
        for k in range(50):
            limiter.take(f"10.{second // 250}.{second % 250}.{k}")
        sizes.append(len(limiter))
    assert max(sizes) <= 50 * 61  # only the callers of the last refill period
    assert sizes[-1] == sizes[300]  # flat, not growing with every address that ever asked


def test_a_forgotten_bucket_was_full_anyway() -> None:
    now = [0.0]
    limiter = RateLimiter(6, monotonic=lambda: now[0])  # one token per 10 s, burst 6
    assert [limiter.take("k1") for _ in range(7)][-1] == 10.0  # empty
    now[0] = 59.0
    limiter.take("k2")
    assert len(limiter) == 2  # k1 is not full yet: kept, still limited
    assert [limiter.take("k1") for _ in range(5)] == [0.0] * 5  # 5.9 tokens refilled
    assert limiter.take("k1") == pytest.approx(1.0)  # 0.9 left: the limit still holds
    now[0] = 200.0
    limiter.take("k3")
    assert len(limiter) == 1  # k1 and k2 idle for a whole refill period: gone
    assert [limiter.take("k1") for _ in range(6)] == [0.0] * 6  # as a new caller: full


def test_a_flood_within_one_period_is_capped() -> None:
    limiter = RateLimiter(20, monotonic=lambda: 0.0, max_keys=1000)
    for k in range(5000):
        limiter.take(f"addr{k}")
    assert len(limiter) == 1000
    limiter.take("addr4999")
    assert len(limiter) == 1000
