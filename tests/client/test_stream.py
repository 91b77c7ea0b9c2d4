"""The client's event stream against a real WebSocket hub on 127.0.0.1."""

from __future__ import annotations

import contextlib
import logging
import socket

import pytest

from shared.clock import FakeClock
from shared.protocol import Heartbeat, TicketIssued
from shared.qt.client import Backoff, ConnectionState
from shared.qt.stream import events_url
from tests.client.sample import AT, issued


def collect(client):
    """The list that fills with the client's delivered events."""
    received = []
    client.event_received.connect(received.append)
    return received


def seqs(received):
    return [event.seq for event in received]


@pytest.mark.parametrize(
    ("base", "since", "url"),
    [
        ("http://hub:8000", 0, "ws://hub:8000/api/v1/events?since=0"),
        ("https://hub.amt.de/", 42, "wss://hub.amt.de/api/v1/events?since=42"),
        ("http://10.0.0.2:80/aufruf", 7, "ws://10.0.0.2:80/aufruf/api/v1/events?since=7"),
    ],
)
def test_events_url(base, since, url):
    assert events_url(base, since) == url


def test_replays_then_streams_live_with_the_token(qtbot, hub, served, make_client):
    for seq in (1, 2, 3):
        hub.log.append(issued(seq))
    client = make_client(served.url, token="kiosk-1")
    received = collect(client)
    with qtbot.wait_signal(client.connection_changed) as blocker:
        client.connect_events()
    assert blocker.args == [ConnectionState.CONNECTING]
    qtbot.wait_until(lambda: len(received) == 3)
    assert client.state is ConnectionState.CONNECTED
    hub.publish(issued(4))
    qtbot.wait_until(lambda: len(received) == 4)
    assert all(isinstance(event, TicketIssued) for event in received)
    assert seqs(received) == [1, 2, 3, 4]
    assert received[3].ticket.number == "A004"
    assert client.last_seq == 4
    assert [(c.since, c.authorization) for c in hub.connections] == [(0, "Bearer kiosk-1")]


def test_resumes_with_since_after_the_hub_drops_the_line(qtbot, hub, served, make_client):
    client = make_client(served.url, backoff=Backoff(0.3, 1.0, jitter=0.0))
    received = collect(client)
    client.connect_events()
    hub.log.append(issued(1))
    qtbot.wait_until(lambda: hub.live == 1)
    hub.publish(issued(2))
    qtbot.wait_until(lambda: len(received) == 2)
    with qtbot.wait_signal(client.connection_changed) as blocker:
        hub.drop()
    assert blocker.args == [ConnectionState.DISCONNECTED]
    hub.publish(issued(3))  # while the client waits to reconnect: it must get it on replay
    hub.publish(issued(4))
    qtbot.wait_until(lambda: len(received) == 4)
    assert seqs(received) == [1, 2, 3, 4]
    assert [c.since for c in hub.connections] == [0, 2]
    assert client.state is ConnectionState.CONNECTED


def test_resumes_after_the_hub_restarts_on_the_same_port(qtbot, hub, served, make_client):
    client = make_client(served.url)
    received = collect(client)
    client.connect_events()
    qtbot.wait_until(lambda: hub.live == 1)
    hub.publish(issued(1))
    qtbot.wait_until(lambda: len(received) == 1)
    served.stop()
    qtbot.wait_until(lambda: client.state is not ConnectionState.CONNECTED)
    hub.log.append(issued(2))  # happened while the hub was down (e.g. another process)
    served.start()
    hub.publish(issued(3))
    qtbot.wait_until(lambda: len(received) == 3, timeout=5000)
    assert seqs(received) == [1, 2, 3]
    assert hub.connections[-1].since == 1


