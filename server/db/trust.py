"""Trust data: the principal cache, paired devices, and who a token belongs to (or why not)."""

from __future__ import annotations

import hashlib
import secrets
import threading
import uuid
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from server.db.engine import read_session
from server.db.models import DeviceRow, SessionRow, UserRow
from server.db.outcomes import Principal
from server.db.trust_changes import note_trust_change
from server.errors import InvalidInputError, NotFoundError
from shared.clock import Clock
from shared.domain import Device, DeviceRole, UserRole
from shared.unauthorized import SENTENCES, AuthReason


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
    note_trust_change(session)
    return _device(row)


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
        .where(SessionRow.token_hash == digest, *_valid(now))
    ).scalar_one_or_none()
    if found is None:
        return None
    return Principal("user", found.username, found.display_name, None, UserRole(found.role))


def refusal(session: Session, token: str, now: datetime) -> tuple[str, str]:
    """Why a token is refused, as (reason code, sentence): revoked, disabled, expired, unknown."""
    digest = hash_token(token)
    if session.scalar(select(DeviceRow.revoked).where(DeviceRow.token_hash == digest)):
        return _reason(AuthReason.DEVICE_REVOKED)
    found = session.execute(
        select(SessionRow.ended_reason, SessionRow.expires_at, UserRow.disabled)
        .join(UserRow, SessionRow.username == UserRow.username)
        .where(SessionRow.token_hash == digest)
    ).first()
    if found is None:
        return _reason(AuthReason.UNKNOWN_TOKEN)
    ended, expires_at, disabled = found
    if ended is not None:
        return ended, SENTENCES.get(AuthReason(ended), "the session was ended")
    if disabled:
        return _reason(AuthReason.USER_DISABLED)
    if expires_at <= now:
        return _reason(AuthReason.SESSION_EXPIRED)
    return _reason(AuthReason.UNKNOWN_TOKEN)


def _reason(reason: AuthReason) -> tuple[str, str]:
    return reason.value, SENTENCES[reason]


def _valid(now: datetime) -> tuple[Any, ...]:
    """The conditions of a session that lets its user in (joined to the user's row)."""
    return (
        SessionRow.expires_at > now,
        SessionRow.ended_reason.is_(None),
        UserRow.disabled.is_(False),
    )


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
            .where(SessionRow.token_hash.in_(rest), *_valid(now))
        )
        for digest, user in users:
            role_of = UserRole(user.role)
            found[digest] = Principal("user", user.username, user.display_name, None, role_of)
    return found
