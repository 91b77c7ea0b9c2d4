"""Every kiosk screen, built offscreen at the default size (for the size and sight tests)."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtWidgets import QApplication, QWidget

from kiosk.qt.sample import SampleKiosk, reset, scenes


def every_screen(*, large: bool, lang: str = "de") -> Iterator[tuple[str, QWidget]]:
    """Yield (scene name, window) with the window showing that scene."""
    sample = SampleKiosk()
    try:
        if large:
            sample.model.toggle_large_text()
        for name, drive in {"start": lambda: None, **scenes(sample, lang)}.items():
            reset(sample)
            if large and not sample.model.view_state().large_text:
                sample.model.toggle_large_text()
            drive()
            QApplication.processEvents()
            yield name, sample.window
    finally:
        sample.translations.switch("en")
        sample.window.close()
        sample.window.deleteLater()
