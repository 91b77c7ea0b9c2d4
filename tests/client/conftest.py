"""A small real hub for the client tests: Starlette on uvicorn, in a thread, on 127.0.0.1.

`ScriptedHub` speaks the protocol (JSON events on ``/api/v1/events?since=N``, replay then
live) and records every REST call; tests script its answers. `ServerThread` runs any ASGI
app (this one or the real `server.app`) on a real socket and can stop and restart it on
the same port.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import socket
import threading
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import pytest
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route, WebSocketRoute
from starlette.websockets import WebSocket, WebSocketDisconnect

from server.wsprotocol import HubWebSocketProtocol
from shared.protocol import Event, Heartbeat, encode
from shared.qt.client import Backoff, QtHubClient

AT = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
_GONE = "\x00gone"


@dataclass
class Recorded:
    """One REST call as the hub saw it."""

    method: str
    path: str
    body: Any
    authorization: str | None
    content_type: str | None = None
    query: str = ""


@dataclass
class Connection:
    """One event-stream connection as the hub saw it."""

    since: int
    authorization: str | None
    queue: asyncio.Queue[str | None] = field(default_factory=asyncio.Queue)


class ScriptedHub:
    """A hub whose events and answers the test scripts."""

    def __init__(self) -> None:
        self.log: list[Event] = []
        self.requests: list[Recorded] = []
        self.connections: list[Connection] = []
        self.responses: dict[tuple[str, str], tuple[int, Any]] = {}
        self.slow_seconds = 0.0
        self.loop: asyncio.AbstractEventLoop | None = None
        self._live: list[Connection] = []
        self.app = Starlette(
            routes=[
                WebSocketRoute("/api/v1/events", self._events),
                Route("/api/v1/{path:path}", self._rest, methods=["GET", "POST", "DELETE"]),
            ],
            lifespan=self._lifespan,
        )

    # ---------------------------------------------------------------- test side
    def publish(self, event: Event) -> None:
        """Log an event and push it to every live connection."""
        self._call(self._push, event, logged=True)

    def send_raw(self, text: str) -> None:
        """Push a raw text frame (not logged) to every live connection."""
        self._call(self._push_text, text)

    def heartbeat(self) -> None:
        """Push a heartbeat with the latest seq."""
        self._call(self._push, Heartbeat(seq=self.latest, at=AT), logged=False)

    def drop(self) -> None:
        """Close every live event connection from the hub's side."""
        self._call(self._push_text, None)

    def reset(self) -> None:
        """Forget everything a previous test scripted or recorded (for a shared hub)."""
        self.log.clear()
        self.requests.clear()
        self.connections.clear()
        self.responses.clear()
        self.slow_seconds = 0.0

    @property
    def latest(self) -> int:
        """The seq of the last logged event."""
        return self.log[-1].seq if self.log else 0

    @property
    def live(self) -> int:
        """How many event connections are open now."""
        return len(self._live)

    def _call(self, func: Any, *args: Any, **kwargs: Any) -> None:
        assert self.loop is not None, "hub not started"
        done = threading.Event()

        def run() -> None:
            func(*args, **kwargs)
            done.set()

        self.loop.call_soon_threadsafe(run)
        assert done.wait(5)

    def _push(self, event: Event, *, logged: bool) -> None:
        if logged:
            self.log.append(event)
        self._push_text(encode(event))

    def _push_text(self, text: str | None) -> None:
        for connection in self._live:
            connection.queue.put_nowait(text)

    # ---------------------------------------------------------------- server side
    @contextlib.asynccontextmanager
    async def _lifespan(self, _app: Starlette) -> AsyncIterator[None]:
        self.loop = asyncio.get_running_loop()
        yield

    async def _events(self, websocket: WebSocket) -> None:
        await websocket.accept()
        connection = Connection(
            int(websocket.query_params.get("since", "0")), websocket.headers.get("authorization")
        )
        self.connections.append(connection)
        for event in self.log:
            if event.seq > connection.since:
                connection.queue.put_nowait(encode(event))
        self._live.append(connection)
        receiver = asyncio.create_task(self._drain(websocket, connection))
        try:
            while (text := await connection.queue.get()) is not None:
                if text is _GONE:
                    return
                await websocket.send_text(text)
            await websocket.close(code=1012)
        except WebSocketDisconnect:
            pass
        finally:
            self._live.remove(connection)
            receiver.cancel()

    async def _drain(self, websocket: WebSocket, connection: Connection) -> None:
        """Read until the client goes away, then wake the sender."""
        with contextlib.suppress(WebSocketDisconnect, RuntimeError):
            while (await websocket.receive())["type"] != "websocket.disconnect":
                pass
        connection.queue.put_nowait(_GONE)

    async def _rest(self, request: Request) -> Response:
        path = "/" + request.path_params["path"]
        raw = await request.body()
        json_body = request.headers.get("content-type") == "application/json"
        body = (json.loads(raw) if json_body else raw.decode()) if raw else None
        self.requests.append(
            Recorded(
                request.method,
                path,
                body,
                request.headers.get("authorization"),
                request.headers.get("content-type"),
                str(request.url.query),
            )
        )
        if path == "/slow":
            # Sleep, but notice a client that gave up, so shutdown is not held up.
            end = time.monotonic() + self.slow_seconds
            while time.monotonic() < end and not await request.is_disconnected():
                await asyncio.sleep(0.05)
        status, payload = self.responses.get(
            (request.method, path), (200, {"method": request.method, "path": path, "body": body})
        )
        if status == 204:
            return Response(status_code=204)
        if isinstance(payload, bytes):
            return Response(payload, status_code=status, media_type="application/json")
        return JSONResponse(payload, status_code=status)


