"""The chime is made by the repo's own script; announcements say what a person would."""

from __future__ import annotations

import subprocess
import sys
import wave
from datetime import UTC, datetime
from pathlib import Path

import display.sounds
from display.announce import Announcement, announcements, spoken_number
from shared.board import BoardCall

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


def test_numbers_lose_their_leading_zeros() -> None:
    assert [spoken_number(n) for n in ("A042", "B7", "X100", "AB0003", "odd")] == [
        "A 42",
        "B 7",
        "X 100",
        "AB 3",
        "odd",
    ]


def test_german_always_and_the_visitors_language_too() -> None:
    assert announcements(_call("A042", "ar")) == (
        Announcement("de", "A 42, bitte zu Schalter 5"),
        Announcement("ar", "A 42، يرجى التوجه إلى Schalter 5"),
    )
    assert announcements(_call("A042", "de")) == (Announcement("de", "A 42, bitte zu Schalter 5"),)
    assert len(announcements(_call("A042", None))) == 1  # the site keeps the language off
    assert len(announcements(_call("A042", "xx"))) == 1  # no sentence for it: German only
