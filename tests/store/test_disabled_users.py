"""Disabled users: logins refused after the right password only, open sessions ended at once."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, select

from server.db.models import SessionRow
from server.errors import AuthError, NotFoundError
from server.store import Store
from shared.clock import FakeClock, SystemClock
from shared.domain import DeviceRole, UserRole

PASSWORD = "correct horse"


def _refused(store: Store, username: str, password: str) -> tuple[str, str]:
    with pytest.raises(AuthError) as refused:
        store.login(username, password)
    return refused.value.reason, str(refused.value)


def test_disabling_ends_the_sessions_and_refuses_logins(store: Store, engine: Engine) -> None:
    store.add_user("anna", PASSWORD, UserRole.CLERK, "Anna Schmidt")
    store.add_user("boss", PASSWORD, UserRole.SUPERVISOR)
    _, first = store.login("anna", PASSWORD)
    _, second = store.login("anna", PASSWORD)
    _, boss = store.login("boss", PASSWORD)
    assert store.authenticate(first) is not None  # cached now: disabling must forget it

    clerk, ended = store.set_user_disabled("anna", disabled=True)
    assert (clerk.username, clerk.disabled, ended) == ("anna", True, 2)
    assert store.authenticate(first) is None
    assert store.authenticate(second) is None
    assert store.refusal(first) == ("user_disabled", "this user is disabled; ask a supervisor")
    assert store.principals.verify_many([first, boss]) == {
        first: None,
        boss: store.authenticate(boss),
    }
    assert store.authenticate(boss) is not None  # nobody else is touched
    assert [u.disabled for u in store.list_users()] == [True, False]
    with engine.connect() as conn:
        reasons = conn.execute(
            select(SessionRow.ended_reason).where(SessionRow.username == "anna")
        ).scalars()
        assert set(reasons) == {"user_disabled"}


def test_a_disabled_user_learns_it_only_with_the_right_password(store: Store) -> None:
    store.add_user("anna", PASSWORD, UserRole.CLERK)
    store.set_user_disabled("anna", disabled=True)
    assert _refused(store, "anna", PASSWORD) == (
        "user_disabled",
        "this user is disabled; ask a supervisor",
    )
    wrong = _refused(store, "anna", "wrong password")
    unknown = _refused(store, "nobody", "wrong password")
    assert wrong == unknown == ("bad_credentials", "wrong username or password")


def test_enabling_lets_them_in_again_but_old_sessions_stay_ended(store: Store) -> None:
    store.add_user("anna", PASSWORD, UserRole.CLERK)
    _, old = store.login("anna", PASSWORD)
    store.set_user_disabled("anna", disabled=True)
    clerk, ended = store.set_user_disabled("anna", disabled=False)
    assert (clerk.disabled, ended) == (False, 0)
    assert store.authenticate(old) is None
    assert store.refusal(old)[0] == "user_disabled"
    _, fresh = store.login("anna", PASSWORD)
    assert store.authenticate(fresh) is not None


def test_disabling_an_unknown_user_is_not_found(store: Store) -> None:
    with pytest.raises(NotFoundError, match="no user 'ghost'"):
        store.set_user_disabled("ghost", disabled=True)


def test_trust_changes_count_disables_and_revokes_until_applied(
    store: Store, engine: Engine
) -> None:
    assert store.trust_state() == (0, 0)
    store.add_user("anna", PASSWORD, UserRole.CLERK)
    store.set_user_disabled("anna", disabled=True)
    store.set_user_disabled("anna", disabled=False)  # gives access back: nothing to apply
    device, _ = store.add_device("Kiosk", DeviceRole.KIOSK)
    other = Store(engine, store.site, SystemClock())  # another process, e.g. the CLI
    other.revoke_device(device.id)
    assert store.trust_state() == (2, 0)
    store.mark_trust_applied(2)
    store.mark_trust_applied(1)  # never backwards
    assert other.trust_state() == (2, 2)


def test_an_expired_session_of_a_disabled_user_reads_as_disabled(
    store: Store, clock: FakeClock
) -> None:
    store.add_user("anna", PASSWORD, UserRole.CLERK)
    _, token = store.login("anna", PASSWORD)
    clock.advance(12 * 3600 + 1)
    assert store.refusal(token)[0] == "session_expired"
    store.set_user_disabled("anna", disabled=True)  # ends only sessions still open
    assert store.refusal(token)[0] == "user_disabled"
