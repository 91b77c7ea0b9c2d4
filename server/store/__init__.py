"""The server's store: every mutation is one transaction that changes rows and logs events.

Writers are serialised (SQLite ``BEGIN IMMEDIATE``; PostgreSQL row lock on ``event_seq``), so
event seqs are gap-free in commit order and *call next* never hands a ticket to two counters.
Methods return the events they caused; the API publishes them after commit.

`Store` is made of one part per concern, each a base class in its own module: `visitors`
(issue, check in, status pages, appointments), `desk` (a clerk's steps, once per key), `journal`
(snapshot, event log, figures), `devices` (printer reports, device alerts), `trust` (devices,
users, sessions); `base` holds what they share.
"""

from __future__ import annotations

from server.db.engine import create_engine_for, migrate
from server.db.outcomes import (
    AlarmUpdate,
    Anonymised,
    Called,
    Changed,
    CounterUpdate,
    ImportResult,
    Issued,
    Performed,
    Principal,
    StoreSettings,
    TicketStatusView,
)
from server.db.step_keys import StepAnswer, StepKey
from server.store.desk import DeskStore
from server.store.devices import DeviceStore
from server.store.journal import JournalStore
from server.store.trust import TrustStore
from server.store.visitors import VisitorStore
from shared.wire import DayFigures

__all__ = [
    "AlarmUpdate",
    "Anonymised",
    "Called",
    "Changed",
    "CounterUpdate",
    "DayFigures",
    "ImportResult",
    "Issued",
    "Performed",
    "Principal",
    "StepAnswer",
    "StepKey",
    "Store",
    "StoreSettings",
    "TicketStatusView",
    "create_engine_for",
    "migrate",
]


class Store(VisitorStore, DeskStore, JournalStore, DeviceStore, TrustStore):
    """Tickets, counters, the event log and trust data of one site, on SQLite or PostgreSQL."""
