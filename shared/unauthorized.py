"""Why the hub answered 401, in words a machine reads (hub, counter app and stream share it).

A 401 body is ``{"detail": <text for people>, "reason": <AuthReason>}``; a staff stream that
the hub closes because its token stopped being valid is closed with code 4001 and the
reason code as the close frame's reason. No Qt, no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class AuthReason(StrEnum):
    """Why a token or a login was refused."""

    UNKNOWN_TOKEN = "unknown_token"  # noqa: S105 (a reason code, not a secret)
    """No token, or one the hub does not know (also a session swept after its expiry)."""
    SESSION_EXPIRED = "session_expired"
    """The session's 12 hours are over: log in again."""
    DEVICE_REVOKED = "device_revoked"
    """The device's token was revoked (`aufruf device revoke`): pair it again."""
    BAD_CREDENTIALS = "bad_credentials"
    """Login: wrong username or password (the same answer for a user that does not exist)."""
    USER_DISABLED = "user_disabled"
    """The user was disabled (`aufruf user disable`): their sessions ended, logins refused.
    A login says so only after the right password, so it reveals nothing to a guesser."""


SENTENCES: dict[AuthReason, str] = {
    AuthReason.UNKNOWN_TOKEN: "missing or unknown token",
    AuthReason.SESSION_EXPIRED: "the session has expired; log in again",
    AuthReason.DEVICE_REVOKED: "this device's token was revoked; pair it again",
    AuthReason.BAD_CREDENTIALS: "wrong username or password",
    AuthReason.USER_DISABLED: "this user is disabled; ask a supervisor",
}
"""The hub's `detail` for each reason (English, for logs and people reading raw answers)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class AuthRefused:
    """The body of a 401 answer."""

    detail: str
    reason: AuthReason


def reason_of(text: str) -> AuthReason:
    """A reason code as sent by the hub (a 401 body's `reason`, a close frame's reason);
    anything unknown reads as `unknown_token`."""
    try:
        return AuthReason(text)
    except ValueError:
        return AuthReason.UNKNOWN_TOKEN


__all__ = ["SENTENCES", "AuthReason", "AuthRefused", "reason_of"]
