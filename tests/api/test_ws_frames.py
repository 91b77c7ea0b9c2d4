"""The hub's shared text frames: websockets' bytes, and each client gets what it negotiated."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest
from websockets.protocol import State
from websockets.server import ServerProtocol
from websockets.sync.client import connect

from server import wsprotocol
from server.wsprotocol import text_frame

if TYPE_CHECKING:
    from tests.api.conftest import Hub


def _websockets_frame(text: str) -> bytes:
    """What websockets' own server connection writes for `text`."""
    server = ServerProtocol(state=State.OPEN)
    server.send_text(text.encode())
    return b"".join(server.data_to_send())


@pytest.mark.parametrize(
    "text",
    [
        "",
        '{"type":"public.call","number":"A001"}',
        "الرجاء التوجه إلى الشباك 5",  # two bytes a letter: the length is the bytes'
        "x" * 125,  # the last length in the first byte
        "x" * 126,  # a 16-bit length
        "ü" * 40000,  # 80,000 bytes: a 64-bit length
    ],
)
def test_a_shared_frame_is_the_frame_websockets_would_write(text: str) -> None:
    assert text_frame(text) == _websockets_frame(text)
    assert text_frame(text) is text_frame(text)  # built once, kept for the next display


@pytest.mark.parametrize("compression", [None, "deflate"])
def test_every_client_reads_the_same_events_with_or_without_deflate(
    hub: Hub, compression: str | None
) -> None:
    """A plain connection takes the shared frames, a deflating one websockets' own path."""
    with connect(
        hub.ws_url(0), additional_headers=hub.auth("display"), compression=compression
    ) as ws:
        assert bool(ws.protocol.extensions) is (compression is not None)
        assert json.loads(ws.recv(timeout=5))["type"] == "public.snapshot"
        texts = []
        for _ in range(3):
            hub.issue()
            texts.append(ws.recv(timeout=5))
    frames = [json.loads(t) for t in texts]
    assert [(f["type"], f["waiting"]) for f in frames] == [("public.waiting", n) for n in (1, 2, 3)]
    shared = [t in wsprotocol._FRAMES for t in texts]  # the hub runs in this process
    assert shared == [compression is None] * 3


@pytest.mark.parametrize("compression", [None, "deflate"])
def test_a_plain_display_is_written_in_the_fan_out_not_by_its_task(
    hub: Hub, compression: str | None
) -> None:
    """When an event is delivered, a plain display already has it: nothing waits in its queue
    for its sender task. A deflating display's events go through the queue as before."""
    broadcaster = hub.thread.server.config.app.state.broadcaster
    queued: list[int] = []

    def look(event: object) -> None:  # called in the fan-out, after every subscriber's offer
        queued.extend(sub.queue.qsize() for sub in broadcaster._subscribers if sub.public)

    with connect(
        hub.ws_url(0), additional_headers=hub.auth("display"), compression=compression
    ) as ws:
        assert json.loads(ws.recv(timeout=5))["type"] == "public.snapshot"
        broadcaster.watchers.append(look)
        try:
            texts = []
            for _ in range(3):
                hub.issue()
                texts.append(json.loads(ws.recv(timeout=5)))
        finally:
            broadcaster.watchers.remove(look)
    assert [(t["type"], t["waiting"]) for t in texts] == [("public.waiting", n) for n in (1, 2, 3)]
    assert queued == [0 if compression is None else 1] * 3
