"""The site configuration: one TOML file, validated, with errors that name the key and line.

    cfg = load_config(Path("office.toml"))     # raises ConfigError
    site = cfg.to_site()                        # the domain's Site

The models live in `shared.config.model`, the cross-section checks in `shared.config.checks`,
the line finder in `shared.config.locate`; this module reads the file and turns every failure
(missing file, bad bytes, TOML syntax, wrong types, unknown keys, broken references) into one
`ConfigError` whose text reads like a compiler's: ``office.toml:42: counters[3].services:
unknown service 'blu_card' (did you mean 'blue_card'?)``.
"""

from __future__ import annotations

import logging
import re
import stat
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from shared.config.checks import (
    Loc,
    Problem,
    advisories,
    cross_check,
    format_loc,
    translation_gaps,
)
from shared.config.errors import problem_from_pydantic, relevant
from shared.config.locate import key_lines, locate
from shared.config.model import (
    CounterConfig,
    DisplayConfig,
    KioskConfig,
    OfficeConfig,
    PolicyConfig,
    ServerConfig,
    ServiceConfig,
    SiteConfig,
)
from shared.config.printer import (
    FilePrinter,
    NetworkPrinter,
    NoPrinter,
    PaperWidth,
    PrinterConfig,
    PrinterTransport,
    PrintMode,
    SerialPrinter,
    UsbPrinter,
)

__all__ = [
    "ConfigError",
    "ConfigIssue",
    "CounterConfig",
    "DisplayConfig",
    "FilePrinter",
    "KioskConfig",
    "NetworkPrinter",
    "NoPrinter",
    "OfficeConfig",
    "PaperWidth",
    "PolicyConfig",
    "PrintMode",
    "PrinterConfig",
    "PrinterTransport",
    "SerialPrinter",
    "ServerConfig",
    "ServiceConfig",
    "SiteConfig",
    "UsbPrinter",
    "check_config",
    "load_config",
    "parse_config",
    "starter_config",
]

log = logging.getLogger(__name__)

MAX_BYTES = 1_000_000
"""A site file is a few kilobytes; anything above this is refused unread."""
MAX_SHOWN = 50
"""An error's text lists at most this many issues (``.issues`` holds them all)."""
MAX_DEPTH = 10
"""The deepest nesting the schema has is 5 (services[0].documents.de[0]); refuse far more."""

_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)|\s*\(at end of document\)")


@dataclass(frozen=True, slots=True)
class ConfigIssue:
    """One problem in a site file, located: source, line, key path, message."""

    source: str
    message: str
    line: int | None = None
    key: str | None = None

    def __str__(self) -> str:
        where = self.source if self.line is None else f"{self.source}:{self.line}"
        return f"{where}: {self.key}: {self.message}" if self.key else f"{where}: {self.message}"


class ConfigError(Exception):
    """A site file that cannot be used; ``str(e)`` is the full message, one line per issue."""

    issues: tuple[ConfigIssue, ...]
    """Every issue found, in file order; ``line`` and ``key`` are those of the first."""

    def __init__(self, issues: Sequence[ConfigIssue]) -> None:
        self.issues = tuple(issues)
        first = self.issues[0]
        self.line: int | None = first.line
        self.key: str | None = first.key
        shown = [str(issue) for issue in self.issues[:MAX_SHOWN]]
        if len(self.issues) > MAX_SHOWN:
            shown.append(f"{first.source}: … and {len(self.issues) - MAX_SHOWN} more problems")
        super().__init__("\n".join(shown))

    def __reduce__(self) -> tuple[type[ConfigError], tuple[tuple[ConfigIssue, ...]]]:
        return (ConfigError, (self.issues,))  # so it survives pickling (process pools)

    @classmethod
    def single(
        cls, source: str, message: str, line: int | None = None, key: str | None = None
    ) -> ConfigError:
        """An error with one issue."""
        return cls([ConfigIssue(source, message, line, key)])


def load_config(path: Path) -> OfficeConfig:
    """Read, parse and validate a site file; raises ConfigError for any problem."""
    return parse_config(_read(path), str(path))


def parse_config(text: str, source: str = "<string>") -> OfficeConfig:
    """Parse and validate the text of a site file; raises ConfigError for any problem."""
    cfg, advice, gaps = _parse(text, source)
    for issue in advice[:MAX_SHOWN]:
        log.warning("%s", issue)
    if len(advice) > MAX_SHOWN:
        log.warning("%s: … and %d more warnings", source, len(advice) - MAX_SHOWN)
    # A text not yet translated is no fault of the setup (the visitor reads English): a note
    # in the hub's log, a warning in check-config where the admin looks for such advice.
    for issue in gaps[:MAX_SHOWN]:
        log.info("%s", issue)
    if len(gaps) > MAX_SHOWN:
        log.info("%s: … and %d more texts not translated", source, len(gaps) - MAX_SHOWN)
    return cfg


