"""The languages the visitor-facing apps offer: code, own name, direction, greeting. Qt-free.

Chosen for who comes to a German immigration office. Each name is written in its own script
(a visitor looks for the word they can read), and each has "Welcome" in that language for the
start screen's cycling greeting.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")

__all__ = [
    "FALLBACK_LANGUAGES",
    "KIOSK_LANGUAGES",
    "Language",
    "in_language",
    "language",
    "offered",
]


@dataclass(frozen=True, slots=True)
class Language:
    """One language as a visitor sees it: code, own name, direction, greeting."""

    code: str
    """ISO 639-1 (ku = Kurmanji, in Latin script)."""
    name: str
    """The language's name in its own script."""
    welcome: str
    """"Welcome" in the language."""
    rtl: bool = False
    """Written right to left: the whole interface mirrors."""


KIOSK_LANGUAGES: tuple[Language, ...] = (
    Language("de", "Deutsch", "Willkommen"),
    Language("en", "English", "Welcome"),
    Language("ar", "العربية", "أهلاً وسهلاً", rtl=True),
    Language("fa", "فارسی", "خوش آمدید", rtl=True),
    Language("ps", "پښتو", "ښه راغلاست", rtl=True),
    Language("tr", "Türkçe", "Hoş geldiniz"),
    Language("ku", "Kurmancî", "Bi xêr hatin"),
    Language("ru", "Русский", "Добро пожаловать"),
    Language("uk", "Українська", "Ласкаво просимо"),
    Language("ti", "ትግርኛ", "እንቋዕ ብደሓን መጻእኩም"),
    Language("so", "Soomaali", "Soo dhowow"),
    Language("fr", "Français", "Bienvenue"),
    Language("sq", "Shqip", "Mirë se vini"),
    Language("ro", "Română", "Bine ați venit"),
    Language("vi", "Tiếng Việt", "Chào mừng"),
    Language("zh", "中文", "欢迎"),
)
"""Every language the kiosk knows, in the order of its language grid."""

_BY_CODE = {lang.code: lang for lang in KIOSK_LANGUAGES}


def language(code: str) -> Language:
    """The language with this code; unknown codes fall back to English."""
    return _BY_CODE.get(code, _BY_CODE["en"])


def offered(codes: tuple[str, ...] | None) -> tuple[Language, ...]:
    """The known languages among ``codes`` in grid order (all of them for None)."""
    if codes is None:
        return KIOSK_LANGUAGES
    wanted = set(codes)
    return tuple(lang for lang in KIOSK_LANGUAGES if lang.code in wanted)


FALLBACK_LANGUAGES = ("en", "de")
"""Where a text missing in the visitor's language is taken from, in this order."""


def in_language(texts: Mapping[str, T], code: str) -> T | None:
    """A site text (a concern's name, explanation or documents) in a language: else English,
    else German, else any language it has; None when it has none. The kiosk, the ticket and
    the status page show the same text so."""
    for wanted in (code, *FALLBACK_LANGUAGES):
        if wanted in texts:
            return texts[wanted]
    return next(iter(texts.values()), None)
