"""Property: for generated TOML documents, every key path maps to the line that defines it.

A small writer renders random nested data in randomly chosen TOML styles (headers, dotted
keys, inline tables, arrays of tables, one-line and multi-line arrays, multi-line strings
holding fake headers, comments) and notes the line of each key as it writes it.
"""

from __future__ import annotations

import json
import tomllib
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from shared.config.locate import Loc, key_lines

KEYS = st.sampled_from(["id", "name", "a", "b-c", "x_1", "dot.ted", "with space", "é", "[x]"])
SCALARS = st.one_of(
    st.integers(-5, 10**6),
    st.booleans(),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.text(alphabet="ab #[]=\"'\\\n{},é", max_size=12),
)
TABLES = st.recursive(
    st.dictionaries(KEYS, st.one_of(SCALARS, st.lists(SCALARS, max_size=3)), max_size=3),
    lambda inner: st.dictionaries(
        KEYS, st.one_of(SCALARS, inner, st.lists(inner, min_size=1, max_size=2)), max_size=3
    ),
    max_leaves=12,
)


def key_text(key: str) -> str:
    bare = (
        key.replace("_", "").replace("-", "").isascii()
        and key.replace("_", "").replace("-", "").isalnum()
    )
    return key if bare else json.dumps(key)


def is_table_array(value: object) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


class Writer:
    """Renders data as TOML, recording the line of each key path."""

    def __init__(self, data: st.DataObject) -> None:
        self.draw = data.draw
        self.lines: list[str] = []
        self.expected: dict[Loc, int] = {}

    def emit(self, text: str) -> int:
        """Append text (maybe several lines); the line number where it starts."""
        start = len(self.lines) + 1
        self.lines.extend(text.split("\n"))
        if self.draw(st.booleans()):
            self.lines.append(self.draw(st.sampled_from(["", "# [fake.header]", "  # x = 1"])))
        return start

    def note(self, path: Loc, line: int) -> None:
        self.expected.setdefault(path, line)

    def scalar(self, value: object) -> str:
        if (
            isinstance(value, str)
            and "\n" in value
            and "'''" not in value
            and self.draw(st.booleans())
        ):
            return "'''\n" + value + "'''" if "\r" not in value else json.dumps(value)
        return json.dumps(value) if not isinstance(value, bool) else str(value).lower()

    def inline(self, value: Any) -> str:
        if isinstance(value, dict):
            return (
                "{ "
                + ", ".join(f"{key_text(k)} = {self.inline(v)}" for k, v in value.items())
                + " }"
            )
        if isinstance(value, list):
            return "[" + ", ".join(self.inline(v) for v in value) + "]"
        return json.dumps(value) if not isinstance(value, bool) else str(value).lower()

    def value(self, path: Loc, key: str, value: Any) -> None:
        if isinstance(value, list) and value and self.draw(st.booleans()):  # multi-line array
            line = self.emit(f"{key_text(key)} = [")
            self.note(path, line)
            for index, item in enumerate(value):
                item_line = self.emit(f"  {self.inline(item)},")
                self.note((*path, index), item_line)
                self.walk_inline((*path, index), item, item_line)
            self.emit("]")
            return
        text = self.scalar(value) if not isinstance(value, dict | list) else self.inline(value)
        line = self.emit(f"{key_text(key)} = {text}")
        self.note(path, line)
        self.walk_inline(path, value, line)

    def walk_inline(self, path: Loc, value: Any, line: int) -> None:
        children = (
            value.items()
            if isinstance(value, dict)
            else enumerate(value)
            if isinstance(value, list)
            else ()
        )
        for key, item in children:
            self.note((*path, key), line)
            self.walk_inline((*path, key), item, line)

    def table(self, path: Loc, table: dict[str, Any]) -> None:
        inline = {
            key: value
            for key, value in table.items()
            if (not isinstance(value, dict) and not is_table_array(value))
            or (isinstance(value, dict) and (not value or self.draw(st.booleans())))
        }
        for key, value in inline.items():
            self.value((*path, key), key, value)
        for key, value in table.items():
            if isinstance(value, dict) and key not in inline:
                line = self.emit(f"[{self.header((*path, key))}]")
                self.note_header((*path, key), line)
                self.table((*path, key), value)
        for key, value in table.items():
            if is_table_array(value):
                for index, item in enumerate(value):
                    line = self.emit(f"[[{self.header((*path, key))}]]")
                    self.note_header((*path, key), line)
                    self.note((*path, key, index), line)
                    self.table((*path, key, index), item)

    def note_header(self, path: Loc, line: int) -> None:
        for end in range(1, len(path) + 1):
            self.note(path[:end], line)

    @staticmethod
    def header(path: Loc) -> str:
        return ".".join(key_text(p) for p in path if isinstance(p, str))


@settings(max_examples=200, deadline=None)
@given(TABLES, st.data())
def test_generated_documents_locate_every_key(data: dict[str, Any], draw: st.DataObject) -> None:
    writer = Writer(draw)
    writer.table((), data)
    text = "\n".join(writer.lines) + "\n"
    assert tomllib.loads(text) == data, text
    found = key_lines(text)
    for path, line in writer.expected.items():
        assert found.get(path) == line, (path, text)
