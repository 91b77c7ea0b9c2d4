"""Qt's translation system for the apps: `<prefix>_<lang>.qm` files, switched at run time.

The `.ts` files are the source (one per language, next to the app); `pyside6-lrelease`
turns them into `.qm` when the package is built or installed (see `setup.py`). Switching
installs the new `QTranslator`, which sends every widget a `LanguageChange` event, and sets
the application's layout direction (right to left for ar, fa, ps).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTranslator
from PySide6.QtGui import QGuiApplication

from shared.languages import language

log = logging.getLogger(__name__)

__all__ = ["QtTranslations"]


class QtTranslations:
    """Loads ``<prefix>_<lang>.qm`` from one directory and makes it the app's language."""

    def __init__(self, directory: Path, prefix: str, source_language: str = "en") -> None:
        self.directory = directory
        self.prefix = prefix
        self.source_language = source_language
        self.current: str | None = None
        self._translator: QTranslator | None = None

    def path(self, lang: str) -> Path:
        """The compiled file of ``lang``."""
        return self.directory / f"{self.prefix}_{lang}.qm"

    def available(self) -> list[str]:
        """The languages with a compiled file."""
        start = len(self.prefix) + 1
        return sorted(p.stem[start:] for p in self.directory.glob(f"{self.prefix}_*.qm"))

    def switch(self, lang: str) -> bool:
        """Use ``lang`` from now on; False (source texts shown) when its file is missing."""
        app = QCoreApplication.instance()
        if app is None:
            raise RuntimeError("QtTranslations.switch needs a QApplication")
        if isinstance(app, QGuiApplication):
            rtl = language(lang).rtl
            app.setLayoutDirection(
                Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
            )
        if self._translator is not None:
            QCoreApplication.removeTranslator(self._translator)
            self._translator = None
        self.current = lang
        translator = QTranslator()
        if not translator.load(str(self.path(lang))):
            if lang != self.source_language:
                log.warning("no translation %s: showing the source texts", self.path(lang))
            QCoreApplication.sendEvent(app, QEvent(QEvent.Type.LanguageChange))
            return False
        QCoreApplication.installTranslator(translator)
        self._translator = translator
        return True

    def uninstall(self) -> None:
        """Remove this app's translator (the app stops; another may run in the process)."""
        if self._translator is not None:
            QCoreApplication.removeTranslator(self._translator)
            self._translator = None
        self.current = None
