"""What a printed ticket says, already in the visitor's language: the first step of its way.

A ticket goes `TicketPrint` -> picture (`hardware.qt.render`) -> bytes (`hardware.escpos`)
-> transport (`hardware.transports`). Qt-free.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from hardware.texts import TicketTexts, ticket_texts


@dataclass(frozen=True, slots=True)
class TicketPrint:
    """The content of one printed ticket, already in the visitor's language."""

    office_name: str
    number: str
    concern: str
    language: str
    issued_at: datetime
    """Aware, in the local time of the site."""
    expected_wait_minutes: int | None
    documents: tuple[str, ...]
    status_url: str
    counter: str | None = None
    """The counter's name when already known (transfer slips)."""

    def __post_init__(self) -> None:
        """Reject naive times: a ticket's date must be the site's local one."""
        if self.issued_at.tzinfo is None:
            raise ValueError("TicketPrint.issued_at must be timezone-aware (site local time)")

    @property
    def texts(self) -> TicketTexts:
        """The fixed lines in the ticket's language."""
        return ticket_texts(self.language)