class ServerThread:
    """Runs an ASGI app with uvicorn in a thread on 127.0.0.1; stop and start on one port."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.port = 0
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        """``http://127.0.0.1:<port>``."""
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        """Serve (on the previous port, after a restart)."""
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", self.port))
        self.port = sock.getsockname()[1]
        config = uvicorn.Config(
            self.app,
            log_config=None,
            ws=HubWebSocketProtocol,  # the hub's: a refused handshake logs no error
            lifespan="on",
            timeout_graceful_shutdown=1,
        )
        server = uvicorn.Server(config)
        self._server = server
        self._thread = threading.Thread(
            target=server.run, kwargs={"sockets": [sock]}, name=f"uvicorn-{self.port}"
        )
        self._thread.start()
        deadline = time.monotonic() + 10
        while not server.started:
            assert self._thread.is_alive(), "server died on start"
            assert time.monotonic() < deadline, "server did not start"
            time.sleep(0.01)

    def stop(self) -> None:
        """Shut the server down (open connections are closed) and wait for its thread."""
        if self._server is None or self._thread is None:
            return
        self._server.should_exit = True
        self._thread.join(10)
        assert not self._thread.is_alive(), "server thread did not stop"
        self._server = self._thread = None


@pytest.fixture
def hub() -> ScriptedHub:
    """A scripted hub, not yet serving."""
    return ScriptedHub()


@pytest.fixture
def served(hub: ScriptedHub) -> Iterator[ServerThread]:
    """The scripted hub serving on 127.0.0.1:<port>."""
    thread = ServerThread(hub.app)
    thread.start()
    yield thread
    thread.stop()


@pytest.fixture(scope="module")
def shared_hub() -> Iterator[tuple[ScriptedHub, ServerThread]]:
    """One scripted hub for a whole module whose tests never stop it (saves a restart each)."""
    hub = ScriptedHub()
    thread = ServerThread(hub.app)
    thread.start()
    yield hub, thread
    thread.stop()


@pytest.fixture
def make_client(qtbot: Any) -> Iterator[Any]:
    """Builds `QtHubClient`s with short timers; closes them after the test."""
    clients: list[QtHubClient] = []

    def make(url: str, token: str = "tok", **options: Any) -> QtHubClient:
        options.setdefault("heartbeat_interval", 5.0)
        options.setdefault("backoff", Backoff(0.05, 0.4))
        options.setdefault("timeout", 10.0)
        client = QtHubClient(url, token, **options)
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.close()
    qtbot.wait(20)


@pytest.fixture
def serve() -> Iterator[Any]:
    """Serves an ASGI app on 127.0.0.1 in a thread; returns its `ServerThread`."""
    threads: list[ServerThread] = []

    def start(app: Any) -> ServerThread:
        thread = ServerThread(app)
        thread.start()
        threads.append(thread)
        return thread

    yield start
    for thread in threads:
        thread.stop()


@pytest.fixture(autouse=True)
def no_leaked_threads() -> Iterator[None]:
    """Every thread a test starts (uvicorn, zeroconf, executors) is gone after it."""
    before = set(threading.enumerate())
    yield
    deadline = time.monotonic() + 3
    while (left := set(threading.enumerate()) - before) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert not left, f"leaked threads: {sorted(t.name for t in left)}"
