"""No one starves: an office simulation with skewed counter weights and a bound on every wait.

The bound. Take a walk-in T of service s, issued at minute t0, and let S be the longest
service. From minute t0 + max_wait on, T is OVERDUE; only emergencies, pinned tickets, due
appointments and *older* overdue tickets come before it (the simulation has only walk-ins).
So every call a counter serving s makes from then on is T or one of the K tickets older than
T still waiting at that minute. Each of the c counters serving s is free within S minutes
and then calls at least once every S minutes, so c·m calls have happened after m·S minutes,
and T is called at the latest

    t0 + max_wait + ceil((K + 1) / c) · S - 1.

The test measures K in the simulation and checks every ticket against that bound.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from hypothesis import event, given, settings
from hypothesis import strategies as st

from shared.domain import Ticket
from shared.policy import CounterProfile, PolicySettings, choose_next

OPEN = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)
SERVICES = ("a", "b", "c")
Make = Callable[..., Ticket]


@dataclass
class Office:
    """A minute-by-minute office: arrivals first, then each free counter calls next."""

    profiles: list[CounterProfile]
    cfg: PolicySettings
    durations: dict[int, int]
    waiting: list[Ticket] = field(default_factory=list)
    called: dict[int, int] = field(default_factory=dict)
    older_at_overdue: dict[int, int] = field(default_factory=dict)

    def run(self, arrivals: dict[int, list[Ticket]]) -> None:
        """Simulate until every ticket is called."""
        free_at = {p.counter_id: 0 for p in self.profiles}
        total = sum(len(batch) for batch in arrivals.values())
        minute = 0
        while len(self.called) < total:
            now = OPEN + timedelta(minutes=minute)
            self.waiting.extend(arrivals.get(minute, []))
            self._note_overdue(now)
            for profile in self.profiles:
                if free_at[profile.counter_id] > minute:
                    continue
                choice = choose_next(self.waiting, profile, now, self.cfg)
                if choice is None:
                    continue
                self.waiting.remove(choice.ticket)
                self.called[choice.ticket.id] = minute
                free_at[profile.counter_id] = minute + self.durations[choice.ticket.id]
            minute += 1

    def _note_overdue(self, now: datetime) -> None:
        for ticket in self.waiting:
            if now - ticket.waiting_since == self.cfg.max_wait:
                key = (ticket.waiting_since, ticket.id)
                self.older_at_overdue[ticket.id] = sum(
                    (t.waiting_since, t.id) < key for t in self.waiting
                )


weights = st.sampled_from([0.1, 1.0, 10.0, 100.0])


@st.composite
def offices(draw: st.DrawFn) -> tuple[list[CounterProfile], PolicySettings]:
    """One to three counters with skewed weights, every service served by one at least."""
    profiles = []
    for index in range(draw(st.integers(1, 3))):
        served = draw(st.lists(st.sampled_from(SERVICES), min_size=1, unique=True))
        profiles.append(CounterProfile(f"desk{index}", {s: draw(weights) for s in served}))
    unserved = [s for s in SERVICES if not any(p.serves(s) for p in profiles)]
    profiles[0] = CounterProfile("desk0", {**profiles[0].weights, **dict.fromkeys(unserved, 0.1)})
    cfg = PolicySettings(
        ageing_per_minute=draw(st.sampled_from([0.0, 0.01, 0.1])),
        max_wait=timedelta(minutes=draw(st.sampled_from([5, 20, 45]))),
    )
    return profiles, cfg


@settings(max_examples=100, deadline=None)
@given(
    office=offices(),
    stream=st.lists(
        st.tuples(st.integers(0, 60), st.sampled_from(SERVICES), st.integers(1, 8)),
        min_size=20,
        max_size=80,
    ),
)
def test_every_ticket_is_called_within_the_bound(
    ticket: Make,
    office: tuple[list[CounterProfile], PolicySettings],
    stream: list[tuple[int, str, int]],
) -> None:
    profiles, cfg = office
    arrivals: dict[int, list[Ticket]] = {}
    durations: dict[int, int] = {}
    for ticket_id, (minute, service, duration) in enumerate(sorted(stream), start=1):
        created = OPEN + timedelta(minutes=minute)
        arrivals.setdefault(minute, []).append(ticket(ticket_id, service, created_at=created))
        durations[ticket_id] = duration
    longest = max(durations.values(), default=1)
    sim = Office(profiles, cfg, durations)
    sim.run(arrivals)
    max_wait = int(cfg.max_wait.total_seconds() // 60)
    for batch in arrivals.values():
        for t in batch:
            waited = sim.called[t.id] - int((t.created_at - OPEN).total_seconds() // 60)
            if waited <= max_wait:
                continue
            event("called after max_wait")
            serving = sum(p.serves(t.service_id) for p in profiles)
            older = sim.older_at_overdue[t.id]
            bound = max_wait + math.ceil((older + 1) / serving) * longest - 1
            assert waited <= bound, (t.number, waited, bound, older, serving)


def test_without_the_limit_weights_alone_starve_a_low_weight_service(ticket: Make) -> None:
    """The control: with no ageing and no effective max_wait, a steady stream starves b."""
    profiles = [CounterProfile("desk0", {"a": 100.0, "b": 0.1})]
    stream = [ticket(i, "a", created_at=OPEN + timedelta(minutes=2 * i)) for i in range(1, 60)]
    lonely = ticket(100, "b", created_at=OPEN + timedelta(minutes=3))
    arrivals: dict[int, list[Ticket]] = {3: [lonely]}
    for t in stream:
        arrivals.setdefault(int((t.created_at - OPEN).total_seconds() // 60), []).append(t)
    durations = dict.fromkeys([100, *(t.id for t in stream)], 2)

    starving = Office(
        profiles, PolicySettings(ageing_per_minute=0.0, max_wait=timedelta(days=1)), durations
    )
    starving.run(arrivals)
    assert starving.called[100] == 120  # b waits until the a stream dries up

    bounded = Office(
        profiles, PolicySettings(ageing_per_minute=0.0, max_wait=timedelta(minutes=20)), durations
    )
    bounded.run(arrivals)
    assert bounded.called[100] == 3 + 20 + 1  # overdue at 23, desk free at 24