def check_config(path: Path) -> tuple[bool, str]:
    """The verdict for ``aufruf check-config FILE``: (True, 'OK: …') or (False, the errors).

    A valid file's verdict lists, after the OK line, any advice ('warning: …' lines, in file
    order), the texts a site language lacks among them.
    """
    try:
        cfg, advice, gaps = _parse(_read(path), str(path))
    except ConfigError as exc:
        return False, str(exc)
    advice = sorted([*advice, *gaps], key=lambda issue: issue.line or 0)
    verdict = (
        f"OK: {path} — {len(cfg.services)} services, {len(cfg.counters)} counters, "
        f"{len(cfg.displays)} displays, {len(cfg.kiosks)} kiosks"
    )
    lines = [verdict, *(f"warning: {issue}" for issue in advice[:MAX_SHOWN])]
    if len(advice) > MAX_SHOWN:
        lines.append(f"warning: {path}: … and {len(advice) - MAX_SHOWN} more")
    return True, "\n".join(lines)


def _read(path: Path) -> str:
    source = str(path)
    try:
        mode = path.stat().st_mode
        if stat.S_ISDIR(mode):
            raise ConfigError.single(source, "is a directory, not a TOML file")
        if not stat.S_ISREG(mode):
            raise ConfigError.single(source, "is not a regular file")
        with path.open("rb") as file:
            data = file.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise ConfigError.single(source, "no such file") from None
    except OSError as exc:
        raise ConfigError.single(source, f"cannot read: {exc.strerror or exc}") from None
    if len(data) > MAX_BYTES:
        raise ConfigError.single(source, f"file is larger than {MAX_BYTES // 1_000_000} MB")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        message = f"not UTF-8 text (byte 0x{data[exc.start]:02x}); save the file as UTF-8"
        raise ConfigError.single(source, message, line) from None


def _parse(text: str, source: str) -> tuple[OfficeConfig, list[ConfigIssue], list[ConfigIssue]]:
    """The validated config, its advice and its untranslated texts; raises ConfigError."""
    if len(text) > MAX_BYTES:
        raise ConfigError.single(source, f"text is larger than {MAX_BYTES // 1_000_000} MB")
    text = text.removeprefix("\ufeff")
    data = _parse_toml(text, source)
    deep = _too_deep(data)
    if deep is not None:
        message = f"nested deeper than {MAX_DEPTH} levels"
        raise ConfigError.single(source, message, locate(key_lines(text), deep), format_loc(deep))
    try:
        cfg = OfficeConfig.model_validate(data, context={"defer_cross_checks": True})
    except ValidationError as exc:
        problems = [problem_from_pydantic(error, data) for error in relevant(exc.errors())]
        raise ConfigError(_issues(problems, text, source)) from None
    problems = cross_check(cfg)
    if problems:
        raise ConfigError(_issues(problems, text, source))
    log.debug("loaded %s: %d services, %d counters", source, len(cfg.services), len(cfg.counters))
    advice, gaps = advisories(cfg), translation_gaps(cfg)
    lines = key_lines(text) if advice or gaps else {}
    return cfg, _issues(advice, text, source, lines), _issues(gaps, text, source, lines)


def starter_config() -> str:
    """The text of the starter site file that ``aufruf init`` writes (valid as it stands)."""
    return resources.files("shared.config").joinpath("template.toml").read_text("utf-8")


def _parse_toml(text: str, source: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        match = _TOML_POSITION.search(message)
        line = None
        if match and match.group(1):
            line = int(match.group(1))
            message = f"{_TOML_POSITION.sub('', message)} (column {match.group(2)})"
        elif match:
            line = text.rstrip().count("\n") + 1
            message = f"{_TOML_POSITION.sub('', message)} (at end of file)"
        if message.startswith("Cannot overwrite a value"):
            message = f"a key is set twice ({message})"
        raise ConfigError.single(source, f"TOML syntax error: {message}", line) from None
    except RecursionError:
        raise ConfigError.single(source, "TOML nested too deeply") from None


def _too_deep(data: dict[str, Any]) -> Loc | None:
    """The path of the first value nested deeper than MAX_DEPTH, if any (no recursion)."""
    stack: list[tuple[Loc, object]] = [((), data)]
    while stack:
        loc, value = stack.pop()
        if len(loc) > MAX_DEPTH:
            return loc
        if isinstance(value, dict):
            stack.extend(((*loc, key), item) for key, item in value.items())
        elif isinstance(value, list):
            stack.extend(((*loc, index), item) for index, item in enumerate(value))
    return None


def _issues(
    problems: Sequence[Problem],
    text: str,
    source: str,
    lines: Mapping[Loc, int] | None = None,
) -> list[ConfigIssue]:
    """Problems with their lines (of ``lines`` when given, else found), in file order."""
    if not problems:
        return []
    if lines is None:
        lines = key_lines(text)
    issues = [
        ConfigIssue(
            source=source,
            message=problem.message,
            line=locate(lines, problem.line_loc or problem.loc),
            key=format_loc(problem.loc) if problem.loc else None,
        )
        for problem in problems
    ]
    issues.sort(key=lambda issue: issue.line or 0)
    return issues
