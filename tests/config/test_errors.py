"""Each malformed site file gives a ConfigError naming the right key and the right line."""

from __future__ import annotations

import pickle
from dataclasses import dataclass

import pytest

from shared.config import ConfigError, ConfigIssue, parse_config


@dataclass(frozen=True)
class Case:
    """One edit of the example file and the issue it must cause."""

    old: str
    new: str
    key: str | None
    line_of: str
    """A fragment of the line the issue must point at (its first occurrence after the edit)."""
    message: str


def issue_for(text: str, key: str | None) -> ConfigIssue:
    with pytest.raises(ConfigError) as info:
        parse_config(text, "office.toml")
    matching = [issue for issue in info.value.issues if issue.key == key]
    assert matching, str(info.value)
    return matching[0]


def edited(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
    return text.replace(old, new)


def line_number(text: str, fragment: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if fragment in line)


CASES = [
    # [site]
    Case(
        'timezone = "Europe/Berlin"',
        'timezone = "Europe/Berln"',
        "site.timezone",
        "Europe/Berln",
        "unknown time zone 'Europe/Berln' (did you mean 'Europe/Berlin'?)",
    ),
    Case(
        'languages = ["de", "en", "ar",',
        'languages = ["de", "ar",',
        "site.languages",
        'languages = ["de", "ar"',
        "must include 'en'",
    ),
    Case(
        'languages = ["de", "en", "ar",',
        'languages = ["de", "en", "de",',
        "site.languages",
        'languages = ["de", "en", "de"',
        "listed twice: de",
    ),
    Case(
        'languages = ["de", "en", "ar",',
        'languages = ["de", "en", "Arabic",',
        "site.languages[2]",
        "Arabic",
        "'Arabic' must be a language code",
    ),
    Case(
        'status_base_url = "http://127.0.0.1:8470"',
        'status_base_url = "ftp://x"',
        "site.status_base_url",
        "ftp://x",
        "'ftp://x' is not an http:// or https:// address",
    ),
    Case(
        'id = "abh-musterstadt"',
        'id = "ABH Musterstadt"',
        "site.id",
        "ABH Musterstadt",
        "must be an id",
    ),
    # [server]
    Case(
        "port = 8470 ",
        'port = "8470" ',
        "server.port",
        'port = "8470"',
        "expected a whole number, got string '8470'",
    ),
    Case(
        "port = 8470 ",
        "port = 70000 ",
        "server.port",
        "port = 70000",
        "less than or equal to 65535",
    ),
    Case(
        'host = "127.0.0.1"  ',
        'hots = "127.0.0.1"  ',
        "server",
        "hots",
        "unknown key 'hots' (did you mean 'host'?)",
    ),
    Case(
        "zeroconf = true",
        'zeroconf = "yes"',
        "server.zeroconf",
        'zeroconf = "yes"',
        "expected true or false, got string 'yes'",
    ),
    Case(
        '# zeroconf_interfaces = ["192.168.10.5"]',
        'zeroconf_interfaces = ["10.0.0.1", "eth0"]',
        "server.zeroconf_interfaces[1]",
        "zeroconf_interfaces",
        "'eth0' is not an IP address",
    ),
    Case(
        '# database_url = "postgresql://aufruf@db.example/aufruf"',
        'database_url = "mysql://db/aufruf"',
        "server.database_url",
        "mysql://",
        "must start with sqlite:// or postgresql://",
    ),
    Case(
        "tickets_per_minute_per_kiosk = 30",
        "tickets_per_minute_per_kiosk = 0",
        "server.tickets_per_minute_per_kiosk",
        "tickets_per_minute_per_kiosk = 0",
        "greater than or equal to 1",
    ),
    # [policy]
    Case(
        "max_wait_minutes = 60",
        "max_wait_minutes = 0",
        "policy.max_wait_minutes",
        "max_wait_minutes = 0",
        "greater than 0",
    ),
    Case(
        "ageing_per_minute = 0.1",
        "ageing_per_minute = true",
        "policy.ageing_per_minute",
        "ageing_per_minute = true",
        "expected a number, got boolean True",
    ),
    Case(
        "appointment_window_minutes = 15",
        "appointment_window = 15",
        "policy",
        "appointment_window = 15",
        "unknown key 'appointment_window' (did you mean 'appointment_window_minutes'?)",
    ),
    # [[services]]
    Case(
        'letter = "A"',
        'letter = "a"',
        "services[0].letter",
        'letter = "a"',
        "'a' must be one capital letter A-Z",
    ),
    Case(
        'letter = "G"',
        'letter = "A"',
        "services[6].letter",
        'letter = "A"\nnames.de = "Einb',
        "letter 'A' is already used by services[0]",
    ),
    Case(
        'id = "blue_card"',
        'id = "eat_pickup"',
        "services[3].id",
        'id = "eat_pickup"\nletter = "E"',
        "id 'eat_pickup' is already used by services[2]",
    ),
    Case(
        'names.en = "Family reunification"\n',
        "",
        "services[5].names",
        'names.de = "Familiennachzug"',
        "must include 'en'",
    ),
    Case(
        'names.uk = "Короткі питання та довідка"',
        'names.ukr = "Короткі питання та довідка"',
        "services[4].names",
        "names.ukr",
        "language 'ukr' is not in site.languages (did you mean 'uk'?)",
    ),
    Case(
        'documents.de = ["Reisepass oder Ausweisdokument"]',
        'documents.fr = ["Passeport"]',
        "services[4].documents",
        "documents.fr",
        "language 'fr' is not in site.languages",
    ),
    Case(
        '  "Abholschreiben",',
        "  42,",
        "services[3].documents.de[1]",
        "  42,",
        "expected text, got integer 42",
    ),
    Case(
        "expected_minutes = 5\n",
        'expected_minutes = "5"\n',
        "services[3].expected_minutes",
        'expected_minutes = "5"',
        "expected a number, got string '5'",
    ),
    Case(
        "expected_minutes = 4\n",
        "expected_minute = 4\n",
        "services[4]",
        "expected_minute =",
        "unknown key 'expected_minute' (did you mean 'expected_minutes'?)",
    ),
    Case(
        "emergency = true\n",
        "emergency = 1\n",
        "services[8].emergency",
        "emergency = 1",
        "expected true or false, got integer 1",
    ),
    Case(
        "daily_cap = 40",
        "daily_cap = 0",
        "services[5].daily_cap",
        "daily_cap = 0",
        "greater than or equal to 1",
    ),
    Case(
        "services = { naturalisation = 10 }",
        "services = { naturalisaton = 10 }",
        "counters[8].services",
        "naturalisaton",
        "unknown service 'naturalisaton' (did you mean 'naturalisation'?)",
    ),
    Case(
        "services = { naturalisation = 10 }",
        "services = { naturalisaton = 10 }",
        "services[6].id",
        'id = "naturalisation"',
        "no counter serves 'naturalisation'",
    ),
    # [[counters]]
    Case(
        "services = { naturalisation = 10 }",
        "services = { naturalisation = 0 }",
        "counters[8].services.naturalisation",
        "naturalisation = 0",
        "greater than 0",
    ),
    Case(
        "services = { naturalisation = 10 }",
        "services = { naturalisation = 10, x = 1 }",
        "counters[8].services",
        "naturalisation = 10, x",
        "unknown service 'x'",
    ),
    Case(
        'id = "s08"',
        'id = "s07"',
        "counters[8].id",
        'id = "s07"\nname = "Schalter 8"',
        "id 's07' is already used by counters[7]",
    ),
    Case(
        'name = "Schalter 8"\n',
        "",
        "counters[8].name",
        '[[counters]]\nid = "s08"',
        "missing required key",
    ),
    Case(
        'location = "2. OG, Raum 2.09"\nservices = {',
        'location = "2. OG, Raum 2.09"\nservice = {',
        "counters[9]",
        "service = {",
        "unknown key 'service' (did you mean 'services'?)",
    ),
    Case(
        'name = "Schalter 9"',
        'name = "Schalter 2"',
        "counters[9].name",
        'name = "Schalter 2"\nlocation = "2. OG',
        "name 'Schalter 2' is already used by counters[2]",
    ),
    # [[displays]]
    Case(
        'counters = ["s07", "s08", "s09"]',
        'counters = ["s07", "s8", "s09"]',
        "displays[2].counters",
        '"s8"',
        "unknown counter 's8'",
    ),
    Case(
        'counters = ["s07", "s08", "s09"]',
        'counters = ["s07", "s08", "s07"]',
        "displays[2].counters",
        '"s07", "s08", "s07"',
        "listed twice: s07",
    ),
    Case(
        "chime = false",
        'chime = "no"',
        "displays[2].chime",
        'chime = "no"',
        "expected true or false",
    ),
    # [[kiosks]]
    Case(
        'transport = "network"',
        'transport = "netwrk"',
        "kiosks[0].printer.transport",
        "netwrk",
        "transport 'netwrk' is not one of usb, serial, network, file, none "
        "(did you mean 'network'?)",
    ),
    Case(
        'transport = "network", ',
        "",
        "kiosks[0].printer.transport",
        "printer = { host",
        "missing 'transport'",
    ),
    Case(
        'host = "127.0.0.1", port = 9100',
        "port = 9100",
        "kiosks[0].printer.host",
        'printer = { transport = "network"',
        "missing required key",
    ),
    Case(
        "port = 9100, paper",
        "port = 9100, baudrate = 9600, paper",
        "kiosks[0].printer",
        "baudrate = 9600, paper",
        "unknown key 'baudrate'",
    ),
    Case(
        'paper = "80mm", mode',
        'paper = "80", mode',
        "kiosks[0].printer.paper",
        'paper = "80"',
        "'80' is not allowed: expected '80mm' or '58mm' (did you mean '80mm'?)",
    ),
    Case(
        "baudrate = 9600, paper",
        "baudrate = 9601, paper",
        "kiosks[1].printer.baudrate",
        "baudrate = 9601",
        "9601 is not allowed: expected 1200, 2400",
    ),
    Case(
        'languages = ["de", "en", "tr"]',
        'languages = ["de", "en", "fr"]',
        "kiosks[1].languages",
        'languages = ["de", "en", "fr"]',
        "language 'fr' is not in site.languages",
    ),
    Case(
        'name = "Kiosk 1. OG"', 'name = ""', "kiosks[1].name", 'name = ""', "at least 1 character"
    ),
    # the top level
    Case(
        '[[kiosks]]\nid = "og1"',
        '[[kiosk]]\nid = "og1"',
        None,
        "[[kiosk]]",
        "unknown key 'kiosk' (did you mean 'kiosks'?)",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda case: f"{case.key}:{case.new[:24]}")
def test_error_names_key_and_line(example_text: str, case: Case) -> None:
    text = edited(example_text, case.old, case.new)
    issue = issue_for(text, case.key)
    expected_line = text[: text.index(case.line_of)].count("\n") + 1
    assert issue.line == expected_line, str(issue)
    assert case.message in issue.message
    assert str(issue).startswith(f"office.toml:{expected_line}: ")


def test_str_of_error_is_one_line_per_issue_sorted_by_line(example_text: str) -> None:
    text = edited(example_text, "port = 8470 ", 'port = "x" ')
    text = edited(
        text, 'letter = "a"' if 'letter = "a"' in text else 'letter = "B"', 'letter = "b"'
    )
    with pytest.raises(ConfigError) as info:
        parse_config(text, "office.toml")
    error = info.value
    assert len(error.issues) == 2
    assert str(error).splitlines() == [str(issue) for issue in error.issues]
    assert error.issues[0].line is not None
    assert error.issues[1].line is not None
    assert error.issues[0].line < error.issues[1].line
    assert (error.key, error.line) == ("server.port", error.issues[0].line)


def test_brief_example_message(example_text: str) -> None:
    text = edited(example_text, "services = { blue_card = 10,", "services = { blu_card = 10,")
    issue = issue_for(text, "counters[6].services")
    assert str(issue) == (
        f"office.toml:{line_number(text, 'blu_card = 10')}: counters[6].services: "
        "unknown service 'blu_card' (did you mean 'blue_card'?)"
    )


def test_windows_line_endings_keep_line_numbers(example_text: str) -> None:
    text = edited(example_text, "daily_cap = 40", "daily_cap = 0").replace("\n", "\r\n")
    issue = issue_for(text, "services[5].daily_cap")
    assert issue.line == line_number(text.replace("\r\n", "\n"), "daily_cap = 0")


def test_key_set_twice_is_named(example_text: str) -> None:
    text = edited(example_text, "daily_cap = 40", "daily_cap = 40\ndaily_cap = 41")
    with pytest.raises(ConfigError) as info:
        parse_config(text, "office.toml")
    assert info.value.line == line_number(text, "daily_cap = 41")
    assert "TOML syntax error: a key is set twice" in str(info.value)


def test_config_error_survives_pickling(example_text: str) -> None:
    text = edited(example_text, "daily_cap = 40", "daily_cap = 0")
    with pytest.raises(ConfigError) as info:
        parse_config(text, "office.toml")
    copy = pickle.loads(pickle.dumps(info.value))
    assert (str(copy), copy.line, copy.key, copy.issues) == (
        str(info.value),
        info.value.line,
        info.value.key,
        info.value.issues,
    )
