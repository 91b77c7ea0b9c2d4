"""`waiting_for` loads only a few tickets per group; the policy's choice must not change."""

from __future__ import annotations

import random
from datetime import timedelta

import pytest
from sqlalchemy import Engine, update

from server.db.engine import write_session
from server.db.models import TicketRow
from server.db.tickets import tickets_of_day, waiting_for
from shared.clock import FakeClock
from shared.domain import Site, TicketOrigin, TicketStatus
from shared.numbering import local_day
from shared.policy import CounterProfile, PolicySettings, choose_next


def _fill(engine: Engine, site: Site, clock: FakeClock, rng: random.Random) -> None:
    day = local_day(clock.now(), site.timezone)
    services = list(site.services)
    with write_session(engine) as session:
        for seq in range(1, 81):
            service = rng.choice(services)
            origin = rng.choice([TicketOrigin.WALK_IN] * 3 + [TicketOrigin.APPOINTMENT])
            queued = clock.now() - timedelta(minutes=rng.randint(0, 90))
            session.add(
                TicketRow(
                    day=day,
                    service_id=service,
                    issued_service_id=service,
                    seq=seq,
                    number=f"X{seq:03d}",
                    status=TicketStatus.WAITING.value,
                    origin=origin.value,
                    language="de",
                    emergency=rng.random() < 0.05,
                    status_key=f"key{seq}",
                    created_at=queued,
                    queued_at=queued,
                    due_at=clock.now() + timedelta(minutes=rng.randint(-40, 60))
                    if origin is TicketOrigin.APPOINTMENT
                    else None,
                    pinned_counter_id=rng.choice(["c1", "c2"]) if rng.random() < 0.1 else None,
                    recalls=0,
                    transfers=0,
                    note="",
                )
            )


@pytest.mark.parametrize("seed", range(4))
def test_preselection_gives_the_same_choice_as_the_whole_queue(
    engine: Engine, site: Site, clock: FakeClock, seed: int
) -> None:
    rng = random.Random(seed)
    _fill(engine, site, clock, rng)
    settings = PolicySettings()
    day = local_day(clock.now(), site.timezone)
    narrowed = 0
    for _ in range(40):
        counter = site.counters[rng.choice(["c1", "c2"])]
        profile = CounterProfile.of(counter)
        served = [s for s, w in counter.weights.items() if w > 0]
        with write_session(engine) as session:
            everyone = tickets_of_day(session, day, [TicketStatus.WAITING])
            few = waiting_for(session, day, counter.id, served)
            assert {t.id for t in few} <= {t.id for t in everyone}
            narrowed += len(few) < len(everyone)
            best = choose_next(everyone, profile, clock.now(), settings)
            quick = choose_next(few, profile, clock.now(), settings)
            assert (best and best.ticket.id) == (quick and quick.ticket.id)
            if best is not None:
                session.execute(
                    update(TicketRow)
                    .where(TicketRow.id == best.ticket.id)
                    .values(status=TicketStatus.DONE.value)
                )
        clock.advance(timedelta(minutes=rng.randint(0, 5)))
    assert narrowed > 20  # the pre-selection really left tickets out
