"""The clerk's counter, without Qt: login, the counter, the ticket in hand, every action.

The model does no I/O. It emits `request_ready(HubRequest)`; the app sends it and reports
back with `answered(request, result)` or `failed(request, Failure)`. Hub events come in
through `apply(event)`. The state shown is always the hub's: a refused step (409) shows the
hub's reason and reloads the queue; a request that never reached the hub is sent again,
the same request with the same key, then reported. Nothing is changed locally on a click.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Mapping
from datetime import timedelta
from typing import Any

from psygnal import Signal
from pydantic import TypeAdapter

from counter import render
from counter.queue import StaffQueue
from counter.state import (
    LOADS,
    Action,
    Choice,
    Failure,
    HubRequest,
    Message,
    Note,
    Phase,
    Receipt,
    ViewState,
)
from shared.clock import Clock
from shared.domain import CounterState
from shared.numbering import local_day
from shared.policy import DEFAULT_SETTINGS, CounterProfile, PolicySettings
from shared.protocol import (
    AlarmInfo,
    CallReason,
    CounterInfo,
    Event,
    Snapshot,
    TicketInfo,
)

log = logging.getLogger(__name__)

__all__ = ["CounterModel"]

_FIRST = frozenset({Action.LOGIN, Action.LOAD_SITE, Action.LOAD_POLICY})
"""Answers that come while the login screen still shows."""
MAX_ATTEMPTS = 2
"""A request that did not reach the hub is sent this often in all, then reported."""

_TICKET = TypeAdapter(TicketInfo)
_COUNTER = TypeAdapter(CounterInfo)
_ALARM = TypeAdapter(AlarmInfo)
_WHY = TypeAdapter(CallReason | None)
_SNAPSHOT = TypeAdapter(Snapshot)

_STEPS = {
    Action.RECALL: "recall",
    Action.START: "start",
    Action.FINISH: "finish",
    Action.NO_SHOW: "no-show",
    Action.PARK: "park",
}
_STATE_VERBS = {
    CounterState.OPEN: "open",
    CounterState.PAUSED: "pause",
    CounterState.CLOSED: "close",
}


class CounterModel:
    """One clerk at one counter.

    Signals: ``changed(ViewState)`` after every change, ``request_ready(HubRequest)`` (send
    it), ``session_started(str)`` (the session token: use it for REST and the stream),
    ``session_ended(str)`` (why), ``counter_chosen(str)`` (remember it on this PC),
    ``called(str)`` (this counter called a number: the LED sign shows it),
    ``alert_raised(Alert)`` (a new office alert: sound it once),
    ``receipt_requested(Receipt)`` (print it).
    """

    changed = Signal(object)
    request_ready = Signal(object)
    session_started = Signal(str)
    session_ended = Signal(str)
    counter_chosen = Signal(str)
    called = Signal(str)
    alert_raised = Signal(object)
    receipt_requested = Signal(object)

    def __init__(
        self,
        clock: Clock,
        *,
        language: str = "de",
        remembered_counter: str | None = None,
        can_print: bool = False,
        new_key: Callable[[], str] = lambda: uuid.uuid4().hex,
    ) -> None:
        self.clock = clock
        self.queue = StaffQueue()
        self._new_key = new_key
        self._remembered = remembered_counter
        self._policy: PolicySettings = DEFAULT_SETTINGS
        self._site: Mapping[str, Any] = {}
        self._profiles: dict[str, CounterProfile] = {}
        self._names: dict[str, dict[str, str]] = {}
        self._announced: set[str] = set()
        self._pending: HubRequest | None = None
        self._state = ViewState(language=language, can_print=can_print)
        self._answers: dict[Action, Callable[[Any], None]] = {
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
            self._answers[step] = self._stepped
        for verb in (Action.OPEN, Action.PAUSE, Action.RESUME, Action.CLOSE, Action.REMOTE):
            self._answers[verb] = self._counter_changed

    # ------------------------------------------------------------------ reading
    def view_state(self) -> ViewState:
        """The frozen state the views render."""
        return self._state

    @property
    def pending(self) -> HubRequest | None:
        """The clerk's action in flight (at most one at a time)."""
        return self._pending

    # ------------------------------------------------------------------ session
    def login(self, username: str, password: str) -> None:
        """Log in; on success the site, the policy and then the counter choice follow."""
        body = {"username": username.strip(), "password": password}
        self._send(Action.LOGIN, "POST", "/sessions", body)

    def logout(self) -> None:
        """End the session and go back to the login screen."""
        self._send(Action.LOGOUT, "DELETE", "/sessions/current")

    def choose_counter(self, counter_id: str) -> None:
        """Sit down at a counter (remembered per PC); a closed counter is opened."""
        if counter_id not in self._profiles:
            return
        self.counter_chosen.emit(counter_id)
        self._remembered = counter_id
        self._update(phase=Phase.WORKING, counter_id=counter_id)
        counter = self.queue.counters.get(counter_id)
        if counter is None or counter.state is not CounterState.OPEN:
            self._send(Action.OPEN, "POST", f"/counters/{counter_id}/open")

    def set_connected(self, connected: bool) -> None:
        """The event stream is live (True) or reconnecting (False)."""
        self._update(connected=connected)

    def tick(self) -> None:
        """Time passed: waits grew (no request; the hub is not asked)."""
        self._render()

    # ------------------------------------------------------------------ the clerk's verbs
    def call_next(self) -> None:
        """Next: the hub's policy picks the ticket."""
        cid = self._state.counter_id
        if cid is not None:
            self._send(Action.NEXT, "POST", f"/counters/{cid}/call-next")

    def call_ticket(self, ticket_id: int) -> None:
        """Call one ticket from the list (waiting or parked)."""
        cid = self._state.counter_id
        if cid is not None:
            self._send(Action.CALL, "POST", f"/counters/{cid}/call", {"ticket_id": ticket_id})

    def recall(self) -> None:
        """Call the ticket in hand again."""
        self._step(Action.RECALL)

    def start(self) -> None:
        """The visitor is here."""
        self._step(Action.START)

    def finish(self) -> None:
        """Service is over."""
        self._step(Action.FINISH)

    def no_show(self) -> None:
        """The called visitor did not come."""
        self._step(Action.NO_SHOW)

    def park(self, note: str = "") -> None:
        """Set the ticket aside (it can be called again from the list)."""
        self._step(Action.PARK, note)

    def transfer(
        self, *, service_id: str | None = None, counter_id: str | None = None, note: str = ""
    ) -> None:
        """Send the ticket to another concern and/or a named counter, with a note."""
        current = self._state.current
        if current is None or (service_id is None and counter_id is None):
            return
        body: dict[str, Any] = {"note": note}
        if service_id is not None:
            body["service_id"] = service_id
        if counter_id is not None:
            body["counter_id"] = counter_id
        self._send(Action.TRANSFER, "POST", f"/tickets/{current.ticket_id}/transfer", body)

    def pause(self) -> None:
        """Pause the counter (a ticket in hand stays)."""
        self._counter_state(Action.PAUSE, CounterState.PAUSED)

    def resume(self) -> None:
        """Open the paused counter again."""
        self._counter_state(Action.RESUME, CounterState.OPEN)

    def close(self) -> None:
        """Close the counter (the hub refuses while a ticket is in hand)."""
        self._counter_state(Action.CLOSE, CounterState.CLOSED)

    def set_counter_state(self, counter_id: str, state: CounterState) -> None:
        """Supervisor: open, pause or close any counter remotely."""
        self._send(Action.REMOTE, "POST", f"/counters/{counter_id}/{_STATE_VERBS[state]}")

    def raise_alarm(self) -> None:
        """The discreet help button: supervisors and all other counters are told at once."""
        cid = self._state.counter_id
        if cid is not None:
            self._send(Action.RAISE_ALARM, "POST", "/alarms", {"counter_id": cid})

    def acknowledge_alarm(self, alarm_id: int) -> None:
        """I am coming to help."""
        self._send(Action.ACK_ALARM, "POST", f"/alarms/{alarm_id}/acknowledge")

    def load_overview(self) -> None:
        """Supervisor: fetch today's figures and every device's last contact."""
        self._send(Action.LOAD_OVERVIEW, "GET", "/supervisor")

    def print_receipt(self) -> None:
        """Print the "Eingangsbestätigung" for the ticket in hand."""
        current = self._state.current
        if current is None or not self._state.can_print:
            return
        services = self._names.get(self.queue.tickets[current.ticket_id].service_id, {})
        day = local_day(self.clock.now(), str(self._site.get("timezone", "Europe/Berlin")))
        self.receipt_requested.emit(
            Receipt(
                number=current.number,
                concern=services.get(current.language) or services.get("en") or current.concern,
                concern_de=services.get("de") or current.concern,
                language=current.language,
                day=day,
                office=str(self._site.get("name", "")),
            )
        )

    def dismiss_message(self) -> None:
        """The clerk read the message."""
        self._update(message=None)

    def set_language(self, language: str) -> None:
        """The clerk's language changed: concern names follow (the widgets word the rest)."""
        self._update(language=language)
        concerns = tuple(Choice(id=sid, name=self._name(sid)) for sid in self._names)
        self._update(concerns=concerns)
        self._render()

    # ------------------------------------------------------------------ from the hub
    def apply(self, event: Event) -> None:
        """A stream event (or a snapshot): fold it in and render."""
        if self.queue.apply(event):
            self._render()

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
        """A request failed: retry once when the hub was not reached, else say why."""
        if self._state.phase is Phase.LOGIN and request.action is not Action.LOGIN:
            return  # left over from an ended session
        if request is self._pending:
            self._pending = None
        if failure.status == 401:
            self._end_session(failure.reason or "unknown_token", login=request.action)
        elif failure.status == 0 and request.attempt < MAX_ATTEMPTS:
            log.info("%s did not reach the hub; sending it again", request.action)
            again = HubRequest(
                action=request.action,
                method=request.method,
                path=request.path,
                body=request.body,
                key=request.key,
                attempt=request.attempt + 1,
            )
            if request.action not in LOADS:
                self._pending = again
            self.request_ready.emit(again)
        elif failure.status == 0:
            self._update(message=Message(note=Note.UNREACHABLE, error=True))
        elif failure.status == 409 and request.attempt > 1:
            self._reload()  # the first try had gone through: just show the true state
        else:
            refused = Message(
                note=Note.REFUSED, reason=failure.reason, detail=failure.detail, error=True
            )
            self._update(message=refused)
            if failure.status in (404, 409):
                self._reload()
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
        self.queue.apply(_SNAPSHOT.validate_python(result))

    def _called(self, result: Any) -> None:
        if result is None:
            return
        ticket = _TICKET.validate_python(result["ticket"])
        self.queue.remember_why(ticket, _WHY.validate_python(result.get("why")))
        self.called.emit(ticket.number)

    def _recalled(self, result: Any) -> None:
        ticket = _TICKET.validate_python(result)
        self.queue.remember_why(ticket, None)
        self.called.emit(ticket.number)

    def _stepped(self, result: Any) -> None:
        self.queue.remember_why(_TICKET.validate_python(result), None)

    def _counter_changed(self, result: Any) -> None:
        counter = _COUNTER.validate_python(result)
        self.queue.counters[counter.id] = counter

    def _alarm_changed(self, result: Any) -> None:
        alarm = _ALARM.validate_python(result)
        if alarm.acknowledged_at is None:
            self.queue.alarms[alarm.id] = alarm
            self._announced.add(f"alarm:{alarm.id}")  # mine: no alert at my own desk
            self._update(message=Message(note=Note.ALARM_RAISED))
        else:
            self.queue.alarms.pop(alarm.id, None)

    def _overview_loaded(self, result: Any) -> None:
        self._update(overview=result)

    def _logged_out(self, _: Any) -> None:
        self._end_session("", login=None)

    # ------------------------------------------------------------------ helpers
    @property
    def _lang(self) -> str:
        return self._state.language

    def _name(self, service_id: str) -> str:
        names = self._names.get(service_id, {})
        return names.get(self._lang) or names.get("de") or service_id

    def _send(
        self, action: Action, method: str, path: str, body: Mapping[str, Any] | None = None
    ) -> None:
        if action not in LOADS and action is not Action.LOGIN and self._pending is not None:
            log.info("%s ignored: %s is still in flight", action, self._pending.action)
            return
        request = HubRequest(
            action=action, method=method, path=path, body=body, key=self._new_key()
        )
        if action not in LOADS:
            self._pending = request
            self._render()
        self.request_ready.emit(request)

    def _step(self, action: Action, note: str = "") -> None:
        current = self._state.current
        if current is not None:
            body = {"note": note} if note else None
            self._send(action, "POST", f"/tickets/{current.ticket_id}/{_STEPS[action]}", body)

    def _counter_state(self, action: Action, state: CounterState) -> None:
        cid = self._state.counter_id
        if cid is not None:
            self._send(action, "POST", f"/counters/{cid}/{_STATE_VERBS[state]}")

    def _reload(self) -> None:
        self._send(Action.LOAD_QUEUE, "GET", "/queue")

    def _end_session(self, reason: str, login: Action | None) -> None:
        self._pending = None
        self.queue = StaffQueue()
        self._announced.clear()
        code = "bad_credentials" if login is Action.LOGIN else reason
        message = Message(note=Note.UNAUTHORIZED, reason=code, error=True) if code else None
        self._update(
            phase=Phase.LOGIN,
            username="",
            role="",
            current=None,
            alerts=(),
            my_alarm=None,
            overview=None,
            message=message,
        )
        if login is not Action.LOGIN:
            self.session_ended.emit(reason)

    def _update(self, **changes: Any) -> None:
        fields = {name: getattr(self._state, name) for name in self._state.__slots__}
        fields.update(changes)
        state = ViewState(**fields)
        if state != self._state:
            self._state = state
            self.changed.emit(state)

    def _render(self) -> None:
        context = render.Context(
            counter_id=self._state.counter_id,
            profiles=self._profiles,
            names={sid: self._name(sid) for sid in self._names},
            policy=self._policy,
            now=self.clock.now(),
        )
        found = render.alerts(self.queue, context)
        fresh = [alert for alert in found if alert.key not in self._announced]
        self._announced.update(alert.key for alert in fresh)
        self._update(
            busy=self._pending is not None, alerts=found, **render.fields(self.queue, context)
        )
        for alert in fresh:
            self.alert_raised.emit(alert)
