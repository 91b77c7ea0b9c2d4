"""The visitor's way through the kiosk, without Qt: states, timers as data, what to send.

start (language grid) → way → appointment (keypad or scan) or concerns → documents →
"print ticket" → ticket shown → start. Nothing is issued except by the visitor's final
touch; each such touch gets one idempotency key, kept across retries, so the hub never
makes two tickets of it. The model does no I/O: it emits `request_ready` and
`print_requested`, and the app reports back with `answered` / `failed` / `printed` /
`print_failed`. Timers are data: `ViewState.deadline` says when `expire()` acts next.
"""

from __future__ import annotations

import dataclasses
import logging
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from psygnal import Signal

from hardware.printer import PrinterStatus
from hardware.ticket import TicketPrint
from kiosk.site import KioskSite
from kiosk.way import (
    CheckInRequest,
    Concern,
    Failure,
    Issued,
    IssueRequest,
    Request,
    Screen,
    Timings,
    ViewState,
)
from shared.clock import Clock
from shared.languages import language as language_info
from shared.refusal import Refusal

log = logging.getLogger(__name__)

__all__ = ["KioskModel"]

MAX_DIGITS = 12
_IDLE_SCREENS = frozenset(
    {Screen.WAY, Screen.APPOINTMENT, Screen.CONCERNS, Screen.DOCUMENTS, Screen.REFUSED}
)
_FREE_SCREENS = _IDLE_SCREENS | {Screen.START}
"""Screens where a scan starts a check-in at once (elsewhere it waits its turn)."""


