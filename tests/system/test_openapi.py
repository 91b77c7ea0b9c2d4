"""Schemathesis over the running hub's /openapi.json: no 5xx, answers as documented."""

from __future__ import annotations

import csv
import io
import logging
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.generation.modes import GenerationMode

from server.store import Store, create_engine_for, migrate
from shared.clock import SystemClock
from shared.config import load_config
from shared.domain import CounterState, UserRole
from tests.system.conftest import PASSWORD, WALK_IN_SERVICES, HubProcess, site_file

log = logging.getLogger(__name__)
SEEDED_TICKETS = 40
APPOINTMENTS = tuple(f"T{number:03d}" for number in range(1, 11))
pytestmark = pytest.mark.slow

FUZZ = settings(
    max_examples=25,
    deadline=None,
    database=None,  # no .hypothesis/ in the work tree
    derandomize=True,  # the same requests on every run: a failure is reproducible
    suppress_health_check=list(HealthCheck),
)


CONFIG = schemathesis.config.SchemathesisConfig.from_dict(
    {
        "cache": {"enabled": False},  # no .schemathesis/ in the work tree
        "checks": {
            # A schema-valid request may still name a service, language or ticket that does
            # not exist, or a CSV without its header: the hub answers 400/404/409 (documented)
            # for input it refuses. Schema-valid input must never be a 422 or a 5xx.
            "positive_data_acceptance": {
                "expected-statuses": ["2xx", "400", "401", "403", "404", "409", "413", "429"]
            }
        },
    }
)


@dataclass(frozen=True)
class FuzzHub:
    """A running hub for the fuzzer, and a way to get fresh admin tokens."""

    base: str
    store: Store
    tickets: int
    """Tickets 1 … tickets exist (the fuzzer uses real ids half of the time)."""

    def admin_token(self) -> str:
        """A new admin session token."""
        return self.store.login("admin", PASSWORD)[1]


@pytest.fixture(scope="module")
def fuzz_hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FuzzHub]:
    """The example office (two extra counters) on a SQLite file, served by `aufruf server`."""
    tmp: Path = tmp_path_factory.mktemp("openapi")
    path = site_file(tmp, extra_counters=2)
    url = f"sqlite:///{tmp / 'hub.sqlite3'}"
    engine = create_engine_for(url)
    migrate(engine)
    store = Store(engine, load_config(path).to_site(), SystemClock())
    store.add_user("admin", PASSWORD, UserRole.ADMIN, "Admin")
    for number in range(SEEDED_TICKETS):
        service = WALK_IN_SERVICES[number % len(WALK_IN_SERVICES)]
        store.issue_ticket(
            service_id=service, language="de", idempotency_key=f"seed-{number}", issuer_id="seed"
        )
    services = sorted(store.site.services)
    rows = [
        (number, index, 9 * 60 + index, "Erika Mustermann")
        for index, number in enumerate(APPOINTMENTS)
    ]
    assert store.import_appointments(_csv(rows, services)).imported == len(APPOINTMENTS)
    for counter in ("t01", "t02"):
        store.set_counter_state(counter, CounterState.OPEN, "admin")
    hub = HubProcess(path, url)
    base = hub.start()
    yield FuzzHub(base, store, SEEDED_TICKETS)
    status = hub.stop()
    engine.dispose()
    assert status in (0, -15), hub.log()
    guessed = "server.keyguard: wrong ticket keys"  # the fuzzer sends random status keys
    assert [line for line in hub.problems() if guessed not in line] == []


@pytest.fixture(scope="module")
def api_schema(fuzz_hub: FuzzHub) -> Any:
    """The hub's own OpenAPI document, loaded over HTTP."""
    return schemathesis.openapi.from_url(f"{fuzz_hub.base}/openapi.json", config=CONFIG)


def _fuzz(
    api_schema: Any,
    hub: FuzzHub,
    subtests: pytest.Subtests,
    headers: Callable[[Any], dict[str, str]],
) -> dict[str, Counter[int]]:
    """Run every operation of the schema as a subtest; return the statuses per operation.

    (schemathesis' own pytest loader, `from_fixture`, does not work with pytest 9: it sets
    `Function._nodeid`, which pytest 9 no longer has.)
    """
    statuses: dict[str, Counter[int]] = {}
    for result in api_schema.get_all_operations():
        operation = result.ok()
        label = f"{operation.method.upper()} {operation.path}"
        seen = statuses.setdefault(label, Counter())

        with subtests.test(msg=label):
            _fuzzer(operation, hub, headers, seen)()
    log.info("statuses: %s", {label: dict(seen) for label, seen in statuses.items()})
    return statuses


