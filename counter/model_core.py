"""The counter model's core, without Qt: its state, its signals, and sending requests.

`CounterModel` (`counter.model`) is this core with the clerk's verbs (`counter.verbs`) and the
handling of the hub's answers (`counter.answers`). The core does no I/O: `_send` emits
`request_ready(HubRequest)`; `_render` folds the hub's state into a new frozen `ViewState`.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Mapping
from typing import Any

from psygnal import Signal

from counter import render
from counter.queue import StaffQueue
from counter.state import LOADS, Action, Choice, HubRequest, Message, Note, Phase, ViewState
from shared.clock import Clock
from shared.policy import DEFAULT_SETTINGS, CounterProfile, PolicySettings
from shared.protocol import Event
from shared.unauthorized import AuthReason

log = logging.getLogger(__name__)
USER_DISABLED = AuthReason.USER_DISABLED.value
BAD_LOGIN = AuthReason.BAD_CREDENTIALS.value

__all__ = ["ModelCore"]


class ModelCore:
    """State, signals and request sending shared by the verbs and the answers."""

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
        self._answers: dict[Action, Callable[[Any], None]] = {}
        """Action -> what its answer does (filled by `CounterModel`)."""

    # ------------------------------------------------------------------ reading
    def view_state(self) -> ViewState:
        """The frozen state the views render."""
        return self._state

    @property
    def pending(self) -> HubRequest | None:
        """The clerk's action in flight (at most one at a time)."""
        return self._pending

    def set_connected(self, connected: bool) -> None:
        """The event stream is live (True) or reconnecting (False)."""
        self._update(connected=connected)

    def tick(self) -> None:
        """Time passed: waits grew (no request; the hub is not asked)."""
        self._render()

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

    def _reload(self) -> None:
        self._send(Action.LOAD_QUEUE, "GET", "/queue")

    def _end_session(self, reason: str, login: Action | None) -> None:
        self._pending = None
        self.queue = StaffQueue()
        self._announced.clear()
        # A failed login says "wrong username or password", unless the hub said that this
        # (right) password belongs to a disabled user.
        code = reason if login is not Action.LOGIN or reason == USER_DISABLED else BAD_LOGIN
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
        # Each alert is announced once while it is open; one resolved and back is new again.
        self._announced = {alert.key for alert in found}
        self._update(
            busy=self._pending is not None, alerts=found, **render.fields(self.queue, context)
        )
        for alert in fresh:
            self.alert_raised.emit(alert)
