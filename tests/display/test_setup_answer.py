"""The display against a hub whose ``GET /display`` answer is not a `DisplaySetup`.

The hub is a small HTTP server on 127.0.0.1 that answers the setup request with the bodies it
is given, one per request, and 404 to everything else (the event stream too).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from display.qt.app import DisplayApp, DisplayOptions
from shared.display_setup import DisplaySetup, encode_setup
from shared.pairing import TokenStore
from tests.display.conftest import RecordingSounds

SETUP = DisplaySetup(
    display_id="og1",
    name="Wartebereich 1. OG",
    site_name="Testamt",
    timezone="Europe/Berlin",
    counters=(),
)


@contextmanager
def setup_hub(answers: list[bytes]) -> Iterator[tuple[str, list[str]]]:
    """Serve `answers` to ``GET /api/v1/display`` in turn (the last one again); its URL and
    the paths asked for, in order."""
    paths: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            paths.append(self.path)
            if self.path != "/api/v1/display":
                self.send_error(404)
                return
            body = answers.pop(0) if len(answers) > 1 else answers[0]
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            """Quiet."""

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", paths
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.mark.expect_log("display.qt.app", "^unreadable display setup: ")
def test_an_unreadable_setup_is_logged_the_calls_shown_without_it_and_asked_again(
    qtbot: QtBot, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    malformed = [b'{"display_id": 5, "counters": "all"}', b"[]"]
    with setup_hub([*malformed, encode_setup(SETUP).encode()]) as (url, paths):
        store = TokenStore("display", tmp_path / "config")
        store.save("a-display-token-of-og1")
        options = DisplayOptions(
            server_url=url,
            windowed=True,
            token_store=store,
            speech_cache=tmp_path / "speech",
            silent=True,
            sounds=RecordingSounds(),
        )
        app = DisplayApp(options)
        app.start()
        try:
            qtbot.waitUntil(lambda: app.model.setup is not None, timeout=20_000)
        finally:
            app.shutdown()
    assert app.model.setup == SETUP
    asked = [i for i, path in enumerate(paths) if path == "/api/v1/display"]
    assert len(asked) == 3  # asked again after each unreadable answer
    streamed = [i for i, path in enumerate(paths) if path.startswith("/api/v1/events")]
    assert streamed
    assert streamed[0] < asked[1]  # the calls are not held back meanwhile
    said = [(r.levelno, r.getMessage()) for r in caplog.records if r.name == "display.qt.app"]
    said = [(level, text) for level, text in said if text.startswith("unreadable")]
    assert [level for level, _ in said] == [logging.WARNING, logging.INFO]  # warned once
    assert "showing the calls with no setup, asking again in 3 s" in said[0][1]
