"""The desk's devices at run time: the LED sign over a pty (unplugged, plugged back, moved to
another port) and the receipt printer over a socket (out of paper, switched off, back, another
address), seen and re-picked in the devices view without restarting the app."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import QObject, Signal, Slot

from counter.desk_devices import DeviceKind, Health
from counter.qt.devices import QtDeskDevices
from hardware.emulator.network import NetworkPrinterEmulator
from hardware.emulator.serial_devices import SignEmulator
from hardware.escpos.printer import EscposPrinter
from hardware.serialport import SerialSettings
from hardware.sign import CounterSign
from hardware.transports.memory import EmulatorState
from shared.config.printer import NetworkPrinter, PrinterTransport
from shared.domain import TicketStatus
from tests.counter.conftest import QT_NOISE, start_app

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from tests.api.conftest import Hub

pytestmark = pytest.mark.qt_log_ignore(QT_NOISE)
CHECK_MS = 100
"""The tests check the devices every 100 ms (the app: every 3 s)."""


def _health(app: Any, kind: DeviceKind) -> Health:
    health: Health = app.devices.reports[kind].health
    return health


@pytest.mark.expect_log("counter.qt.devices", "unplugged|no such device")
def test_the_sign_is_seen_unplugged_and_shows_the_number_again_when_plugged_back(
    qtbot: QtBot, hub: Hub, tmp_path: Path
) -> None:
    link = tmp_path / "ttySign"
    sign = SignEmulator(link=link)
    devices = QtDeskDevices(CounterSign(SerialSettings(str(link)), "1"), check_ms=CHECK_MS)
    app = start_app(qtbot, hub.base, tmp_path, devices=devices)
    view = app.window.devices
    app.window.show_devices()
    qtbot.waitUntil(lambda: _health(app, DeviceKind.SIGN) is Health.READY)
    assert view.states[DeviceKind.SIGN].text() == f"bereit ({link})"
    hub.issue("general")
    hub.issue("general")
    qtbot.waitUntil(lambda: app.model.view_state().waiting.total == 2)
    app.model.call_next()
    qtbot.waitUntil(lambda: sign.shown == "A001", timeout=5000)

    sign.close()  # unplugged
    qtbot.waitUntil(lambda: _health(app, DeviceKind.SIGN) is Health.UNREACHABLE, timeout=5000)
    assert "USB" in view.advice[DeviceKind.SIGN].text()  # what to do, in German
    qtbot.waitUntil(lambda: not app.model.view_state().busy)
    app.model.no_show()
    qtbot.waitUntil(lambda: not app.model.view_state().busy)
    app.model.call_next()  # called while the sign is away: the app goes on
    qtbot.waitUntil(lambda: app.model.view_state().current is not None)
    assert app.model.view_state().current.number == "A002"  # type: ignore[union-attr]

    with SignEmulator(link=link) as back:  # plugged back at the same by-id path
        qtbot.waitUntil(lambda: back.shown == "A002", timeout=5000)
        qtbot.waitUntil(lambda: _health(app, DeviceKind.SIGN) is Health.READY)
        assert view.advice[DeviceKind.SIGN].text() == ""
        app.stop()


def test_the_sign_is_moved_to_another_port_in_the_devices_view(
    qtbot: QtBot, hub: Hub, tmp_path: Path
) -> None:
    with SignEmulator(link=tmp_path / "ttyOld") as old, SignEmulator() as new:
        sign = CounterSign(SerialSettings(old.port), "1")
        app = start_app(qtbot, hub.base, tmp_path, devices=QtDeskDevices(sign, check_ms=CHECK_MS))
        hub.issue("general")
        qtbot.waitUntil(lambda: app.model.view_state().waiting.total == 1)
        app.model.call_next()
        qtbot.waitUntil(lambda: old.shown == "A001", timeout=5000)
        view = app.window.devices
        app.window.show_devices()
        view.sign_port.setEditText(new.port)
        view.use[DeviceKind.SIGN].click()
        qtbot.waitUntil(lambda: new.shown == "A001", timeout=5000)  # the current number at once
        qtbot.waitUntil(lambda: app.devices.reports[DeviceKind.SIGN].where == new.port)
        assert _health(app, DeviceKind.SIGN) is Health.READY
        app.stop()


def _serve_receipt(qtbot: QtBot, app: Any, hub: Hub) -> None:
    hub.issue("general")
    qtbot.waitUntil(lambda: app.model.view_state().waiting.total == 1)
    app.model.call_next()
    qtbot.waitUntil(lambda: not app.model.view_state().busy)
    app.model.start()
    qtbot.waitUntil(
        lambda: app.model.view_state().current.status is TicketStatus.SERVING  # type: ignore[union-attr]
    )


def _printer(port: int) -> EscposPrinter:
    site = NetworkPrinter(transport=PrinterTransport.NETWORK, host="127.0.0.1", port=port)
    return EscposPrinter(site)


@pytest.mark.expect_log("counter.qt.devices", "receipt printer")
def test_a_dead_printer_tells_the_clerk_what_to_do_and_is_used_again_when_back(
    qtbot: QtBot, hub: Hub, tmp_path: Path
) -> None:
    printer = NetworkPrinterEmulator()
    printer.start()
    port = printer.port
    devices = QtDeskDevices(None, _printer(port), check_ms=CHECK_MS)
    app = start_app(qtbot, hub.base, tmp_path, devices=devices)
    view = app.window.devices
    app.window.show_devices()
    qtbot.waitUntil(lambda: _health(app, DeviceKind.PRINTER) is Health.READY)
    assert view.states[DeviceKind.PRINTER].text() == f"bereit (127.0.0.1:{port})"
    assert _health(app, DeviceKind.SIGN) is Health.NONE
    assert not view.use[DeviceKind.SIGN].isEnabled()

    printer.state = EmulatorState.PAPER_OUT
    qtbot.waitUntil(lambda: _health(app, DeviceKind.PRINTER) is Health.TROUBLE, timeout=5000)
    assert view.advice[DeviceKind.PRINTER].text() == "Eine neue Papierrolle einlegen."

    printer.stop()  # switched off: the socket is gone
    qtbot.waitUntil(lambda: _health(app, DeviceKind.PRINTER) is Health.UNREACHABLE, timeout=5000)
    assert "eingeschaltet" in view.advice[DeviceKind.PRINTER].text()
    _serve_receipt(qtbot, app, hub)
    with qtbot.waitSignal(app.devices.problem, timeout=10000) as problem:
        app.model.print_receipt()
    told = str(problem.args[0])
    assert told.startswith("Bestätigung nicht gedruckt")
    assert "eingeschaltet" in told  # and what to do
    qtbot.waitUntil(lambda: "eingeschaltet" in app.window.statusBar().currentMessage())

    with NetworkPrinterEmulator(port=port) as back:  # switched on again, same address
        qtbot.waitUntil(lambda: _health(app, DeviceKind.PRINTER) is Health.READY, timeout=5000)
        with qtbot.waitSignal(app.devices.printed, timeout=10000):
            app.model.print_receipt()
        assert back.wait_for_jobs(1)
        app.stop()


def test_the_printer_is_moved_to_another_address_in_the_devices_view(
    qtbot: QtBot, hub: Hub, tmp_path: Path
) -> None:
    with NetworkPrinterEmulator() as old, NetworkPrinterEmulator() as new:
        devices = QtDeskDevices(None, _printer(old.port), check_ms=CHECK_MS)
        app = start_app(qtbot, hub.base, tmp_path, devices=devices)
        view = app.window.devices
        app.window.show_devices()
        view.printer_address.setText("not an address:")
        view.use[DeviceKind.PRINTER].click()
        assert view.message.text().startswith("Diese Adresse passt nicht")
        view.printer_address.setText(f"127.0.0.1:{new.port}")
        view.use[DeviceKind.PRINTER].click()
        qtbot.waitUntil(
            lambda: app.devices.reports[DeviceKind.PRINTER].where == f"127.0.0.1:{new.port}"
        )
        qtbot.waitUntil(lambda: _health(app, DeviceKind.PRINTER) is Health.READY)
        _serve_receipt(qtbot, app, hub)
        with qtbot.waitSignal(app.devices.printed, timeout=10000):
            app.model.print_receipt()
        assert new.wait_for_jobs(1)
        assert old.jobs == []
        app.stop()


def _local(tmp_path: Path) -> dict[str, str]:
    """What this PC's settings file (the apps' `app.ini`) keeps of the devices."""
    from PySide6.QtCore import QSettings  # noqa: PLC0415 (Qt only where a test uses it)

    settings = QSettings(str(tmp_path / "app.ini"), QSettings.Format.IniFormat)
    keys = ("counter/sign_port", "counter/printer_address")
    return {key: str(settings.value(key)) for key in keys if settings.contains(key)}


def test_a_port_and_address_picked_on_this_pc_outlive_a_restart_until_the_site_is_taken_back(
    qtbot: QtBot, hub: Hub, tmp_path: Path
) -> None:
    with (
        SignEmulator(link=tmp_path / "ttySite") as site_sign,
        SignEmulator() as new_sign,
        NetworkPrinterEmulator() as site_printer,
        NetworkPrinterEmulator() as new_printer,
    ):

        def site_devices() -> QtDeskDevices:
            sign = CounterSign(SerialSettings(site_sign.port), "1")
            return QtDeskDevices(sign, _printer(site_printer.port), check_ms=CHECK_MS)

        app = start_app(qtbot, hub.base, tmp_path, devices=site_devices())
        view = app.window.devices
        app.window.show_devices()
        assert all(view.local[kind].isHidden() for kind in DeviceKind)
        view.sign_port.setEditText(new_sign.port)
        view.use[DeviceKind.SIGN].click()
        view.printer_address.setText(f"127.0.0.1:{new_printer.port}")
        view.use[DeviceKind.PRINTER].click()
        assert _local(tmp_path) == {
            "counter/sign_port": new_sign.port,
            "counter/printer_address": f"127.0.0.1:{new_printer.port}",
        }
        app.stop()
        app.window.close()

        again = start_app(qtbot, hub.base, tmp_path, devices=site_devices())  # the same PC
        view = again.window.devices
        again.window.show_devices()
        qtbot.waitUntil(lambda: _health(again, DeviceKind.SIGN) is Health.READY)
        qtbot.waitUntil(lambda: _health(again, DeviceKind.PRINTER) is Health.READY)
        assert again.devices.reports[DeviceKind.SIGN].where == new_sign.port
        assert view.sign_port.currentText() == new_sign.port
        assert view.printer_address.text() == f"127.0.0.1:{new_printer.port}"
        assert view.local[DeviceKind.SIGN].isVisible()
        assert view.local[DeviceKind.SIGN].text() == (
            f"Auf diesem PC gewählt; die Einstellung des Standorts ist {site_sign.port}."
        )
        assert view.back[DeviceKind.PRINTER].isVisible()
        _serve_receipt(qtbot, again, hub)
        qtbot.waitUntil(lambda: new_sign.shown == "A001", timeout=5000)
        with qtbot.waitSignal(again.devices.printed, timeout=10000):
            again.model.print_receipt()
        assert new_printer.wait_for_jobs(1)
        assert site_sign.frames == []  # the site's port was never driven
        assert site_printer.jobs == []

        for kind in DeviceKind:
            view.back[kind].click()
        assert _local(tmp_path) == {}
        assert not view.local[DeviceKind.SIGN].isVisible()
        assert not view.back[DeviceKind.PRINTER].isVisible()
        assert view.printer_address.text() == f"127.0.0.1:{site_printer.port}"
        qtbot.waitUntil(lambda: site_sign.shown == "A001", timeout=5000)  # the current number
        qtbot.waitUntil(
            lambda: (
                again.devices.reports[DeviceKind.PRINTER].where == f"127.0.0.1:{site_printer.port}"
            )
        )
        with qtbot.waitSignal(again.devices.printed, timeout=10000):
            again.model.print_receipt()
        assert site_printer.wait_for_jobs(1)
        again.stop()


class _Busy(QObject):
    """Keeps a device thread busy for a moment (a slow write to a sign or a printer)."""

    def __init__(self) -> None:
        super().__init__()
        self.started = threading.Event()

    @Slot()
    def work(self) -> None:
        self.started.set()
        time.sleep(0.3)


def test_stopping_while_a_device_thread_is_busy_still_releases_the_devices(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """A close queued to a busy thread that is told to quit could be dropped: the sign's port
    stayed locked (opened exclusively) until the process ended, and a restarted window could
    not open it."""
    with SignEmulator() as emulator, NetworkPrinterEmulator() as printer_emulator:
        sign = CounterSign(SerialSettings(emulator.port), "1")
        devices = QtDeskDevices(sign, _printer(printer_emulator.port), check_ms=CHECK_MS)
        devices.start()
        qtbot.waitUntil(lambda: sign.connected)
        busy = _Busy()
        busy.moveToThread(devices._threads[0])  # the sign's thread
        kick = _Kick()
        kick.fire.connect(busy.work)
        kick.fire.emit()
        assert busy.started.wait(5)
        devices.stop()  # while the sign's thread sleeps in `work`
        assert not sign.connected  # the port is released
        again = CounterSign(SerialSettings(emulator.port), "1")
        again.connect()  # opened exclusively: fails while the old one holds it
        again.close()


class _Kick(QObject):
    fire = Signal()
