"""What text the hub accepts from outside: one rule, one annotated type per kind of field.

Every request model and the appointments CSV take their strings through these types (or
`refusal`), so SQLite and PostgreSQL see the same text and refuse nothing the edge let in
(PostgreSQL cannot store NUL; a lone surrogate cannot be encoded as UTF-8 at all).

Refused everywhere: NUL and the other C0 controls, DEL, the C1 controls, lone surrogates
(``"\\ud800"`` in JSON), and the non-characters U+FFFE / U+FFFF. `Lines` (notes) allows tab,
line feed and carriage return; `Line` (names, one-line fields) allows none of them.
"""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import AfterValidator, Field

_ALWAYS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff"
_ONE_LINE = re.compile(f"[{_ALWAYS}\t\n\r]")
_MULTI_LINE = re.compile(f"[{_ALWAYS}]")

MAX_LINE = 200
"""The longest one-line text (names, usernames)."""
MAX_LINES = 500
"""The longest multi-line text (a clerk's note)."""
MAX_SHOWN = 200
"""The most characters of one string of an error answer (a location or a message)."""


def printable(text: str, limit: int = MAX_SHOWN) -> str:
    """`text` as an answer can always carry it: lone surrogates escaped, cut to `limit`."""
    safe = text.encode("utf-8", "backslashreplace").decode("utf-8")
    return safe if len(safe) <= limit else safe[: limit - 1] + "…"


def refusal(text: str, *, lines: bool = False) -> str | None:
    """Why the hub refuses `text` (the first bad character and where), or None if it is fine."""
    match = (_MULTI_LINE if lines else _ONE_LINE).search(text)
    if match is None:
        return None
    return f"holds U+{ord(match.group()):04X} at position {match.start()}, which is not accepted"


_SCHEMA_ONE_LINE = "^[^\\u0000-\\u001f\\u007f-\\u009f\\ufffe\\uffff]*$"
_SCHEMA_MULTI_LINE = (
    "^[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f\\ufffe\\uffff]*$"
)


def _documented(*, lines: bool) -> Any:
    """The rule as a JSON-schema pattern in the OpenAPI (clients and fuzzers see it); the
    check itself is `refusal` (it also names the character and catches lone surrogates)."""
    return Field(json_schema_extra={"pattern": _SCHEMA_MULTI_LINE if lines else _SCHEMA_ONE_LINE})


def _accepted(lines: bool) -> AfterValidator:
    def check(text: str) -> str:
        reason = refusal(text, lines=lines)
        if reason is not None:
            raise ValueError(reason)
        return text

    return AfterValidator(check)


Line = Annotated[
    str, Field(min_length=1, max_length=MAX_LINE), _documented(lines=False), _accepted(lines=False)
]
"""One line of text from outside: a username, a name (1 to 200 characters, no controls)."""
Lines = Annotated[str, Field(max_length=MAX_LINES), _documented(lines=True), _accepted(lines=True)]
"""Free text from outside that may span lines: a clerk's note (tab and newlines allowed)."""
Secret = Annotated[
    str, Field(min_length=1, max_length=256), _documented(lines=False), _accepted(lines=False)
]
"""A password: any printable text up to 256 characters (argon2 hashes its UTF-8 bytes)."""
