"""The one client every app uses to talk to the hub: REST calls plus the live event stream.

Built on QtNetwork and QtWebSockets, so it runs on the app's event loop without threads.
REST lives in `shared.qt.rest`, the stream in `shared.qt.stream`, and the Qt-free
decisions (back-off, seq cursor, heartbeat deadline) in `shared.client_state`.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, Signal

from shared.client_state import Backoff, ConnectionState
from shared.domain import CounterState
from shared.qt.rest import ApiError, QtReply, QtRest
from shared.qt.stream import QtEventStream

log = logging.getLogger(__name__)

_COUNTER_VERBS = {
    CounterState.OPEN: "open",
    CounterState.PAUSED: "pause",
    CounterState.CLOSED: "close",
}


class QtHubClient(QObject):
    """REST and event stream of one hub, for one token.

    Signals: ``event_received(object)`` (a `shared.protocol` event), ``connection_changed(object)``
    (a `ConnectionState`), ``error_occurred(str)`` (stream trouble, for a status line).
    REST calls return a `QtReply`; connect to its ``succeeded`` / ``failed``.
    """

    event_received = Signal(object)
    connection_changed = Signal(object)
    error_occurred = Signal(str)

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
    ) -> None:
        super().__init__(parent)
        self._rest = QtRest(base_url, token, timeout, self)
        self._stream = QtEventStream(
            base_url,
            token,
            since=since,
            heartbeat_interval=heartbeat_interval,
            backoff=backoff,
            parent=self,
        )
        self._stream.event_received.connect(self.event_received)
        self._stream.connection_changed.connect(self.connection_changed)
        self._stream.error_occurred.connect(self.error_occurred)

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

    def request(self, method: str, path: str, body: dict[str, Any] | None = None) -> QtReply:
        """Send any API call: ``request("POST", "/tickets", {...})`` goes to /api/v1/tickets."""
        return self._rest.request(method, path, body)

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

    # ------------------------------------------------------------------ kiosk
    def health(self) -> QtReply:
        """``GET /health``: ``{"status": "ok", "site": ..., "api": 1}``."""
        return self.request("GET", "/health")

    def site(self) -> QtReply:
        """``GET /site``: services, counters and languages."""
        return self.request("GET", "/site")

    def issue_ticket(
        self, service_id: str, language: str, idempotency_key: str, *, emergency: bool = False
    ) -> QtReply:
        """``POST /tickets``: a walk-in ticket (answer: ``IssuedTicket``).

        After a failure with status 0 the outcome is unknown: retry with the *same* key, and
        the hub hands back the same ticket instead of a second one.
        """
        body: dict[str, Any] = {
            "service_id": service_id,
            "language": language,
            "idempotency_key": idempotency_key,
        }
        if emergency:
            body["emergency"] = True
        return self.request("POST", "/tickets", body)

    def check_in(self, appointment_number: str, language: str, idempotency_key: str) -> QtReply:
        """``POST /checkins``: a ticket for a booked appointment (answer: ``IssuedTicket``)."""
        body = {
            "appointment_number": appointment_number,
            "language": language,
            "idempotency_key": idempotency_key,
        }
        return self.request("POST", "/checkins", body)

    # ------------------------------------------------------------------ clerk
    def login(self, username: str, password: str) -> QtReply:
        """``POST /sessions``; on success the client switches to the session token.

        The event stream then reconnects with it (a counter device's public stream becomes
        the clerk's staff stream, starting with a `Snapshot`).
        """
        reply = self.request("POST", "/sessions", {"username": username, "password": password})
        reply.succeeded.connect(self._adopt_session)
        return reply

    def logout(self) -> QtReply:
        """``DELETE /sessions/current``."""
        return self.request("DELETE", "/sessions/current")

    def queue(self) -> QtReply:
        """``GET /queue``: the staff snapshot."""
        return self.request("GET", "/queue")

    def call_next(self, counter_id: str) -> QtReply:
        """``POST /counters/{id}/call-next``: ``{ticket, reason}``, or None when nobody waits."""
        return self.request("POST", f"/counters/{counter_id}/call-next")

    def call_ticket(self, counter_id: str, ticket_id: int) -> QtReply:
        """``POST /counters/{id}/call``: call one chosen ticket."""
        return self.request("POST", f"/counters/{counter_id}/call", {"ticket_id": ticket_id})

    def recall(self, ticket_id: int, note: str = "") -> QtReply:
        """Call the ticket again."""
        return self._step(ticket_id, "recall", note)

    def start(self, ticket_id: int, note: str = "") -> QtReply:
        """The visitor arrived at the counter."""
        return self._step(ticket_id, "start", note)

    def finish(self, ticket_id: int, note: str = "") -> QtReply:
        """The visit is done."""
        return self._step(ticket_id, "finish", note)

    def no_show(self, ticket_id: int, note: str = "") -> QtReply:
        """The visitor did not come."""
        return self._step(ticket_id, "no-show", note)

    def park(self, ticket_id: int, note: str = "") -> QtReply:
        """Set the ticket aside (visitor must fetch a document)."""
        return self._step(ticket_id, "park", note)

    def cancel(self, ticket_id: int, note: str = "") -> QtReply:
        """Cancel the ticket."""
        return self._step(ticket_id, "cancel", note)

    def transfer(
        self,
        ticket_id: int,
        *,
        service_id: str | None = None,
        counter_id: str | None = None,
        note: str = "",
    ) -> QtReply:
        """``POST /tickets/{id}/transfer`` to another service and/or a named counter."""
        body: dict[str, Any] = {"note": note}
        if service_id is not None:
            body["service_id"] = service_id
        if counter_id is not None:
            body["counter_id"] = counter_id
        return self.request("POST", f"/tickets/{ticket_id}/transfer", body)

    def set_counter_state(self, counter_id: str, state: CounterState) -> QtReply:
        """``POST /counters/{id}/open|pause|close``."""
        return self.request("POST", f"/counters/{counter_id}/{_COUNTER_VERBS[state]}")

    def _step(self, ticket_id: int, verb: str, note: str) -> QtReply:
        body = {"note": note} if note else {}
        return self.request("POST", f"/tickets/{ticket_id}/{verb}", body)

    def _adopt_session(self, answer: object) -> None:
        if isinstance(answer, dict) and isinstance(answer.get("token"), str):
            self.set_token(answer["token"])
        else:
            log.warning("login answer without a token: %.80r", answer)


__all__ = ["ApiError", "Backoff", "ConnectionState", "QtHubClient", "QtReply"]
