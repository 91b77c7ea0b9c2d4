"""Checks across the sections of a site file: ids unique, references exist, languages known.

Each finding is a `Problem` with the key path it concerns, so the loader can name the key
and its line. No Qt, no I/O.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from shared.config.printer import NoPrinter, PrintMode

if TYPE_CHECKING:
    from shared.config.model import OfficeConfig, ServiceConfig

Loc = tuple[str | int, ...]
"""A key path into the file: ('counters', 3, 'services', 'blue_card')."""


def format_loc(loc: Loc) -> str:
    """A key path as people read it: counters[3].services.blue_card."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out or "(top level)"


def suggest(word: str, choices: Iterable[str]) -> str:
    """A ' (did you mean 'x'?)' hint for a misspelt word, or ''."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


@dataclass(frozen=True, slots=True)
class Problem:
    """One finding: the key it names, the message, and the key whose line to report."""

    loc: Loc
    message: str
    line_loc: Loc | None = None
    """Where to point in the file when it differs from ``loc`` (e.g. a dict entry)."""

    def text(self) -> str:
        """The finding without a line: 'counters[3].services: unknown service ...'."""
        return f"{format_loc(self.loc)}: {self.message}"


def _duplicates(section: str, values: Sequence[str], what: str) -> list[Problem]:
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for index, value in enumerate(values):
        if value in seen:
            message = f"{what} {value!r} is already used by {section}[{seen[value]}]"
            problems.append(Problem((section, index, what), message))
        else:
            seen[value] = index
    return problems


def cross_check(cfg: OfficeConfig) -> list[Problem]:
    """Every problem across sections, in file order of sections."""
    return [
        *_check_services(cfg),
        *_check_counters(cfg),
        *_check_displays(cfg),
        *_check_kiosks(cfg),
        *_check_info(cfg),
    ]


def _unknown_language(lang: str, site_languages: Sequence[str]) -> str:
    return f"language {lang!r} is not in site.languages{suggest(lang, site_languages)}"


def _check_services(cfg: OfficeConfig) -> list[Problem]:
    problems = _duplicates("services", [s.id for s in cfg.services], "id")
    problems += _duplicates("services", [s.letter for s in cfg.services], "letter")
    languages = cfg.site.languages
    for index, service in enumerate(cfg.services):
        for key, by_language in _texts(service):
            problems += [
                Problem(
                    ("services", index, key),
                    _unknown_language(lang, languages),
                    ("services", index, key, lang),
                )
                for lang in by_language
                if lang not in languages
            ]
    return problems


def _texts(service: ServiceConfig) -> tuple[tuple[str, Mapping[str, object]], ...]:
    """A service's texts per language, by key: names, explanations, documents (file order)."""
    return (
        ("names", service.names),
        ("explanations", service.explanations),
        ("documents", service.documents),
    )


def _check_counters(cfg: OfficeConfig) -> list[Problem]:
    problems = _duplicates("counters", [c.id for c in cfg.counters], "id")
    # displays show the name: two counters of one name would send visitors to either
    problems += _duplicates("counters", [c.name for c in cfg.counters], "name")
    service_ids = [s.id for s in cfg.services]
    served: set[str] = set()
    for index, counter in enumerate(cfg.counters):
        served.update(counter.services)
        problems += [
            Problem(
                ("counters", index, "services"),
                f"unknown service {service_id!r}{suggest(service_id, service_ids)}",
                ("counters", index, "services", service_id),
            )
            for service_id in counter.services
            if service_id not in service_ids
        ]
    problems += [
        Problem(
            ("services", index, "id"),
            f"no counter serves {service_id!r} (add it to a counter's services)",
        )
        for index, service_id in enumerate(service_ids)
        if service_id not in served
    ]
    return problems


