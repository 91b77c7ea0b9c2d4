"""The store's trust data: paired devices, users, login sessions, who a token is (or why not).

A part of `server.store.Store` (a base class of it): each method is one transaction.
"""

from __future__ import annotations

from server.db import trust, trust_changes, users
from server.db.engine import read_session, write_session
from server.db.outcomes import Principal
from server.store.base import StoreBase
from shared.domain import Clerk, Device, DeviceRole, UserRole


class TrustStore(StoreBase):
    """Devices, users and sessions (`principals` caches who a token is)."""

    def add_device(self, name: str, role: DeviceRole) -> tuple[Device, str]:
        """Pair a device; the token is shown once and stored hashed."""
        with write_session(self._engine) as session:
            return trust.add_device(session, name, role, self._clock.now())

    def list_devices(self) -> list[Device]:
        """All paired devices."""
        with read_session(self._reader) as session:
            return trust.list_devices(session)

    def revoke_device(self, device_id: str) -> Device:
        """Revoke a device's token."""
        with write_session(self._engine) as session:
            device = trust.revoke_device(session, device_id)
        self.principals.forget_all()
        return device

    def add_user(
        self, username: str, password: str, role: UserRole, display_name: str = ""
    ) -> Clerk:
        """Create a user (password hashed with argon2 outside the write lock)."""
        users.check_new_user(username, password, display_name)
        digest = users.hash_password(password)
        with write_session(self._engine) as session:
            return users.add_user(
                session,
                username,
                digest,
                role=role,
                display_name=display_name,
                now=self._clock.now(),
            )

    def list_users(self) -> list[Clerk]:
        """All users."""
        with read_session(self._reader) as session:
            return users.list_users(session)

    def set_user_disabled(self, username: str, *, disabled: bool) -> tuple[Clerk, int]:
        """Disable a user (their open sessions end at once) or enable them again.

        Returns the user and how many sessions ended. This process forgets its cached
        principals at once; a running hub in another process applies the change within
        its trust watch's period (`trust_state` shows when it has).
        """
        with write_session(self._engine) as session:
            clerk, ended = users.set_disabled(session, username, disabled, self._clock.now())
        if disabled:
            self.principals.forget_all()
        return clerk, ended

    def trust_state(self) -> tuple[int, int]:
        """(access-removing changes made, changes the running hub has applied)."""
        with read_session(self._reader) as session:
            return trust_changes.trust_state(session)

    def mark_trust_applied(self, changes: int) -> None:
        """The running hub has applied the trust changes up to `changes`."""
        with write_session(self._engine) as session:
            trust_changes.mark_applied(session, changes)

    def login(self, username: str, password: str) -> tuple[Clerk, str]:
        """Check a password and open a 12-hour session; AuthError on a mismatch."""
        with read_session(self._reader) as session:
            clerk, rehash = users.verify_login(session, username, password)
        with write_session(self._engine) as session:
            token = users.open_session(session, username, rehash, self._clock.now())
        return clerk, token

    def logout(self, token: str) -> None:
        """End a session (no-op for an unknown token)."""
        with write_session(self._engine) as session:
            users.logout(session, token)
        self.principals.forget_all()

    def refusal(self, token: str) -> tuple[str, str]:
        """Why a token is refused: (reason code, sentence) — revoked, disabled, expired, unknown."""
        with read_session(self._reader) as session:
            return trust.refusal(session, token, self._clock.now())

    def authenticate(self, token: str) -> Principal | None:
        """The device or user behind a bearer token, or None (cached for 5 s when valid)."""
        return self.principals.verify(token)
