"""Typed errors of the server's store; the HTTP API maps each to one status code."""

from __future__ import annotations


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
