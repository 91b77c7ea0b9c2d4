"""`QtSoundQueue`: calls said one after another, in order, none cut off (no sound card here)."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from shared.qt.sound import Clip, QtSoundQueue
from shared.speech import Speaker

# QtMultimedia looks for its FFmpeg helpers, PipeWire and PulseAudio once; on a box without a
# sound server it warns about each. None of them is about our code.
pytestmark = [
    pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is not installed"),
    pytest.mark.qt_log_ignore(
        r"Couldn't (load|resolve) .*(library|symbols)",
        r"PulseAudioService: pa_context_connect\(\) failed",
        r"QSoundEffect: playback of this format is not supported",
        r"Using Qt multimedia with FFmpeg",
    ),
]


@pytest.fixture
def calls(tmp_path: Path) -> list[Path]:
    """Five announcements in three voices, as a display would queue them in one burst."""
    speaker = Speaker(tmp_path / "speech")
    texts = [
        ("A 042, bitte zu Schalter 5", "de"),
        ("A 042, counter 5", "en"),
        ("P 007, bitte zu Schalter 2", "de"),
        ("P 007, гише 2", "uk"),
        ("N 001, bitte zu Schalter 1", "de"),
    ]
    return [speaker.speak(text, language).path for text, language in texts]


class Recorder:
    """Start and end of every clip, on the monotonic clock."""

    def __init__(self, queue: QtSoundQueue) -> None:
        self.events: list[tuple[str, int, float]] = []
        self.drained = 0
        queue.clip_started.connect(lambda clip: self._note("start", clip))
        queue.clip_finished.connect(lambda clip: self._note("end", clip))
        queue.drained.connect(self._on_drained)

    def _note(self, what: str, clip: Clip) -> None:
        self.events.append((what, clip.id, time.monotonic()))

    def _on_drained(self) -> None:
        self.drained += 1


def _check_played_in_order(recorder: Recorder, clips: list[Clip]) -> None:
    kinds = [(what, cid) for what, cid, _ in recorder.events]
    assert kinds == [(what, c.id) for c in clips for what in ("start", "end")]
    times = [at for _, _, at in recorder.events]
    assert times == sorted(times)
    for clip, (start, end) in zip(clips, zip(times[::2], times[1::2], strict=True), strict=True):
        assert end - start >= clip.seconds - 0.02, f"clip {clip.id} cut off"


def test_a_burst_is_played_in_order_and_to_the_end(qtbot, calls: list[Path]) -> None:
    queue = QtSoundQueue()
    assert queue.silent  # no audio output on the test box: timed, not heard
    recorder = Recorder(queue)
    with qtbot.wait_signal(queue.drained, timeout=60_000):
        clips = [queue.enqueue(path) for path in calls]
        assert queue.busy
        assert queue.pending == 4
    assert [c.id for c in clips] == [1, 2, 3, 4, 5]
    assert all(c.seconds > 0.5 for c in clips)
    _check_played_in_order(recorder, clips)
    assert recorder.drained == 1
    assert not queue.busy


def test_a_clip_queued_while_one_plays_waits_for_it(qtbot, calls: list[Path]) -> None:
    queue = QtSoundQueue(silent=True)
    recorder = Recorder(queue)
    first = queue.enqueue(calls[0])
    qtbot.wait(50)
    with qtbot.wait_signal(queue.drained, timeout=60_000):
        second = queue.enqueue(calls[1])
    _check_played_in_order(recorder, [first, second])


def test_clear_drops_the_waiting_not_the_playing(qtbot, calls: list[Path]) -> None:
    queue = QtSoundQueue(silent=True)
    recorder = Recorder(queue)
    with qtbot.wait_signal(queue.drained, timeout=60_000):
        first = queue.enqueue(calls[0])
        queue.enqueue(calls[1])
        queue.clear()
    _check_played_in_order(recorder, [first])


@pytest.mark.expect_log("shared.qt.sound", "cannot play")
def test_a_device_that_cannot_play_still_keeps_time(qtbot, calls: list[Path]) -> None:
    queue = QtSoundQueue(silent=False)  # try QSoundEffect; with no sink it reports an error
    recorder = Recorder(queue)
    with qtbot.wait_signal(queue.drained, timeout=60_000):
        clips = [queue.enqueue(path) for path in calls[:2]]
    _check_played_in_order(recorder, clips)
