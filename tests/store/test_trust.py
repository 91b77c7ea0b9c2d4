"""Devices, users, sessions: tokens shown once and stored hashed, argon2, 12-hour sessions."""

from __future__ import annotations

import hashlib
from datetime import timedelta

import pytest
from sqlalchemy import Engine, select

from server.db.models import DeviceRow, SessionRow, UserRow
from server.errors import AuthError, ConflictError, InvalidInputError, NotFoundError
from server.store import Principal, Store
from shared.clock import FakeClock
from shared.domain import DeviceRole, UserRole


def test_device_tokens_are_stored_hashed_and_revocable(store: Store, engine: Engine) -> None:
    kiosk, token = store.add_device("Kiosk Eingang", DeviceRole.KIOSK)
    display, _ = store.add_device(" Wand 1 ", DeviceRole.DISPLAY)
    assert display.name == "Wand 1"
    assert len(token) >= 40
    with engine.connect() as conn:
        stored = conn.execute(select(DeviceRow.token_hash).where(DeviceRow.id == kiosk.id))
        assert stored.scalar_one() == hashlib.sha256(token.encode()).hexdigest()
    assert store.authenticate(token) == Principal(
        "device", kiosk.id, "Kiosk Eingang", DeviceRole.KIOSK, None
    )
    assert [d.id for d in store.list_devices()] == [kiosk.id, display.id]
    revoked = store.revoke_device(kiosk.id)
    assert revoked.revoked
    assert store.authenticate(token) is None
    assert store.list_devices()[0].revoked
    with pytest.raises(NotFoundError, match="no device"):
        store.revoke_device("nope")
    with pytest.raises(InvalidInputError, match="device name"):
        store.add_device("  ", DeviceRole.KIOSK)


def test_users_login_logout_and_expiry(store: Store, engine: Engine, clock: FakeClock) -> None:
    clerk = store.add_user("anna", "correct horse", UserRole.CLERK, "Anna Schmidt")
    assert (clerk.username, clerk.display_name, clerk.role) == (
        "anna",
        "Anna Schmidt",
        UserRole.CLERK,
    )
    store.add_user("boss", "battery staple", UserRole.SUPERVISOR)
    assert [(u.username, u.display_name) for u in store.list_users()] == [
        ("anna", "Anna Schmidt"),
        ("boss", "boss"),
    ]
    with engine.connect() as conn:
        stored = conn.execute(select(UserRow.password_hash).where(UserRow.username == "anna"))
        assert stored.scalar_one().startswith("$argon2")
    who, token = store.login("anna", "correct horse")
    assert who == clerk
    with engine.connect() as conn:
        hashes = conn.execute(select(SessionRow.token_hash)).scalars().all()
        assert hashes == [hashlib.sha256(token.encode()).hexdigest()]
    assert store.authenticate(token) == Principal(
        "user", "anna", "Anna Schmidt", None, UserRole.CLERK
    )
    clock.advance(timedelta(hours=11, minutes=59))
    assert store.authenticate(token) is not None
    clock.advance(timedelta(minutes=1))
    assert store.authenticate(token) is None  # 12 hours are over
    _, second = store.login("anna", "correct horse")
    store.logout(second)
    assert store.authenticate(second) is None
    store.logout("never-issued")  # nothing to do, no error
    assert store.authenticate("") is None
    with engine.connect() as conn:  # the expired session was swept at the second login
        assert conn.execute(select(SessionRow.token_hash)).scalars().all() == []


@pytest.mark.parametrize(("username", "password"), [("anna", "wrong pass"), ("nobody", "x")])
def test_wrong_login_is_an_auth_error(store: Store, username: str, password: str) -> None:
    store.add_user("anna", "correct horse", UserRole.CLERK)
    with pytest.raises(AuthError, match="wrong username or password"):
        store.login(username, password)


@pytest.mark.parametrize(
    ("username", "password", "message"),
    [
        ("Anna", "long enough", "username"),
        ("", "long enough", "username"),
        ("a b", "long enough", "username"),
        ("anna", "short", "at least 8"),
        ("anna", "p" * 1025, "at most 1024"),
    ],
)
def test_bad_users_are_refused(store: Store, username: str, password: str, message: str) -> None:
    with pytest.raises(InvalidInputError, match=message):
        store.add_user(username, password, UserRole.CLERK)


def test_overlong_display_name_is_refused(store: Store) -> None:
    with pytest.raises(InvalidInputError, match="display name"):
        store.add_user("anna", "long enough", UserRole.CLERK, "x" * 101)


def test_duplicate_user_is_a_conflict(store: Store) -> None:
    store.add_user("anna", "correct horse", UserRole.CLERK)
    with pytest.raises(ConflictError, match="already exists"):
        store.add_user("anna", "another one", UserRole.ADMIN)
