"""The chime and the spoken announcement of each call: queued in order, none dropped or cut.

Speech is made by espeak-ng (`shared.speech.Speaker`, WAV files cached by text) on one worker
thread, so a burst of calls never blocks painting; the worker takes the calls one at a time,
so their clips come back in call order and go into one `shared.qt.sound.QtSoundQueue`, which
plays each file to its end before the next. A language espeak-ng has no voice for is not
spoken (German still is); a failing espeak-ng leaves the chime.
"""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, Signal

import display.sounds
from display.announce import announcements
from shared.board import BoardCall
from shared.qt.sound import QtSoundQueue
from shared.speech import Speaker, Speech

log = logging.getLogger(__name__)

CHIME = Path(display.sounds.__file__).with_name("chime.wav")
"""The chime the repo's own script makes (`display/sounds/make_chime.py`)."""


class SoundQueue(Protocol):
    """Plays WAV files one after another (`shared.qt.sound.QtSoundQueue`)."""

    def enqueue(self, path: Path) -> object:
        """Queue a WAV file behind the others."""
        ...


class SpeechMaker(Protocol):
    """Says a text into a WAV file (`shared.speech.Speaker`)."""

    def voice_for(self, language: str) -> str | None:
        """The voice for a language, None when it cannot be spoken."""
        ...

    def speak(self, text: str, language: str) -> Speech:
        """The WAV of `text` in `language`."""
        ...


def sound_queue(parent: QObject, *, silent: bool | None = None) -> SoundQueue:
    """The shared sound queue (timed silently when the machine has no audio output)."""
    return QtSoundQueue(parent, silent=silent)


def speaker(cache_dir: Path) -> SpeechMaker:
    """The shared espeak-ng speaker, caching its WAVs in `cache_dir`."""
    return Speaker(cache_dir)


class QtAnnouncer(QObject):
    """Chimes and speaks each call in arrival order.

    Signals: ``queued(object, object)`` with the `BoardCall` and the tuple of WAV paths put
    into the sound queue for it (chime first).
    """

    queued = Signal(object, object)
    _made = Signal(object, object)

    def __init__(
        self,
        sounds: SoundQueue | None,
        voice: SpeechMaker | None,
        *,
        chime: Path = CHIME,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.sounds = sounds
        self.voice = voice
        self.chime = chime
        self.chime_on = True
        self.speak_on = True
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="announce")
        self._made.connect(self._enqueue)

    def announce(self, call: BoardCall) -> None:
        """Queue the chime and the sentences for a call (made off the GUI thread)."""
        self._worker.submit(self._make, call)

    def _make(self, call: BoardCall) -> None:
        paths: list[Path] = [self.chime] if self.chime_on else []
        if self.speak_on and self.voice is not None:
            for sentence in announcements(call):
                if self.voice.voice_for(sentence.language) is None:
                    continue
                try:
                    paths.append(self.voice.speak(sentence.text, sentence.language).path)
                except Exception:  # espeak-ng failed: the call is still chimed and shown
                    log.exception("could not speak %r", sentence.text)
        self._made.emit(call, tuple(paths))

    def _enqueue(self, call: BoardCall, paths: tuple[Path, ...]) -> None:
        if self.sounds is not None:
            for path in paths:
                self.sounds.enqueue(path)
        self.queued.emit(call, paths)

    def stop(self) -> None:
        """Finish the work in hand and stop the worker."""
        self._worker.shutdown(wait=True, cancel_futures=False)
