"""espeak-ng into WAV: a voice where there is one, numbers as people say them, a cache."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from shared.speech import Speaker, SpeechError, speakable, voice_for, wav_duration

KIOSK_LANGUAGES = [
    "de",
    "en",
    "ar",
    "fa",
    "ps",
    "tr",
    "ku",
    "ru",
    "uk",
    "ti",
    "so",
    "fr",
    "sq",
    "ro",
    "vi",
    "zh",
]
WITHOUT_VOICE = {"ps", "ti", "so"}  # espeak-ng 1.51 (Debian 12) has none for these

pytestmark = pytest.mark.skipif(
    shutil.which("espeak-ng") is None, reason="espeak-ng is not installed (apt install espeak-ng)"
)


@pytest.fixture
def speaker(tmp_path: Path) -> Speaker:
    """A speaker with its cache in the test's directory."""
    return Speaker(tmp_path / "speech")


def test_voices_exist_except_where_espeak_has_none() -> None:
    missing = {lang for lang in KIOSK_LANGUAGES if voice_for(lang) is None}
    assert missing == WITHOUT_VOICE
    assert voice_for("zh") == "cmn"
    assert voice_for("en") == "en-gb"
    assert voice_for("xx") is None


@pytest.mark.parametrize("language", sorted(set(KIOSK_LANGUAGES) - WITHOUT_VOICE))
def test_every_voice_makes_a_wav(speaker: Speaker, language: str) -> None:
    speech = speaker.speak("A042, Schalter 5", language)
    assert speech.path.exists()
    assert speech.seconds > 0.5
    assert speech.voice == voice_for(language)
    if shutil.which("sox"):  # the file is a real WAV to another tool too
        info = subprocess.run(
            ["sox", "--i", "-D", str(speech.path)], capture_output=True, text=True, check=True
        )
        assert float(info.stdout) == pytest.approx(speech.seconds, abs=0.01)


def test_the_cache_answers_the_same_text_with_the_same_file(speaker: Speaker) -> None:
    first = speaker.speak("A042", "de")
    mtime = first.path.stat().st_mtime_ns
    again = speaker.speak("A042", "de")
    assert again == first
    assert first.path.stat().st_mtime_ns == mtime
    other = speaker.speak("A043", "de")
    assert other.path != first.path
    assert len(list(speaker.cache_dir.glob("*.wav"))) == 2  # no temporary files left


def test_no_voice_is_an_error(speaker: Speaker) -> None:
    with pytest.raises(SpeechError, match="no voice for 'ti'"):
        speaker.speak("A042", "ti")


def test_a_missing_program_means_no_voices(tmp_path: Path) -> None:
    speaker = Speaker(tmp_path, program="no-such-espeak")
    assert speaker.voice_for("de") is None
    with pytest.raises(SpeechError):
        speaker.speak("A042", "de")


def _phonemes(text: str, voice: str) -> str:
    out = subprocess.run(
        ["espeak-ng", "-q", "-m", "-x", "-v", voice, "--stdin"],
        input=speakable(text),
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout


@pytest.mark.parametrize(
    ("language", "number_word"),
    [
        ("de", "tsv'aI_|Untf'IrtsIC"),  # zweiundvierzig
        ("en", "f'o@ti t'u:"),  # forty-two
        ("tr", "k,@Rkic'i"),  # kırk iki
        ("fr", "karA~td'Y"),  # quarante-deux
    ],
)
def test_a_ticket_number_is_a_letter_and_a_number(language: str, number_word: str) -> None:
    spoken = _phonemes("A042", voice_for(language) or "")
    assert number_word in spoken.replace(" _", "_")
    assert "n'Ul" not in spoken
    assert "z'i@roU" not in spoken  # no "zero": leading zeros are not read


def test_english_says_the_letter_not_the_article() -> None:
    assert "'eI" in _phonemes("A042", "en-gb")


@pytest.mark.parametrize(
    ("text", "ssml"),
    [
        ("A042", '<say-as interpret-as="characters">A</say-as> 42'),
        ("B7 C000", 'B</say-as> 7 <say-as interpret-as="characters">C</say-as> 0'),
        ("Schalter 5 & <Raum>", "Schalter 5 &amp; &lt;Raum&gt;"),
        ("AB0123", '<say-as interpret-as="characters">A B</say-as> 123'),
        ("Raum 1.05", "Raum 1.05"),
    ],
)
def test_speakable(text: str, ssml: str) -> None:
    out = speakable(text)
    assert out.startswith("<speak>")
    assert out.endswith("</speak>")
    assert ssml in out


def test_wav_duration_of_a_made_file(tmp_path: Path) -> None:
    path = tmp_path / "one.wav"
    subprocess.run(["espeak-ng", "-v", "de", "-w", str(path), "eins"], check=True)
    assert 0.2 < wav_duration(path) < 3
