"""Spoken text, offline: text + language → a WAV file made by espeak-ng, cached by content.

Qt-free (the display's announcer and the kiosk's read-aloud button play the files with
`shared.qt.sound.QtSoundQueue`). espeak-ng comes from the distribution (Debian `espeak-ng`);
where it has no voice for a language (Pashto, Tigrinya, Somali in espeak-ng 1.51),
`voice_for` answers None and the apps offer no speech in that language.

Ticket numbers are said the way a person says them: ``A042`` becomes the letter's name and
the number without leading zeros ("A zweiundvierzig", "A forty-two", "A 四十二"); the voice
says the digits in its own language, and the letter is marked up as characters (SSML
``say-as``) so English does not read "A" as the article.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import re
import shutil
import subprocess
import tempfile
import wave
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

log = logging.getLogger(__name__)

PROGRAM = "espeak-ng"
VOICE_CANDIDATES: dict[str, tuple[str, ...]] = {
    "en": ("en-gb", "en", "en-us"),
    "fr": ("fr-fr", "fr"),
    "zh": ("cmn", "zh"),
    "ku": ("ku", "kmr"),
    "ps": ("ps",),
    "ti": ("ti",),
    "so": ("so",),
}
"""espeak-ng voice names to try per language (default: the language code itself)."""

_NUMBER = re.compile(r"\b([A-Z]{1,2})0*(\d+)\b")


class SpeechError(Exception):
    """espeak-ng is missing, has no voice for the language, or failed to speak."""


@functools.cache
def installed_voices(program: str = PROGRAM) -> frozenset[str]:
    """The voices espeak-ng offers (its own, not mbrola's); empty when it is not installed."""
    path = shutil.which(program)
    if path is None:
        log.info("%s is not installed: no speech", program)
        return frozenset()
    try:
        listing = subprocess.run(  # noqa: S603 - fixed program, no shell
            [path, "--voices"], capture_output=True, text=True, check=True, timeout=10
        ).stdout
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("%s --voices failed: %s", program, exc)
        return frozenset()
    voices = set()
    for line in listing.splitlines()[1:]:
        columns = line.split()
        # Pty Language Age/Gender VoiceName File Other
        if len(columns) >= 5 and not columns[4].startswith("mb/"):
            voices.add(columns[1].lower())
    return frozenset(voices)


def voice_for(language: str, program: str = PROGRAM) -> str | None:
    """The espeak-ng voice for a language code, or None when there is none here."""
    installed = installed_voices(program)
    for candidate in VOICE_CANDIDATES.get(language, (language,)):
        if candidate in installed:
            return candidate
    return None


def speakable(text: str) -> str:
    """The text as espeak-ng SSML: ticket numbers as "letter, number", the rest escaped."""
    parts: list[str] = []
    last = 0
    for match in _NUMBER.finditer(text):
        parts.append(escape(text[last : match.start()]))
        letters = " ".join(match.group(1))
        parts.append(f'<say-as interpret-as="characters">{letters}</say-as> {match.group(2)}')
        last = match.end()
    parts.append(escape(text[last:]))
    return f"<speak>{''.join(parts)}</speak>"


def wav_duration(path: Path) -> float:
    """The playing time of a PCM WAV file in seconds (from its header and data size)."""
    with wave.open(str(path), "rb") as wav:
        rate = wav.getframerate()
        return wav.getnframes() / rate if rate else 0.0


@dataclass(frozen=True)
class Speech:
    """A spoken text: its WAV file, the voice that said it and how long it plays."""

    path: Path
    voice: str
    seconds: float


class Speaker:
    """Makes WAV files with espeak-ng into a cache directory, one file per distinct text."""

    def __init__(
        self,
        cache_dir: Path,
        *,
        program: str = PROGRAM,
        words_per_minute: int = 150,
        timeout: float = 20.0,
    ) -> None:
        self.cache_dir = cache_dir
        self.program = program
        self.words_per_minute = words_per_minute
        self.timeout = timeout

    def voice_for(self, language: str) -> str | None:
        """The voice this speaker uses for a language (None: the language cannot be spoken)."""
        return voice_for(language, self.program)

    def speak(self, text: str, language: str) -> Speech:
        """The WAV of `text` said in `language` (made once, then taken from the cache)."""
        voice = self.voice_for(language)
        if voice is None:
            raise SpeechError(f"espeak-ng has no voice for {language!r}")
        ssml = speakable(text)
        key = f"{self.program}\0{voice}\0{self.words_per_minute}\0{ssml}".encode()
        path = self.cache_dir / f"{hashlib.sha256(key).hexdigest()[:32]}.wav"
        if not path.exists():
            self._make(ssml, voice, path)
        return Speech(path, voice, wav_duration(path))

    def _make(self, ssml: str, voice: str, path: Path) -> None:
        program = shutil.which(self.program)
        if program is None:
            raise SpeechError(f"{self.program} is not installed (Debian: apt install espeak-ng)")
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(suffix=".wav", dir=self.cache_dir)
        os.close(handle)
        command = [program, "-m", "-v", voice, "-s", str(self.words_per_minute)]
        try:
            subprocess.run(  # noqa: S603 - fixed program, text on stdin, no shell
                [*command, "-w", temporary, "--stdin"],
                input=ssml,
                capture_output=True,
                text=True,
                check=True,
                timeout=self.timeout,
            )
            if wav_duration(Path(temporary)) <= 0:
                raise SpeechError(f"espeak-ng made an empty WAV for {ssml[:60]!r}")
            Path(temporary).replace(path)
        except (OSError, subprocess.SubprocessError, wave.Error, EOFError) as exc:
            raise SpeechError(f"espeak-ng failed ({voice}): {exc}") from exc
        finally:
            Path(temporary).unlink(missing_ok=True)
        log.debug("spoke %s into %s", voice, path.name)


__all__ = [
    "Speaker",
    "Speech",
    "SpeechError",
    "installed_voices",
    "speakable",
    "voice_for",
    "wav_duration",
]
