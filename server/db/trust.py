"""Trust data inside one transaction: paired devices, users (argon2), login sessions."""

from __future__ import annotations

import hashlib
import re
import secrets
import threading
import uuid
from collections.abc import Iterable
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Engine, delete, select
from sqlalchemy.orm import Session

from server.db.engine import read_session
from server.db.models import DeviceRow, SessionRow, UserRow
from server.db.outcomes import Principal
from server.errors import AuthError, ConflictError, InvalidInputError, NotFoundError
from shared.clock import Clock
from shared.domain import Clerk, Device, DeviceRole, UserRole

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


def hash_token(token: str) -> str:
    """SHA-256 of a token: enough for random 32-byte tokens, and lookups stay indexed."""
    return hashlib.sha256(token.encode()).hexdigest()


class PrincipalCache:
    """Tokens verified in the last few seconds, by hash; emptied at once on revoke or logout.

    Only successful checks are kept (an unknown token always reaches the database). A check
    that read the database before a `forget_all` is not stored afterwards (generation count),
    so a revoke or logout in this process is never undone by a check that was in flight.
    """

    def __init__(self, reader: Engine, clock: Clock, ttl: float = 5.0, size: int = 4096) -> None:
        self._reader = reader
        self._clock = clock
        self._ttl = timedelta(seconds=ttl)
        self._size = size
        self._entries: dict[str, tuple[datetime, Principal]] = {}
        self._generation = 0
        self._lock = threading.Lock()

    def get(self, token: str) -> Principal | None:
        """The principal of a recently verified token, or None (unknown or stale)."""
        entry = self._entries.get(hash_token(token))
        if entry is None or entry[0] <= self._clock.now():
            return None
        return entry[1]

    def verify(self, token: str) -> Principal | None:
        """The cached principal, else the database's answer, remembered if it is valid."""
        if (hit := self.get(token)) is not None:
            return hit
        with self._lock:
            generation = self._generation
        now = self._clock.now()
        with read_session(self._reader) as session:
            principal = authenticate(session, token, now)
        if principal is not None:
            self._remember(generation, now, {hash_token(token): principal})
        return principal

    def verify_many(self, tokens: Iterable[str]) -> dict[str, Principal | None]:
        """Each token's principal (None: unknown, revoked, expired), in one database read.

        The stream re-checks every live socket's token once per period with this: one query
        per kind (devices, sessions) however many sockets. Fresh cache entries are used; the
        valid answers read from the database are remembered like `verify`'s.
        """
        answers: dict[str, Principal | None] = {}
        unknown: dict[str, str] = {}
        for token in set(tokens):
            if (hit := self.get(token)) is not None:
                answers[token] = hit
            else:
                unknown[hash_token(token)] = token
        if not unknown:
            return answers
        with self._lock:
            generation = self._generation
        now = self._clock.now()
        with read_session(self._reader) as session:
            found = authenticate_many(session, unknown, now)
        self._remember(generation, now, found)
        return answers | {token: found.get(digest) for digest, token in unknown.items()}

    def _remember(self, generation: int, now: datetime, found: dict[str, Principal]) -> None:
        """Keep valid answers (by token hash) unless a revoke or logout came meanwhile."""
        with self._lock:
            if generation == self._generation:
                if len(self._entries) + len(found) > self._size:
                    self._entries.clear()
                for digest, principal in found.items():
                    self._entries[digest] = (now + self._ttl, principal)

    def forget_all(self) -> None:
        """Drop every entry (call after a revoke or logout has committed)."""
        with self._lock:
            self._generation += 1
            self._entries.clear()


def _device(row: DeviceRow) -> Device:
    return Device(id=row.id, name=row.name, role=DeviceRole(row.role), revoked=row.revoked)


def _clerk(row: UserRow) -> Clerk:
    return Clerk(username=row.username, display_name=row.display_name, role=UserRole(row.role))


