"""The store's view of kiosks and displays at work: printer reports, alerts when silent.

A part of `server.store.Store` (a base class of it): each method is one transaction.
"""

from __future__ import annotations

from collections.abc import Sequence

from server.db import device_alerts, kiosk
from server.db.engine import read_session, write_session
from server.db.outcomes import AlertChange, DeviceReport, Logged
from server.store.base import StoreBase
from shared.devices import PrinterStatus
from shared.protocol import DeviceAlert


class DeviceStore(StoreBase):
    """Devices' printer reports and device alerts."""

    def report_device_status(self, device_id: str, printer: PrinterStatus) -> DeviceReport:
        """Keep a device's printer state and last contact; a change gives an event."""
        with write_session(self._engine) as session:
            return kiosk.report_status(session, device_id, printer, self._clock.now())

    def log_device_alerts(self, changes: Sequence[AlertChange]) -> Logged:
        """Log that kiosks or displays stopped answering, or are back (for the staff stream)."""
        with write_session(self._engine) as session:
            return Logged(device_alerts.log_changes(session, changes, self._clock.now()))

    def open_device_alerts(self) -> tuple[DeviceAlert, ...]:
        """The device alerts raised and not cleared (a starting hub takes them over)."""
        with read_session(self._reader) as session:
            return device_alerts.open_alerts(session)
