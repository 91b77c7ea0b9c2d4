"""Office alerts on real counter windows against a real hub: a kiosk offline, an emergency, a
printer out of paper, each shown (and sounded) once until resolved, also across a hub restart
and a reconnect that brings a snapshot. The hub runs on a `FakeClock`: moving it stands in for
the 30 s a kiosk may go without contact."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from pytestqt.exceptions import TimeoutError as QtTimeoutError
from websockets.sync.client import connect

from counter.state import Alert, AlertKind
from server.app import ServerOptions, create_app
from server.serve import ServerThread
from shared.clock import FakeClock
from tests.api.conftest import start_hub
from tests.counter.conftest import QT_NOISE, start_app

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from tests.api.conftest import Hub, Template

pytestmark = pytest.mark.qt_log_ignore(QT_NOISE)
OPTIONS = ServerOptions(
    tickets_per_minute_per_kiosk=600, heartbeat_seconds=0.3, device_check_seconds=0.05
)
OFFLINE = "Kiosk offline: test kiosk"


@pytest.fixture
def clock() -> FakeClock:
    """The hub's clock."""
    return FakeClock(datetime.now(UTC))


@pytest.fixture
def hub(tmp_path: Path, template: Template, clock: FakeClock) -> Iterator[Hub]:
    """A hub on the fake clock that checks its devices every 50 ms."""
    running = start_hub(tmp_path, template, OPTIONS, clock=clock)
    yield running
    running.stop()


def _restart(qtbot: QtBot, hub: Hub, clock: FakeClock, apps: list[Any]) -> None:
    """Stop the hub, wait until the apps lost it, start a new one on the same port and file."""
    hub.thread.stop()
    for app in apps:
        qtbot.waitUntil(lambda a=app: not a.model.view_state().connected, timeout=10000)
    site = hub.config.to_site()
    fresh = create_app(hub.store, site=site, config=hub.config, clock=clock, options=OPTIONS)
    hub.thread = ServerThread(fresh, port=hub.port)
    hub.thread.start()
    for app in apps:
        qtbot.waitUntil(lambda a=app: a.model.view_state().connected, timeout=15000)


def _until(qtbot: QtBot, clock: FakeClock, done: Callable[[], bool]) -> None:
    """Move the hub's clock on by 31 s until `done` (a stream's close reaches the hub a moment
    after the client closed; each step is a whole alert delay after any such moment)."""
    for _ in range(20):
        clock.advance(31)
        try:
            qtbot.waitUntil(done, timeout=500)
        except QtTimeoutError:
            continue
        return
    raise AssertionError("the alert did not come")


def _lines(app: Any) -> list[str]:
    desk = app.window.desk
    return [desk.alerts.item(i).text() for i in range(desk.alerts.count())]


def _contact(overview: Any, device: str) -> str:
    """The supervisor view's "last contact" of a device."""
    table = overview.devices
    rows = [r for r in range(table.rowCount()) if table.item(r, 0).text() == device]
    return str(table.item(rows[0], 2).text()) if rows else ""


def _heard(app: Any) -> list[Alert]:
    heard: list[Alert] = []
    app.model.alert_raised.connect(heard.append)
    return heard


