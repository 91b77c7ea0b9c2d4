"""Plays WAV files one after another on the GUI thread, never cutting one off.

`QSoundEffect` (QtMultimedia's PCM WAV player, needing no FFmpeg backend) plays each file; the
next starts only after the previous one reported its end. A machine without an audio output
(a test box, a display whose HDMI sink is gone) still runs the queue: each clip then "plays"
silently for its measured WAV duration, so order and timing stay the same and a caller never
hangs waiting for a sound that cannot come.
"""

from __future__ import annotations

import logging
import math
import time
from collections import deque
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtMultimedia import QMediaDevices, QSoundEffect

from shared.speech import wav_duration

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Clip:
    """One queued sound: its id (from `enqueue`), file and length in seconds."""

    id: int
    path: Path
    seconds: float


class QtSoundQueue(QObject):
    """A queue of WAV files played in order, each to its end.

    Signals: ``clip_started(object)`` and ``clip_finished(object)`` with the `Clip`,
    ``drained()`` when the last queued clip has ended.
    """

    clip_started = Signal(object)
    clip_finished = Signal(object)
    drained = Signal()

    def __init__(
        self, parent: QObject | None = None, *, silent: bool | None = None, volume: float = 1.0
    ) -> None:
        super().__init__(parent)
        self.silent = not QMediaDevices.audioOutputs() if silent is None else silent
        if self.silent:
            log.info("no audio output: sounds are timed, not heard")
        self.volume = volume
        self._queue: deque[Clip] = deque()
        self._current: Clip | None = None
        self._effect: QSoundEffect | None = None
        self._next_id = 1
        self._started_at = 0.0
        self._guard = QTimer(self)
        self._guard.setSingleShot(True)
        self._guard.setTimerType(Qt.TimerType.PreciseTimer)  # a coarse timer may end 5 % early
        self._guard.timeout.connect(self._on_guard)

    @property
    def busy(self) -> bool:
        """True while a clip plays."""
        return self._current is not None

    @property
    def pending(self) -> int:
        """Clips waiting behind the one that plays."""
        return len(self._queue)

    def enqueue(self, path: Path) -> Clip:
        """Queue a WAV file; it plays after everything queued before it."""
        clip = Clip(self._next_id, path, wav_duration(path))
        self._next_id += 1
        self._queue.append(clip)
        if self._current is None:
            self._play_next()
        return clip

    def clear(self) -> None:
        """Drop the waiting clips (the one playing plays to its end)."""
        self._queue.clear()

    def _play_next(self) -> None:
        if not self._queue:
            self.drained.emit()
            return
        clip = self._queue.popleft()
        self._current = clip
        self._started_at = time.monotonic()
        self.clip_started.emit(clip)
        if self.silent:
            self._guard.start(self._ms(clip.seconds))
            return
        effect = QSoundEffect(self)
        effect.setVolume(self.volume)
        effect.statusChanged.connect(self._on_status)
        effect.playingChanged.connect(self._on_playing)
        self._effect = effect
        # A clip that never reports its end is ended a second after its length.
        self._guard.start(self._ms(clip.seconds + 1.0))
        effect.setSource(QUrl.fromLocalFile(str(clip.path)))
        if effect.status() is QSoundEffect.Status.Ready:  # already loaded once: no signal
            effect.play()

    @staticmethod
    def _ms(seconds: float) -> int:
        return max(1, math.ceil(seconds * 1000))

    def _on_status(self) -> None:
        effect = self._effect
        if effect is None or self._current is None:
            return
        if effect.status() is QSoundEffect.Status.Ready and not effect.isPlaying():
            effect.play()
        elif effect.status() is QSoundEffect.Status.Error:
            log.warning("cannot play %s: timing it silently", self._current.path.name)
            self._drop_effect()
            remaining = self._current.seconds - (time.monotonic() - self._started_at)
            self._guard.start(self._ms(max(0.0, remaining)))

    def _on_playing(self) -> None:
        effect = self._effect
        if (
            effect is not None
            and not effect.isPlaying()
            and effect.status() is (QSoundEffect.Status.Ready)
        ):
            self._finish()

    def _on_guard(self) -> None:
        if self._effect is not None:
            log.warning("%s did not report its end; going on", self._current)
        self._finish()

    def _drop_effect(self) -> None:
        effect, self._effect = self._effect, None
        if effect is not None:
            effect.statusChanged.disconnect(self._on_status)
            effect.playingChanged.disconnect(self._on_playing)
            effect.stop()
            effect.deleteLater()

    def _finish(self) -> None:
        clip, self._current = self._current, None
        self._guard.stop()
        self._drop_effect()
        if clip is not None:
            self.clip_finished.emit(clip)
        self._play_next()


__all__ = ["Clip", "QtSoundQueue"]
