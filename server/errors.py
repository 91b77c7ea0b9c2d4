"""Typed errors of the server's store; the HTTP API maps each to one status code."""

from __future__ import annotations

from shared.refusal import Refusal, Refused


class StoreError(Exception):
    """Base of every error the store raises on purpose; the message is meant for people."""


class NotFoundError(StoreError):
    """No such ticket, counter, appointment or device (HTTP 404)."""


class ConflictError(StoreError):
    """An illegal step in the current state, e.g. calling a finished ticket (HTTP 409)."""


class InvalidInputError(StoreError):
    """The request itself is malformed: unknown service, empty key, bad CSV (HTTP 400)."""


class AuthError(StoreError):
    """Unknown or expired credentials (HTTP 401); `reason` is a code clients can word."""

    def __init__(self, message: str, reason: str = "bad_credentials") -> None:
        super().__init__(message)
        self.reason = reason


class ForbiddenError(StoreError):
    """Known caller, but its role may not do this (HTTP 403)."""


class RefusedError(StoreError):
    """A visitor's request refused for a reason the kiosk explains (HTTP 404 or 409).

    The answer's body is `refused.to_json()`: `detail`, a machine-readable `reason`, the
    `remedy` and the facts for a kind message (never personal data).
    """

    def __init__(self, refused: Refused) -> None:
        super().__init__(refused.detail)
        self.refused = refused

    @property
    def status_code(self) -> int:
        """404 for an unknown appointment number, 409 for every other refusal."""
        return 404 if self.refused.reason is Refusal.UNKNOWN else 409
