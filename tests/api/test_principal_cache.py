"""The principal cache: a verified token skips the database for seconds, never past a revoke."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from server.db.engine import read_engine
from server.db.trust import PrincipalCache
from server.store import Store
from shared.clock import FakeClock, SystemClock

if TYPE_CHECKING:
    from tests.api.conftest import Hub


def _device_id(hub: Hub, role: str) -> str:
    return next(d.id for d in hub.store.list_devices() if d.role.value == role)


def test_a_verified_token_is_cached_and_an_unknown_one_is_not(hub: Hub) -> None:
    assert hub.http.get("/queue", headers=hub.auth("clerk")).status_code == 200
    cached = hub.store.principals.get(hub.tokens["clerk"])
    assert cached is not None
    assert cached.id == "clerk"
    bad = {"Authorization": "Bearer not-a-token"}
    assert hub.http.get("/queue", headers=bad).status_code == 401
    assert hub.store.principals.get("not-a-token") is None


def test_a_logged_out_session_is_refused_at_once(hub: Hub) -> None:
    headers = hub.auth("clerk")
    assert hub.http.get("/queue", headers=headers).status_code == 200
    assert hub.store.principals.get(hub.tokens["clerk"]) is not None
    assert hub.http.delete("/sessions/current", headers=headers).status_code == 204
    assert hub.http.get("/queue", headers=headers).status_code == 401
    assert hub.http.post("/counters/c1/call-next", headers=headers).status_code == 401


def test_a_revoked_device_is_refused_at_once(hub: Hub) -> None:
    headers = hub.auth("kiosk")
    assert hub.http.get("/site", headers=headers).status_code == 200
    assert hub.store.principals.get(hub.tokens["kiosk"]) is not None
    hub.store.revoke_device(_device_id(hub, "kiosk"))
    assert hub.store.principals.get(hub.tokens["kiosk"]) is None
    assert hub.http.get("/site", headers=headers).status_code == 401


class _ForgetDuringRead:
    """A clock that empties the cache while a check is reading (a revoke committing then)."""

    def __init__(self) -> None:
        self.cache: PrincipalCache | None = None

    def now(self) -> datetime:
        """Empty the cache (once), then the time."""
        if self.cache is not None:
            self.cache.forget_all()
            self.cache = None
        return datetime.now(UTC)


def test_a_check_in_flight_during_a_revoke_is_not_remembered(hub: Hub) -> None:
    token = hub.tokens["display"]
    clock = _ForgetDuringRead()
    cache = PrincipalCache(read_engine(hub.engine), clock)
    clock.cache = cache
    assert cache.verify(token) is not None  # the read saw a valid token ...
    assert cache.get(token) is None  # ... but a forget_all came meanwhile: not kept
    assert cache.verify(token) is not None
    assert cache.get(token) is not None  # a quiet check is kept


def test_a_revoke_by_another_process_takes_effect_within_the_ttl(hub: Hub) -> None:
    token = hub.tokens["counter"]
    clock = FakeClock(datetime.now(UTC))
    cache = PrincipalCache(read_engine(hub.engine), clock, ttl=5.0)
    assert cache.verify(token) is not None
    other = Store(hub.engine, hub.store.site, SystemClock())  # e.g. `aufruf device revoke`
    other.revoke_device(_device_id(hub, "counter"))
    clock.advance(4.9)
    assert cache.verify(token) is not None  # still cached: at most `ttl` seconds
    clock.advance(0.1)
    assert cache.verify(token) is None
