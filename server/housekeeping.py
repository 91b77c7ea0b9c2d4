"""Housekeeping of the hub: the event log is pruned, old personal data is blanked.

Each logged event holds ticket details (numbers, services, languages, counters). Reconnecting
clients need minutes of it, debugging a complaint needs days; an Ausländerbehörde must not
keep more than it needs, so the hub deletes events older than `[server] keep_events_days`.
Tickets and appointments stay for the waiting-time figures, but their personal data (the
booked name and number, the clerks' notes, the status page's key) is blanked once their
site-local day is more than `[server] keep_personal_days` old, and so are the notes copied
into the logged events of those days (`server.db.personal`).

One asyncio task per app, started and cancelled by the app's lifespan: a first round shortly
after start (a hub that restarts every night still prunes), then one round every few hours.
The delete runs in the thread pool (it is a database write); a failed round is logged with its
traceback and tried again next round, it never stops the hub; a logged event whose note
cannot be blanked is named by its seq at WARNING each round (the first 20, the rest counted)
and does not stop the rest.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from starlette.concurrency import run_in_threadpool

from server.store import Store
from shared.clock import Clock
from shared.numbering import local_day

log = logging.getLogger(__name__)

NAMED_SEQS = 20
"""How many skipped seqs the WARNING names each round (the rest are counted, not listed)."""


def named_seqs(seqs: tuple[int, ...]) -> str:
    """The lowest `NAMED_SEQS` seqs, "…" and how many more: thousands of events that cannot
    be blanked must not write a line of thousands of numbers every round."""
    first = sorted(seqs)[:NAMED_SEQS]
    more = len(seqs) - len(first)
    return ", ".join(map(str, first)) + (f" … and {more} more" if more else "")


@dataclass(frozen=True)
class HousekeepingSchedule:
    """How long events are kept and when the rounds run (real seconds, not clock time)."""

    keep_events: timedelta = timedelta(days=14)
    keep_step_keys: timedelta = timedelta(days=1)
    """The clerks' idempotency keys: a retry comes within seconds; a day is plenty."""
    keep_personal: timedelta = timedelta(days=14)
    """Whole days the personal data of a site-local day is kept (the days before are blanked)."""
    first_after: float = 60.0
    """Seconds from start to the first round: after start-up work, before the first day ends."""
    every: float = 6 * 3600.0
    """Seconds between rounds: four a day keeps each delete small."""


class Housekeeper:
    """Prunes the event log of one store and blanks its old personal data on a schedule;
    `start` and `stop` bracket the app."""

    def __init__(self, store: Store, clock: Clock, schedule: HousekeepingSchedule) -> None:
        self._store = store
        self._clock = clock
        self._schedule = schedule
        self._task: asyncio.Task[None] | None = None
        self.rounds = 0
        """Rounds finished, pruned or failed (tests wait on it; nothing else reads it)."""

    def start(self) -> None:
        """Start the rounds on the running event loop."""
        if self._task is not None:
            raise RuntimeError("housekeeping is already running")
        self._task = asyncio.create_task(self._run(), name="aufruf-housekeeping")

    async def stop(self) -> None:
        """Cancel the rounds and wait until the task (and a delete in flight) has ended."""
        task, self._task = self._task, None
        if task is None:
            return
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task

    async def prune_once(self) -> int | None:
        """One round: delete events older than the kept span, blank old personal data; how
        many events were deleted, or None when the prune failed."""
        now = self._clock.now()
        before = now - self._schedule.keep_events
        keys_before = now - self._schedule.keep_step_keys
        personal_before = local_day(now, self._store.site.timezone) - self._schedule.keep_personal
        work = asyncio.ensure_future(
            run_in_threadpool(self._prune, before, keys_before, personal_before)
        )
        try:
            # shield: on shutdown the delete's transaction ends before the app (and its
            # engine) goes, instead of running on in an abandoned thread
            pruned = await asyncio.shield(work)
        except asyncio.CancelledError:
            await asyncio.wait([work])
            raise
        except Exception:
            log.exception("pruning the event log failed; trying again next round")
            return None
        finally:
            self.rounds += 1
        log.info("pruned %d events logged before %s", pruned, before.isoformat())
        return pruned

    def _prune(self, before: datetime, keys_before: datetime, personal_before: date) -> int:
        """Prune the event log, blank old personal data (in the events kept too), then prune
        the step keys (in the thread pool); the events pruned."""
        try:
            pruned = self._store.prune_events(before)
        finally:  # a failed prune does not stop the anonymisation (nor the reverse)
            self._anonymise(personal_before)
        keys = self._store.prune_step_keys(keys_before)
        if keys:
            log.info("forgot %d idempotency keys of steps before %s", keys, keys_before.isoformat())
        return pruned

    def _anonymise(self, before: date) -> None:
        """Blank the personal data of days before `before`; a failure does not stop the prune."""
        try:
            done = self._store.anonymise_personal(before)
        except Exception:
            log.exception("anonymising old personal data failed; trying again next round")
            return
        if done.skipped:
            # the seqs only: the payload may hold the very note that could not be blanked
            log.warning(
                "left %d logged events with a note of days before %s as they were (no ticket's "
                "note found in them): seq %s",
                len(done.skipped),
                before.isoformat(),
                named_seqs(done.skipped),
            )
        log.info(
            "anonymised %d tickets, %d appointments and %d events of days before %s%s",
            done.tickets,
            done.appointments,
            done.events,
            before.isoformat(),
            f"; events skipped: {len(done.skipped)}" if done.skipped else "",
        )

    async def _run(self) -> None:
        await asyncio.sleep(self._schedule.first_after)
        while True:
            await self.prune_once()
            await asyncio.sleep(self._schedule.every)
