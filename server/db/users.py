"""Users inside one transaction: argon2 passwords, 12-hour login sessions, disabling."""

from __future__ import annotations

import re
import secrets
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from server.db.models import SessionRow, UserRow
from server.db.trust import hash_token
from server.db.trust_changes import note_trust_change
from server.errors import AuthError, ConflictError, InvalidInputError, NotFoundError
from shared.domain import Clerk, UserRole
from shared.unauthorized import SENTENCES, AuthReason

SESSION_LIFETIME = timedelta(hours=12)
MIN_PASSWORD = 8
MAX_PASSWORD = 1024
MAX_DISPLAY_NAME = 100
_USERNAME = re.compile(r"[a-z0-9][a-z0-9._-]{0,63}")
_HASHER = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)
"""OWASP's first choice for argon2id (19 MiB, 2 passes, 1 lane): ~22 ms CPU per check on the
office's 2-core box (measured in docs/performance.md); the memory is what bounds a flood.
Hashes made with other parameters are re-made at the next successful login."""
_DUMMY_HASH = _HASHER.hash("not-a-real-password")


def _clerk(row: UserRow) -> Clerk:
    return Clerk(
        username=row.username,
        display_name=row.display_name,
        role=UserRole(row.role),
        disabled=bool(row.disabled),
    )


def check_new_user(username: str, password: str, display_name: str = "") -> None:
    """Refuse a malformed username, a too short or too long password, a long display name."""
    if not _USERNAME.fullmatch(username):
        raise InvalidInputError(
            "username must be 1 to 64 characters: lower-case letters, digits, '.', '_' or '-'"
        )
    if len(password) < MIN_PASSWORD:
        raise InvalidInputError(f"password must have at least {MIN_PASSWORD} characters")
    if len(password) > MAX_PASSWORD:
        raise InvalidInputError(f"password must have at most {MAX_PASSWORD} characters")
    if len(display_name.strip()) > MAX_DISPLAY_NAME:
        raise InvalidInputError(f"display name is longer than {MAX_DISPLAY_NAME} characters")


def hash_password(password: str) -> str:
    """The argon2 hash of a password (slow on purpose: call it outside a write transaction)."""
    return _HASHER.hash(password)


def add_user(
    session: Session,
    username: str,
    password_hash: str,
    *,
    role: UserRole,
    display_name: str,
    now: datetime,
) -> Clerk:
    """Store a new user with an already computed argon2 hash."""
    if session.get(UserRow, username) is not None:
        raise ConflictError(f"user {username!r} already exists")
    row = UserRow(
        username=username,
        display_name=display_name.strip() or username,
        role=role.value,
        password_hash=password_hash,
        created_at=now,
    )
    session.add(row)
    return _clerk(row)


def list_users(session: Session) -> list[Clerk]:
    """All users by username."""
    return [_clerk(row) for row in session.scalars(select(UserRow).order_by(UserRow.username))]


def verify_login(session: Session, username: str, password: str) -> tuple[Clerk, str | None]:
    """Check a password; AuthError on any mismatch. Returns the clerk and a new hash if due.

    An unknown user and a wrong password get the same answer (`bad_credentials`) after the
    same argon2 work; a disabled user gets `user_disabled`, but only with the right password.
    """
    row = session.get(UserRow, username)
    try:
        _HASHER.verify(row.password_hash if row else _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError) as error:
        raise _refused(AuthReason.BAD_CREDENTIALS) from error
    if row is None:
        raise _refused(AuthReason.BAD_CREDENTIALS)
    if row.disabled:  # said only after the right password: a guesser learns nothing
        raise _refused(AuthReason.USER_DISABLED)
    rehash = _HASHER.hash(password) if _HASHER.check_needs_rehash(row.password_hash) else None
    return _clerk(row), rehash


def open_session(session: Session, username: str, rehash: str | None, now: datetime) -> str:
    """Open a 12-hour session for a verified user; returns the token (kept only as a hash)."""
    row = session.get(UserRow, username)
    if row is None:
        raise _refused(AuthReason.BAD_CREDENTIALS)
    if row.disabled:  # disabled between the password check and now
        raise _refused(AuthReason.USER_DISABLED)
    if rehash is not None:
        row.password_hash = rehash
    token = secrets.token_urlsafe(32)
    session.execute(delete(SessionRow).where(SessionRow.expires_at <= now))
    session.add(
        SessionRow(
            token_hash=hash_token(token),
            username=username,
            created_at=now,
            expires_at=now + SESSION_LIFETIME,
        )
    )
    return token


def logout(session: Session, token: str) -> None:
    """End the session of a token (nothing happens for an unknown one)."""
    session.execute(delete(SessionRow).where(SessionRow.token_hash == hash_token(token)))


def _refused(reason: AuthReason) -> AuthError:
    return AuthError(SENTENCES[reason], reason.value)


def set_disabled(
    session: Session, username: str, disabled: bool, now: datetime
) -> tuple[Clerk, int]:
    """Disable (or enable) a user; disabling ends their open sessions. Returns the user and
    how many sessions were ended. Enabling does not bring ended sessions back."""
    row = session.get(UserRow, username)
    if row is None:
        raise NotFoundError(f"no user {username!r}")
    row.disabled = disabled
    ended = 0
    if disabled:
        result = session.execute(
            update(SessionRow)
            .where(
                SessionRow.username == username,
                SessionRow.ended_reason.is_(None),
                SessionRow.expires_at > now,
            )
            .values(ended_reason=AuthReason.USER_DISABLED.value)
        )
        ended = int(getattr(result, "rowcount", 0) or 0)
        note_trust_change(session)
    return _clerk(row), ended
