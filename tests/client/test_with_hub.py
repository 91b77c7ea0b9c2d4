"""The client against the real hub (`server.app` over a SQLite file), restarted under it."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import pytest

from server.app import ServerOptions, create_app
from server.store import Store, create_engine_for, migrate
from shared.clock import FakeClock, SystemClock
from shared.config import parse_config
from shared.display_setup import DisplaySetup
from shared.domain import CounterState, DeviceRole, TicketOrigin, TicketStatus, UserRole
from shared.protocol import (
    AlarmInfo,
    CallReasonCode,
    CounterInfo,
    PublicCall,
    PublicClear,
    PublicSnapshot,
    Snapshot,
    TicketIssued,
)
from shared.qt.client import Backoff, ConnectionState
from shared.wire import (
    CalledTicket,
    Health,
    ImportAnswer,
    IssuedTicket,
    Overview,
    PolicyAnswer,
    SessionAnswer,
    TicketStatusAnswer,
)
from tests.client.sample import AT

SITE_TOML = """
[site]
id = "client-test"
name = "Testamt"
timezone = "Europe/Berlin"
languages = ["de", "en"]

[server]
zeroconf = false

[[services]]
id = "general"
letter = "A"
names = { de = "Allgemein", en = "General" }

[[counters]]
id = "c1"
name = "Schalter 1"
location = "Raum 1.12"
services = { general = 10 }
"""


class RealHub:
    """The real app over one SQLite file; `restart()` builds a fresh app on the same file."""

    def __init__(self, path, serve):
        self.config = parse_config(SITE_TOML)
        self.site = self.config.to_site()
        self.engine = create_engine_for(f"sqlite:///{path}")
        migrate(self.engine)
        self.store = Store(self.engine, self.site, SystemClock())
        self.kiosk_token = self.store.add_device("kiosk 1", DeviceRole.KIOSK)[1]
        self.store.add_user("clerk", "clerk password", UserRole.CLERK, "Clerk")
        self.clerk_token = self.store.login("clerk", "clerk password")[1]  # the staff stream
        self.thread = serve(self.app())

    def app(self):
        """A fresh app over the store, with short heartbeats."""
        options = ServerOptions(tickets_per_minute_per_kiosk=None, heartbeat_seconds=0.3)
        return create_app(
            self.store, site=self.site, config=self.config, clock=SystemClock(), options=options
        )

    def restart(self):
        """Serve a new app on the same port and database."""
        self.thread.app = self.app()
        self.thread.start()

    def issue_behind_the_back(self):
        """A ticket written straight into the database (no server running to push it)."""
        return self.store.issue_ticket(
            service_id="general", language="de", idempotency_key="offline", issuer_id="test"
        )


@pytest.fixture
def real_hub(tmp_path, serve):
    hub = RealHub(tmp_path / "hub.sqlite3", serve)
    yield hub
    hub.thread.stop()
    hub.engine.dispose()


def settle(qtbot, reply):
    qtbot.wait_until(lambda: reply.done, timeout=15000)
    assert reply.error is None, reply.error
    return reply.result


def test_issued_ticket_arrives_on_the_stream_and_survives_a_restart(qtbot, real_hub, make_client):
    client = make_client(
        real_hub.thread.url,
        token=real_hub.clerk_token,
        backoff=Backoff(0.05, 0.4),
        monotonic=FakeClock(AT).monotonic,  # standing still: only the restart drops the line
    )
    received = []
    client.event_received.connect(received.append)
    client.connect_events()
    qtbot.wait_until(lambda: any(isinstance(e, Snapshot) for e in received))

    answer = settle(qtbot, client.issue_ticket("general", "de", uuid.uuid4().hex))
    first_id = answer.ticket.id
    qtbot.wait_until(lambda: any(isinstance(e, TicketIssued) for e in received))
    assert received[-1].ticket == answer.ticket
    seen_before_restart = client.last_seq

    real_hub.thread.stop()
    qtbot.wait_until(lambda: client.state is not ConnectionState.CONNECTED)
    offline = real_hub.issue_behind_the_back()
    real_hub.restart()
    qtbot.wait_until(lambda: client.state is ConnectionState.CONNECTED, timeout=5000)
    answer = settle(qtbot, client.issue_ticket("general", "de", uuid.uuid4().hex))
    qtbot.wait_until(lambda: received[-1].ticket.id == answer.ticket.id, timeout=5000)

    issued = [e for e in received if isinstance(e, TicketIssued)]
    assert [e.ticket.id for e in issued] == [first_id, offline.ticket.id, answer.ticket.id]
    assert [e.seq for e in issued] == sorted({e.seq for e in issued})
    assert issued[1].seq > seen_before_restart
    assert sum(isinstance(e, Snapshot) for e in received) == 1, "resumed, not re-snapshotted"


def failure(qtbot, reply):
    qtbot.wait_until(lambda: reply.done, timeout=15000)
    assert reply.error is not None
    return reply.error


def test_a_clerk_works_through_the_real_api_and_a_display_sees_the_calls(
    qtbot, real_hub, make_client
):
    real_hub.store.add_user("mia", "correct horse battery", UserRole.CLERK, "Mia")
    wall_token = real_hub.store.add_device("wall", DeviceRole.DISPLAY)[1]
    url = real_hub.thread.url
    display = make_client(url, token=wall_token, heartbeat_interval=0.3)
    setup = settle(qtbot, display.display_setup())
    assert isinstance(setup, DisplaySetup)
    assert [c.name for c in setup.counters] == ["Schalter 1"]
    board = []
    display.event_received.connect(board.append)
    display.connect_events()
    qtbot.wait_until(lambda: any(isinstance(e, PublicSnapshot) for e in board), timeout=10000)

    kiosk = make_client(url, token=real_hub.kiosk_token)
    assert settle(qtbot, kiosk.health()) == Health(status="ok", site="client-test", api=1)
    assert [s.id for s in settle(qtbot, kiosk.site()).services] == ["general"]
    number = settle(qtbot, kiosk.issue_ticket("general", "en", "kiosk-1-0001")).ticket.number

    clerk = make_client(url, token="")
    assert failure(qtbot, clerk.queue()).status == 401
    session = settle(qtbot, clerk.login("mia", "correct horse battery"))
    assert clerk.token == session.token
    settle(qtbot, clerk.set_counter_state("c1", CounterState.OPEN))
    assert [t.number for t in settle(qtbot, clerk.queue()).tickets] == [number]
    called = settle(qtbot, clerk.call_next("c1")).ticket
    assert called.number == number
    qtbot.wait_until(lambda: any(isinstance(e, PublicCall) for e in board), timeout=10000)
    call = next(e for e in board if isinstance(e, PublicCall))
    assert (call.number, call.counter_name, call.location) == (number, "Schalter 1", "Raum 1.12")

    settle(qtbot, clerk.start(called.id))
    assert settle(qtbot, clerk.finish(called.id)).status is TicketStatus.DONE
    qtbot.wait_until(lambda: any(isinstance(e, PublicClear) for e in board), timeout=10000)
    error = failure(qtbot, clerk.finish(called.id))
    assert error.status == 409
    assert error.detail
    assert settle(qtbot, clerk.call_next("c1")) is None  # 204: nobody waits
    # The display never saw the staff-only events, but its heartbeats carried it to the end.
    qtbot.wait_until(lambda: display.last_seq == real_hub.store.last_seq(), timeout=10000)
    assert settle(qtbot, clerk.logout()) is None
    assert failure(qtbot, clerk.queue()).status == 401


def test_an_unknown_token_is_reported_and_retried_with_back_off(qtbot, real_hub, make_client):
    client = make_client(real_hub.thread.url, token="not-a-token")
    errors = []
    client.error_occurred.connect(errors.append)
    client.connect_events()
    qtbot.wait_until(lambda: len(errors) >= 2)
    assert client.state is not ConnectionState.CONNECTED
    assert client.last_seq == 0
    assert errors[0].startswith("the hub did not accept the token")


def test_a_counter_device_gets_the_staff_stream_once_its_clerk_logs_in(
    qtbot, real_hub, make_client
):
    real_hub.store.add_user("ben", "correct horse battery", UserRole.CLERK, "Ben")
    device_token = real_hub.store.add_device("counter pc 1", DeviceRole.COUNTER)[1]
    client = make_client(real_hub.thread.url, token=device_token, timeout=15)
    received = []
    client.event_received.connect(received.append)
    client.connect_events()
    qtbot.wait_until(lambda: any(isinstance(e, PublicSnapshot) for e in received), timeout=10000)
    settle(qtbot, client.login("ben", "correct horse battery"))
    qtbot.wait_until(lambda: any(isinstance(e, Snapshot) for e in received), timeout=10000)
    kiosk = make_client(real_hub.thread.url, token=real_hub.kiosk_token)
    ticket = settle(qtbot, kiosk.issue_ticket("general", "de", "kiosk-1-0002")).ticket
    qtbot.wait_until(lambda: any(isinstance(e, TicketIssued) for e in received), timeout=10000)
    assert received[-1].ticket.id == ticket.id


def test_every_action_answers_with_its_typed_model(qtbot, real_hub, make_client):
    real_hub.store.add_user("mia", "correct horse battery", UserRole.CLERK, "Mia")
    real_hub.store.add_user("sue", "correct horse battery", UserRole.SUPERVISOR, "Sue")
    url = real_hub.thread.url
    kiosk = make_client(url, token=real_hub.kiosk_token)
    clerk, boss = make_client(url, token=""), make_client(url, token="")
    session = settle(qtbot, clerk.login("mia", "correct horse battery"))
    assert session == SessionAnswer(token=clerk.token, role=UserRole.CLERK, username="mia")
    settle(qtbot, boss.login("sue", "correct horse battery"))
    soon = datetime.now(ZoneInfo("Europe/Berlin")) + timedelta(minutes=5)
    csv = f"number,service_id,scheduled_at,name\nT77,general,{soon:%Y-%m-%dT%H:%M},Erika\n"
    assert settle(qtbot, boss.import_appointments(csv)) == ImportAnswer(
        imported=1, skipped=0, errors=()
    )

    booked = settle(qtbot, kiosk.check_in("T77", "de", "checkin-T77-1"))
    assert isinstance(booked, IssuedTicket)
    assert booked.ticket.origin is TicketOrigin.APPOINTMENT
    walk_ins = [
        settle(qtbot, kiosk.issue_ticket("general", "en", f"kiosk-{n}-000")) for n in (1, 2)
    ]
    key = parse_qs(urlsplit(walk_ins[0].status_url).query)["key"][0]
    status = settle(qtbot, kiosk.ticket_status(walk_ins[0].ticket.id, key))
    assert status == TicketStatusAnswer(
        number=walk_ins[0].ticket.number,
        status=TicketStatus.WAITING,
        position=2,  # behind the checked-in appointment
        counter_name=None,
        service_name="General",
    )

    counter = settle(qtbot, clerk.set_counter_state("c1", CounterState.OPEN))
    assert isinstance(counter, CounterInfo)
    assert (counter.state, counter.clerk) == (CounterState.OPEN, "Mia")
    called = settle(qtbot, clerk.call_next("c1"))
    assert isinstance(called, CalledTicket)
    assert called.ticket.id == booked.ticket.id
    assert called.why is not None
    assert called.why.code is CallReasonCode.APPOINTMENT_DUE
    assert settle(qtbot, clerk.recall(booked.ticket.id)).recalls == 1
    parked = settle(qtbot, clerk.park(booked.ticket.id, "Foto holen"))
    assert (parked.status, parked.note) == (TicketStatus.PARKED, "Foto holen")
    again = settle(qtbot, clerk.call_ticket("c1", booked.ticket.id))
    assert again.ticket.status is TicketStatus.CALLED
    assert settle(qtbot, clerk.start(booked.ticket.id)).status is TicketStatus.SERVING
    assert settle(qtbot, clerk.finish(booked.ticket.id)).status is TicketStatus.DONE

    first = settle(qtbot, clerk.call_next("c1")).ticket
    back = settle(qtbot, clerk.transfer(first.id, service_id="general", note="zurück"))
    assert (back.status, back.note) == (TicketStatus.WAITING, "zurück")
    gone = settle(qtbot, clerk.call_next("c1")).ticket
    assert settle(qtbot, clerk.no_show(gone.id)).status is TicketStatus.NO_SHOW
    [left] = {w.ticket.id for w in walk_ins} - {gone.id}
    assert settle(qtbot, clerk.cancel(left)).status is TicketStatus.CANCELLED

    alarm = settle(qtbot, clerk.raise_alarm("c1"))
    assert isinstance(alarm, AlarmInfo)
    assert alarm.acknowledged_at is None
    assert settle(qtbot, boss.acknowledge_alarm(alarm.id)).acknowledged_at is not None
    snapshot = settle(qtbot, clerk.queue())
    assert isinstance(snapshot, Snapshot)
    assert [c.id for c in snapshot.counters] == ["c1"]
    assert settle(qtbot, clerk.policy()) == PolicyAnswer(
        appointment_window_minutes=15.0, ageing_per_minute=0.1, max_wait_minutes=60.0
    )
    overview = settle(qtbot, boss.overview())
    assert isinstance(overview, Overview)
    assert (overview.figures.tickets, overview.figures.done) == (3, 1)
    assert [d.role for d in overview.devices] == [DeviceRole.KIOSK]
    paused = settle(qtbot, clerk.set_counter_state("c1", CounterState.PAUSED))
    assert paused.state is CounterState.PAUSED
    closed = settle(qtbot, clerk.set_counter_state("c1", CounterState.CLOSED))
    assert (closed.state, closed.clerk) == (CounterState.CLOSED, None)
    assert settle(qtbot, clerk.logout()) is None


def test_a_step_sent_again_with_its_key_gets_the_first_answer(qtbot, real_hub, make_client):
    real_hub.store.add_user("mia", "correct horse battery", UserRole.CLERK, "Mia")
    url = real_hub.thread.url
    kiosk, clerk = make_client(url, token=real_hub.kiosk_token), make_client(url, token="")
    settle(qtbot, clerk.login("mia", "correct horse battery"))
    settle(qtbot, clerk.set_counter_state("c1", CounterState.OPEN, key="open-c1-click"))
    for n in (1, 2):
        settle(qtbot, kiosk.issue_ticket("general", "de", f"kiosk-key-{n}"))
    first = settle(qtbot, clerk.call_next("c1", key="next-click-1"))
    again = settle(qtbot, clerk.call_next("c1", key="next-click-1"))  # a retry of that click
    assert again == first  # the first answer: not a second ticket, not a refusal
    ticket = first.ticket
    arrived = settle(qtbot, clerk.start(ticket.id, at_counter="c1", key="start-click-1"))
    assert settle(qtbot, clerk.start(ticket.id, at_counter="c1", key="start-click-1")) == arrived
    refused = failure(qtbot, clerk.finish(ticket.id, at_counter="c2", key="finish-click-1"))
    assert (refused.status, refused.reason) == (409, "not_your_ticket")
    assert refused.step is not None
    assert (refused.step.ticket_number, refused.step.holder_id) == (ticket.number, "c1")
    reused = failure(qtbot, clerk.finish(ticket.id, key="start-click-1"))
    assert (reused.status, reused.reason) == (409, "idempotency_key_reused")
