"""The kiosk's calls through `QtHubClient` against the real hub: refusals, quotas, status."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

import pytest

from server.app import ServerOptions, create_app
from server.store import Store, create_engine_for, migrate
from shared.clock import FakeClock
from shared.config import parse_config
from shared.devices import PrinterStatus
from shared.domain import DeviceRole, UserRole
from shared.protocol import DeviceStatusChanged, Snapshot
from shared.refusal import Refusal, Remedy

SITE_TOML = """
[site]
id = "kiosk-client-test"
name = "Testamt"
timezone = "Europe/Berlin"

[server]
zeroconf = false

[[services]]
id = "general"
letter = "A"
names = { de = "Allgemein", en = "General" }
daily_cap = 1

[[services]]
id = "passport"
letter = "P"
names = { de = "Pass", en = "Passport" }

[[counters]]
id = "c1"
name = "Schalter 1"
services = { general = 1, passport = 1 }
"""
NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)  # 09:00 in Berlin
CSV = (
    "number,service_id,scheduled_at,name\n"
    "Q-1,passport,2026-11-23T09:30,Ada Secret\n"
    "Q-2,passport,2026-11-23T12:00,Bo Secret\n"
)


@pytest.fixture
def hub(tmp_path, serve):
    config = parse_config(SITE_TOML)
    site = config.to_site()
    engine = create_engine_for(f"sqlite:///{tmp_path / 'hub.sqlite3'}")
    migrate(engine)
    clock = FakeClock(NOW)
    store = Store(engine, site, clock)
    store.import_appointments(CSV)
    store.add_user("mia", "correct horse battery", UserRole.CLERK, "Mia")
    tokens = {
        "kiosk": store.add_device("Kiosk Eingang", DeviceRole.KIOSK)[1],
        "clerk": store.login("mia", "correct horse battery")[1],
    }
    options = ServerOptions(tickets_per_minute_per_kiosk=None, heartbeat_seconds=0.3)
    thread = serve(create_app(store, site=site, config=config, clock=clock, options=options))
    yield thread.url, tokens
    thread.stop()
    engine.dispose()


def settle(qtbot, reply):
    qtbot.wait_until(lambda: reply.done, timeout=15000)
    assert reply.error is None, reply.error
    return reply.result


def failure(qtbot, reply):
    qtbot.wait_until(lambda: reply.done, timeout=15000)
    assert reply.error is not None
    return reply.error


def test_check_in_and_its_refusals_carry_reasons(qtbot, hub, make_client):
    url, tokens = hub
    kiosk = make_client(url, token=tokens["kiosk"])
    answer = settle(qtbot, kiosk.check_in("Q-1", "de", uuid.uuid4().hex))
    assert answer.ticket.service_id == "passport"
    assert answer.booked_at == datetime(2026, 11, 23, 8, 30, tzinfo=UTC)

    again = failure(qtbot, kiosk.check_in("Q-1", "de", uuid.uuid4().hex))
    assert (again.status, again.refusal) == (409, Refusal.ALREADY_CHECKED_IN)
    assert again.reason == "already_checked_in"
    assert again.refused.remedy is Remedy.USE_EARLIER_TICKET
    assert again.refused.ticket_number == answer.ticket.number

    early = failure(qtbot, kiosk.check_in("Q-2", "de", uuid.uuid4().hex))
    assert early.refusal is Refusal.TOO_EARLY
    assert early.refused.checkin_from == datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
    assert "check-in opens" in early.detail

    unknown = failure(qtbot, kiosk.check_in("Q-3", "de", uuid.uuid4().hex))
    assert (unknown.status, unknown.refusal) == (404, Refusal.UNKNOWN)
    assert "Secret" not in str(unknown)


def test_other_errors_carry_no_reason(qtbot, hub, make_client):
    url, tokens = hub
    kiosk = make_client(url, token=tokens["kiosk"])
    error = failure(qtbot, kiosk.issue_ticket("nope", "de", uuid.uuid4().hex))
    assert (error.status, error.refusal, error.refused, error.reason) == (400, None, None, "")
    stranger = make_client(url, token="not-a-token")
    refused = failure(qtbot, stranger.walk_ins())
    assert (refused.status, refused.refused) == (401, None)
    assert refused.reason == "unknown_token"  # a 401's reason is kept, not taken for a refusal


def test_walk_in_offer_and_quota_used_up(qtbot, hub, make_client):
    url, tokens = hub
    kiosk = make_client(url, token=tokens["kiosk"])
    offer = settle(qtbot, kiosk.walk_ins())
    assert offer.day == date(2026, 11, 23)
    assert [(s.service_id, s.remaining) for s in offer.services] == [
        ("general", 1),
        ("passport", None),
    ]
    settle(qtbot, kiosk.issue_ticket("general", "de", uuid.uuid4().hex))
    assert settle(qtbot, kiosk.walk_ins()).services[0].used_up is True
    full = failure(qtbot, kiosk.issue_ticket("general", "de", uuid.uuid4().hex))
    assert (full.status, full.refusal) == (409, Refusal.QUOTA_USED_UP)
    assert (full.refused.daily_cap, full.refused.service_id) == (1, "general")
    assert full.refused.remedy is Remedy.GO_TO_RECEPTION


def test_a_printer_report_reaches_the_clerks_stream(qtbot, hub, make_client):
    url, tokens = hub
    still = FakeClock(datetime(2026, 11, 23, tzinfo=UTC))  # the stream's deadline never passes
    clerk = make_client(url, token=tokens["clerk"], monotonic=still.monotonic)
    seen = []
    clerk.event_received.connect(seen.append)
    clerk.connect_events()
    qtbot.wait_until(lambda: any(isinstance(e, Snapshot) for e in seen), timeout=10000)
    kiosk = make_client(url, token=tokens["kiosk"])
    kept = settle(qtbot, kiosk.report_status(PrinterStatus.PAPER_OUT))
    assert (kept.name, kept.printer) == ("Kiosk Eingang", PrinterStatus.PAPER_OUT)
    qtbot.wait_until(lambda: any(isinstance(e, DeviceStatusChanged) for e in seen), timeout=10000)
    event = next(e for e in seen if isinstance(e, DeviceStatusChanged))
    assert (event.device.name, event.device.printer) == ("Kiosk Eingang", PrinterStatus.PAPER_OUT)