def add_device(session: Session, name: str, role: DeviceRole, now: datetime) -> tuple[Device, str]:
    """Pair a device; the token is returned once and only its hash is kept."""
    clean = name.strip()
    if not clean or len(clean) > 100:
        raise InvalidInputError("device name must be 1 to 100 characters")
    token = secrets.token_urlsafe(32)
    row = DeviceRow(
        id=uuid.uuid4().hex,
        name=clean,
        role=role.value,
        token_hash=hash_token(token),
        revoked=False,
        created_at=now,
    )
    session.add(row)
    return _device(row), token


def list_devices(session: Session) -> list[Device]:
    """All paired devices, revoked ones included, oldest first (then by name)."""
    rows = session.scalars(
        select(DeviceRow).order_by(DeviceRow.created_at, DeviceRow.name, DeviceRow.id)
    )
    return [_device(row) for row in rows]


def revoke_device(session: Session, device_id: str) -> Device:
    """Revoke a device: its token stops working at once."""
    row = session.get(DeviceRow, device_id)
    if row is None:
        raise NotFoundError(f"no device with id {device_id!r}")
    row.revoked = True
    return _device(row)


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
    """Check a password; AuthError on any mismatch. Returns the clerk and a new hash if due."""
    row = session.get(UserRow, username)
    try:
        _HASHER.verify(row.password_hash if row else _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError) as error:
        raise AuthError("wrong username or password") from error
    if row is None:
        raise AuthError("wrong username or password")
    rehash = _HASHER.hash(password) if _HASHER.check_needs_rehash(row.password_hash) else None
    return _clerk(row), rehash


def open_session(session: Session, username: str, rehash: str | None, now: datetime) -> str:
    """Open a 12-hour session for a verified user; returns the token (kept only as a hash)."""
    row = session.get(UserRow, username)
    if row is None:
        raise AuthError("wrong username or password")
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


def authenticate(session: Session, token: str, now: datetime) -> Principal | None:
    """The device or user behind a token, or None (unknown, revoked, expired)."""
    if not token:
        return None
    digest = hash_token(token)
    device = session.scalar(select(DeviceRow).where(DeviceRow.token_hash == digest))
    if device is not None:
        if device.revoked:
            return None
        return Principal("device", device.id, device.name, DeviceRole(device.role), None)
    found = session.execute(
        select(UserRow)
        .join(SessionRow, SessionRow.username == UserRow.username)
        .where(SessionRow.token_hash == digest, SessionRow.expires_at > now)
    ).scalar_one_or_none()
    if found is None:
        return None
    return Principal("user", found.username, found.display_name, None, UserRole(found.role))


def refusal(session: Session, token: str, now: datetime) -> tuple[str, str]:
    """Why a token is refused, as (reason code, sentence): expired, revoked or unknown."""
    digest = hash_token(token)
    if session.scalar(select(DeviceRow.revoked).where(DeviceRow.token_hash == digest)):
        return "device_revoked", "this device's token was revoked; pair it again"
    expired = session.scalar(
        select(SessionRow.expires_at).where(
            SessionRow.token_hash == digest, SessionRow.expires_at <= now
        )
    )
    if expired is not None:
        return "session_expired", "the session has expired; log in again"
    return "unknown_token", "missing or unknown token"


def authenticate_many(
    session: Session, digests: Iterable[str], now: datetime
) -> dict[str, Principal]:
    """The valid principals among token hashes (one query for devices, one for sessions)."""
    wanted = list(digests)
    found: dict[str, Principal] = {}
    devices = session.scalars(select(DeviceRow).where(DeviceRow.token_hash.in_(wanted)))
    device_digests = set()
    for device in devices:
        device_digests.add(device.token_hash)
        if not device.revoked:
            role = DeviceRole(device.role)
            found[device.token_hash] = Principal("device", device.id, device.name, role, None)
    rest = [d for d in wanted if d not in device_digests]  # a device's hash is never a session
    if rest:
        users = session.execute(
            select(SessionRow.token_hash, UserRow)
            .join(UserRow, SessionRow.username == UserRow.username)
            .where(SessionRow.token_hash.in_(rest), SessionRow.expires_at > now)
        )
        for digest, user in users:
            role_of = UserRole(user.role)
            found[digest] = Principal("user", user.username, user.display_name, None, role_of)
    return found
