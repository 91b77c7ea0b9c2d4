"""The store's record of the day: the live snapshot, the event log since a seq, the figures.

Also the tickets of a stretch of days as the council's report reads them (`ticket_times`).

A part of `server.store.Store` (a base class of it): each method is one transaction.
"""

from __future__ import annotations

from datetime import date, datetime

from server.db import alarms, device_alerts, eventlog, kiosk
from server.db.desk import counter_info
from server.db.engine import read_session, write_session
from server.db.figures import day_figures, ticket_times
from server.db.models import CounterRow
from server.db.tickets import LIVE, ticket_info, tickets_of_day
from server.report import TicketTimes
from server.store.base import StoreBase
from shared.numbering import local_day
from shared.protocol import Snapshot, StaffEvent
from shared.wire import DayFigures


class JournalStore(StoreBase):
    """What clients read back: the snapshot, events to replay, today's key figures."""

    def snapshot(self) -> Snapshot:
        """Today's live tickets and all counters, consistent with `seq`."""
        now = self._clock.now()
        with read_session(self._reader) as session:
            seq = eventlog.last_seq(session)
            tickets = tickets_of_day(session, local_day(now, self._site.timezone), LIVE)
            counters = tuple(
                counter_info(session, counter, session.get(CounterRow, counter.id))
                for counter in self._site.counters.values()
            )
            open_alarms = alarms.open_alarms(session, self._site)
            devices = kiosk.device_statuses(session)
            alerts = device_alerts.open_alerts(session)
        return Snapshot(
            seq=seq,
            at=now,
            tickets=tuple(ticket_info(t) for t in tickets),
            counters=counters,
            alarms=open_alarms,
            devices=devices,
            alerts=alerts,
        )

    def events_since(self, seq: int) -> list[StaffEvent] | None:
        """Events after `seq`, or None when too far behind (the caller sends a snapshot)."""
        with read_session(self._reader) as session:
            return eventlog.since(session, seq, self._settings.replay_limit)

    def last_seq(self) -> int:
        """The seq of the newest event (0 before the first)."""
        with read_session(self._reader) as session:
            return eventlog.last_seq(session)

    def prune_events(self, before: datetime) -> int:
        """Drop events logged before a time (housekeeping); clients further behind get None."""
        with write_session(self._engine) as session:
            return eventlog.prune(session, before)

    def figures(self) -> DayFigures:
        """Today's key figures so far (site-local day): tickets, waits, no-shows."""
        now = self._clock.now()
        with read_session(self._reader) as session:
            return day_figures(session, local_day(now, self._site.timezone))

    def today(self) -> date:
        """The site-local day now."""
        return local_day(self._clock.now(), self._site.timezone)

    def ticket_times(self, first: date, last: date) -> list[TicketTimes]:
        """The tickets of the site-local days `first`..`last`, times only (for the report)."""
        with read_session(self._reader) as session:
            return ticket_times(session, first, last)
