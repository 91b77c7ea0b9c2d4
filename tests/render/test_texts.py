"""The fixed ticket lines: complete in every language, Latin digits, direction, fallback."""

from __future__ import annotations

import dataclasses
import re
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from hardware.texts import LANGUAGES, TextDirection, ticket_texts
from hardware.ticket import TicketPrint
from hardware.ticket_sample import sample_ticket
from shared.languages import KIOSK_LANGUAGES

WHEN = datetime(2026, 3, 9, 7, 4, tzinfo=ZoneInfo("Europe/Berlin"))


def test_every_kiosk_language_is_translated() -> None:
    assert tuple(language.code for language in KIOSK_LANGUAGES) == LANGUAGES  # kiosk order
    assert len(LANGUAGES) == 16


@pytest.mark.parametrize("language", LANGUAGES)
def test_lines_are_filled_and_templates_take_their_values(language: str) -> None:
    texts = ticket_texts(language)
    for field in dataclasses.fields(texts):
        value = getattr(texts, field.name)
        if isinstance(value, str):
            assert value.strip(), f"{language}.{field.name} is empty"
    assert "35" in texts.wait_line(35)
    assert "{" not in texts.wait_line(35)
    assert "B 12" in texts.counter_line("B 12")


@pytest.mark.parametrize("language", LANGUAGES)
def test_date_and_time_keep_latin_digits(language: str) -> None:
    shown = ticket_texts(language).format_datetime(WHEN)
    digits = re.findall(r"\d", shown)
    assert all("0" <= d <= "9" for d in digits), shown
    assert "2026" in shown
    assert "07:04" in shown
    assert re.search(r"(?<!\d)0?9(?!\d)", shown), "the day (9) is missing"
    assert "{" not in shown


def test_english_date_names_the_month() -> None:
    assert ticket_texts("en").format_datetime(WHEN) == "9 Mar 2026, 07:04"


def test_german_date_is_day_month_year() -> None:
    assert ticket_texts("de").format_datetime(WHEN) == "09.03.2026, 07:04\u00a0Uhr"


@pytest.mark.parametrize(
    ("language", "direction"),
    [
        ("ar", "rtl"),
        ("fa", "rtl"),
        ("ps", "rtl"),
        ("de", "ltr"),
        ("ku", "ltr"),
        ("ti", "ltr"),
        ("vi", "ltr"),
        ("zh", "ltr"),
    ],
)
def test_arabic_script_runs_right_to_left(language: str, direction: str) -> None:
    assert ticket_texts(language).direction is TextDirection(direction)


def test_unknown_language_falls_back_to_english() -> None:
    assert ticket_texts("xx") == ticket_texts("en")
    assert ticket_texts("de-AT") == ticket_texts("de")


def test_wait_number_and_unit_never_split_across_lines() -> None:
    for language in LANGUAGES:
        assert "35\u00a0" in ticket_texts(language).wait_line(35)


def test_the_text_direction_is_the_kiosk_layout_direction() -> None:
    for language in KIOSK_LANGUAGES:
        rtl = ticket_texts(language.code).direction is TextDirection.RTL
        assert rtl == language.rtl, language.code


def test_ticket_needs_an_aware_issue_time() -> None:
    aware = sample_ticket("de")
    with pytest.raises(ValueError, match="timezone-aware"):
        dataclasses.replace(aware, issued_at=datetime(2026, 1, 1, 9, 0))  # noqa: DTZ001
    utc = dataclasses.replace(aware, issued_at=datetime(2026, 1, 1, 9, 0, tzinfo=UTC))
    assert isinstance(utc, TicketPrint)
    assert utc.texts.language == "de"
