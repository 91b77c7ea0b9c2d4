"""Render the wall display offscreen into docs/screenshots/display-*.png (no hub needed).

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python bench/display_screenshots.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSize

from display.qt.app import application
from display.qt.sample import LANDSCAPE, PORTRAIT, SampleDisplay

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"


def shoot(name: str, size: QSize, *, calls: bool, now: float, offline: bool = False) -> Path:
    """One screenshot: the sample display at a size, quiet or with calls, at a moment."""
    sample = SampleDisplay(size)
    if calls:
        sample.call_some(now=100.0)
    if offline:
        sample.model.connection_changed(online=False, now=now - 6)
    sample.show(now)
    path = OUT / f"display-{name}.png"
    sample.window.grab().save(str(path))
    sample.window.close()
    return path


def main() -> int:
    """Every screenshot the docs keep."""
    application()
    OUT.mkdir(parents=True, exist_ok=True)
    shots = [
        shoot("landscape-quiet-de", LANDSCAPE, calls=False, now=0.0),
        shoot("landscape-call-ar", LANDSCAPE, calls=True, now=100.1 + 16),
        shoot("landscape-call-blink-en", LANDSCAPE, calls=True, now=104.2),
        shoot("portrait-quiet-uk", PORTRAIT, calls=False, now=24.0),
        shoot("portrait-call-de", PORTRAIT, calls=True, now=100.1 + 32),
        shoot("landscape-reconnecting-en", LANDSCAPE, calls=True, now=140.0, offline=True),
    ]
    for path in shots:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
