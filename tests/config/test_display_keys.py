"""The keys the wall displays read: counters' places, `[info]` texts, announce switches."""

from __future__ import annotations

import pytest

from shared.config import ConfigError, parse_config


def _line_of(text: str, fragment: str) -> int:
    return text[: text.index(fragment)].count("\n") + 1


def test_the_example_gives_places_info_texts_and_the_language_switch(example_text: str) -> None:
    config = parse_config(example_text)
    counter = config.to_site().counters["s05"]
    assert (counter.floor, counter.room, counter.direction) == ("1. OG", "Raum 1.05", "↑ Treppe A")
    assert config.server.announce_ticket_language is True
    assert config.info.seconds == 8
    assert {"de", "en", "ar"} <= set(config.info.texts)
    assert config.display("og2").announce is True


def test_places_and_info_are_optional(example_text: str) -> None:
    start = example_text.index("[info]")
    end = example_text.index("# Kiosks:")
    text = example_text[:start] + example_text[end:]
    text = "\n".join(
        line for line in text.splitlines() if not line.startswith(("floor", "room", "direction"))
    )
    config = parse_config(text)
    assert config.info.texts == {}
    assert config.to_site().counters["s05"].floor == ""


def test_a_display_is_found_by_its_device_name(example_text: str) -> None:
    config = parse_config(example_text)
    assert config.display_for_device("og1") == config.display("og1")
    assert config.display_for_device(" Wartebereich 2. OG ") == config.display("og2")
    assert config.display_for_device("wall") is None


@pytest.mark.parametrize(
    ("old", "new", "key", "message"),
    [
        (
            "announce_ticket_language = true",
            'announce_ticket_language = "yes"',
            "server.announce_ticket_language",
            "expected true or false",
        ),
        ('floor = "1. OG"', f'floor = "{"x" * 81}"', "counters[3].floor", "at most 80"),
        ("seconds = 8", "seconds = 1", "info.seconds", "greater than or equal to 2"),
        ('texts.tr = ["', 'texts.xx = ["', "info.texts", "language 'xx' is not in site"),
        ('texts.de = ["', 'texts.de = ["", "', "info.texts.de[0]", "at least 1"),
    ],
)
def test_bad_values_name_key_and_line(
    example_text: str, old: str, new: str, key: str, message: str
) -> None:
    assert old in example_text
    text = example_text.replace(old, new, 1)
    with pytest.raises(ConfigError) as info:
        parse_config(text, "office.toml")
    [issue] = [i for i in info.value.issues if i.key == key]
    assert message in str(issue)
    assert issue.line == _line_of(text, new), str(issue)
