"""The hub's event stream on QtWebSockets: decode, resume with `since`, reconnect with back-off.

The decisions (which seq to resume from, how long to wait, when the line is dead) live in
the Qt-free `shared.client_state`; this QObject only moves frames and timers.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from urllib.parse import urlsplit, urlunsplit

from pydantic import ValidationError
from PySide6.QtCore import QObject, QTimer, QUrl, Signal
from PySide6.QtNetwork import QAbstractSocket, QNetworkRequest
from PySide6.QtWebSockets import QWebSocket

from shared.client_state import Backoff, ConnectionState, HeartbeatWatch, StreamCursor
from shared.protocol import decode
from shared.qt.rest import API_PREFIX
from shared.unauthorized import reason_of

log = logging.getLogger(__name__)

CLOSE_TOKEN_INVALID = 4001
"""The hub's close code for a token that stopped being valid (`server.stream`)."""


def events_url(base_url: str, since: int) -> str:
    """The WebSocket URL of the event stream for a hub's http(s) base URL."""
    parts = urlsplit(base_url.rstrip("/"))
    scheme = {"http": "ws", "https": "wss"}.get(parts.scheme, parts.scheme)
    path = f"{parts.path}{API_PREFIX}/events"
    return urlunsplit((scheme, parts.netloc, path, f"since={since}", ""))


def _explain(message: str) -> str:
    """Qt's handshake errors in words a status line can show."""
    if "WWW-Authenticate" in message or "401" in message:
        return f"the hub did not accept the token ({message})"
    if "403" in message:
        return f"this token may not use the event stream ({message})"
    return message


