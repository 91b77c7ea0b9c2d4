"""Screenshots of the counter app in German against a real hub (the example office).

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/counter_screenshots.py [OUT_DIR]
Writes docs/screenshots/counter-{idle,ticket,refused,compact,alerts,alarm,supervisor,devices}.png.
"""

from __future__ import annotations

import sys
import tempfile
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
from PySide6.QtCore import QDeadlineTimer, QSettings, QSize
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import Engine
from websockets.sync.client import ClientConnection, connect

from counter.desk_devices import DeviceKind, Health
from counter.qt.app import CounterApp, CounterOptions
from counter.qt.devices import QtDeskDevices
from counter.qt.devices_view import QtDevicesView
from counter.state import Phase
from hardware.emulator.serial_devices import SignEmulator
from hardware.escpos.printer import EscposPrinter
from hardware.serialport import SerialSettings
from hardware.sign import CounterSign
from server.app import ServerOptions, create_app
from server.serve import ServerThread
from server.store import Store, create_engine_for, migrate
from shared.clock import FakeClock, SystemClock
from shared.config import load_config
from shared.config.printer import NetworkPrinter, PrinterTransport
from shared.domain import DeviceRole, UserRole

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "screenshot password"


def wait_until(done: Callable[[], bool], seconds: float = 10.0) -> None:
    """Run the event loop until `done()` (or fail after `seconds`)."""
    deadline = QDeadlineTimer(int(seconds * 1000))
    while not done():
        if deadline.hasExpired():
            raise TimeoutError("the screen did not reach the expected state")
        QTest.qWait(20)


def shoot(widget: QWidget, path: Path) -> None:
    """Save what the widget shows."""
    QTest.qWait(50)
    widget.grab().save(str(path))
    print(path)


def counter_app(url: str, folder: Path, user: str, counter: str) -> CounterApp:
    """A counter app logged in at a counter."""
    settings = QSettings(str(folder / f"{user}.ini"), QSettings.Format.IniFormat)
    app = CounterApp(CounterOptions(server_url=url), settings, SystemClock())
    app.start()
    app.window.resize(QSize(1280, 800))
    app.model.login(user, PASSWORD)
    wait_until(lambda: app.model.view_state().phase is Phase.CHOOSE_COUNTER)
    app.model.choose_counter(counter)
    wait_until(lambda: app.model.view_state().connected)
    wait_until(lambda: app.model.view_state().counter_state.value == "open")
    return app


@dataclass
class Office:
    """The example office served by a real hub, with two kiosks, a display and two users."""

    url: str
    thread: ServerThread
    engine: Engine
    display: ClientConnection
    kiosk: ClientConnection
    upstairs: str
    """The token of a second kiosk, not in the site file: watched once it reports."""


def serve_office(folder: Path) -> Office:
    """Serve the example office; seven tickets issued over the last 48 minutes."""
    config = load_config(ROOT / "examples/office.toml")
    site = config.to_site()
    engine = create_engine_for(f"sqlite:///{folder / 'hub.sqlite3'}")
    migrate(engine)
    store = Store(engine, site, SystemClock())
    kiosk, kiosk_token = store.add_device("Kiosk Eingang", DeviceRole.KIOSK)
    upstairs = store.add_device("Kiosk Obergeschoss", DeviceRole.KIOSK)[1]
    _, display_token = store.add_device("Anzeige Wartebereich EG", DeviceRole.DISPLAY)
    store.add_user("mueller", PASSWORD, UserRole.CLERK, "A. Müller")
    store.add_user("yilmaz", PASSWORD, UserRole.SUPERVISOR, "S. Yılmaz")
    # A kiosk out of contact for 3 s is an office alert (30 s in an office).
    options = ServerOptions(tickets_per_minute_per_kiosk=None, device_alert_seconds=3)
    thread = ServerThread(
        create_app(store, site=site, config=config, clock=SystemClock(), options=options)
    )
    url = f"http://127.0.0.1:{thread.start()}"
    morning = FakeClock(datetime.now(UTC))
    earlier = Store(engine, site, morning)
    for service, language, minutes in TICKETS:
        morning.set(datetime.now(UTC) - timedelta(minutes=48 - minutes))
        earlier.issue_ticket(
            service_id=service,
            language=language,
            idempotency_key=uuid.uuid4().hex,
            issuer_id=kiosk.id,
        )
    events = f"ws://{url.removeprefix('http://')}/api/v1/events"
    entrance = connect(events, additional_headers=_bearer(kiosk_token), legacy=True)
    with httpx.Client(base_url=f"{url}/api/v1", headers=_bearer(kiosk_token)) as http:
        http.put("/devices/current/status", json={"printer": "paper_near_end"})
    display = connect(events, additional_headers=_bearer(display_token), legacy=True)
    return Office(url, thread, engine, display, entrance, upstairs)


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


