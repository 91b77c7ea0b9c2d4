"""`[server] keep_events_days` and `keep_personal_days`: how long the hub keeps its event log
(it holds ticket details) and visitors' names, notes and status keys."""

from __future__ import annotations

import pytest

from shared.config import ConfigError, parse_config, starter_config

KEYS = ("keep_events_days", "keep_personal_days")


def _line_of(text: str, fragment: str) -> int:
    return text[: text.index(fragment)].count("\n") + 1


def _days(text: str, key: str) -> int:
    value = getattr(parse_config(text).server, key)
    assert isinstance(value, int)
    return value


@pytest.mark.parametrize("key", KEYS)
def test_example_and_template_keep_two_weeks(example_text: str, key: str) -> None:
    line = f"{key} = 14"
    assert line in example_text
    assert line in starter_config()
    assert _days(example_text, key) == 14
    assert _days(starter_config(), key) == 14
    without = "\n".join(row for row in example_text.splitlines() if line not in row)
    assert _days(without, key) == 14  # the default


@pytest.mark.parametrize("key", KEYS)
@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("0", "greater than or equal to 1"),
        ("-3", "greater than or equal to 1"),
        ("3651", "less than or equal to 3650"),
        ('"14"', "expected a whole number, got string '14'"),
        ("1.5", "expected a whole number, got float 1.5"),
        ("true", "expected a whole number, got boolean True"),
    ],
)
def test_bad_value_names_key_and_line(
    example_text: str, key: str, value: str, message: str
) -> None:
    text = example_text.replace(f"{key} = 14", f"{key} = {value}")
    with pytest.raises(ConfigError) as info:
        parse_config(text, "office.toml")
    [issue] = [i for i in info.value.issues if i.key == f"server.{key}"]
    line = _line_of(text, f"{key} = {value}")
    assert issue.line == line, str(issue)
    assert message in issue.message
    assert str(issue).startswith(f"office.toml:{line}: ")


@pytest.mark.parametrize("key", KEYS)
@pytest.mark.parametrize("days", [1, 3650])
def test_bounds_are_allowed(example_text: str, key: str, days: int) -> None:
    text = example_text.replace(f"{key} = 14", f"{key} = {days}")
    assert _days(text, key) == days
