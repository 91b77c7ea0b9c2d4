"""The one client every app uses to talk to the hub: REST calls plus the live event stream.

Built on QtNetwork and QtWebSockets, so it runs on the app's event loop without threads.
REST lives in `shared.qt.rest`, the stream in `shared.qt.stream`, and the Qt-free
decisions (back-off, seq cursor, heartbeat deadline) in `shared.client_state`.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import quote

from pydantic import TypeAdapter
from PySide6.QtCore import QObject, Signal

from shared.client_state import Backoff, ConnectionState
from shared.devices import PrinterStatus
from shared.display_setup import DisplaySetup
from shared.domain import CounterState
from shared.protocol import DeviceInfo, Snapshot
from shared.qt.rest import ApiError, QtReply, QtRest
from shared.qt.stream import QtEventStream
from shared.wire import (
    AlarmAnswer,
    Answer,
    CalledTicket,
    CallRequest,
    CheckInRequest,
    CounterAnswer,
    DeviceStatusReport,
    Health,
    ImportAnswer,
    IssuedTicket,
    IssueRequest,
    LoginRequest,
    Overview,
    PolicyAnswer,
    RaiseAlarmRequest,
    SessionAnswer,
    SiteAnswer,
    SteppedTicket,
    StepRequest,
    TicketStatusAnswer,
    TransferRequest,
    WalkInsAnswer,
    body_of,
)

log = logging.getLogger(__name__)

_JSON: Answer[Any] = Answer(TypeAdapter(Any), "any JSON")
_NOTHING: Answer[None] = Answer(TypeAdapter(None), "an empty answer")
_HEALTH = Answer.of(Health)
_SITE = Answer.of(SiteAnswer)
_STATUS = Answer.of(TicketStatusAnswer)
_ISSUED = Answer.of(IssuedTicket)
_SESSION = Answer.of(SessionAnswer)
_SNAPSHOT = Answer.of(Snapshot)
_CALLED = Answer.of(CalledTicket)
_CALLED_OR_NONE: Answer[CalledTicket | None] = Answer(
    TypeAdapter(CalledTicket | None), "CalledTicket or nothing"
)
_TICKET = Answer.of(SteppedTicket)
_COUNTER = Answer.of(CounterAnswer)
_IMPORT = Answer.of(ImportAnswer)
_ALARM = Answer.of(AlarmAnswer)
_POLICY = Answer.of(PolicyAnswer)
_OVERVIEW = Answer.of(Overview)
_DISPLAY = Answer.of(DisplaySetup)
_WALK_INS = Answer.of(WalkInsAnswer)
_DEVICE = Answer.of(DeviceInfo)

_COUNTER_VERBS = {
    CounterState.OPEN: "open",
    CounterState.PAUSED: "pause",
    CounterState.CLOSED: "close",
}


Key = str | None
"""An ``Idempotency-Key`` for a clerk's step (None: sent without)."""


def _keyed(key: Key) -> dict[str, str] | None:
    return {"Idempotency-Key": key} if key else None


