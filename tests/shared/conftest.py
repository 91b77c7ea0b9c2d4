"""Builders for the domain tests: tickets and profiles with sensible defaults."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from shared.domain import Ticket, TicketStatus

T0 = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
"""The morning every test office opens."""


def make_ticket(
    ticket_id: int, service_id: str = "a", minutes_ago: float = 0.0, **changes: Any
) -> Ticket:
    """A waiting walk-in ticket that was issued `minutes_ago` before T0."""
    created = T0 - timedelta(minutes=minutes_ago)
    ticket = Ticket(
        id=ticket_id,
        number=f"{service_id.upper()}{ticket_id:03d}",
        service_id=service_id,
        day=date(2026, 11, 23),
        seq=ticket_id,
        status=TicketStatus.WAITING,
        created_at=created,
    )
    return replace(ticket, **changes)


@pytest.fixture(scope="session")
def ticket() -> Callable[..., Ticket]:
    """The ticket builder as a fixture."""
    return make_ticket
