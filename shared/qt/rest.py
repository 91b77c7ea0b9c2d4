"""REST calls to the hub on QtNetwork: one typed `QtReply[T]` per request, errors as `ApiError`.

No threads: QNetworkAccessManager runs the requests on the Qt event loop, and every request
carries a transfer timeout so a dead hub surfaces as an error instead of a spinner forever.
Each request names the `shared.wire.Answer` it expects; an answer of another shape fails the
reply with an `ApiError` (never an exception in the app's slot).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QObject, QUrl, Signal
from PySide6.QtNetwork import QNetworkAccessManager, QNetworkReply, QNetworkRequest

from shared.desk_refusal import StepRefused
from shared.refusal import Refusal, Refused
from shared.wire import Answer, AnswerError

log = logging.getLogger(__name__)

API_PREFIX = "/api/v1"
T = TypeVar("T")

_TIMED_OUT = frozenset(
    {QNetworkReply.NetworkError.OperationCanceledError, QNetworkReply.NetworkError.TimeoutError}
)


@dataclass(frozen=True, slots=True)
class ApiError:
    """A failed API call: the HTTP status (0 when the hub was not reached) and why."""

    status: int
    detail: str
    method: str = ""
    path: str = ""
    reason: str = ""
    """The hub's machine-readable reason, where it gives one (e.g. 401 ``session_expired``)."""
    refused: Refused | None = None
    """A visitor refusal (check-in or walk-in): its `Refusal`, `remedy` and facts; else None."""
    step: StepRefused | None = None
    """A clerk's refused step: its `StepRefusal` and the true state it was refused in."""

    @property
    def refusal(self) -> Refusal | None:
        """The refusal's reason as a `Refusal` (None when the error is not a refusal)."""
        return self.refused.reason if self.refused is not None else None

    @property
    def unreachable(self) -> bool:
        """True when no HTTP answer came at all (network down, refused, timed out)."""
        return self.status == 0

    @property
    def unreadable(self) -> bool:
        """True when a 2xx answer was unreadable (bad JSON, another shape): outcome unknown."""
        return 200 <= self.status < 300

    def __str__(self) -> str:
        where = f"{self.method} {self.path}: " if self.method else ""
        code = "no answer" if self.status == 0 else f"HTTP {self.status}"
        return f"{where}{code}: {self.detail}"


def _detail(body: bytes, fallback: str) -> str:
    """The server's `detail` message from an error body, else the fallback."""
    try:
        parsed = json.loads(body)
    except ValueError:
        text = body.decode(errors="replace").strip()
        return text[:200] or fallback
    if isinstance(parsed, dict) and "detail" in parsed:
        detail = parsed["detail"]
        if isinstance(detail, str):
            return detail
        # FastAPI's validation errors: a list of {loc, msg, ...}.
        if isinstance(detail, list):
            parts = [
                f"{'.'.join(str(p) for p in item.get('loc', ()))}: {item.get('msg', '')}"
                if isinstance(item, dict)
                else str(item)
                for item in detail
            ]
            return "; ".join(parts)
        return json.dumps(detail)
    return fallback


def _reason(body: bytes) -> tuple[str, Refused | None, StepRefused | None]:
    """The hub's `reason` code from an error body (else "") and the refusal it may be."""
    try:
        parsed = json.loads(body)
    except ValueError:
        return "", None, None
    reason = parsed.get("reason") if isinstance(parsed, dict) else None
    if not isinstance(reason, str):
        return "", None, None
    return reason, Refused.from_json(parsed), StepRefused.from_json(parsed)


