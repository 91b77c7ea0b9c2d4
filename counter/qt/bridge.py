"""Carries the model's requests over `QtHubClient` and the hub's stream back to the model."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, QTimer

from counter.model import CounterModel
from counter.state import Failure, HubRequest
from shared.client_state import ConnectionState
from shared.qt.client import ApiError, QtHubClient

log = logging.getLogger(__name__)


class QtHubBridge(QObject):
    """REST requests on Qt's network stack (never blocking the GUI thread), events in."""

    def __init__(
        self, model: CounterModel, client: QtHubClient, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.client = client
        self.closed = False
        model.request_ready.connect(self.send)
        model.session_started.connect(self._session)
        model.session_ended.connect(self._ended)
        client.event_received.connect(model.apply)
        client.connection_changed.connect(self._connection)
        client.token_refused.connect(self._token_refused)

    def send(self, request: HubRequest) -> None:
        """Send one request (a retry after its pause); its answer or failure goes back to
        the model. A clerk's step carries its key as ``Idempotency-Key``."""
        if request.delay > 0:
            QTimer.singleShot(round(request.delay * 1000), self, lambda: self._send_now(request))
        else:
            self._send_now(request)

    def _send_now(self, request: HubRequest) -> None:
        if self.closed:
            return
        body = dict(request.body) if request.body is not None else None
        key = request.key if request.keyed else None
        reply = self.client.request(request.method, request.path, body, idempotency_key=key)
        reply.succeeded.connect(lambda result: self._answered(request, result))
        reply.failed.connect(lambda error: self._failed(request, error))

    def close(self) -> None:
        """Stop carrying: answers of requests still in flight are dropped (the app stops)."""
        self.closed = True
        self.model.request_ready.disconnect(self.send)
        self.client.event_received.disconnect(self.model.apply)

    def _answered(self, request: HubRequest, result: Any) -> None:
        if not self.closed:
            self.model.answered(request, result)

    def _failed(self, request: HubRequest, error: ApiError) -> None:
        if self.closed:
            return
        failure = Failure(
            status=error.status, detail=error.detail, reason=error.reason, step=error.step
        )
        self.model.failed(request, failure)

    def _session(self, token: str) -> None:
        self.client.set_token(token)
        self.client.connect_events()

    def _ended(self, _: str) -> None:
        self.client.close()
        self.client.set_token("")

    def _token_refused(self, reason: str) -> None:
        if not self.closed:
            self.model.session_refused(reason)

    def _connection(self, state: object) -> None:
        self.model.set_connected(state is ConnectionState.CONNECTED)
