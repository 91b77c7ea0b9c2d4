"""Sample events for the client tests."""

from __future__ import annotations

from datetime import UTC, datetime

from shared.domain import TicketOrigin, TicketStatus
from shared.protocol import TicketInfo, TicketIssued

AT = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)


def issued(seq: int) -> TicketIssued:
    """A walk-in ticket A<seq> issued as event <seq>."""
    ticket = TicketInfo(
        id=seq,
        number=f"A{seq:03d}",
        service_id="pass",
        status=TicketStatus.WAITING,
        origin=TicketOrigin.WALK_IN,
        emergency=False,
        language="de",
        created_at=AT,
    )
    return TicketIssued(seq=seq, at=AT, ticket=ticket)