class QtReply(QObject, Generic[T]):
    """One API request in flight, answered with a ``T``; it deletes itself after it has reported.

    Signals: ``succeeded(object)`` with the answer as a ``T`` (e.g. `IssuedTicket`; None for an
    empty answer such as 204 where ``T`` allows it), ``failed(ApiError)``. `then()` connects
    typed callbacks. After either signal, ``result`` / ``error`` hold the outcome.
    """

    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(
        self,
        reply: QNetworkReply,
        answer: Answer[T],
        *,
        method: str,
        path: str,
        timeout: float,
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self.method = method
        self.path = path
        self.timeout = timeout
        self.answer = answer
        self.done = False
        self.result: T | None = None
        self.error: ApiError | None = None
        self._aborted = False
        self._reply: QNetworkReply | None = reply
        reply.finished.connect(self._on_finished)

    def then(
        self,
        on_success: Callable[[T], object],
        on_failure: Callable[[ApiError], object] | None = None,
    ) -> QtReply[T]:
        """Connect typed callbacks: ``client.queue().then(self._show, self._complain)``."""
        self.succeeded.connect(on_success)
        if on_failure is not None:
            self.failed.connect(on_failure)
        return self

    def abort(self) -> None:
        """Give up on the request; it fails with status 0 ("aborted")."""
        if self._reply is not None and not self.done:
            self._aborted = True
            self._reply.abort()

    def _on_finished(self) -> None:
        reply = self._reply
        if reply is None:  # pragma: no cover - Qt reports once
            return
        self._reply = None
        status = reply.attribute(QNetworkRequest.Attribute.HttpStatusCodeAttribute)
        reason = reply.attribute(QNetworkRequest.Attribute.HttpReasonPhraseAttribute)
        body = bytes(reply.readAll().data()) if reply.isOpen() else b""
        error = reply.error()
        message = reply.errorString()
        reply.deleteLater()
        if status is None or error in _TIMED_OUT:
            self._fail(0, self._network_message(error, message))
        elif not 200 <= int(status) < 300:
            self._fail(int(status), _detail(body, str(reason or message)), *_reason(body))
        elif error != QNetworkReply.NetworkError.NoError:
            self._fail(0, self._network_message(error, message))
        else:
            self._read(int(status), body)
        self.deleteLater()

    def _read(self, status: int, body: bytes) -> None:
        try:
            data = json.loads(body) if body.strip() else None
        except ValueError:
            self._fail(status, f"the hub answered with invalid JSON: {body[:80]!r}")
            return
        try:
            result = self.answer.decode(data)
        except AnswerError as exc:
            self._fail(status, f"the hub's answer {exc}")
            return
        self._succeed(result)

    def _network_message(self, error: QNetworkReply.NetworkError, message: str) -> str:
        if self._aborted:
            return "aborted"
        if error in _TIMED_OUT:
            return f"no answer from the hub within {self.timeout:g} s"
        return f"hub not reachable: {message}"

    def _succeed(self, result: T) -> None:
        self.done = True
        self.result = result
        self.succeeded.emit(result)

    def _fail(
        self,
        status: int,
        detail: str,
        reason: str = "",
        refused: Refused | None = None,
        step: StepRefused | None = None,
    ) -> None:
        self.done = True
        self.error = ApiError(status, detail, self.method, self.path, reason, refused, step)
        log.info("%s", self.error)
        self.failed.emit(self.error)


class QtRest(QObject):
    """Sends JSON requests to ``<base_url>/api/v1`` with the bearer token and a timeout."""

    def __init__(
        self, base_url: str, token: str, timeout: float = 10.0, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.timeout = timeout
        self._manager = QNetworkAccessManager(self)
        self._pending: set[QtReply[Any]] = set()

    def request(
        self,
        method: str,
        path: str,
        answer: Answer[T],
        body: dict[str, Any] | None = None,
        *,
        text: tuple[str, str] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> QtReply[T]:
        """Send ``method`` to ``/api/v1<path>`` with an optional JSON body; expect ``answer``.

        ``text=(content_type, text)`` sends a text body instead (the appointments CSV);
        ``headers`` are sent as well (``{"Idempotency-Key": key}``).
        """
        request = QNetworkRequest(QUrl(f"{self.base_url}{API_PREFIX}{path}"))
        request.setTransferTimeout(max(1, round(self.timeout * 1000)))
        request.setRawHeader(b"Accept", b"application/json")
        if self.token:
            request.setRawHeader(b"Authorization", f"Bearer {self.token}".encode())
        for name, value in (headers or {}).items():
            request.setRawHeader(name.encode(), value.encode())
        data = QByteArray()
        if text is not None:
            request.setRawHeader(b"Content-Type", text[0].encode())
            data = QByteArray(text[1].encode())
        elif body is not None:
            request.setRawHeader(b"Content-Type", b"application/json")
            data = QByteArray(json.dumps(body).encode())
        verb = QByteArray(method.upper().encode())
        network_reply = self._manager.sendCustomRequest(request, verb, data)
        reply = QtReply(
            network_reply,
            answer,
            method=method.upper(),
            path=path,
            timeout=self.timeout,
            parent=self,
        )
        self._pending = {r for r in self._pending if not r.done}
        self._pending.add(reply)
        return reply

    def abort_all(self) -> None:
        """Abort every request still in flight."""
        for reply in list(self._pending):
            reply.abort()
        self._pending.clear()


__all__ = ["API_PREFIX", "ApiError", "QtReply", "QtRest"]
