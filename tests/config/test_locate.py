"""The line finder: every kind of TOML construct maps its keys to the right line."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from shared.config.locate import Loc, key_lines, locate

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "office.toml"

SAMPLE = '''\
# comment with [brackets] and key = "value"
title = "x"  # trailing comment
[site]
id = "a"
name = """
[not.a.header]
fake = 1
"""
"quoted.key" = 1
'lit' = 'C:\\path'
esc = "tab\\t\\"quote\\" \\u00e9"

[server.nested]
when = 1979-05-27 07:32:00
pi = 3.14
a.b.c = true

[[counters]]
id = "c1"
services = { blue = 1, "red.x" = 2 }

[[counters]]
id = "c2"
services.blue = 5
list = [
  "one",   # first
  [2, 3],
  { k = "v" },
]

[[counters.slots]]
n = 1

[[counters.slots]]
n = 2
ml = \'\'\'
line
\'\'\'
end = 1
'''


@pytest.fixture(scope="module")
def lines() -> dict[Loc, int]:
    return key_lines(SAMPLE)


def line_of(fragment: str) -> int:
    """The 1-based line of SAMPLE that starts with fragment."""
    return next(i for i, text in enumerate(SAMPLE.splitlines(), 1) if text.startswith(fragment))


@pytest.mark.parametrize(
    ("loc", "start"),
    [
        (("title",), "title"),
        (("site",), "[site]"),
        (("site", "id"), 'id = "a"'),
        (("site", "name"), "name = "),
        (("site", "quoted.key"), '"quoted.key"'),
        (("site", "lit"), "'lit'"),
        (("site", "esc"), "esc"),
        (("server",), "[server.nested]"),
        (("server", "nested", "when"), "when"),
        (("server", "nested", "pi"), "pi"),
        (("server", "nested", "a"), "a.b.c"),
        (("server", "nested", "a", "b", "c"), "a.b.c"),
        (("counters",), "[[counters]]"),
        (("counters", 0), "[[counters]]"),
        (("counters", 0, "services", "blue"), "services = { blue"),
        (("counters", 0, "services", "red.x"), "services = { blue"),
        (("counters", 1, "id"), 'id = "c2"'),
        (("counters", 1, "services", "blue"), "services.blue"),
        (("counters", 1, "list", 0), '  "one"'),
        (("counters", 1, "list", 1), "  [2, 3]"),
        (("counters", 1, "list", 1, 1), "  [2, 3]"),
        (("counters", 1, "list", 2, "k"), "  { k"),
        (("counters", 1, "slots", 0, "n"), "n = 1"),
        (("counters", 1, "slots", 1, "n"), "n = 2"),
        (("counters", 1, "slots", 1, "end"), "end = 1"),
    ],
)
def test_key_lines(lines: dict[Loc, int], loc: Loc, start: str) -> None:
    assert lines[loc] == line_of(start)


def test_scanner_skips_multiline_strings_and_comments(lines: dict[Loc, int]) -> None:
    assert ("not",) not in lines
    assert ("site", "fake") not in lines
    assert ("brackets",) not in lines
    assert ("counters", 1, "slots", 1, "line") not in lines


def test_second_array_table_element_starts_at_its_header(lines: dict[Loc, int]) -> None:
    second = [i for i, t in enumerate(SAMPLE.splitlines(), 1) if t == "[[counters]]"][1]
    assert lines[("counters", 1)] == second


def test_locate_falls_back_to_enclosing_key(lines: dict[Loc, int]) -> None:
    assert locate(lines, ("site", "missing_key")) == line_of("[site]")
    assert locate(lines, ("counters", 1, "services", "green")) == line_of("services.blue")
    # parts that are not keys (a union tag, pydantic's '[key]') are skipped
    assert locate(lines, ("counters", 0, "services", "tag", "blue")) == line_of("services = {")
    assert locate(lines, ("nowhere",)) is None
    assert locate(lines, ()) is None


def _paths(value: object, loc: Loc = ()) -> list[Loc]:
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in [(*loc, k), *_paths(v, (*loc, k))]]
    if isinstance(value, list):
        return [p for i, v in enumerate(value) for p in [(*loc, i), *_paths(v, (*loc, i))]]
    return []


@pytest.mark.parametrize("text", [SAMPLE, EXAMPLE.read_text(encoding="utf-8")])
def test_every_parsed_path_has_a_line(text: str) -> None:
    found = key_lines(text)
    for path in _paths(tomllib.loads(text)):
        assert path in found, path


def test_example_lines_name_their_key() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    source = text.splitlines()
    for path, line in key_lines(text).items():
        last = path[-1]
        if isinstance(last, str):
            assert last in source[line - 1], (path, line)


def test_invalid_text_gives_partial_map_not_an_exception() -> None:
    assert key_lines('a = 1\nb = "unterminated') == {("a",): 1, ("b",): 2}
