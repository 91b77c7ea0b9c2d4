"""The words of the visitor's way: screens, refusals, what the kiosk sends, what comes back.

Qt-free values the model holds and hands out; the views read them from `ViewState`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from hardware.printer import PrinterStatus
from shared.refusal import Refusal

__all__ = [
    "CheckInRequest",
    "Concern",
    "Failure",
    "IssueRequest",
    "Issued",
    "Request",
    "Screen",
    "Timings",
    "ViewState",
]


class Screen(StrEnum):
    """Which screen the kiosk shows."""

    START = "start"
    """The cycling welcome and the language grid."""
    WAY = "way"
    """"I have an appointment" or "I have no appointment"."""
    APPOINTMENT = "appointment"
    """The keypad for the appointment number (or hold the letter under the scanner)."""
    CONCERNS = "concerns"
    """The walk-in concerns offered now."""
    DOCUMENTS = "documents"
    """What to have ready for the chosen concern, and the one "print ticket" button."""
    WAIT = "wait"
    """A request is on its way to the hub."""
    TICKET = "ticket"
    """The number, the wait, the QR code: "please keep your ticket"."""
    NOTE_NUMBER = "note_number"
    """The printer failed: the number large, "please note your number"."""
    REFUSED = "refused"
    """The hub refused (check-in too early, quota used up, ...): what to do instead."""
    RECEPTION = "reception"
    """The hub cannot be reached: "please go to the reception"."""


@dataclass(frozen=True, slots=True)
class Concern:
    """One walk-in concern as the visitor reads it, in the chosen language."""

    id: str
    name: str
    explanation: str
    documents: tuple[str, ...]
    quota_used_up: bool = False


@dataclass(frozen=True, slots=True)
class IssueRequest:
    """Send ``POST /tickets`` for a walk-in concern (the key stays the same on retries)."""

    key: str
    service_id: str
    language: str


@dataclass(frozen=True, slots=True)
class CheckInRequest:
    """Send ``POST /checkins`` for an appointment number (same key on retries)."""

    key: str
    appointment_number: str
    language: str


Request = IssueRequest | CheckInRequest


@dataclass(frozen=True, slots=True)
class Issued:
    """The hub's answer to an issue or a check-in, as far as the kiosk needs it."""

    ticket_id: int
    number: str
    service_id: str
    service_name: str
    created_at: datetime
    expected_wait_minutes: float | None
    status_url: str
    booked_at: datetime | None = None
    """For a check-in: the booked time (aware), when the hub says it."""


@dataclass(frozen=True, slots=True)
class Failure:
    """A request that failed: HTTP status (0 = no answer), the hub's reason and text."""

    status: int
    detail: str
    reason: str | None = None

    @property
    def outcome_unknown(self) -> bool:
        """True when the hub may or may not have acted: retry with the same key."""
        return self.status in {0, 429} or self.status >= 500

    def refusal(self, *, walk_in: bool) -> Refusal | None:
        """The refusal this failure stands for (``walk_in``: it answered ``POST /tickets``).

        None: a refusal this kiosk cannot name (a reason it does not know, or none it can read).
        """
        if self.reason is not None:
            try:
                return Refusal(self.reason)
            except ValueError:
                return None
        if self.status == 404 and not walk_in:
            return Refusal.UNKNOWN
        if self.status == 409 and walk_in:
            return Refusal.QUOTA_USED_UP  # the only conflict a walk-in ticket meets
        return None


@dataclass(frozen=True, slots=True)
class Timings:
    """The kiosk's timers, in seconds: data the model reads and the app arms."""

    idle: float = 60.0
    """No touch this long on a screen of the way: back to the start."""
    ticket: float = 10.0
    """The ticket screen after printing."""
    note_number: float = 45.0
    """The "please note your number" screen."""
    refused: float = 30.0
    """A refusal's screen."""
    request: float = 3.0
    """No answer this long: the calm reception screen (the request goes on)."""
    retry: float = 2.0
    """How often a request whose outcome is unknown is sent again (same key)."""
    greeting: float = 2.0
    """How long each language's "Welcome" stays on the start screen."""


@dataclass(frozen=True, slots=True)
class ViewState:
    """Everything a view shows, frozen: tests read it, views render it."""

    screen: Screen
    language: str
    rtl: bool
    large_text: bool
    digits: str
    concerns: tuple[Concern, ...]
    concern: Concern | None
    issued: Issued | None
    refusal: Refusal | None
    """Why the hub refused (on `Screen.REFUSED`; None there: a refusal the kiosk cannot name)."""
    printing: bool
    printer_problem: PrinterStatus | None
    deadline: datetime | None
    """When `KioskModel.expire()` acts next (None: no timer)."""
    busy: bool
    """A request is waiting for its answer (or for its retry)."""
