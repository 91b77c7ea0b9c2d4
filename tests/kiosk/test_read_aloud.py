"""Read aloud: espeak-ng speaks the screen in the visitor's language; no voice, no button."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kiosk.qt.voice import QtReadAloud
from kiosk.way import Screen
from shared.qt.sound import QtSoundQueue
from shared.speech import Speaker as SpeechMaker
from shared.speech import voice_for
from tests.kiosk.conftest import MakeKiosk

pytestmark = [
    pytest.mark.qt_log_ignore("propagateSizeHints"),
    pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is not installed"),
]


@pytest.fixture
def read_aloud(qapp: Any, tmp_path: Path) -> Iterator[QtReadAloud]:
    """espeak-ng into tmp, played by a silent queue (no sound card on a test box)."""
    voice = QtReadAloud(SpeechMaker(tmp_path / "speech"), QtSoundQueue(silent=True))
    yield voice
    voice.close()


def test_the_button_speaks_where_there_is_a_voice(
    make_kiosk: MakeKiosk, read_aloud: QtReadAloud
) -> None:
    kiosk = make_kiosk(speaker=read_aloud)
    kiosk.go_to(Screen.START)
    start = kiosk.widget(Screen.START)
    assert start.read_button.isVisible()  # German
    with kiosk.qtbot.waitSignal(read_aloud.spoken, timeout=20_000) as spoken:
        kiosk.tap(start.read_button)
    path = spoken.args[0]
    assert path.stat().st_size > 1000
    assert read_aloud.queue.busy or read_aloud.queue.pending == 0
    if voice_for("ti") is None:  # espeak-ng 1.51 has no Tigrinya
        kiosk.tap(start.buttons["ti"])
        kiosk.go_to(Screen.WAY)
        assert not kiosk.widget(Screen.WAY).read_button.isVisible()
    kiosk.tap(kiosk.widget(Screen.WAY).back_button)
    kiosk.go_to(Screen.START)
    kiosk.tap(start.buttons["ar"])
    kiosk.go_to(Screen.WAY)
    assert kiosk.widget(Screen.WAY).read_button.isVisible() == (voice_for("ar") is not None)
