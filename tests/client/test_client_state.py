"""The Qt-free logic of the hub client: back-off schedule, seq cursor, heartbeat watch."""

from __future__ import annotations

import random

import pytest

from shared.client_state import Backoff, HeartbeatWatch, StreamCursor
from shared.protocol import Heartbeat, PublicSnapshot, Snapshot
from tests.client.sample import AT, issued


def test_backoff_doubles_from_half_a_second_to_thirty_without_jitter() -> None:
    backoff = Backoff(jitter=0.0)
    delays = [backoff.next_delay() for _ in range(9)]
    assert delays == [0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 30.0, 30.0, 30.0]
    assert backoff.attempts == 9


def test_backoff_jitter_stays_within_the_step_and_never_above_maximum() -> None:
    backoff = Backoff(jitter=0.25, rng=random.Random(7))
    for attempt in range(40):
        delay = backoff.next_delay()
        base = backoff.base(attempt)
        assert 0.75 * base <= delay <= base <= 30.0


def test_backoff_jitter_spreads_clients_apart() -> None:
    delays = {Backoff(rng=random.Random(seed)).next_delay() for seed in range(20)}
    assert len(delays) == 20


def test_backoff_reset_starts_over() -> None:
    backoff = Backoff(jitter=0.0)
    for _ in range(5):
        backoff.next_delay()
    backoff.reset()
    assert backoff.attempts == 0
    assert backoff.next_delay() == 0.5


def test_backoff_survives_thousands_of_failures() -> None:
    backoff = Backoff(jitter=0.0)
    for _ in range(5000):
        delay = backoff.next_delay()
    assert delay == 30.0


@pytest.mark.parametrize(
    ("initial", "maximum", "jitter"), [(0.0, 1.0, 0.1), (2.0, 1.0, 0.1), (0.5, 30.0, 1.0)]
)
def test_backoff_rejects_nonsense(initial: float, maximum: float, jitter: float) -> None:
    with pytest.raises(ValueError, match=r"must|need"):
        Backoff(initial, maximum, jitter)


def test_cursor_delivers_new_events_and_drops_duplicates() -> None:
    cursor = StreamCursor(since=3)
    assert not cursor.accept(issued(2))
    assert not cursor.accept(issued(3))
    assert cursor.accept(issued(4))
    assert not cursor.accept(issued(4))
    assert cursor.accept(issued(6))
    assert cursor.last_seq == 6


def test_cursor_advances_on_heartbeats_without_delivering_them() -> None:
    cursor = StreamCursor()
    assert not cursor.accept(Heartbeat(seq=12, at=AT))
    assert cursor.last_seq == 12


def test_heartbeat_racing_ahead_never_hides_an_event() -> None:
    cursor = StreamCursor(since=8)
    cursor.accept(Heartbeat(seq=10, at=AT))
    assert cursor.accept(issued(9))
    assert cursor.accept(issued(10))
    assert cursor.last_seq == 10


@pytest.mark.expect_log("shared.client_state", "behind ours")
def test_heartbeat_behind_us_means_the_hub_was_reset(caplog: pytest.LogCaptureFixture) -> None:
    cursor = StreamCursor(since=50)
    cursor.accept(Heartbeat(seq=2, at=AT))
    assert cursor.last_seq == 2
    assert cursor.accept(issued(3))
    assert "behind ours" in caplog.text


@pytest.mark.parametrize("older", [True, False])
def test_snapshot_always_delivered_and_sets_the_seq(older: bool) -> None:
    cursor = StreamCursor(since=20)
    seq = 5 if older else 40
    assert cursor.accept(Snapshot(seq=seq, at=AT, tickets=(), counters=()))
    assert cursor.last_seq == seq
    assert cursor.accept(PublicSnapshot(seq=seq, at=AT, calls=(), waiting=0))
    assert cursor.accept(issued(seq + 1))


class Ticker:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_heartbeat_watch_expires_after_timeout_without_frames() -> None:
    ticker = Ticker()
    watch = HeartbeatWatch(30.0, ticker)
    ticker.now += 29.0
    assert watch.remaining() == pytest.approx(1.0)
    assert not watch.expired()
    watch.seen()
    ticker.now += 29.0
    assert not watch.expired()
    ticker.now += 1.0
    assert watch.expired()


def test_heartbeat_watch_rejects_zero_timeout() -> None:
    with pytest.raises(ValueError, match="positive"):
        HeartbeatWatch(0.0, Ticker())