class QtEventStream(QObject):
    """One WebSocket to the hub that keeps itself open until `close()`.

    Signals: ``event_received(object)`` (a decoded `shared.protocol` event; heartbeats and
    duplicates are not passed on), ``connection_changed(object)`` (a `ConnectionState`),
    ``error_occurred(str)``, ``token_refused(str)`` (the hub closed the stream because the
    token is no longer valid: the `AuthReason` code, e.g. ``user_disabled``; the stream
    still reconnects until its owner closes it).
    """

    event_received = Signal(object)
    connection_changed = Signal(object)
    error_occurred = Signal(str)
    token_refused = Signal(str)

    def __init__(
        self,
        base_url: str,
        token: str,
        *,
        since: int = 0,
        heartbeat_interval: float = 15.0,
        backoff: Backoff | None = None,
        monotonic: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.base_url = base_url
        self.token = token
        self._cursor = StreamCursor(since)
        self._backoff = backoff or Backoff()
        self._watch = HeartbeatWatch(2 * heartbeat_interval, monotonic)
        self._socket: QWebSocket | None = None
        self._last_lost: QWebSocket | None = None
        self._state = ConnectionState.DISCONNECTED
        self._wanted = False
        self._healthy = False
        self.attempts = 0
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self._open)
        self._deadline = QTimer(self)
        self._deadline.setSingleShot(True)
        self._deadline.timeout.connect(self._check_alive)

    @property
    def state(self) -> ConnectionState:
        """Where the stream stands now."""
        return self._state

    @property
    def last_seq(self) -> int:
        """The seq the stream resumes from."""
        return self._cursor.last_seq

    def open(self) -> None:
        """Connect, and keep reconnecting until `close()`."""
        self._wanted = True
        if self._socket is None and not self._retry.isActive():
            self._open()

    def set_token(self, token: str) -> None:
        """Switch to another token: the stream starts over (``since=0``, a fresh snapshot).

        Another token may see another stream (a counter device the public one, its clerk the
        staff one), so the seq of the old stream means nothing to the new one.
        """
        if token == self.token:
            return
        self.token = token
        self._cursor = StreamCursor()
        if self._wanted:
            self._drop()
            self._backoff.reset()
            self._open()

    def send(self, text: str) -> bool:
        """Send a text frame on the open stream; False when it is not connected."""
        if self._socket is None or self._state is not ConnectionState.CONNECTED:
            return False
        return self._socket.sendTextMessage(text) > 0

    def close(self) -> None:
        """Close the stream and stop reconnecting."""
        self._wanted = False
        self._drop()
        self._set_state(ConnectionState.DISCONNECTED)

    def _drop(self) -> None:
        """Close the socket (if any) and stop the timers, without reconnecting."""
        self._retry.stop()
        self._deadline.stop()
        socket, self._socket = self._socket, None
        if socket is not None:
            # A closing handshake only on an open socket: QWebSocket.close() writes its close
            # frame also while TCP is still connecting, and Qt warns ("QNativeSocketEngine::
            # write() was not called in QAbstractSocket::ConnectedState"): abort that one.
            if socket.state() is QAbstractSocket.SocketState.ConnectedState:
                socket.close()
            else:
                socket.abort()
            socket.deleteLater()

    def _open(self) -> None:
        self.attempts += 1
        socket = QWebSocket(parent=self)
        self._socket = socket
        self._healthy = False
        socket.connected.connect(lambda: self._on_connected(socket))
        socket.disconnected.connect(lambda: self._on_disconnected(socket))
        socket.errorOccurred.connect(lambda error: self._on_error(socket, error))
        socket.textMessageReceived.connect(lambda text: self._on_text(socket, text))
        url = events_url(self.base_url, self._cursor.last_seq)
        request = QNetworkRequest(QUrl(url))
        if self.token:
            request.setRawHeader(b"Authorization", f"Bearer {self.token}".encode())
        log.debug("opening %s (attempt %d)", url, self.attempts)
        self._set_state(ConnectionState.CONNECTING)
        # The deadline also guards the handshake: a hub that accepts TCP but never answers.
        self._watch.seen()
        self._arm(self._watch.timeout)
        socket.open(request)

    def _on_connected(self, socket: QWebSocket) -> None:
        if socket is self._socket:
            self._watch.seen()
            self._set_state(ConnectionState.CONNECTED)

    def _on_text(self, socket: QWebSocket, text: str) -> None:
        if socket is not self._socket:
            return
        self._watch.seen()
        try:
            event = decode(text)
        except ValidationError as exc:
            log.warning("skipping malformed frame %.120r: %d errors", text, exc.error_count())
            return
        if not self._healthy:
            # The first good frame proves the connection; back-off starts over next time.
            self._healthy = True
            self._backoff.reset()
        if self._cursor.accept(event):
            self.event_received.emit(event)

    def _on_error(self, socket: QWebSocket, error: QAbstractSocket.SocketError) -> None:
        # Qt may report `disconnected` before the error that caused it (connection refused).
        if socket is not self._socket and socket is not self._last_lost:
            return
        message = _explain(socket.errorString() or str(error))
        log.info("event stream error: %s", message)
        self._last_lost = None
        self.error_occurred.emit(message)
        if socket is self._socket:
            self._lost()

    def _on_disconnected(self, socket: QWebSocket) -> None:
        if socket is not self._socket:
            return
        code, reason = socket.closeCode(), socket.closeReason()
        log.info("event stream closed by the hub (%s %s)", code, reason)
        self._lost()
        if int(code.value) == CLOSE_TOKEN_INVALID:
            self.token_refused.emit(reason_of(reason).value)

    def _check_alive(self) -> None:
        if self._socket is None:
            return
        remaining = self._watch.remaining()
        if remaining > 0:
            self._arm(remaining)
            return
        message = f"no word from the hub for {self._watch.timeout:g} s; reconnecting"
        log.warning("%s", message)
        self.error_occurred.emit(message)
        self._lost()

    def _lost(self) -> None:
        socket, self._socket = self._socket, None
        self._last_lost = socket
        self._deadline.stop()
        if socket is not None:
            socket.abort()
            socket.deleteLater()
        self._set_state(ConnectionState.DISCONNECTED)
        if self._wanted:
            delay = self._backoff.next_delay()
            log.info("reconnecting in %.2f s from seq %d", delay, self._cursor.last_seq)
            self._retry.start(max(1, round(delay * 1000)))

    def _arm(self, seconds: float) -> None:
        self._deadline.start(max(1, round(seconds * 1000)))

    def _set_state(self, state: ConnectionState) -> None:
        if state is not self._state:
            self._state = state
            self.connection_changed.emit(state)


__all__ = ["QtEventStream", "events_url"]
