"""Checks across sections, on small hand-written sites, and the models used directly."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from pydantic import ValidationError

from hardware.escpos.printer import printer_from_site
from shared.config import ConfigError, OfficeConfig, check_config, parse_config
from shared.config.checks import format_loc, suggest
from shared.config.locate import key_lines

BASE = """\
[site]
id = "s"
name = "S"
languages = ["de", "en", "tr"]

[[services]]
id = "a"
letter = "A"
names = { de = "A", en = "A" }

[[counters]]
id = "c1"
name = "C1"
services = { a = 1 }
"""


def problems(extra: str) -> list[str]:
    with pytest.raises(ConfigError) as info:
        parse_config(BASE + extra, "t.toml")
    return str(info.value).splitlines()


def test_base_is_valid() -> None:
    cfg = parse_config(BASE)
    assert cfg.displays == ()
    assert cfg.kiosks == ()


def test_duplicate_display_ids() -> None:
    extra = """
[[displays]]
id = "d"
name = "D"
counters = ["c1"]

[[displays]]
id = "d"
name = "D2"
counters = ["c1"]
"""
    assert problems(extra) == ["t.toml:22: displays[1].id: id 'd' is already used by displays[0]"]


def test_duplicate_kiosk_ids() -> None:
    extra = """
[[kiosks]]
id = "k"
name = "K"
printer = { transport = "none" }

[[kiosks]]
id = "k"
name = "K2"
printer = { transport = "file", path = "/dev/usb/lp0" }
"""
    assert problems(extra) == ["t.toml:22: kiosks[1].id: id 'k' is already used by kiosks[0]"]


def test_every_service_needs_a_counter() -> None:
    extra = """
[[services]]
id = "b"
letter = "B"
names = { de = "B", en = "B" }
"""
    assert problems(extra) == [
        "t.toml:17: services[1].id: no counter serves 'b' (add it to a counter's services)"
    ]


def test_all_problems_are_reported_together_in_line_order() -> None:
    extra = """
[[counters]]
id = "c1"
name = "again"
services = { a = 1, b = 2 }

[[displays]]
id = "d"
name = "D"
counters = [
  "c1",
  "c3",
]

[[kiosks]]
id = "k"
name = "K"
languages = ["de", "tk"]
printer = { transport = "usb", vendor_id = 0x04b8, product_id = 0x0202 }
"""
    assert problems(extra) == [
        "t.toml:17: counters[1].id: id 'c1' is already used by counters[0]",
        "t.toml:19: counters[1].services: unknown service 'b'",
        "t.toml:26: displays[0].counters: unknown counter 'c3'",
        "t.toml:32: kiosks[0].languages: language 'tk' is not in site.languages",
    ]


def test_usb_ids_are_read_as_hex_numbers() -> None:
    extra = """
[[kiosks]]
id = "k"
name = "K"
printer = { transport = "usb", vendor_id = 0x04b8, product_id = 0x0202, paper = "58mm" }
"""
    printer = parse_config(BASE + extra).kiosks[0].printer
    assert (printer.vendor_id, printer.product_id) == (0x04B8, 0x0202)  # type: ignore[union-attr]


def test_unknown_printer_key_suggests_from_its_transport() -> None:
    extra = """
[[kiosks]]
id = "k"
name = "K"
printer = { transport = "network", hostname = "10.0.0.9" }
"""
    assert problems(extra) == [
        "t.toml:19: kiosks[0].printer.host: missing required key",
        "t.toml:19: kiosks[0].printer: unknown key 'hostname' (did you mean 'host'?)",
    ]


def test_model_used_directly_still_runs_cross_checks() -> None:
    data = {
        "site": {"id": "s", "name": "S"},
        "services": [{"id": "a", "letter": "A", "names": {"de": "A", "en": "A"}}],
        "counters": [{"id": "c", "name": "C", "services": {"b": 1.0}}],
    }
    with pytest.raises(ValidationError, match=r"counters\[0\].services: unknown service 'b'"):
        OfficeConfig.model_validate(data)


def test_models_are_frozen() -> None:
    cfg = parse_config(BASE)
    with pytest.raises(ValidationError):
        cfg.site.name = "other"  # type: ignore[misc]


def test_database_url_given_is_used() -> None:
    url = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
    cfg = parse_config(BASE + f'\n[server]\ndatabase_url = "{url}"\n')
    assert cfg.server.database_url == url


def test_format_loc_and_suggest() -> None:
    assert format_loc(("counters", 3, "services", "blue_card")) == "counters[3].services.blue_card"
    assert format_loc(()) == "(top level)"
    assert suggest("blu_card", ["blue_card", "emergency"]) == " (did you mean 'blue_card'?)"
    assert suggest("xyz", ["blue_card"]) == ""


def test_locator_decodes_escaped_keys_and_skips_string_continuations() -> None:
    text = '"caf\\u00e9" = 1\nnote = """a \\\n   # not a comment\n[not.a.table]\n"""\nlast = 2\n'
    lines = key_lines(text)
    assert lines == {("café",): 1, ("note",): 2, ("last",): 6}


