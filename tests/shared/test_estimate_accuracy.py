"""How good is the estimate? A simulated office day compares each promise with the real wait.

Three counters with different weights, about 85 % busy, service times scattered ±50 % around
the configured minutes. Each new ticket gets `estimate_wait` at issue (with service times
measured from the tickets finished so far); its real wait is issue → first call. The test
pins the quality down so a change that makes estimates worse fails here.
"""

from __future__ import annotations

import random
import statistics
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from shared import lifecycle
from shared.domain import Ticket, TicketStatus
from shared.estimate import ServiceTimes, estimate_wait
from shared.policy import CounterProfile, choose_next

OPEN = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)
CONFIGURED = {"a": 8.0, "b": 12.0, "c": 5.0}
COUNTERS = [
    CounterProfile("desk1", {"a": 2.0, "b": 1.0}),
    CounterProfile("desk2", {"a": 1.0, "b": 2.0, "c": 1.0}),
    CounterProfile("desk3", {"c": 3.0, "a": 1.0}),
]
MIX = {"a": 0.5, "b": 0.2, "c": 0.3}
Make = Callable[..., Ticket]


@dataclass
class Day:
    """One simulated office day, minute by minute."""

    make: Make
    rng: random.Random
    waiting: list[Ticket] = field(default_factory=list)
    finished: list[Ticket] = field(default_factory=list)
    promised: dict[int, float] = field(default_factory=dict)
    waited: dict[int, float] = field(default_factory=dict)

    busy: dict[str, tuple[Ticket, int]] = field(default_factory=dict)
    with_serving: bool = True

    def run(self, minutes: int, arrivals_per_minute: float) -> None:
        """Issue, estimate, call and serve for `minutes`, then let the queue drain."""
        busy = self.busy
        next_id = 1
        minute = 0
        while minute < minutes or self.waiting or busy:
            now = OPEN + timedelta(minutes=minute)
            if minute < minutes and self.rng.random() < arrivals_per_minute:
                service = self.rng.choices(list(MIX), weights=list(MIX.values()))[0]
                self._issue(self.make(next_id, service, created_at=now), now)
                next_id += 1
            for profile in COUNTERS:
                if profile.counter_id in busy and busy[profile.counter_id][1] <= minute:
                    ticket, _ = busy.pop(profile.counter_id)
                    self.finished.append(lifecycle.finish(ticket, now))
                if profile.counter_id not in busy:
                    self._call(profile, now, minute, busy)
            minute += 1

    def _issue(self, ticket: Ticket, now: datetime) -> None:
        times = ServiceTimes.from_recent(self.finished, CONFIGURED, now)
        serving = [t for t, _ in self.busy.values()] if self.with_serving else []
        wait = estimate_wait(ticket.service_id, self.waiting, COUNTERS, times, now, serving=serving)
        assert wait is not None
        self.promised[ticket.id] = wait.total_seconds() / 60
        self.waiting.append(ticket)

    def _call(
        self,
        profile: CounterProfile,
        now: datetime,
        minute: int,
        busy: dict[str, tuple[Ticket, int]],
    ) -> None:
        choice = choose_next(self.waiting, profile, now)
        if choice is None:
            return
        self.waiting.remove(choice.ticket)
        serving = lifecycle.start(lifecycle.call(choice.ticket, profile.counter_id, now), now)
        self.waited[serving.id] = (now - serving.created_at).total_seconds() / 60
        base = CONFIGURED[serving.service_id]
        duration = max(1, round(self.rng.uniform(0.5 * base, 1.5 * base)))
        busy[profile.counter_id] = (serving, minute + duration)


def _pooled(make: Make, *, with_serving: bool) -> tuple[list[float], list[float]]:
    """Promised and real waits of five simulated days (fixed seeds: the run is deterministic)."""
    promised: list[float] = []
    real: list[float] = []
    for seed in range(5):
        day = Day(make, random.Random(seed), with_serving=with_serving)
        day.run(minutes=6 * 60, arrivals_per_minute=0.35)
        assert all(t.status is TicketStatus.DONE for t in day.finished)
        assert set(day.promised) == set(day.waited)
        promised += [day.promised[i] for i in sorted(day.promised)]
        real += [day.waited[i] for i in sorted(day.promised)]
    return promised, real


def test_estimates_track_real_waits(
    ticket: Make, record_property: Callable[[str, object], None]
) -> None:
    promised, real = _pooled(ticket, with_serving=True)
    errors = [p - r for p, r in zip(promised, real, strict=True)]
    mean_real = statistics.fmean(real)
    mae = statistics.fmean(abs(e) for e in errors)
    bias = statistics.fmean(errors)
    corr = statistics.correlation(promised, real)
    record_property("tickets", len(real))
    record_property("mean_wait_minutes", round(mean_real, 1))
    record_property("mean_absolute_error_minutes", round(mae, 1))
    record_property("bias_minutes", round(bias, 1))
    record_property("correlation", round(corr, 2))
    assert len(real) > 500
    assert corr > 0.7
    assert mae < 3.0  # minutes, at a mean wait of about 4 min; whole-minute simulation
    assert 0.0 <= bias < 2.0  # a little pessimistic, never systematically too hopeful


def test_counting_services_in_progress_helps(
    ticket: Make, record_property: Callable[[str, object], None]
) -> None:
    with_busy = statistics.correlation(*_pooled(ticket, with_serving=True))
    queue_only = statistics.correlation(*_pooled(ticket, with_serving=False))
    record_property("correlation_with_services_in_progress", round(with_busy, 2))
    record_property("correlation_queue_only", round(queue_only, 2))
    assert with_busy > queue_only
