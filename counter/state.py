"""The counter app's frozen view state and the requests its model asks the app to send."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from counter.waiting import WaitingPicture
from shared.domain import CounterState, TicketStatus
from shared.protocol import AlarmInfo, CounterInfo


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


@dataclass(frozen=True, slots=True, kw_only=True)
class HubRequest:
    """One request for the app to send; a retry sends the same request (same key) again."""

    action: Action
    method: str
    path: str
    body: Mapping[str, Any] | None = None
    key: str
    attempt: int = 1


@dataclass(frozen=True, slots=True, kw_only=True)
class Failure:
    """A request that failed: HTTP status (0: the hub was not reached), detail, reason code."""

    status: int
    detail: str
    reason: str = ""


class AlertKind(StrEnum):
    """What an office alert is about."""

    ALARM = "alarm"
    EMERGENCY = "emergency"
    PRINTER = "printer"
    DISPLAY = "display"


@dataclass(frozen=True, slots=True, kw_only=True)
class Alert:
    """An office alert, listed until resolved; `key` identifies it across updates."""

    key: str
    kind: AlertKind
    text: str
    alarm_id: int | None = None


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
    why: str
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
    message: str = ""
    error: bool = False
    alerts: tuple[Alert, ...] = ()
    my_alarm: AlarmInfo | None = None
    busy: bool = False
    connected: bool = False
    board: tuple[CounterInfo, ...] = ()
    office_queue: WaitingPicture = field(default_factory=WaitingPicture)
    overview: Mapping[str, Any] | None = None
    printers: Mapping[str, str] = field(default_factory=dict)
    """Device id -> its printer's last reported state, worded (kiosks)."""
    can_print: bool = False

    @property
    def supervisor(self) -> bool:
        """Whether the clerk may see the supervisor view."""
        return self.role in {"supervisor", "admin"}