def test_valid_model_used_directly() -> None:
    data = {
        "site": {"id": "s", "name": "S"},
        "services": [{"id": "a", "letter": "A", "names": {"de": "A", "en": "A"}}],
        "counters": [{"id": "c", "name": "C", "services": {"a": 2}}],
    }
    assert OfficeConfig.model_validate(data).to_site().counters["c"].weights == {"a": 2.0}


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "services = { a = 1 }",
            "services = {}",
            "t.toml:14: counters[0].services: must not be empty",
        ),
        (
            'names = { de = "A", en = "A" }',
            "names = {}",
            "t.toml:9: services[0].names: must include 'de' and 'en'",
        ),
        (
            "[[counters]]",
            "[[counter]]",
            "t.toml:11: unknown key 'counter' (did you mean 'counters'?)",
        ),
    ],
)
def test_empty_tables_and_top_level_keys(old: str, new: str, expected: str) -> None:
    with pytest.raises(ConfigError) as info:
        parse_config(BASE.replace(old, new), "t.toml")
    assert expected in str(info.value).splitlines()


def test_locator_multiline_string_ending_in_quotes() -> None:
    text = "a = \"\"\"x\"\"\"\"\nb = '''y'''''\nc = 3\n"
    assert key_lines(text) == {("a",): 1, ("b",): 2, ("c",): 3}


ADVISED = """
[[counters]]
id = "c2"
name = "C2"
services = { a = 1 }

[[displays]]
id = "d"
name = "D"
counters = ["c1"]

[[kiosks]]
id = "k"
name = "K"
printer = { transport = "serial", device = "/dev/ttyS0", mode = "text" }
"""


def test_check_config_lists_advice_after_ok(tmp_path: Path) -> None:
    path = tmp_path / "t.toml"
    path.write_text(BASE.replace('"tr"]', '"tr", "ar", "uk"]') + ADVISED, encoding="utf-8")
    ok, verdict = check_config(path)
    assert ok
    assert verdict.splitlines() == [
        f"OK: {path} — 1 services, 2 counters, 1 displays, 1 kiosks",
        (
            f"warning: {path}:9: services[0].names: 'a' has no name in tr, ar, uk: visitors "
            "choosing these languages will read the English text instead"
        ),
        f"warning: {path}:17: counters[1].id: no display shows the calls of 'c2'",
        (
            f"warning: {path}:29: kiosks[0].printer.mode: text mode prints Latin script only, "
            'not ar, uk: use mode = "raster" or limit the kiosk\'s languages'
        ),
    ]


@pytest.mark.expect_log("shared.config", "no display shows")
def test_parse_config_logs_advice(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="shared.config"):
        cfg = parse_config(BASE + ADVISED, "t.toml")
    assert len(cfg.counters) == 2
    assert [r.getMessage() for r in caplog.records] == [
        "t.toml:17: counters[1].id: no display shows the calls of 'c2'"
    ]


def test_text_mode_with_latin_languages_only_is_fine(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="shared.config"):
        parse_config(BASE + ADVISED.replace('counters = ["c1"]', 'counters = ["c1", "c2"]'))
    assert caplog.records == []


def test_printer_profile_keys_reach_the_printer_config() -> None:
    """A kiosk's printer table can set the profile's capabilities; the hardware layer reads them."""
    extra = """
[[kiosks]]
id = "k"
name = "K"
printer = { transport = "network", host = "h", native_number = false, raster_justify = true }
"""
    printer = printer_from_site(parse_config(BASE + extra).kiosks[0].printer)
    assert printer is not None
    assert printer.profile.native_number is False
    assert printer.profile.raster_justify is True
    assert printer.profile.native_qr is True


