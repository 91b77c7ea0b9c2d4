"""`[server] keep_personal_days`: how long visitors' names, notes and status keys are kept."""

from __future__ import annotations

import pytest

from shared.config import ConfigError, parse_config, starter_config

LINE = "keep_personal_days = 14"


def _line_of(text: str, fragment: str) -> int:
    return text[: text.index(fragment)].count("\n") + 1


def test_example_and_template_keep_two_weeks(example_text: str) -> None:
    assert LINE in example_text
    assert LINE in starter_config()
    assert parse_config(example_text).server.keep_personal_days == 14
    assert parse_config(starter_config(), "template").server.keep_personal_days == 14
    without = "\n".join(line for line in example_text.splitlines() if LINE not in line)
    assert parse_config(without).server.keep_personal_days == 14  # the default


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
def test_bad_value_names_key_and_line(example_text: str, value: str, message: str) -> None:
    text = example_text.replace(LINE, f"keep_personal_days = {value}")
    with pytest.raises(ConfigError) as info:
        parse_config(text, "office.toml")
    [issue] = [i for i in info.value.issues if i.key == "server.keep_personal_days"]
    line = _line_of(text, f"keep_personal_days = {value}")
    assert issue.line == line, str(issue)
    assert message in issue.message
    assert str(issue).startswith(f"office.toml:{line}: ")


@pytest.mark.parametrize("days", [1, 3650])
def test_bounds_are_allowed(example_text: str, days: int) -> None:
    text = example_text.replace(LINE, f"keep_personal_days = {days}")
    assert parse_config(text).server.keep_personal_days == days