class QtHubClient(QObject):
    """REST and event stream of one hub, for one token.

    Signals: ``event_received(object)`` (a `shared.protocol` event), ``connection_changed(object)``
    (a `ConnectionState`), ``error_occurred(str)`` (stream trouble, for a status line).
    One method per hub action, typed in and out: each returns a `QtReply[T]` whose
    ``succeeded`` carries the answer as a ``T`` from `shared.wire` / `shared.protocol`
    (``reply.then(on_success, on_failure)`` connects typed callbacks); ``failed`` carries an
    `ApiError`, also for an answer that does not have the expected shape.
    """

    event_received = Signal(object)
    connection_changed = Signal(object)
    error_occurred = Signal(str)
    token_refused = Signal(str)
    """The hub closed the stream: the token is no longer valid (its `AuthReason` code)."""

    def __init__(
        self,
        base_url: str,
        token: str,
        parent: QObject | None = None,
        *,
        timeout: float = 10.0,
        heartbeat_interval: float = 15.0,
        backoff: Backoff | None = None,
        since: int = 0,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self._rest = QtRest(base_url, token, timeout, self)
        self._stream = QtEventStream(
            base_url,
            token,
            since=since,
            heartbeat_interval=heartbeat_interval,
            backoff=backoff,
            monotonic=monotonic,
            parent=self,
        )
        self._stream.event_received.connect(self.event_received)
        self._stream.connection_changed.connect(self.connection_changed)
        self._stream.error_occurred.connect(self.error_occurred)
        self._stream.token_refused.connect(self.token_refused)

    # ------------------------------------------------------------------ plumbing
    @property
    def base_url(self) -> str:
        """The hub's root URL (``http://host:port``)."""
        return self._rest.base_url

    @property
    def token(self) -> str:
        """The bearer token sent with every call."""
        return self._rest.token

    def set_token(self, token: str) -> None:
        """Use another token from now on; an open stream reconnects with it from a snapshot."""
        self._rest.token = token
        self._stream.set_token(token)

    @property
    def state(self) -> ConnectionState:
        """Where the event stream stands."""
        return self._stream.state

    @property
    def last_seq(self) -> int:
        """The seq of the last event seen (sent as ``since`` on reconnect)."""
        return self._stream.last_seq

    def request(
        self,
        method: str,
        path: str,
        body: dict[str, Any] | None = None,
        *,
        idempotency_key: str | None = None,
    ) -> QtReply[Any]:
        """Send any API call and get the parsed JSON: ``request("GET", "/queue")``.

        The low-level way (paths under /api/v1); the methods below are typed and preferred.
        ``idempotency_key`` goes out as the ``Idempotency-Key`` header: a clerk's step sent
        again with the same key is answered with its first answer, never done twice.
        """
        return self._rest.request(method, path, _JSON, body, headers=_keyed(idempotency_key))

    def connect_events(self) -> None:
        """Open the event stream; it reconnects on its own until `close()`."""
        self._stream.open()

    def send_on_stream(self, text: str) -> bool:
        """Send a frame to the hub on the open event stream (a display's ack); False if closed."""
        return self._stream.send(text)

    def close(self) -> None:
        """Close the stream, stop reconnecting and abort requests in flight."""
        self._stream.close()
        self._rest.abort_all()

    # ------------------------------------------------------------------ everyone
    def health(self) -> QtReply[Health]:
        """``GET /health``: the hub answers, and which site it serves."""
        return self._rest.request("GET", "/health", _HEALTH)

    def site(self) -> QtReply[SiteAnswer]:
        """``GET /site``: services, counters and languages."""
        return self._rest.request("GET", "/site", _SITE)

    def ticket_status(self, ticket_id: int, key: str) -> QtReply[TicketStatusAnswer]:
        """``GET /tickets/{id}/status?key=…``: where a ticket stands (the QR code's page)."""
        path = f"/tickets/{ticket_id}/status?key={quote(key, safe='')}"
        return self._rest.request("GET", path, _STATUS)

    def display_setup(self) -> QtReply[DisplaySetup]:
        """``GET /display``: the calling display's counters and places, sounds, info texts."""
        return self._rest.request("GET", "/display", _DISPLAY)

    # ------------------------------------------------------------------ kiosk
    def issue_ticket(
        self, service_id: str, language: str, idempotency_key: str, *, emergency: bool = False
    ) -> QtReply[IssuedTicket]:
        """``POST /tickets``: a walk-in ticket (emergencies: clerks only).

        After a failure with status 0 the outcome is unknown: retry with the *same* key, and
        the hub hands back the same ticket instead of a second one.
        """
        body = IssueRequest(
            service_id=service_id,
            language=language,
            idempotency_key=idempotency_key,
            emergency=emergency,
        )
        return self._rest.request("POST", "/tickets", _ISSUED, body_of(body))

    def check_in(
        self, appointment_number: str, language: str, idempotency_key: str
    ) -> QtReply[IssuedTicket]:
        """``POST /checkins``: a ticket for a booked appointment (same retry rule).

        A refusal fails with an `ApiError` whose ``refused`` says why (``reason``: too early,
        too late, unknown, already checked in, other day) and what to do instead.
        """
        body = CheckInRequest(
            appointment_number=appointment_number,
            language=language,
            idempotency_key=idempotency_key,
        )
        return self._rest.request("POST", "/checkins", _ISSUED, body_of(body))

    def walk_ins(self) -> QtReply[WalkInsAnswer]:
        """``GET /walk-ins``: the concerns offered to walk-ins now and their daily quota."""
        return self._rest.request("GET", "/walk-ins", _WALK_INS)

    def report_status(self, printer: PrinterStatus) -> QtReply[DeviceInfo]:
        """``PUT /devices/current/status``: this device's printer state (and a sign of life).

        A changed state reaches the staff stream as a `DeviceStatusChanged`.
        """
        body = body_of(DeviceStatusReport(printer=printer))
        return self._rest.request("PUT", "/devices/current/status", _DEVICE, body)

    # ------------------------------------------------------------------ clerk
    def login(self, username: str, password: str) -> QtReply[SessionAnswer]:
        """``POST /sessions``; on success the client switches to the session token.

        The event stream then reconnects with it (a counter device's public stream becomes
        the clerk's staff stream, starting with a `Snapshot`).
        """
        body = body_of(LoginRequest(username=username, password=password))
        reply = self._rest.request("POST", "/sessions", _SESSION, body)
        reply.succeeded.connect(self._adopt_session)
        return reply

    def logout(self) -> QtReply[None]:
        """``DELETE /sessions/current``: end the clerk's session."""
        return self._rest.request("DELETE", "/sessions/current", _NOTHING)

    def queue(self) -> QtReply[Snapshot]:
        """``GET /queue``: today's live tickets and the counters (the staff snapshot)."""
        return self._rest.request("GET", "/queue", _SNAPSHOT)

    def policy(self) -> QtReply[PolicyAnswer]:
        """``GET /policy``: the queue policy's settings (to rank a waiting list like the hub)."""
        return self._rest.request("GET", "/policy", _POLICY)

    def call_next(self, counter_id: str, *, key: Key = None) -> QtReply[CalledTicket | None]:
        """``POST /counters/{id}/call-next``: the policy's pick, or None when nobody waits.

        Every step takes ``key``, sent as ``Idempotency-Key`` (one per click): after a failure
        with status 0, send the step again with the *same* key and the hub answers with its
        first answer instead of doing the step twice.
        """
        path = f"/counters/{counter_id}/call-next"
        return self._rest.request("POST", path, _CALLED_OR_NONE, headers=_keyed(key))

    def call_ticket(
        self, counter_id: str, ticket_id: int, *, key: Key = None
    ) -> QtReply[CalledTicket]:
        """``POST /counters/{id}/call``: call one chosen ticket (e.g. a parked one)."""
        body = body_of(CallRequest(ticket_id=ticket_id))
        path = f"/counters/{counter_id}/call"
        return self._rest.request("POST", path, _CALLED, body, headers=_keyed(key))

    def recall(
        self, ticket_id: int, note: str = "", *, at_counter: str | None = None, key: Key = None
    ) -> QtReply[SteppedTicket]:
        """Call the ticket again (`at_counter`: refused if another counter holds it now)."""
        return self._step(ticket_id, "recall", note, at_counter=at_counter, key=key)

    def start(
        self, ticket_id: int, note: str = "", *, at_counter: str | None = None, key: Key = None
    ) -> QtReply[SteppedTicket]:
        """The visitor arrived at the counter."""
        return self._step(ticket_id, "start", note, at_counter=at_counter, key=key)

    def finish(
        self, ticket_id: int, note: str = "", *, at_counter: str | None = None, key: Key = None
    ) -> QtReply[SteppedTicket]:
        """The visit is done."""
        return self._step(ticket_id, "finish", note, at_counter=at_counter, key=key)

    def no_show(
        self, ticket_id: int, note: str = "", *, at_counter: str | None = None, key: Key = None
    ) -> QtReply[SteppedTicket]:
        """The visitor did not come."""
        return self._step(ticket_id, "no-show", note, at_counter=at_counter, key=key)

    def park(
        self, ticket_id: int, note: str = "", *, at_counter: str | None = None, key: Key = None
    ) -> QtReply[SteppedTicket]:
        """Set the ticket aside (visitor must fetch a document); the note says why."""
        return self._step(ticket_id, "park", note, at_counter=at_counter, key=key)

    def cancel(
        self, ticket_id: int, note: str = "", *, at_counter: str | None = None, key: Key = None
    ) -> QtReply[SteppedTicket]:
        """Cancel the ticket."""
        return self._step(ticket_id, "cancel", note, at_counter=at_counter, key=key)

    def transfer(
        self,
        ticket_id: int,
        *,
        service_id: str | None = None,
        counter_id: str | None = None,
        note: str = "",
        at_counter: str | None = None,
        key: Key = None,
    ) -> QtReply[SteppedTicket]:
        """``POST /tickets/{id}/transfer`` to another service and/or a named counter."""
        body = TransferRequest(
            service_id=service_id, counter_id=counter_id, note=note, at_counter=at_counter
        )
        path = f"/tickets/{ticket_id}/transfer"
        return self._rest.request("POST", path, _TICKET, body_of(body), headers=_keyed(key))

    def set_counter_state(
        self, counter_id: str, state: CounterState, *, key: Key = None
    ) -> QtReply[CounterAnswer]:
        """``POST /counters/{id}/open|pause|close``: the counter as it is now."""
        path = f"/counters/{counter_id}/{_COUNTER_VERBS[state]}"
        return self._rest.request("POST", path, _COUNTER, headers=_keyed(key))

    def raise_alarm(self, counter_id: str, *, key: Key = None) -> QtReply[AlarmAnswer]:
        """``POST /alarms``: a colleague at this counter needs help (staff stream only)."""
        body = body_of(RaiseAlarmRequest(counter_id=counter_id))
        return self._rest.request("POST", "/alarms", _ALARM, body, headers=_keyed(key))

    def acknowledge_alarm(self, alarm_id: int, *, key: Key = None) -> QtReply[AlarmAnswer]:
        """``POST /alarms/{id}/acknowledge``: someone came to help."""
        path = f"/alarms/{alarm_id}/acknowledge"
        return self._rest.request("POST", path, _ALARM, headers=_keyed(key))

    # ------------------------------------------------------------------ supervisor
    def overview(self) -> QtReply[Overview]:
        """``GET /supervisor``: today's figures and every device's and clerk's last contact."""
        return self._rest.request("GET", "/supervisor", _OVERVIEW)

    def import_appointments(self, csv_text: str) -> QtReply[ImportAnswer]:
        """``POST /appointments/import``: today's appointments as CSV (number,service_id,…)."""
        text = ("text/csv; charset=utf-8", csv_text)
        return self._rest.request("POST", "/appointments/import", _IMPORT, text=text)

    def _step(
        self,
        ticket_id: int,
        verb: str,
        note: str,
        *,
        at_counter: str | None = None,
        key: Key = None,
    ) -> QtReply[SteppedTicket]:
        body = body_of(StepRequest(note=note, at_counter=at_counter))
        path = f"/tickets/{ticket_id}/{verb}"
        return self._rest.request("POST", path, _TICKET, body, headers=_keyed(key))

    def _adopt_session(self, answer: SessionAnswer) -> None:
        self.set_token(answer.token)


__all__ = ["ApiError", "Backoff", "ConnectionState", "QtHubClient", "QtReply"]
