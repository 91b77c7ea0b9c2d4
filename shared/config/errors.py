"""Turn pydantic's validation errors into plain findings about a site file.

Pydantic's locations carry parts that are not keys in the file (the tag of a tagged union,
``[key]`` for a bad dict key); its messages speak Python. Here each error becomes a `Problem`
with the key path as written in the file and a message a site admin can act on, with a
"did you mean" hint for unknown keys and misspelt choices.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Mapping
from enum import Enum
from typing import Any

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from shared.config.checks import Loc, Problem, suggest
from shared.config.model import OfficeConfig
from shared.config.printer import PrinterTransport

_PATTERNS = {
    r"^[a-z][a-z0-9_-]{0,39}$": (
        "must be an id: lowercase letters, digits, '_' or '-', starting with a letter"
        " (at most 40 characters)"
    ),
    r"^[A-Z]$": "must be one capital letter A-Z",
    r"^[a-z]{2,3}$": "must be a language code such as 'de' or 'en'",
}
_TYPES = {
    "string_type": "text",
    "int_type": "a whole number",
    "float_type": "a number",
    "bool_type": "true or false",
    "tuple_type": "a list",
    "list_type": "a list",
    "dict_type": "a table",
    "mapping_type": "a table",
    "model_type": "a table",
    "model_attributes_type": "a table",
    "path_type": "a path (text)",
}


def toml_kind(value: object) -> str:
    """The TOML name of a parsed value's type, for messages."""
    kinds: tuple[tuple[type, str], ...] = (
        (bool, "boolean"),
        (int, "integer"),
        (float, "float"),
        (str, "string"),
        (list, "array"),
        (dict, "table"),
    )
    for kind, name in kinds:
        if isinstance(value, kind):
            return name
    return "date/time"


def _file_loc(loc: Loc, data: object) -> Loc:
    """The key path as written in the file: drop union tags and the '[key]' marker."""
    out: list[str | int] = []
    node: object = data
    for position, part in enumerate(loc):
        last = position == len(loc) - 1
        if isinstance(node, Mapping) and part in node:  # noqa: SIM114 (clearer apart)
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
        elif not last or part == "[key]":
            continue
        out.append(part)
    return tuple(out)


def _fields_at(loc: Loc) -> list[str]:
    """The keys the schema allows in the table at ``loc`` (union tags included in ``loc``)."""
    kind: Any = OfficeConfig
    for part in loc:
        options = _options(kind)
        if isinstance(part, int):
            kind = next((typing.get_args(o)[0] for o in options if _is_tuple(o)), None)
            continue
        models = [o for o in options if isinstance(o, type) and issubclass(o, BaseModel)]
        tagged = [m for m in models if _tag(m) == part]
        if tagged:
            kind = tagged[0]
        elif models and part in models[0].model_fields:
            kind = models[0].model_fields[part].annotation
        else:
            return []
    models = [o for o in _options(kind) if isinstance(o, type) and issubclass(o, BaseModel)]
    return list(models[0].model_fields) if len(models) == 1 else []


def _options(kind: Any) -> list[Any]:
    """The members of a union (after unwrapping Annotated), or the type itself."""
    while typing.get_origin(kind) is typing.Annotated:
        kind = typing.get_args(kind)[0]
    if typing.get_origin(kind) in (typing.Union, types.UnionType):
        return [_options(arg)[0] for arg in typing.get_args(kind)]
    return [kind]


def _is_tuple(kind: Any) -> bool:
    return typing.get_origin(kind) in (tuple, list)


def _tag(model: type[BaseModel]) -> str | None:
    field = model.model_fields.get("transport")
    if field is None:
        return None
    (value,) = typing.get_args(field.annotation)
    return str(value.value if isinstance(value, Enum) else value)


def _choices_message(error: ErrorDetails) -> str:
    value = error.get("input")
    ctx = error.get("ctx") or {}
    kind = error["type"]
    if kind == "string_pattern_mismatch":
        rule = _PATTERNS.get(str(ctx.get("pattern")), f"must match {ctx.get('pattern')}")
        return f"{value!r} {rule}"
    if kind in ("enum", "literal_error"):
        expected = str(ctx.get("expected", ""))
        choices = [c.strip(" '") for c in expected.replace(" or ", ", ").split(",")]
        return f"{value!r} is not allowed: expected {expected}{suggest(str(value), choices)}"
    transports = [t.value for t in PrinterTransport]
    if kind == "union_tag_not_found":
        return f"missing 'transport' (one of {', '.join(transports)})"
    tag = str(ctx.get("tag"))
    return f"transport {tag!r} is not one of {', '.join(transports)}{suggest(tag, transports)}"


_CHOICE_ERRORS = frozenset(
    {"string_pattern_mismatch", "enum", "literal_error", "union_tag_invalid", "union_tag_not_found"}
)


def _message(error: ErrorDetails) -> str:
    kind = error["type"]
    value = error.get("input")
    if kind == "missing":
        message = "missing required key"
    elif kind in _TYPES:
        message = f"expected {_TYPES[kind]}, got {toml_kind(value)} {value!r}"
    elif kind in _CHOICE_ERRORS:
        message = _choices_message(error)
    elif kind == "value_error":
        message = str((error.get("ctx") or {}).get("error", error["msg"]))
    elif kind == "too_short" and isinstance(value, list | tuple | dict) and not value:
        message = "must not be empty"
    else:
        message = error["msg"][:1].lower() + error["msg"][1:]
    return message


def problem_from_pydantic(error: ErrorDetails, data: object) -> Problem:
    """One pydantic error as a Problem: key path as in the file, message for people."""
    loc = tuple(error["loc"])
    if error["type"] == "extra_forbidden":
        unknown = str(loc[-1])
        hint = suggest(unknown, _fields_at(loc[:-1]))
        file_loc = _file_loc(loc, data)
        return Problem(file_loc[:-1], f"unknown key {unknown!r}{hint}", file_loc)
    if error["type"] in ("union_tag_invalid", "union_tag_not_found"):
        file_loc = _file_loc(loc, data)
        return Problem((*file_loc, "transport"), _message(error))
    return Problem(_file_loc(loc, data), _message(error))


def relevant(errors: list[ErrorDetails]) -> list[ErrorDetails]:
    """Drop pydantic's follow-up 'too short' errors on lists whose items already failed."""
    failed = [tuple(e["loc"]) for e in errors if e["type"] != "too_short"]
    return [
        e
        for e in errors
        if e["type"] != "too_short"
        or not any(f[: len(e["loc"])] == tuple(e["loc"]) for f in failed)
    ]