def _fuzzer(
    operation: Any, hub: FuzzHub, headers: Callable[[Any], dict[str, str]], seen: Counter[int]
) -> Callable[[], None]:
    """A hypothesis test of one operation (schema-valid and invalid requests) that counts the
    statuses it got."""
    cases = st.one_of(
        operation.as_strategy(GenerationMode.POSITIVE),
        operation.as_strategy(GenerationMode.NEGATIVE),
    )

    @given(case=cases, data=st.data())
    @FUZZ
    def run(case: Any, data: st.DataObject) -> None:
        if case.meta.generation.mode.is_positive and data.draw(st.booleans()):
            _use_real_ids(case, data, hub)
        response = case.call_and_validate(base_url=hub.base, headers=headers(case))
        seen[response.status_code] += 1

    return run


def _use_real_ids(case: Any, data: st.DataObject, hub: FuzzHub) -> None:
    """Replace generated ids by ones that exist (still schema-valid), so the fuzzer gets past
    404 and 400 "unknown service" into the handlers' real work."""
    site = hub.store.site
    path = case.path_parameters or {}
    if "counter_id" in path:
        path["counter_id"] = data.draw(st.sampled_from(sorted(site.counters)))
    if "ticket_id" in path:
        path["ticket_id"] = data.draw(st.integers(1, hub.tickets))
    if isinstance(case.body, dict):
        if "service_id" in case.body:
            case.body["service_id"] = data.draw(st.sampled_from(sorted(site.services)))
        if "counter_id" in case.body and case.body["counter_id"] is not None:
            case.body["counter_id"] = data.draw(st.sampled_from(sorted(site.counters)))
        if "language" in case.body:
            case.body["language"] = data.draw(st.sampled_from(site.languages))
        if "ticket_id" in case.body:
            case.body["ticket_id"] = data.draw(st.integers(1, hub.tickets))
        if "appointment_number" in case.body:
            case.body["appointment_number"] = data.draw(st.sampled_from(APPOINTMENTS))
    if case.media_type == "text/csv":
        case.body = _csv(data.draw(_ROWS), sorted(site.services))


_ROWS = st.lists(
    st.tuples(
        st.text("ABCXYZ0123456789-", min_size=1, max_size=12),
        st.integers(0, 100),
        st.integers(7 * 60, 18 * 60),
        st.text(max_size=40),
    ),
    max_size=5,
)


def _csv(rows: list[tuple[str, int, int, str]], services: list[str]) -> str:
    """An appointments CSV for today: rows of (number, service index, minute of day, name)."""
    today = datetime.now(UTC).date().isoformat()
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["number", "service_id", "scheduled_at", "name"])
    for number, service, minute, name in rows:
        when = f"{today}T{minute // 60:02d}:{minute % 60:02d}"
        writer.writerow([number, services[service % len(services)], when, name])
    return out.getvalue()


def test_every_operation_as_admin(
    api_schema: Any, fuzz_hub: FuzzHub, subtests: pytest.Subtests
) -> None:
    shared = fuzz_hub.admin_token()

    def headers(case: Any) -> dict[str, str]:
        token = shared
        if case.method == "DELETE" and case.path.endswith("/sessions/current"):
            token = fuzz_hub.admin_token()  # logging out must not end the shared session
        return {"Authorization": f"Bearer {token}"}

    statuses = _fuzz(api_schema, fuzz_hub, subtests, headers)
    assert len(statuses) >= 20
    assert statuses["GET /api/v1/queue"][200] > 0  # the token works: the fuzzer got in
    assert statuses["GET /api/v1/site"][200] > 0


def test_every_operation_without_a_token(
    api_schema: Any, fuzz_hub: FuzzHub, subtests: pytest.Subtests
) -> None:
    statuses = _fuzz(api_schema, fuzz_hub, subtests, lambda _: {})
    assert len(statuses) >= 20
    assert set(statuses["GET /api/v1/queue"]) == {401}
    assert statuses["GET /api/v1/health"][200] > 0
