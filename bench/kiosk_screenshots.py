"""Screenshots of the kiosk: every screen in de, ar, ti, uk; the concerns and their documents
also in fa and zh; the start screen in every language.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/kiosk_screenshots.py [OUT_DIR]
Writes docs/screenshots/kiosk-<screen>-<lang>.png at 1920 x 1080 (the default kiosk screen).
The model is driven to each screen with the example office's services; nothing is sent.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from kiosk.qt.sample import SampleKiosk, reset, scenes
from kiosk.qt.start import QtStartScreen
from shared.languages import KIOSK_LANGUAGES

ROOT = Path(__file__).resolve().parents[1]
EVERY_SCREEN = ("de", "ar", "ti", "uk")
CONCERN_SCREENS = {"fa": ("concerns", "documents"), "zh": ("concerns", "documents")}
"""Languages shown only where the site file's texts are: the concern list and its documents."""


def main(out: Path) -> None:
    """Write every screenshot into ``out``."""
    app = QApplication.instance() or QApplication([])
    assert app is not None
    out.mkdir(parents=True, exist_ok=True)
    sample = SampleKiosk()
    for lang in EVERY_SCREEN:
        for name, drive in scenes(sample, lang).items():
            reset(sample)
            drive()
            sample.shoot(out / f"kiosk-{name}-{lang}.png")
    for lang, names in CONCERN_SCREENS.items():
        for name in names:
            reset(sample)
            scenes(sample, lang)[name]()
            sample.shoot(out / f"kiosk-{name}-{lang}.png")
    reset(sample)
    start = sample.window.screens[sample.model.view_state().screen]
    assert isinstance(start, QtStartScreen)
    start.cycle.stop()  # each picture greets in its own language, not where the cycle is
    codes = [offered.code for offered in start.languages]
    for lang in KIOSK_LANGUAGES:
        sample.translations.switch(lang.code)
        start._shown = codes.index(lang.code) - 1
        start.next_greeting()
        sample.shoot(out / f"kiosk-start-{lang.code}.png")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs/screenshots")