class RecordingBackoff(Backoff):
    """The back-off, keeping every delay it hands out."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.delays = []

    def next_delay(self):
        """The next delay, recorded."""
        delay = super().next_delay()
        self.delays.append(delay)
        return delay


def test_backs_off_while_the_hub_is_down_and_resets_after_a_good_frame(
    qtbot, hub, served, make_client
):
    backoff = RecordingBackoff(0.05, 0.4, jitter=0.0)
    client = make_client(served.url, backoff=backoff)
    client.connect_events()
    qtbot.wait_until(lambda: hub.live == 1)
    served.stop()
    started = client._stream.attempts
    qtbot.wait_until(lambda: len(backoff.delays) >= 5, timeout=10_000)
    assert backoff.delays[:5] == [0.05, 0.1, 0.2, 0.4, 0.4]  # doubling, then capped
    assert client._stream.attempts - started <= len(backoff.delays)  # no try without its wait
    served.start()
    qtbot.wait_until(lambda: hub.live == 1, timeout=3000)
    hub.heartbeat()
    qtbot.wait_until(lambda: backoff.attempts == 0)


@pytest.mark.expect_log("shared.qt.stream", "skipping malformed frame")
def test_malformed_frames_are_logged_and_skipped(qtbot, hub, served, make_client, caplog):
    client = make_client(served.url)
    received = collect(client)
    client.connect_events()
    qtbot.wait_until(lambda: hub.live == 1)
    with caplog.at_level(logging.WARNING, logger="shared.qt.stream"):
        hub.send_raw("not json at all")
        hub.send_raw('{"type": "ticket.issued", "seq": 1}')
        hub.send_raw('{"type": "from.the.future", "seq": 2, "at": "2026-11-23T08:00:00Z"}')
        hub.send_raw("[]")
        hub.publish(issued(1))
        qtbot.wait_until(lambda: len(received) == 1)
    assert seqs(received) == [1]
    assert caplog.text.count("skipping malformed frame") == 4
    assert len(hub.connections) == 1
    assert client.state is ConnectionState.CONNECTED


def test_heartbeats_advance_the_seq_but_are_not_delivered(qtbot, hub, served, make_client):
    client = make_client(served.url)
    received = collect(client)
    client.connect_events()
    qtbot.wait_until(lambda: hub.live == 1)
    hub.log.append(issued(9))  # a staff-only event a public stream would not carry
    hub.heartbeat()
    qtbot.wait_until(lambda: client.last_seq == 9)
    assert received == []
    hub.publish(Heartbeat(seq=9, at=AT))


@pytest.mark.expect_log("shared.qt.stream", "no word from the hub")
def test_silent_hub_is_declared_dead_and_reconnected(qtbot, hub, served, make_client):
    clock = FakeClock(AT)
    client = make_client(served.url, heartbeat_interval=0.15, monotonic=clock.monotonic)
    errors = []
    client.error_occurred.connect(errors.append)
    client.connect_events()
    qtbot.wait_until(lambda: client.state is ConnectionState.CONNECTED)
    clock.advance(0.29)  # not yet: the deadline is 0.3 s after the last word
    hub.log.append(issued(1))
    hub.heartbeat()
    qtbot.wait_until(lambda: client.last_seq == 1)
    assert errors == []
    clock.advance(0.3)  # silence for the whole deadline
    qtbot.wait_until(lambda: len(hub.connections) >= 2, timeout=3000)
    assert errors == ["no word from the hub for 0.3 s; reconnecting"]


def test_heartbeats_keep_the_line_alive(qtbot, hub, served, make_client):
    clock = FakeClock(AT)  # the deadline follows this clock, not the busy machine's
    client = make_client(served.url, heartbeat_interval=0.25, monotonic=clock.monotonic)
    client.connect_events()
    qtbot.wait_until(lambda: client.state is ConnectionState.CONNECTED)
    for seq in range(1, 11):  # 4 s of heartbeats, each 0.4 s after the last: under 0.5 s
        clock.advance(0.4)
        hub.log.append(issued(seq))
        hub.heartbeat()
        qtbot.wait_until(lambda seq=seq: client.last_seq == seq)
    assert len(hub.connections) == 1
    assert client.state is ConnectionState.CONNECTED


def test_unreachable_hub_reports_errors_and_keeps_trying(qtbot, hub, served, make_client):
    url = served.url
    served.stop()
    client = make_client(url)
    errors = []
    client.error_occurred.connect(errors.append)
    client.connect_events()
    qtbot.wait_until(lambda: len(errors) >= 2)
    assert "refused" in errors[0].lower()
    assert client.state is not ConnectionState.CONNECTED
    served.start()
    qtbot.wait_until(lambda: client.state is ConnectionState.CONNECTED, timeout=3000)


def test_close_stops_everything(qtbot, hub, served, make_client):
    client = make_client(served.url)
    client.connect_events()
    qtbot.wait_until(lambda: client.state is ConnectionState.CONNECTED)
    with qtbot.wait_signal(client.connection_changed) as blocker:
        client.close()
    assert blocker.args == [ConnectionState.DISCONNECTED]
    qtbot.wait_until(lambda: hub.live == 0)
    qtbot.wait(300)
    assert len(hub.connections) == 1
    assert client.state is ConnectionState.DISCONNECTED


def test_a_new_token_restarts_the_stream_from_scratch(qtbot, hub, served, make_client):
    client = make_client(served.url, token="device", backoff=Backoff(5.0, 30.0))
    received = collect(client)
    client.connect_events()
    qtbot.wait_until(lambda: hub.live == 1)
    hub.publish(issued(1))
    qtbot.wait_until(lambda: client.last_seq == 1)
    client.set_token("device")  # the same token: nothing happens
    client.set_token("clerk-session")
    assert client.last_seq == 0
    # No back-off wait (5 s here): the new stream opens at once, and replays from 0.
    qtbot.wait_until(lambda: len(received) == 2, timeout=2000)
    assert [(c.since, c.authorization) for c in hub.connections] == [
        (0, "Bearer device"),
        (0, "Bearer clerk-session"),
    ]
    qtbot.wait_until(lambda: hub.live == 1)


def test_a_new_token_on_a_closed_stream_waits_for_connect(qtbot, hub, served, make_client):
    client = make_client(served.url, token="device")
    client.set_token("other")
    qtbot.wait(100)
    assert hub.connections == []
    client.connect_events()
    qtbot.wait_until(lambda: len(hub.connections) == 1)
    assert hub.connections[0].authorization == "Bearer other"


def test_close_while_the_connection_is_being_made_is_quiet(qtbot, make_client):
    """Closed before TCP is even connected (a kiosk's PIN exit on a busy box, a counter
    restarted): the socket is aborted; a close frame written there makes Qt warn
    ("QNativeSocketEngine::write() was not called in ConnectedState"; pytest-qt fails on it)."""
    with socket.create_server(("127.0.0.1", 0), backlog=0) as listener:
        port = listener.getsockname()[1]
        # A full accept queue: the kernel drops the client's SYN, its connect stays pending.
        fillers = [socket.create_connection(("127.0.0.1", port), timeout=5)]
        for _ in range(2):
            filler = socket.socket()
            filler.settimeout(0)
            with contextlib.suppress(BlockingIOError):
                filler.connect(("127.0.0.1", port))
            fillers.append(filler)
        client = make_client(f"http://127.0.0.1:{port}")
        client.connect_events()
        qtbot.wait_until(lambda: client.state is ConnectionState.CONNECTING)
        client.close()
        assert client.state is ConnectionState.DISCONNECTED
        for filler in fillers:
            filler.close()
