"""The clerk's session ends while the app runs — disabled by `aufruf user disable`, expired, or
ended — and the app goes back to login at once with the reason in the clerk's language."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from sqlalchemy import update

from counter.state import Phase
from server.db.engine import write_session
from server.db.models import SessionRow
from server.db.trust import hash_token
from tests.counter.conftest import PASSWORD, QT_NOISE, start_app

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from tests.api.conftest import Hub

pytestmark = pytest.mark.qt_log_ignore(QT_NOISE)

DISABLED_DE = "Ihr Zugang ist gesperrt. Bitte die Leitung fragen."
EXPIRED_DE = "Ihre Sitzung ist abgelaufen. Bitte neu anmelden."


def _at_login(app: Any) -> bool:
    return bool(app.window.stack.currentWidget() is app.window.login)


def _log_in(app: Any, password: str) -> None:
    app.window.login.username.setText("clerk")
    app.window.login.password.setText(password)
    app.window.login.submit.click()


def _expire(hub: Hub, token: str) -> None:
    """Let the session's 12 hours be over (in the hub's database, as time would)."""
    past = datetime.now(UTC) - timedelta(seconds=1)
    with write_session(hub.engine) as session:
        session.execute(
            update(SessionRow)
            .where(SessionRow.token_hash == hash_token(token))
            .values(expires_at=past)
        )
    hub.store.principals.forget_all()  # the hub would see it within its cache's 5 s


def test_a_disabled_clerk_is_sent_to_login_at_once_and_cannot_log_in(
    qtbot: QtBot, hub: Hub, tmp_path: Path
) -> None:
    app = start_app(qtbot, hub.base, tmp_path)
    hub.store.set_user_disabled("clerk", disabled=True)  # what `aufruf user disable` does
    # No click: the hub closes the staff stream (user_disabled) and the app follows it.
    qtbot.waitUntil(lambda: _at_login(app), timeout=10000)
    assert app.model.view_state().phase is Phase.LOGIN
    assert app.window.login.message.text() == DISABLED_DE
    _log_in(app, PASSWORD)  # the right password: told the truth
    qtbot.waitUntil(lambda: not app.model.view_state().busy)
    qtbot.waitUntil(lambda: app.window.login.message.text() == DISABLED_DE)
    _log_in(app, "not the password")  # a wrong one: nothing more than for anyone
    qtbot.waitUntil(
        lambda: app.window.login.message.text() == "Benutzername oder Passwort stimmt nicht."
    )
    hub.store.set_user_disabled("clerk", disabled=False)
    _log_in(app, PASSWORD)
    qtbot.waitUntil(lambda: app.model.view_state().phase is Phase.CHOOSE_COUNTER)
    app.stop()


def test_an_expired_session_goes_back_to_login_by_the_stream(
    qtbot: QtBot, hub: Hub, tmp_path: Path
) -> None:
    app = start_app(qtbot, hub.base, tmp_path)
    assert app.client is not None
    _expire(hub, app.client.token)
    qtbot.waitUntil(lambda: _at_login(app), timeout=10000)  # the stream's next re-check
    assert app.window.login.message.text() == EXPIRED_DE
    app.stop()


def test_an_expired_session_goes_back_to_login_at_the_next_click(
    qtbot: QtBot, hub: Hub, tmp_path: Path
) -> None:
    app = start_app(qtbot, hub.base, tmp_path)
    assert app.client is not None
    app.client._stream.close()  # the stream will not tell: the click must
    _expire(hub, app.client.token)
    app.model.call_next()
    qtbot.waitUntil(lambda: _at_login(app), timeout=10000)
    assert app.window.login.message.text() == EXPIRED_DE
    app.set_language("en")
    assert app.window.login.message.text() == "Your session has expired. Please log in again."
    app.stop()
