"""The hub's answers folded into the counter model (Qt-free): results, refusals, retries.

A refused step (409) shows the hub's reason and reloads the queue; a request that never
reached the hub, or was answered 502/503/504 (a proxy, or the hub restarting), is sent again,
the same request with the same key (the hub answers a repeat with its first answer), after
growing pauses, then reported as no connection; a 401 — or the staff stream closed by the hub
— leads back to login with the hub's reason code. A step's answer carries the `seq` it
reached; the queue takes its ticket, counter or alarm only when the staff stream has not
brought that event or a later one already (`StaffQueue.fresher`), and keeps it over the
stream's older events about the same thing until the stream gets there (`StaffQueue.ahead`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta
from typing import Any

from pydantic import TypeAdapter

from counter.model_core import ModelCore
from counter.state import LOADS, Action, Choice, Failure, HubRequest, Message, Note, Phase
from shared.policy import CounterProfile, PolicySettings
from shared.protocol import AlarmInfo, CallReason, CounterInfo, Snapshot, TicketInfo

log = logging.getLogger(__name__)

__all__ = ["MAX_ATTEMPTS", "HubAnswers"]

_FIRST = frozenset({Action.LOGIN, Action.LOAD_SITE, Action.LOAD_POLICY})
"""Answers that come while the login screen still shows."""
MAX_ATTEMPTS = 4
"""A request that did not reach the hub (`Failure.passing`) is sent this often in all, then
reported."""
RETRY_DELAYS = (0.5, 1.0, 2.0)
"""Seconds before the 2nd, 3rd and 4th try (3.5 s in all, then the clerk is told)."""

_TICKET = TypeAdapter(TicketInfo)
_COUNTER = TypeAdapter(CounterInfo)
_ALARM = TypeAdapter(AlarmInfo)
_WHY = TypeAdapter(CallReason | None)
_SNAPSHOT = TypeAdapter(Snapshot)


class HubAnswers(ModelCore):
    """What each answer or failure of the hub does to the model."""

    def _answer_table(self) -> dict[Action, Callable[[Any], None]]:
        """Which handler folds in the answer of each action."""
        answers: dict[Action, Callable[[Any], None]] = {
            Action.LOGIN: self._logged_in,
            Action.LOGOUT: self._logged_out,
            Action.LOAD_SITE: self._site_loaded,
            Action.LOAD_POLICY: self._policy_loaded,
            Action.LOAD_QUEUE: self._queue_loaded,
            Action.LOAD_OVERVIEW: self._overview_loaded,
            Action.NEXT: self._called,
            Action.CALL: self._called,
            Action.RECALL: self._recalled,
            Action.RAISE_ALARM: self._alarm_changed,
            Action.ACK_ALARM: self._alarm_changed,
        }
        for step in (Action.START, Action.FINISH, Action.NO_SHOW, Action.PARK, Action.TRANSFER):
            answers[step] = self._stepped
        for verb in (Action.OPEN, Action.PAUSE, Action.RESUME, Action.CLOSE, Action.REMOTE):
            answers[verb] = self._counter_changed
        return answers

    def answered(self, request: HubRequest, result: Any) -> None:
        """The hub answered a request."""
        if self._state.phase is Phase.LOGIN and request.action not in _FIRST:
            return  # left over from an ended session
        if request is self._pending:
            self._pending = None
        handler = self._answers.get(request.action)
        if handler is not None:
            handler(result)
        if request.action is Action.NEXT and result is None:
            self._update(message=Message(note=Note.NOBODY))
        elif request.action not in LOADS:
            self._update(message=None)
        self._render()

    def failed(self, request: HubRequest, failure: Failure) -> None:
        """A request failed: sent again (same key, after a pause) while the hub was not
        reached or a gateway answered for it (`Failure.passing`), at most `MAX_ATTEMPTS`
        times in all; else the hub's reason is shown."""
        if self._state.phase is Phase.LOGIN and request.action is not Action.LOGIN:
            return  # left over from an ended session
        if request is self._pending:
            self._pending = None
        if failure.status == 401:
            self._end_session(failure.reason or "unknown_token", login=request.action)
        elif failure.passing and request.attempt < MAX_ATTEMPTS:
            delay = RETRY_DELAYS[min(request.attempt, len(RETRY_DELAYS)) - 1]
            log.info(
                "%s did not reach the hub (%s); sending it again in %.1f s",
                request.action,
                failure.status or "no answer",
                delay,
            )
            again = replace(request, attempt=request.attempt + 1, delay=delay)
            if request.action not in LOADS:
                self._pending = again
            self.request_ready.emit(again)
        elif failure.passing:
            self._update(message=Message(note=Note.UNREACHABLE, error=True))
        else:
            refused = Message(
                note=Note.REFUSED,
                reason=failure.reason,
                detail=failure.detail,
                error=True,
                step=failure.step,
            )
            self._update(message=refused)
            if failure.status in (400, 404, 409):
                self._reload()  # the true state, from the hub
        self._render()

    def session_refused(self, reason: str) -> None:
        """The hub closed the staff stream because the session ended (`AuthReason` code:
        ``user_disabled``, ``session_expired``, …): back to login with that reason."""
        if self._state.phase is not Phase.LOGIN:
            self._end_session(reason or "unknown_token", login=None)
            self._render()

    # ------------------------------------------------------------------ answers
    def _logged_in(self, result: Any) -> None:
        self._update(username=str(result["username"]), role=str(result["role"]), message=None)
        self.session_started.emit(str(result["token"]))
        self._send(Action.LOAD_POLICY, "GET", "/policy")
        self._send(Action.LOAD_SITE, "GET", "/site")

    def _site_loaded(self, result: Any) -> None:
        self._site = result
        self._names = {s["id"]: dict(s["names"]) for s in result["services"]}
        self._profiles = {
            c["id"]: CounterProfile(c["id"], dict(c["weights"])) for c in result["counters"]
        }
        counters = tuple(Choice(id=c["id"], name=c["name"]) for c in result["counters"])
        concerns = tuple(Choice(id=sid, name=self._name(sid)) for sid in self._names)
        remembered = self._remembered if self._remembered in self._profiles else None
        self._update(
            phase=Phase.CHOOSE_COUNTER, counters=counters, concerns=concerns, counter_id=remembered
        )

    def _policy_loaded(self, result: Any) -> None:
        self._policy = PolicySettings(
            appointment_window=timedelta(minutes=float(result["appointment_window_minutes"])),
            ageing_per_minute=float(result["ageing_per_minute"]),
            max_wait=timedelta(minutes=float(result["max_wait_minutes"])),
        )

    def _queue_loaded(self, result: Any) -> None:
        self.queue.load(_SNAPSHOT.validate_python(result))

    def _called(self, result: Any) -> None:
        if result is None:
            return
        ticket = _TICKET.validate_python(result["ticket"])
        why = _WHY.validate_python(result.get("why"))
        self.queue.answered_ticket(ticket, why, _seq(result))
        self.called.emit(ticket.number)

    def _recalled(self, result: Any) -> None:
        ticket = _TICKET.validate_python(result)
        self.queue.answered_ticket(ticket, None, _seq(result))
        self.called.emit(ticket.number)

    def _stepped(self, result: Any) -> None:
        self.queue.answered_ticket(_TICKET.validate_python(result), None, _seq(result))

    def _counter_changed(self, result: Any) -> None:
        self.queue.answered_counter(_COUNTER.validate_python(result), _seq(result))

    def _alarm_changed(self, result: Any) -> None:
        alarm = _ALARM.validate_python(result)
        self.queue.answered_alarm(alarm, _seq(result))
        if alarm.acknowledged_at is None:
            self._announced.add(f"alarm:{alarm.id}")  # mine: no alert at my own desk
            self._update(message=Message(note=Note.ALARM_RAISED))

    def _overview_loaded(self, result: Any) -> None:
        self._update(overview=result)

    def _logged_out(self, _: Any) -> None:
        self._end_session("", login=None)


def _seq(result: Any) -> int | None:
    """A step answer's stream position (`shared.wire.SteppedTicket.seq`; None from an older hub)."""
    seq = result.get("seq")
    return seq if isinstance(seq, int) else None