def _check_displays(cfg: OfficeConfig) -> list[Problem]:
    problems = _duplicates("displays", [d.id for d in cfg.displays], "id")
    counter_ids = [c.id for c in cfg.counters]
    for index, display in enumerate(cfg.displays):
        problems += [
            Problem(
                ("displays", index, "counters"),
                f"unknown counter {counter_id!r}{suggest(counter_id, counter_ids)}",
                ("displays", index, "counters", position),
            )
            for position, counter_id in enumerate(display.counters)
            if counter_id not in counter_ids
        ]
    return problems


def _check_kiosks(cfg: OfficeConfig) -> list[Problem]:
    problems = _duplicates("kiosks", [k.id for k in cfg.kiosks], "id")
    for index, kiosk in enumerate(cfg.kiosks):
        problems += [
            Problem(
                ("kiosks", index, "languages"),
                _unknown_language(lang, cfg.site.languages),
                ("kiosks", index, "languages", position),
            )
            for position, lang in enumerate(kiosk.languages or ())
            if lang not in cfg.site.languages
        ]
    return problems


def _check_info(cfg: OfficeConfig) -> list[Problem]:
    return [
        Problem(
            ("info", "texts"),
            _unknown_language(lang, cfg.site.languages),
            ("info", "texts", lang),
        )
        for lang in cfg.info.texts
        if lang not in cfg.site.languages
    ]


NON_LATIN_LANGUAGES = frozenset(
    {
        "am",
        "ar",
        "be",
        "bg",
        "bn",
        "el",
        "fa",
        "he",
        "hi",
        "hy",
        "ja",
        "ka",
        "kk",
        "ko",
        "mk",
        "mn",
        "ps",
        "ru",
        "sr",
        "ta",
        "th",
        "ti",
        "uk",
        "ur",
        "zh",
    }
)
"""Languages written in a script a printer's text mode (a Latin code page) cannot print."""


def advisories(cfg: OfficeConfig) -> list[Problem]:
    """Things that work but are probably not meant: shown by check-config, logged on load."""
    problems: list[Problem] = []
    if cfg.displays:
        shown = {counter_id for display in cfg.displays for counter_id in display.counters}
        problems += [
            Problem(("counters", index, "id"), f"no display shows the calls of {counter.id!r}")
            for index, counter in enumerate(cfg.counters)
            if counter.id not in shown
        ]
    for index, kiosk in enumerate(cfg.kiosks):
        if isinstance(kiosk.printer, NoPrinter) or kiosk.printer.mode is not PrintMode.TEXT:
            continue
        scripts = [lang for lang in cfg.kiosk_languages(kiosk.id) if lang in NON_LATIN_LANGUAGES]
        if scripts:
            message = (
                f"text mode prints Latin script only, not {', '.join(scripts)}: "
                'use mode = "raster" or limit the kiosk\'s languages'
            )
            problems.append(Problem(("kiosks", index, "printer", "mode"), message))
    return problems


_TEXT_WORDS = {"names": "name", "explanations": "explanation", "documents": "document list"}
_LANGUAGE_NAMES = {"en": "English", "de": "German"}


def translation_gaps(cfg: OfficeConfig) -> list[Problem]:
    """Services whose name, explanation or documents lack a site language (one per text).

    Visitors choosing that language read the English text instead (the kiosk, the ticket and
    the status page fall back to English, then German). A text a service has in no language
    at all (no explanation, no documents) is no gap: there is nothing to translate.
    """
    problems: list[Problem] = []
    for index, service in enumerate(cfg.services):
        for key, by_language in _texts(service):
            missing = [lang for lang in cfg.site.languages if lang not in by_language]
            if not by_language or not missing:
                continue
            shown = next((lang for lang in _LANGUAGE_NAMES if lang in by_language), None)
            fallback = f"the {_LANGUAGE_NAMES[shown]} text" if shown else "another language's text"
            message = (
                f"{service.id!r} has no {_TEXT_WORDS[key]} in {', '.join(missing)}: visitors "
                f"choosing {'this language' if len(missing) == 1 else 'these languages'} will read "
                f"{fallback} instead"
            )
            problems.append(Problem(("services", index, key), message))
    return problems
