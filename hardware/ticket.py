"""What a printed ticket says: its content, the paper it goes on, how it is printed. Qt-free."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import IntEnum, StrEnum

from hardware.ticket_texts import (
    LANGUAGES,
    TextDirection,
    TicketTexts,
    ticket_texts,
)

__all__ = [
    "LANGUAGES",
    "PaperWidth",
    "PrintMode",
    "TextDirection",
    "TicketPrint",
    "TicketTexts",
    "ticket_texts",
]


class PaperWidth(IntEnum):
    """Thermal paper rolls, valued by their printable width in dots (203 dpi)."""

    MM58 = 384
    MM80 = 576


class PrintMode(StrEnum):
    """How a ticket reaches the paper: as one bitmap, or as printer text commands."""

    RASTER = "raster"
    TEXT = "text"


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
