"""The counter app's frozen view state and the requests its model asks the app to send."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from counter.waiting import WaitingPicture
from shared.desk_refusal import StepRefused
from shared.devices import PrinterStatus
from shared.domain import CounterState, TicketStatus
from shared.protocol import AlarmInfo, CallReason, CounterInfo


class Phase(StrEnum):
    """Which screen the clerk sees."""

    LOGIN = "login"
    CHOOSE_COUNTER = "choose_counter"
    WORKING = "working"


class Action(StrEnum):
    """Every request the model sends; the clerk's verbs and the loads behind them."""

    LOGIN = "login"
    LOGOUT = "logout"
    LOAD_SITE = "load_site"
    LOAD_POLICY = "load_policy"
    LOAD_QUEUE = "load_queue"
    LOAD_OVERVIEW = "load_overview"
    OPEN = "open"
    NEXT = "next"
    CALL = "call"
    RECALL = "recall"
    START = "start"
    FINISH = "finish"
    NO_SHOW = "no_show"
    PARK = "park"
    TRANSFER = "transfer"
    PAUSE = "pause"
    RESUME = "resume"
    CLOSE = "close"
    REMOTE = "remote"
    RAISE_ALARM = "raise_alarm"
    ACK_ALARM = "ack_alarm"


LOADS = frozenset({Action.LOAD_SITE, Action.LOAD_POLICY, Action.LOAD_QUEUE, Action.LOAD_OVERVIEW})
"""Requests that read only: they never make the model busy and are never announced."""
UNKEYED = LOADS | {Action.LOGIN, Action.LOGOUT}
"""Requests sent without an idempotency key (reads, and the session's own)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class HubRequest:
    """One request for the app to send; a retry sends the same request (same key) again.

    A clerk's step goes out with its `key` as ``Idempotency-Key`` (one key per click), so
    the hub answers a retry with the first answer and never does the step twice. A retry
    waits `delay` seconds before it is sent (back-off).
    """

    action: Action
    method: str
    path: str
    body: Mapping[str, Any] | None = None
    key: str
    attempt: int = 1
    delay: float = 0.0

    @property
    def keyed(self) -> bool:
        """Whether the key goes out as ``Idempotency-Key`` (every step; not reads, not login)."""
        return self.action not in UNKEYED


@dataclass(frozen=True, slots=True, kw_only=True)
class Failure:
    """A request that failed: HTTP status (0: the hub was not reached), detail, reason code."""

    status: int
    detail: str
    reason: str = ""
    step: StepRefused | None = None
    """A refused step: the hub's reason and the true state it refused in."""

    @property
    def passing(self) -> bool:
        """Worth sending again with the same key: no answer came (0), or a proxy in front of
        the hub or a hub restarting answered (502, 503, 504); the key keeps a step that did
        reach the hub from being done twice. Any other status (500: a bug) is final."""
        return self.status in PASSING


PASSING = frozenset({0, 502, 503, 504})
"""Statuses after which a request is sent again (see `Failure.passing`)."""


class AlertKind(StrEnum):
    """What an office alert is about."""

    ALARM = "alarm"
    EMERGENCY = "emergency"
    PRINTER = "printer"
    DISPLAY = "display"
    """A wall display stopped showing calls."""
    KIOSK = "kiosk"
    """A kiosk is out of contact (offline)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Alert:
    """An office alert, listed until resolved; `key` identifies it across updates.

    Facts only (the widgets word them in the clerk's language): `subject` is the counter
    (alarm), the device's name (printer, display, kiosk) or the ticket number (emergency).
    """

    key: str
    kind: AlertKind
    subject: str
    device_id: str = ""
    """The device it is about (printer, display, kiosk alerts)."""
    concern: str = ""
    """The emergency ticket's concern."""
    printer: PrinterStatus | None = None
    """The kiosk printer's state (printer alerts)."""
    alarm_id: int | None = None


class Note(StrEnum):
    """What a message to the clerk says (worded by the widgets)."""

    NOBODY = "nobody"
    """Next found nobody waiting for this counter."""
    UNREACHABLE = "unreachable"
    """The hub was not reached; the action was not confirmed."""
    REFUSED = "refused"
    """The hub refused the step (`reason`: its code, `detail`: its own text)."""
    ALARM_RAISED = "alarm_raised"
    """This counter's help call went out."""
    UNAUTHORIZED = "unauthorized"
    """Back at login (`reason`: the hub's 401 code, or ``bad_credentials``)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Message:
    """A message for the clerk: what it says, the hub's reason code and text, and whether it
    reports a failure."""

    note: Note
    reason: str = ""
    detail: str = ""
    error: bool = False
    step: StepRefused | None = None
    """For `Note.REFUSED`: the hub's reason and the true state it refused the step in."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Current:
    """The ticket in the clerk's hand."""

    ticket_id: int
    number: str
    concern: str
    status: TicketStatus
    waited_minutes: int
    appointment: bool
    note: str
    why: CallReason | None
    """Why the hub's policy chose it (worded by the widgets)."""
    language: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Receipt:
    """An "Eingangsbestätigung": the application was handed in complete."""

    number: str
    concern: str
    concern_de: str
    language: str
    day: date
    office: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Choice:
    """A counter or concern the clerk can pick."""

    id: str
    name: str


@dataclass(frozen=True, slots=True, kw_only=True)
class ViewState:
    """Everything the views render; replaced as a whole on every change."""

    phase: Phase = Phase.LOGIN
    language: str = "de"
    username: str = ""
    role: str = ""
    counters: tuple[Choice, ...] = ()
    concerns: tuple[Choice, ...] = ()
    counter_id: str | None = None
    counter_name: str = ""
    clerk: str = ""
    """Who the hub names as the counter's clerk (the display name)."""
    counter_state: CounterState = CounterState.CLOSED
    current: Current | None = None
    waiting: WaitingPicture = field(default_factory=WaitingPicture)
    parked: tuple[Choice, ...] = ()
    message: Message | None = None
    alerts: tuple[Alert, ...] = ()
    my_alarm: AlarmInfo | None = None
    busy: bool = False
    connected: bool = False
    board: tuple[CounterInfo, ...] = ()
    office_queue: WaitingPicture = field(default_factory=WaitingPicture)
    overview: Mapping[str, Any] | None = None
    printers: Mapping[str, PrinterStatus] = field(default_factory=dict)
    """Device id -> its printer's last reported state (kiosks)."""
    can_print: bool = False

    @property
    def error(self) -> bool:
        """Whether the message reports a failure."""
        return self.message is not None and self.message.error

    @property
    def supervisor(self) -> bool:
        """Whether the clerk may see the supervisor view."""
        return self.role in {"supervisor", "admin"}
