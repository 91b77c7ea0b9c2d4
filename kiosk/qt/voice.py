"""Read aloud: a screen's text spoken offline by espeak-ng, played without cutting off.

`QtReadAloud` is the kiosk's `Speaker`: `available(lang)` is True where espeak-ng has a voice
(the button is hidden elsewhere), `speak(text, lang)` makes the WAV on a worker thread
(`shared.speech.Speaker`, cached by content) and plays it with `QtSoundQueue`; a new touch
drops what was still waiting, so the visitor hears the screen they are on.
"""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from shared.qt.sound import QtSoundQueue
from shared.speech import Speaker as SpeechMaker
from shared.speech import SpeechError

log = logging.getLogger(__name__)

__all__ = ["QtReadAloud"]


class QtReadAloud(QObject):
    """Speaks texts in the visitor's language. Signals: ``spoken(object)`` with the WAV path."""

    spoken = Signal(object)
    _made = Signal(object)

    def __init__(
        self, maker: SpeechMaker, queue: QtSoundQueue, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.maker = maker
        self.queue = queue
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="speech")
        self._made.connect(self._play)

    def available(self, language: str) -> bool:
        """Whether espeak-ng has a voice for ``language``."""
        return self.maker.voice_for(language) is not None

    def speak(self, text: str, language: str) -> None:
        """Say ``text`` (the WAV is made off the GUI thread)."""
        self._pool.submit(self._make, text, language)

    def close(self) -> None:
        """Wait for a WAV being made; no more speech."""
        self._pool.shutdown(wait=True, cancel_futures=True)

    def _make(self, text: str, language: str) -> None:
        try:
            speech = self.maker.speak(text, language)
        except SpeechError as exc:
            log.warning("cannot read aloud: %s", exc)
            return
        self._made.emit(speech.path)

    def _play(self, path: Path) -> None:
        self.queue.clear()
        self.queue.enqueue(path)
        self.spoken.emit(path)