class KioskModel:
    """The kiosk's state and the visitor's verbs.

    Signals: ``changed(ViewState)`` after every change, ``language_changed(str)``,
    ``request_ready(Request)`` (send it to the hub), ``print_requested(TicketPrint)``.
    """

    changed = Signal(object)
    language_changed = Signal(str)
    request_ready = Signal(object)
    print_requested = Signal(object)

    def __init__(
        self,
        site: KioskSite,
        clock: Clock,
        *,
        timings: Timings | None = None,
        new_key: Callable[[], str] = lambda: uuid.uuid4().hex,
    ) -> None:
        self.site = site
        self.clock = clock
        self.timings = timings or Timings()
        self._new_key = new_key
        lang = site.default_language
        self._state = ViewState(
            screen=Screen.START,
            language=lang,
            rtl=language_info(lang).rtl,
            large_text=False,
            digits="",
            concerns=site.concerns(lang),
            concern=None,
            issued=None,
            refusal=None,
            printing=False,
            printer_problem=None,
            deadline=None,
            busy=False,
        )
        self._pending: Request | None = None
        self._leave_requested = False
        self._queued_scans: list[str] = []

    # ------------------------------------------------------------------ reading
    def view_state(self) -> ViewState:
        """The frozen state the views render."""
        return self._state

    @property
    def pending(self) -> Request | None:
        """The request waiting for an answer (its key is reused on every retry)."""
        return self._pending

    # ------------------------------------------------------------------ visitor verbs
    def choose_language(self, code: str) -> None:
        """A language button: the whole interface switches, then the two ways."""
        self._set_language(code)
        self._go(Screen.WAY)

    def choose_appointment(self) -> None:
        """ "I have an appointment": the keypad."""
        self._go(Screen.APPOINTMENT, digits="")

    def choose_walk_in(self) -> None:
        """ "I have no appointment": the concerns offered now."""
        self._go(Screen.CONCERNS, concern=None)

    def press_digit(self, digit: str) -> None:
        """A keypad key (0-9)."""
        if len(digit) == 1 and digit.isdigit() and len(self._state.digits) < MAX_DIGITS:
            self._go(Screen.APPOINTMENT, digits=self._state.digits + digit)

    def erase(self) -> None:
        """The keypad's erase key: the last digit goes."""
        self._go(Screen.APPOINTMENT, digits=self._state.digits[:-1])

    def submit_number(self) -> None:
        """The keypad's OK: check in with the typed number (the final touch)."""
        if self._state.screen is Screen.APPOINTMENT and self._state.digits:
            self._check_in(self._state.digits)

    def scanned(self, code: str) -> None:
        """The booking letter's code came from the scanner (serial or keyboard wedge)."""
        code = code.strip()
        if not code:
            return
        if self._state.screen in _FREE_SCREENS and self._pending is None:
            self._check_in(code)
        else:
            log.info("scan while busy: kept for later")
            self._queued_scans.append(code)

    def choose_concern(self, service_id: str) -> None:
        """A walk-in concern: its documents (or, when its quota is used up, what to do)."""
        concern = next((c for c in self._state.concerns if c.id == service_id), None)
        if concern is None:
            return
        if concern.quota_used_up:
            self._refuse(Refusal.QUOTA_USED_UP, concern=concern)
        else:
            self._go(Screen.DOCUMENTS, concern=concern)

    def print_ticket(self) -> None:
        """The one large "print ticket" button (the final touch of the walk-in way)."""
        concern = self._state.concern
        if self._state.screen is not Screen.DOCUMENTS or concern is None or self._pending:
            return
        lang = self.site.hub_language(self._state.language)
        self._send(IssueRequest(self._new_key(), concern.id, lang))

    def back(self) -> None:
        """One screen back (from the first screen of a way: the start)."""
        previous = {
            Screen.WAY: Screen.START,
            Screen.APPOINTMENT: Screen.WAY,
            Screen.CONCERNS: Screen.WAY,
            Screen.DOCUMENTS: Screen.CONCERNS,
            Screen.REFUSED: Screen.WAY,
        }.get(self._state.screen)
        if previous is Screen.START:
            self.start_over()
        elif previous is not None:
            self._go(previous)

    def done(self) -> None:
        """ "Finished" on the ticket or note screen; during printing it waits for the paper."""
        if self._state.screen is Screen.TICKET and self._state.printing:
            self._leave_requested = True
        elif self._state.screen in (Screen.TICKET, Screen.NOTE_NUMBER, Screen.REFUSED):
            self.start_over()

    def start_over(self) -> None:
        """Back to the start screen in the site's language (nothing pending is dropped)."""
        if self._pending is not None:
            return
        self._leave_requested = False
        self._set_language(self.site.default_language)
        self._go(Screen.START, digits="", concern=None, issued=None, refusal=None)
        if self._queued_scans:
            self.scanned(self._queued_scans.pop(0))

    def walk_in_offer(self, offered: tuple[str, ...], used_up: frozenset[str]) -> None:
        """Today's walk-in offer from the hub: which concerns, which have no tickets left."""
        self.site = self.site.with_offer(offered, used_up)
        self._update(concerns=self.site.concerns(self._state.language))

    def touched(self) -> None:
        """Any touch: the idle timer starts again."""
        if self._state.screen in _IDLE_SCREENS:
            self._update(deadline=self._after(self.timings.idle))

    def toggle_large_text(self) -> None:
        """The large-text button."""
        self._update(large_text=not self._state.large_text)

    # ------------------------------------------------------------------ reports from the app
    def answered(self, key: str, issued: Issued) -> None:
        """The hub issued the ticket for the request with ``key``: show it, print it."""
        if self._pending is None or self._pending.key != key:
            log.info("late answer for %s ignored", key)
            return
        self._pending = None
        service = self.site.service(issued.service_id)
        concern = service.concern(self._state.language) if service else self._state.concern
        ticket = self._ticket_print(issued)
        self._update(printing=True)  # a touch from now on waits for the paper
        self.print_requested.emit(ticket)  # the printer starts before the screen is drawn
        self._go(Screen.TICKET, issued=issued, concern=concern, printer_problem=None, busy=False)

    def failed(self, key: str, failure: Failure) -> None:
        """The request with ``key`` failed: reception screen and retry, or a refusal."""
        pending = self._pending
        if pending is None or pending.key != key:
            return
        if failure.outcome_unknown:
            log.info("request %s: outcome unknown (%s); retrying", key, failure.detail)
            self._go(Screen.RECEPTION, deadline=self._after(self.timings.retry), busy=True)
            return
        self._pending = None
        walk_in = isinstance(pending, IssueRequest)
        concern = self._state.concern if walk_in else None
        self._refuse(failure.refusal(walk_in=walk_in), concern=concern)

    def printed(self) -> None:
        """The printer took the ticket: show it a few seconds (or leave if asked)."""
        if self._state.screen is not Screen.TICKET or not self._state.printing:
            return
        if self._leave_requested:
            self._update(printing=False)
            self.start_over()
            return
        self._update(printing=False, deadline=self._after(self.timings.ticket))

    def print_failed(self, status: PrinterStatus) -> None:
        """The printer failed: the number stays on screen with "please note your number"."""
        if self._state.issued is None or not self._state.printing:
            return
        self._leave_requested = False
        self._go(
            Screen.NOTE_NUMBER,
            printing=False,
            printer_problem=status,
            deadline=self._after(self.timings.note_number),
        )

    def expire(self) -> None:
        """A timer ran out (the app calls this at `ViewState.deadline`)."""
        deadline = self._state.deadline
        if deadline is None or self.clock.now() < deadline:
            return
        screen = self._state.screen
        if screen is Screen.WAIT:
            self._go(Screen.RECEPTION, deadline=self._after(self.timings.retry))
        elif screen is Screen.RECEPTION and self._pending is not None:
            self._update(deadline=self._after(self.timings.retry))
            self.request_ready.emit(self._pending)
        else:
            self.start_over()

    # ------------------------------------------------------------------ internals
    def _check_in(self, number: str) -> None:
        lang = self.site.hub_language(self._state.language)
        self._send(CheckInRequest(self._new_key(), number, lang))

    def _send(self, request: Request) -> None:
        self._pending = request
        self._go(Screen.WAIT, deadline=self._after(self.timings.request), busy=True)
        self.request_ready.emit(request)

    def _refuse(self, refusal: Refusal | None, *, concern: Concern | None) -> None:
        self._go(
            Screen.REFUSED,
            refusal=refusal,
            concern=concern,
            busy=False,
            deadline=self._after(self.timings.refused),
        )

    def _set_language(self, code: str) -> None:
        if code == self._state.language:
            return
        self._state = dataclasses.replace(
            self._state,
            language=code,
            rtl=language_info(code).rtl,
            concerns=self.site.concerns(code),
        )
        self.language_changed.emit(code)

    def _after(self, seconds: float) -> datetime:
        return self.clock.now() + timedelta(seconds=seconds)

    def _go(self, screen: Screen, **changes: object) -> None:
        if "deadline" not in changes:
            changes["deadline"] = (
                self._after(self.timings.idle) if screen in _IDLE_SCREENS else None
            )
        self._update(screen=screen, **changes)

    def _update(self, **changes: object) -> None:
        self._state = dataclasses.replace(self._state, **changes)  # type: ignore[arg-type]
        self.changed.emit(self._state)

    def _ticket_print(self, issued: Issued) -> TicketPrint:
        lang = self._state.language
        service = self.site.service(issued.service_id)
        concern = service.concern(lang) if service else None
        wait = issued.expected_wait_minutes
        return TicketPrint(
            office_name=self.site.name,
            number=issued.number,
            concern=concern.name if concern else issued.service_name,
            language=lang,
            issued_at=issued.created_at.astimezone(ZoneInfo(self.site.timezone)),
            expected_wait_minutes=round(wait) if wait is not None else None,
            documents=concern.documents if concern else (),
            status_url=issued.status_url,
        )
