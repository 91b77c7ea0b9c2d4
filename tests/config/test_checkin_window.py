"""`[policy] checkin_early_minutes` / `checkin_late_minutes`: the kiosk's check-in window."""

from __future__ import annotations

from datetime import timedelta

import pytest

from shared.config import ConfigError, parse_config, starter_config

EARLY = "checkin_early_minutes = 60"
LATE = "checkin_late_minutes = 15"


def _line_of(text: str, fragment: str) -> int:
    return text[: text.index(fragment)].count("\n") + 1


def test_example_template_and_defaults(example_text: str) -> None:
    for text in (example_text, starter_config()):
        assert EARLY in text
        assert LATE in text
        window = parse_config(text).policy.checkin_window()
        assert (window.early, window.late) == (timedelta(minutes=60), timedelta(minutes=15))
    without = "\n".join(
        line for line in example_text.splitlines() if EARLY not in line and LATE not in line
    )
    window = parse_config(without).policy.checkin_window()
    assert (window.early, window.late) == (timedelta(minutes=60), timedelta(minutes=15))


@pytest.mark.parametrize(
    ("line", "key", "value", "message"),
    [
        (EARLY, "policy.checkin_early_minutes", "-1", "greater than or equal to 0"),
        (EARLY, "policy.checkin_early_minutes", "721", "less than or equal to 720"),
        (LATE, "policy.checkin_late_minutes", '"15"', "expected a whole number, got string"),
        (LATE, "policy.checkin_late_minutes", "7.5", "expected a whole number, got float"),
    ],
)
def test_bad_value_names_key_and_line(
    example_text: str, line: str, key: str, value: str, message: str
) -> None:
    name = line.split(" = ", maxsplit=1)[0]
    text = example_text.replace(line, f"{name} = {value}")
    with pytest.raises(ConfigError) as info:
        parse_config(text, "office.toml")
    [issue] = [i for i in info.value.issues if i.key == key]
    where = _line_of(text, f"{name} = {value}")
    assert issue.line == where, str(issue)
    assert message in issue.message
    assert str(issue).startswith(f"office.toml:{where}: ")


def test_zero_minutes_means_exactly_on_time(example_text: str) -> None:
    text = example_text.replace(EARLY, "checkin_early_minutes = 0").replace(
        LATE, "checkin_late_minutes = 0"
    )
    window = parse_config(text).policy.checkin_window()
    assert (window.early, window.late) == (timedelta(0), timedelta(0))
