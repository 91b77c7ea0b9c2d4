"""Spoken announcements through the real espeak-ng and the real sound queue (silent: timed)."""

from __future__ import annotations

import shutil
import time
import wave
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from display.qt.announcer import CHIME, QtAnnouncer
from shared.board import BoardCall
from shared.qt.sound import QtSoundQueue
from shared.speech import Speaker

# QtMultimedia looks for its FFmpeg helpers, PipeWire and PulseAudio once and warns about each
# on a box without a sound server (as in the kiosk's sound tests); none is about our code.
pytestmark = [
    pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is not installed"),
    pytest.mark.qt_log_ignore(
        r"Couldn't (load|resolve) .*(library|symbols)",
        r"PulseAudioService: pa_context_connect\(\) failed",
        r"QSoundEffect: playback of this format is not supported",
        r"Using Qt multimedia with FFmpeg",
    ),
]


def _call(seq: int, language: str) -> BoardCall:
    return BoardCall(
        seq=seq,
        number=f"A{seq:03d}",
        counter_id="s05",
        counter_name="Schalter 5",
        location="",
        floor="",
        room="",
        direction="",
        language=language,
        recall=False,
        at=datetime(2026, 11, 23, tzinfo=UTC),
    )


def _seconds(path: Path) -> float:
    with wave.open(str(path)) as wav:
        return wav.getnframes() / wav.getframerate()


def test_five_calls_are_spoken_whole_and_in_order(qtbot: QtBot, tmp_path: Path) -> None:
    queue = QtSoundQueue(silent=True)
    announcer = QtAnnouncer(queue, Speaker(tmp_path))
    played: list[tuple[Path, float]] = []
    started: dict[int, float] = {}
    queue.clip_started.connect(lambda clip: started.__setitem__(clip.id, time.monotonic()))
    queue.clip_finished.connect(
        lambda clip: played.append((clip.path, time.monotonic() - started[clip.id]))
    )
    queued: list[tuple[BoardCall, tuple[Path, ...]]] = []
    announcer.queued.connect(lambda call, paths: queued.append((call, paths)))
    calls = [_call(n, lang) for n, lang in enumerate(("ar", "en", "de", "tr", "uk"), start=1)]
    for call in calls:
        announcer.announce(call)
    qtbot.waitUntil(lambda: len(queued) == len(calls), timeout=60_000)
    expected = [p for _, paths in queued for p in paths]
    qtbot.waitUntil(lambda: len(played) == len(expected), timeout=120_000)
    announcer.stop()
    assert [c.number for c, _ in queued] == [c.number for c in calls]
    assert [p for p, _ in played] == expected  # in order, none dropped
    for call, paths in queued:
        assert paths[0] == CHIME
        assert len(paths) == (2 if call.language == "de" else 3)  # German, then theirs
    for path, seconds in played:
        assert seconds >= _seconds(path) * 0.95  # none cut off
