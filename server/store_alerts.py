"""The store's device alerts: log those the device watch raised or cleared, read the open ones.

A part of `server.store.Store` (a base class of it): each method is one transaction.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Engine

from server.db import device_alerts
from server.db.engine import read_session, write_session
from server.db.outcomes import AlertChange, Logged
from shared.clock import Clock
from shared.protocol import DeviceAlert


class AlertStore:
    """Device alerts (the `Store` sets the engines and the clock)."""

    _engine: Engine
    _reader: Engine
    _clock: Clock

    def log_device_alerts(self, changes: Sequence[AlertChange]) -> Logged:
        """Log that kiosks or displays stopped answering, or are back (for the staff stream)."""
        with write_session(self._engine) as session:
            return Logged(device_alerts.log_changes(session, changes, self._clock.now()))

    def open_device_alerts(self) -> tuple[DeviceAlert, ...]:
        """The device alerts raised and not cleared (a starting hub takes them over)."""
        with read_session(self._reader) as session:
            return device_alerts.open_alerts(session)
