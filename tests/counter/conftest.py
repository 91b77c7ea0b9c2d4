"""A real hub for the counter tests, and a driver that carries the model's requests to it.

The driver is the app's job done plainly: it sends each `HubRequest` with httpx and hands
the answer back; `sync()` reads the staff stream until the model has seen the hub's newest
event. No Qt: the model is tested without a screen.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import pytest
from websockets.sync.client import ClientConnection, connect

from counter.model import CounterModel
from counter.state import Failure, HubRequest
from server.app import ServerOptions
from shared.clock import SystemClock
from shared.desk_refusal import StepRefused
from shared.protocol import decode
from tests.api.conftest import PASSWORD, Hub, Template, start_hub
from tests.api.conftest import template as template  # noqa: PLC0414 (re-export the fixture)

__all__ = ["PASSWORD", "Driver", "template"]


class Driver:
    """Carries one model's requests to a hub and its staff stream back to the model."""

    def __init__(self, hub: Hub, model: CounterModel) -> None:
        self.hub = hub
        self.model = model
        self.token = ""
        self.sent: list[HubRequest] = []
        self.outbox: list[HubRequest] = []
        self.down = False
        self.lose_answers = 0
        """How many of the next answers are lost after the hub acted (reported as status 0)."""
        self.gateway: list[int] = []
        """Statuses a proxy in front of the hub answers instead of it, one per next request."""
        self.ws: ClientConnection | None = None
        self._stack = ExitStack()
        model.request_ready.connect(self.outbox.append)
        model.session_started.connect(self._adopt)

    def _adopt(self, token: str) -> None:
        self.token = token

    def pump(self) -> None:
        """Send every request the model asked for (and those its answers ask for)."""
        while self.outbox:
            request = self.outbox.pop(0)
            self.sent.append(request)
            if self.down:
                self.model.failed(request, Failure(status=0, detail="hub not reachable"))
                continue
            if self.gateway:
                status = self.gateway.pop(0)
                self.model.failed(request, Failure(status=status, detail="from the proxy"))
                continue
            headers = {"Authorization": f"Bearer {self.token}"} if self.token else {}
            if request.keyed:
                headers["Idempotency-Key"] = request.key
            answer = self.hub.http.request(
                request.method, request.path, json=request.body, headers=headers
            )
            if self.lose_answers > 0:
                self.lose_answers -= 1
                self.model.failed(request, Failure(status=0, detail="connection reset"))
                continue
            if answer.is_success:
                result: Any = answer.json() if answer.content else None
                self.model.answered(request, result)
            else:
                body = answer.json()
                failure = Failure(
                    status=answer.status_code,
                    detail=body["detail"],
                    reason=body.get("reason", ""),
                    step=StepRefused.from_json(body),
                )
                self.model.failed(request, failure)

    def sync(self) -> None:
        """Feed the model the staff stream up to the hub's newest event."""
        if self.ws is None:
            url = self.hub.ws_url(0)
            headers = {"Authorization": f"Bearer {self.token}"}
            self.ws = self._stack.enter_context(connect(url, additional_headers=headers))
            self.model.apply(decode(self.ws.recv(timeout=5)))  # the snapshot
        newest = self.hub.store.last_seq()
        while self.model.queue.seq < newest:
            event = decode(self.ws.recv(timeout=5))
            if event.type != "heartbeat":
                self.model.apply(event)
        self.pump()

    def close(self) -> None:
        """Close the stream."""
        self._stack.close()


@pytest.fixture
def hub(tmp_path: Path, template: Template) -> Iterator[Hub]:
    """A running hub with short heartbeats."""
    options = ServerOptions(tickets_per_minute_per_kiosk=600, heartbeat_seconds=0.3)
    running = start_hub(tmp_path, template, options)
    yield running
    running.stop()


@pytest.fixture
def driver(hub: Hub) -> Iterator[Driver]:
    """A model logged in as the clerk at counter c1, driven against the hub."""
    model = CounterModel(SystemClock(), remembered_counter="c1")
    drive = Driver(hub, model)
    model.login("clerk", PASSWORD)
    drive.pump()
    model.choose_counter("c1")
    drive.pump()
    drive.sync()
    yield drive
    drive.close()


def start_app(
    qtbot: Any,
    url: str,
    tmp_path: Path,
    *,
    user: str = "clerk",
    counter: str = "c1",
    devices: Any = None,
    name: str = "app",
) -> Any:
    """A counter app on the real hub, logged in and working at `counter` (Qt tests only).

    Its sounds go into a real `QtSoundQueue`, timed silently (no sound card in tests).
    """
    from PySide6.QtCore import QSettings  # noqa: PLC0415 (Qt only where a test uses it)

    from counter.qt.app import CounterApp, CounterOptions  # noqa: PLC0415
    from counter.state import Phase  # noqa: PLC0415
    from shared.qt.sound import QtSoundQueue  # noqa: PLC0415

    settings = QSettings(str(tmp_path / f"{name}.ini"), QSettings.Format.IniFormat)
    options = CounterOptions(server_url=url, timeout=5.0)
    sounds = QtSoundQueue(silent=True)
    app = CounterApp(options, settings, SystemClock(), devices, sounds=sounds)
    sounds.setParent(app)
    qtbot.addWidget(app.window, before_close_func=lambda _: app.stop())  # also after a failure
    app.start()
    login = app.window.login
    login.username.setText(user)
    login.password.setText(PASSWORD)
    login.submit.click()
    qtbot.waitUntil(lambda: app.model.view_state().phase is Phase.CHOOSE_COUNTER, timeout=10000)
    choice = app.window.choice
    choice.counters.setCurrentIndex(choice.counters.findData(counter))
    choice.confirm.click()
    qtbot.waitUntil(
        lambda: (
            app.model.view_state().connected
            and app.model.view_state().counter_state.value == "open"
            and not app.model.view_state().busy  # the open action was answered
        ),
        timeout=10000,
    )
    return app


QT_NOISE = (
    r"This plugin does not support (propagateSizeHints|raise)"
    r"|Couldn't (load|resolve) .*(library|symbols)"
)
"""The offscreen platform's warnings when a window is shown or raised, and QtMultimedia's once
per process about a sound server this box has not (the app's sound queue); not ours to fix."""
