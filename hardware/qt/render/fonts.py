"""The Noto fonts a ticket needs per language, found at run time in the system's font database.

We ship no fonts: the kiosk's OS provides them (Debian ``fonts-noto-core`` and
``fonts-noto-cjk``). When one is missing, :class:`FontMissingError` names the package to
install, so the kiosk shows a clear message instead of printing empty boxes.
Needs a ``QGuiApplication`` (see :func:`hardware.qt.render.ensure_gui_app`).
"""

from __future__ import annotations

import logging
from collections.abc import Collection
from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtGui import QFontDatabase

log = logging.getLogger(__name__)


class Script(StrEnum):
    """The writing systems our kiosk languages use."""

    LATIN = "latin"
    """Latin, Cyrillic and Greek: one Noto Sans family covers all three."""
    ARABIC = "arabic"
    ETHIOPIC = "ethiopic"
    HAN_SIMPLIFIED = "han_simplified"


@dataclass(frozen=True, slots=True)
class ScriptFonts:
    """The families that can write a script (best first) and the package that ships them."""

    families: tuple[str, ...]
    debian_package: str


SCRIPT_FONTS: dict[Script, ScriptFonts] = {
    Script.LATIN: ScriptFonts(("Noto Sans",), "fonts-noto-core"),
    Script.ARABIC: ScriptFonts(("Noto Sans Arabic", "Noto Naskh Arabic"), "fonts-noto-core"),
    Script.ETHIOPIC: ScriptFonts(("Noto Sans Ethiopic",), "fonts-noto-core"),
    Script.HAN_SIMPLIFIED: ScriptFonts(("Noto Sans CJK SC",), "fonts-noto-cjk"),
}

_LANGUAGE_SCRIPT: dict[str, Script] = {
    "ar": Script.ARABIC,
    "fa": Script.ARABIC,
    "ps": Script.ARABIC,
    "ti": Script.ETHIOPIC,
    "zh": Script.HAN_SIMPLIFIED,
}


class FontMissingError(RuntimeError):
    """No installed font can write a language's script; names the package to install."""

    def __init__(self, script: Script, fonts: ScriptFonts) -> None:
        """Build the message from the script and the fonts that were looked for."""
        self.script = script
        self.families = fonts.families
        self.debian_package = fonts.debian_package
        super().__init__(
            f"no font for {script.value} script: install one of "
            f"{', '.join(fonts.families)} (Debian: apt install {fonts.debian_package})"
        )


def script_of(language: str) -> Script:
    """The script a language is written in on our tickets (Latin for unknown ones)."""
    return _LANGUAGE_SCRIPT.get(language.split("-", maxsplit=1)[0].lower(), Script.LATIN)


def installed_families() -> frozenset[str]:
    """The font families the Qt font database knows (needs a QGuiApplication)."""
    return frozenset(QFontDatabase.families())


def family_for(script: Script, available: Collection[str] | None = None) -> str:
    """The best installed family for a script; raises FontMissingError when none is."""
    have = installed_families() if available is None else available
    fonts = SCRIPT_FONTS[script]
    for family in fonts.families:
        if family in have:
            return family
    log.error("font missing for %s: install %s", script.value, fonts.debian_package)
    raise FontMissingError(script, fonts)


def families_for(language: str, available: Collection[str] | None = None) -> tuple[str, ...]:
    """Families for a language's text, its own script first, Latin (digits, names) after."""
    have = installed_families() if available is None else available
    script = script_of(language)
    latin = family_for(Script.LATIN, have)
    if script is Script.LATIN:
        return (latin,)
    return (family_for(script, have), latin)


def check_fonts(languages: Collection[str], available: Collection[str] | None = None) -> None:
    """Raise FontMissingError now (at kiosk start) if any language cannot be printed."""
    have = installed_families() if available is None else available
    for language in languages:
        families_for(language, have)