TICKETS = [
    ("residence_extension", "ar", 0),
    ("settlement_permit", "de", 6),
    ("residence_extension", "uk", 9),
    ("settlement_permit", "tr", 17),
    ("residence_extension", "fa", 25),
    ("eat_pickup", "de", 30),
    ("residence_extension", "ru", 41),
]
"""Service, language, minute of the morning it was issued (of the last 48)."""


def shoot_devices(path: Path) -> None:
    """The devices view: the sign is ready on a pty picked on this PC (over the site's), the
    printer's address answers nobody."""
    with SignEmulator() as site_sign, SignEmulator() as sign:
        dead = NetworkPrinter(transport=PrinterTransport.NETWORK, host="127.0.0.1", port=9)
        devices = QtDeskDevices(
            CounterSign(SerialSettings(site_sign.port), "3"), EscposPrinter(dead), check_ms=500
        )
        devices.apply_local({DeviceKind.SIGN: sign.port})
        devices.start()
        view = QtDevicesView(devices)
        view.resize(QSize(820, 380))
        view.show()
        wait_until(lambda: devices.reports[DeviceKind.SIGN].health is Health.READY)
        wait_until(lambda: devices.reports[DeviceKind.PRINTER].health is Health.UNREACHABLE)
        shoot(view, path)
        view.close()
        devices.stop()


def main(out: Path) -> None:
    """Drive two counter apps through the scenes and save each."""
    qt = QApplication.instance() or QApplication([])
    assert qt is not None
    out.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="counter-shots-"))
    office = serve_office(folder)
    url = office.url
    clerk = counter_app(url, folder, "mueller", "s03")
    boss = counter_app(url, folder, "yilmaz", "s04")
    wait_until(lambda: clerk.model.view_state().waiting.total >= 5)
    shoot(clerk.window, out / "counter-idle.png")

    # A stale click: the supervisor at Schalter 4 calls A002 by hand, and a moment later the
    # clerk calls it from the list. The hub refuses with its reason and facts (in German here);
    # the list is reloaded and shows the true state.
    taken = next(t for t in clerk.model.queue.tickets.values() if t.number == "A002")
    boss.model.call_ticket(taken.id)
    wait_until(lambda: boss.model.view_state().current is not None)
    clerk.model.call_ticket(taken.id)
    wait_until(lambda: clerk.model.view_state().error)
    wait_until(
        lambda: all(t.number != "A002" for t in clerk.model.view_state().waiting.next_tickets)
    )
    shoot(clerk.window, out / "counter-refused.png")
    clerk.model.dismiss_message()

    clerk.model.call_next()
    wait_until(lambda: clerk.model.view_state().current is not None)
    wait_until(lambda: not clerk.model.view_state().busy)
    shoot(clerk.window, out / "counter-ticket.png")

    clerk.window.compact.show()
    clerk.window.compact.resize(QSize(560, 56))
    wait_until(lambda: clerk.window.compact.number.text() != "—")
    shoot(clerk.window.compact, out / "counter-compact.png")
    clerk.window.compact.hide()

    # The kiosk upstairs reports once, then is switched off: no stream, no request.
    with httpx.Client(base_url=f"{url}/api/v1", headers=_bearer(office.upstairs)) as http:
        http.put("/devices/current/status", json={"printer": "ok"})
    wait_until(lambda: len(clerk.model.view_state().alerts) == 2)
    shoot(clerk.window, out / "counter-alerts.png")

    clerk.model.raise_alarm()
    wait_until(lambda: any(a.alarm_id for a in boss.model.view_state().alerts))
    shoot(boss.window, out / "counter-alarm.png")

    boss.window.show_supervisor()
    boss.window.supervisor.resize(QSize(1100, 760))
    wait_until(lambda: boss.model.view_state().overview is not None)
    shoot(boss.window.supervisor, out / "counter-supervisor.png")

    shoot_devices(out / "counter-devices.png")
    office.display.close()
    office.kiosk.close()
    for app in (clerk, boss):
        app.stop()
    office.thread.stop()
    office.engine.dispose()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs/screenshots")
