"""The chime is made by the repo's own script; announcements say what a person would."""

from __future__ import annotations

import subprocess
import sys
import wave
from datetime import UTC, datetime
from pathlib import Path

import display.sounds
from display.announce import Announcement, announcements
from shared.board import BoardCall
from shared.speech import speakable

SOUNDS = Path(display.sounds.__file__).parent


def test_the_script_makes_exactly_the_shipped_chime(tmp_path: Path) -> None:
    made = tmp_path / "chime.wav"
    subprocess.run(
        [sys.executable, str(SOUNDS / "make_chime.py"), str(made)], check=True, timeout=120
    )
    assert made.read_bytes() == (SOUNDS / "chime.wav").read_bytes()
    with wave.open(str(made)) as wav:
        assert (wav.getnchannels(), wav.getsampwidth(), wav.getframerate()) == (1, 2, 22050)
        assert 1.0 < wav.getnframes() / wav.getframerate() < 2.0


def _call(number: str, language: str | None) -> BoardCall:
    return BoardCall(
        seq=1,
        number=number,
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


def test_the_number_is_said_as_a_person_says_it() -> None:
    [german] = announcements(_call("A042", "de"))
    spoken = speakable(german.text)
    assert '<say-as interpret-as="characters">A</say-as> 42,' in spoken  # not "zero four two"
    assert "Schalter 5" in spoken


def test_german_always_and_the_visitors_language_too() -> None:
    assert announcements(_call("A042", "ar")) == (
        Announcement("de", "A042, bitte zu Schalter 5"),
        Announcement("ar", "A042، يرجى التوجه إلى Schalter 5"),
    )
    assert announcements(_call("A042", "de")) == (Announcement("de", "A042, bitte zu Schalter 5"),)
    assert len(announcements(_call("A042", None))) == 1  # the site keeps the language off
    assert len(announcements(_call("A042", "xx"))) == 1  # no sentence for it: German only