def test_kiosk_admin_pin_is_digits() -> None:
    """The admin PIN that leaves the full-screen kiosk: 4 to 12 digits, optional."""
    kiosk = """
[[kiosks]]
id = "k"
name = "K"
printer = { transport = "none" }
"""
    assert parse_config(BASE + kiosk).kiosks[0].admin_pin is None
    assert parse_config(BASE + kiosk + 'admin_pin = "0815"\n').kiosks[0].admin_pin == "0815"
    assert problems(kiosk + 'admin_pin = "12a4"\n') == [
        "t.toml:20: kiosks[0].admin_pin: '12a4' must match ^[0-9]{4,12}$"
    ]
    assert problems(kiosk + "admin_pin = 1234\n") == [
        "t.toml:20: kiosks[0].admin_pin: expected text, got integer 1234"
    ]


TRANSLATED = BASE.replace(
    'names = { de = "A", en = "A" }',
    """names.de = "A"
names.en = "A"
names.tr = "A"
explanations.de = "Für A."
explanations.en = "For A."
documents.de = ["Pass"]
documents.tr = ["Pasaport"]""",
).replace('"tr"]', '"tr", "ar"]')


GAPS = [
    (
        "t.toml:9: services[0].names: 'a' has no name in ar: "
        "visitors choosing this language will read the English text instead"
    ),
    (
        "t.toml:12: services[0].explanations: 'a' has no explanation in tr, ar: "
        "visitors choosing these languages will read the English text instead"
    ),
    (
        "t.toml:14: services[0].documents: 'a' has no document list in en, ar: "
        "visitors choosing these languages will read the German text instead"
    ),
]
"""The untranslated texts of TRANSLATED: one line per service and text, at its line."""


def test_check_config_names_each_untranslated_text_once(tmp_path: Path) -> None:
    """One warning per service and text, at its line, listing every language it lacks."""
    path = tmp_path / "t.toml"
    path.write_text(TRANSLATED, encoding="utf-8")
    ok, verdict = check_config(path)
    assert ok
    assert verdict.splitlines()[1:] == [
        f"warning: {gap.replace('t.toml', str(path), 1)}" for gap in GAPS
    ]


def test_a_complete_or_absent_text_is_no_gap(tmp_path: Path) -> None:
    """Every language written, or a text the service has in none (no explanation): quiet."""
    path = tmp_path / "t.toml"
    complete = (
        TRANSLATED.replace('"tr", "ar"]', '"tr"]')
        .replace('explanations.en = "For A."', 'explanations.en = "For A."\nexplanations.tr = "A"')
        .replace('documents.tr = ["Pasaport"]', 'documents.tr = ["Pasaport"]\ndocuments.en = ["P"]')
    )
    path.write_text(complete, encoding="utf-8")
    assert check_config(path) == (
        True,
        f"OK: {path} — 1 services, 1 counters, 0 displays, 0 kiosks",
    )
    absent = BASE.replace('en = "A" }', 'en = "A", tr = "A" }')  # no explanation, no documents
    path.write_text(absent, encoding="utf-8")
    assert check_config(path) == (
        True,
        f"OK: {path} — 1 services, 1 counters, 0 displays, 0 kiosks",
    )


def test_an_untranslated_text_is_only_a_note_in_the_log(caplog: pytest.LogCaptureFixture) -> None:
    """The hub starts on a file with gaps and says so at INFO (check-config is the warning)."""
    with caplog.at_level(logging.INFO, logger="shared.config"):
        parse_config(TRANSLATED, "t.toml")
    assert [(r.levelno, r.getMessage()) for r in caplog.records] == [
        (logging.INFO, gap) for gap in GAPS
    ]


def test_explanations_in_a_language_the_site_lacks() -> None:
    text = BASE.replace(
        'names = { de = "A", en = "A" }', 'names = { de = "A", en = "A" }\nexplanations.fr = "A"'
    )
    with pytest.raises(ConfigError) as info:
        parse_config(text, "t.toml")
    assert str(info.value) == (
        "t.toml:10: services[0].explanations: language 'fr' is not in site.languages"
    )
