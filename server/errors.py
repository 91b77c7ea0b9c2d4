"""Typed errors of the server's store; the HTTP API maps each to one status code."""

from __future__ import annotations

from shared.desk_refusal import StepRefusal, StepRefused
from shared.refusal import Refusal, Refused
from shared.text import printable


class StoreError(Exception):
    """Base of every error the store raises on purpose; the message is meant for people.

    `step`: for a clerk's refused step, the machine-readable reason and the true state (the
    answer's body is then `step.to_json()`).
    """

    status_code = 400
    """The HTTP status of the answer."""

    def __init__(self, message: str, *, step: StepRefused | None = None) -> None:
        super().__init__(message)
        self.step = step

    def body(self) -> dict[str, object]:
        """The JSON body of this error's answer (every string in it can be sent)."""
        body = self.step.to_json() if self.step is not None else {}
        return body | {"detail": printable(str(self))}


class NotFoundError(StoreError):
    """No such ticket, counter, appointment or device (HTTP 404)."""

    status_code = 404


class ConflictError(StoreError):
    """An illegal step in the current state, e.g. calling a finished ticket (HTTP 409)."""

    status_code = 409


class InvalidInputError(StoreError):
    """The request itself is malformed: unknown service, empty key, bad CSV (HTTP 400)."""

    status_code = 400


class KeyReusedError(ConflictError):
    """An idempotency key sent again with another request (HTTP 409)."""


def step_refused(step: StepRefused, *, status: int | None = None) -> StoreError:
    """The error that answers a refused step with its status code (404, 400 or 409;
    `status` overrides the reason's usual one)."""
    if step.reason is StepRefusal.IDEMPOTENCY_KEY_REUSED:
        return KeyReusedError(step.detail, step=step)
    kinds: dict[int, type[StoreError]] = {404: NotFoundError, 400: InvalidInputError}
    return kinds.get(status or step.status_code, ConflictError)(step.detail, step=step)


class AuthError(StoreError):
    """Unknown or expired credentials (HTTP 401); `reason` is a code clients can word."""

    status_code = 401

    def __init__(self, message: str, reason: str = "bad_credentials") -> None:
        super().__init__(message)
        self.reason = reason

    def body(self) -> dict[str, object]:
        """`detail` and the `AuthReason` code."""
        return super().body() | {"reason": self.reason}


class ForbiddenError(StoreError):
    """Known caller, but its role may not do this (HTTP 403)."""

    status_code = 403


class RefusedError(StoreError):
    """A visitor's request refused for a reason the kiosk explains (HTTP 404 or 409).

    The answer's body is `refused.to_json()`: `detail`, a machine-readable `reason`, the
    `remedy` and the facts for a kind message (never personal data).
    """

    def __init__(self, refused: Refused) -> None:
        super().__init__(refused.detail)
        self.refused = refused
        self.status_code = 404 if refused.reason is Refusal.UNKNOWN else 409
        """404 for an unknown appointment number, 409 for every other refusal."""