def test_a_kiosk_offline_is_shown_once_on_every_counter_and_the_overview_until_it_is_back(
    qtbot: QtBot, hub: Hub, clock: FakeClock, tmp_path: Path
) -> None:
    clerk = start_app(qtbot, hub.base, tmp_path, name="clerk")
    boss = start_app(qtbot, hub.base, tmp_path, user="supervisor", counter="c2", name="boss")
    heard = {"clerk": _heard(clerk), "boss": _heard(boss)}
    boss.window.show_supervisor()
    overview = boss.window.supervisor
    with hub.client("kiosk") as kiosk:
        assert kiosk.put("/devices/current/status", json={"printer": "ok"}).is_success
    clock.advance(31)  # the kiosk has reported, then nothing: no stream, no request
    for app in (clerk, boss):
        qtbot.waitUntil(lambda a=app: _lines(a) == [OFFLINE], timeout=5000)
    qtbot.waitUntil(lambda: overview.alerts.count() == 1)
    assert overview.alerts.item(0).text() == OFFLINE
    assert overview.alerts.isVisible()
    qtbot.waitUntil(lambda: _contact(overview, "test kiosk").endswith("– keine Verbindung"))
    assert not _contact(overview, "test display").endswith("keine Verbindung")
    assert [a.kind for a in heard["clerk"]] == [AlertKind.KIOSK]
    assert [a.kind for a in heard["boss"]] == [AlertKind.KIOSK]

    _restart(qtbot, hub, clock, [clerk, boss])  # the new hub takes the alert over
    hub.issue("general", role="clerk")  # a live event after the reconnect (not the kiosk)
    for app in (clerk, boss):
        qtbot.waitUntil(lambda a=app: a.model.view_state().office_queue.total == 1)
        assert _lines(app) == [OFFLINE]
    assert [len(h) for h in heard.values()] == [1, 1]  # not announced again

    with connect(hub.ws_url(), additional_headers=hub.auth("kiosk"), open_timeout=5):
        for app in (clerk, boss):
            qtbot.waitUntil(lambda a=app: _lines(a) == [], timeout=5000)
        qtbot.waitUntil(lambda: overview.alerts.count() == 0)
        assert not overview.alerts.isVisible()
        assert not _contact(overview, "test kiosk").endswith("keine Verbindung")
        assert not clerk.window.desk.alerts.isVisible()
    _until(qtbot, clock, lambda: _lines(clerk) == [OFFLINE])  # gone again: a new alert
    qtbot.waitUntil(lambda: _lines(boss) == [OFFLINE])
    assert [[a.kind for a in h] for h in heard.values()] == [[AlertKind.KIOSK] * 2] * 2
    boss.window.supervisor.grab().save(str(tmp_path / "overview.png"))
    clerk.stop()
    boss.stop()


def test_an_emergency_and_a_printer_out_of_paper_are_shown_once_until_resolved(
    qtbot: QtBot, hub: Hub, clock: FakeClock, tmp_path: Path
) -> None:
    app = start_app(qtbot, hub.base, tmp_path)
    heard = _heard(app)
    emergency = hub.issue("urgent", role="clerk", emergency=True)["ticket"]["number"]
    with hub.client("kiosk") as kiosk:
        assert kiosk.put("/devices/current/status", json={"printer": "paper_out"}).is_success
        wanted = [f"Notfall {emergency} wartet (Notfall).", "test kiosk: Drucker – Papier leer."]
        qtbot.waitUntil(lambda: sorted(_lines(app)) == sorted(wanted))
        assert sorted(a.kind for a in heard) == [AlertKind.EMERGENCY, AlertKind.PRINTER]

        hub.thread.stop()  # while the hub is away, a ticket comes and the log is pruned:
        qtbot.waitUntil(lambda: not app.model.view_state().connected, timeout=10000)
        hub.store.issue_ticket(
            service_id="general", language="de", idempotency_key="while-away", issuer_id="t"
        )
        assert hub.store.prune_events(clock.now() + timedelta(seconds=1)) > 0
        site = hub.config.to_site()
        fresh = create_app(hub.store, site=site, config=hub.config, clock=clock, options=OPTIONS)
        hub.thread = ServerThread(fresh, port=hub.port)
        hub.thread.start()  # … so the app's resume gets a snapshot
        qtbot.waitUntil(lambda: app.model.view_state().office_queue.total == 2, timeout=15000)
        assert sorted(_lines(app)) == sorted(wanted)
        assert len(heard) == 2  # the snapshot repeated nothing

        assert kiosk.put("/devices/current/status", json={"printer": "ok"}).is_success
        qtbot.waitUntil(lambda: _lines(app) == [wanted[0]])
        app.model.call_next()
        qtbot.waitUntil(lambda: _lines(app) == [])
        assert not app.window.desk.alerts.isVisible()
        assert kiosk.put("/devices/current/status", json={"printer": "paper_out"}).is_success
        qtbot.waitUntil(lambda: _lines(app) == [wanted[1]])
    assert [a.kind for a in heard][2:] == [AlertKind.PRINTER]  # out again: told again
    app.stop()
