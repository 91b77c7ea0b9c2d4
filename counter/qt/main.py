"""`aufruf counter [--server URL]`: start the clerk's app."""

from __future__ import annotations

import argparse
import gc
import logging
import signal
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from counter.qt.app import COUNTER_KEY, CounterApp, CounterOptions
from counter.qt.devices import QtDeskDevices
from hardware.escpos.printer import printer_from_site
from hardware.serialport import SerialSettings
from hardware.sign import CounterSign, SignProtocol
from shared.clock import SystemClock
from shared.config import ConfigError, OfficeConfig, load_config

log = logging.getLogger(__name__)


def parser() -> argparse.ArgumentParser:
    """The command line of the counter app."""
    cli = argparse.ArgumentParser(prog="aufruf counter", description="the clerk's counter app")
    cli.add_argument("--server", help="the hub's URL (default: find it with zeroconf)")
    cli.add_argument("--config", type=Path, help="the site file (for the LED sign and printer)")
    cli.add_argument("--counter", help="the counter this PC stands at (default: the last one)")
    cli.add_argument(
        "--language", help="the clerk's language, e.g. de or en (default: this PC's last one)"
    )
    cli.add_argument("--settings", type=Path, help="keep settings in this INI file")
    return cli


def devices_for(config: OfficeConfig, counter_id: str | None) -> QtDeskDevices:
    """The sign and receipt printer the site file names for a counter."""
    counter = next((c for c in config.counters if c.id == counter_id), None)
    if counter is None:
        return QtDeskDevices.none()
    sign = None
    if counter.sign is not None:
        protocol = SignProtocol(
            show=counter.sign.show, clear=counter.sign.clear, blink=counter.sign.blink
        )
        settings = SerialSettings(counter.sign.device, baudrate=counter.sign.baudrate)
        sign = CounterSign(settings, counter.sign.name or counter.id, protocol)
    printer = printer_from_site(counter.printer) if counter.printer else None
    return QtDeskDevices(sign, printer)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the app until its window closes."""
    args = parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    app = QApplication.instance() or QApplication(sys.argv[:1])
    settings = (
        QSettings(str(args.settings), QSettings.Format.IniFormat)
        if args.settings
        else QSettings("aufruf", "counter")
    )
    devices = QtDeskDevices.none()
    if args.config is not None:
        try:
            config = load_config(args.config)
        except ConfigError as exc:
            print(f"aufruf counter: {exc}", file=sys.stderr)
            return 2
        devices = devices_for(config, args.counter or settings.value(COUNTER_KEY))
    options = CounterOptions(server_url=args.server, language=args.language)
    counter = CounterApp(options, settings, SystemClock(), devices)
    signal.signal(signal.SIGTERM, lambda *_: app.quit())
    keepalive = QTimer()
    keepalive.timeout.connect(lambda: None)  # runs Python now and then: SIGTERM is seen
    keepalive.start(500)
    counter.start()
    gc.collect()
    gc.freeze()  # the start-up heap leaves the collector's generations: shorter pauses later
    log.info("counter app started")
    code = app.exec()
    counter.stop()
    return int(code)
