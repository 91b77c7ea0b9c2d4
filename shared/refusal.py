"""Why the hub refused a visitor's request, in words a machine reads (hub and kiosk share it).

A refusal travels as a JSON error body: ``{"detail": <text for people>, "reason": <Refusal>,
"remedy": <Remedy>, ...facts}``. The facts are what a kiosk needs for a kind message in the
visitor's language (booked time and day, the earlier ticket's number, the daily cap) and never
personal data such as the booking's name. No Qt, no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from pydantic import TypeAdapter, ValidationError


class Refusal(StrEnum):
    """Why a check-in or a walk-in ticket was refused."""

    UNKNOWN = "unknown"
    """No appointment has this number."""
    OTHER_DAY = "other_day"
    """The appointment is booked for another day (`booked_day`)."""
    TOO_EARLY = "too_early"
    """Check-in opens later today (`checkin_from`)."""
    TOO_LATE = "too_late"
    """Check-in closed `checkin_late_minutes` after the booked time (`checkin_until`)."""
    ALREADY_CHECKED_IN = "already_checked_in"
    """This appointment already has a ticket (`ticket_number`)."""
    NOT_OFFERED = "not_offered"
    """The appointment's concern is no longer offered by the site."""
    QUOTA_USED_UP = "quota_used_up"
    """Today's walk-in tickets of this concern are all given out (`daily_cap`)."""


class Remedy(StrEnum):
    """What the visitor can do instead."""

    COME_BACK_LATER = "come_back_later"
    """Come back at `checkin_from` (today) or on `booked_day`."""
    USE_EARLIER_TICKET = "use_earlier_ticket"
    """Keep the ticket already issued (`ticket_number`) and wait for its call."""
    TAKE_WALK_IN_TICKET = "take_walk_in_ticket"
    """Pull a ticket without appointment."""
    GO_TO_RECEPTION = "go_to_reception"
    """Ask at the reception (book a new appointment, or be helped there)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Refused:
    """A refusal with its reason, the remedy and the facts a kiosk may show (no names)."""

    reason: Refusal
    remedy: Remedy
    detail: str
    service_id: str | None = None
    booked_at: datetime | None = None
    booked_day: date | None = None
    checkin_from: datetime | None = None
    checkin_until: datetime | None = None
    ticket_number: str | None = None
    daily_cap: int | None = None

    def to_json(self) -> dict[str, Any]:
        """The JSON error body: `detail`, `reason`, `remedy` and the facts that are set."""
        body: dict[str, Any] = _ADAPTER.dump_python(self, mode="json", exclude_none=True)
        return body

    @classmethod
    def from_json(cls, body: object) -> Refused | None:
        """The refusal in an error body, or None when it is not one (no known `reason`)."""
        try:
            return _ADAPTER.validate_python(body)
        except ValidationError:
            return None


_ADAPTER: TypeAdapter[Refused] = TypeAdapter(Refused)


__all__ = ["Refusal", "Refused", "Remedy"]
