"""Hostile and broken input never escapes as anything but a clear ConfigError."""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shared.config import (
    MAX_BYTES,
    MAX_SHOWN,
    ConfigError,
    check_config,
    load_config,
    parse_config,
    starter_config,
)

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "office.toml"


def error_of(path: Path) -> ConfigError:
    with pytest.raises(ConfigError) as info:
        load_config(path)
    return info.value


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.toml"
    assert str(error_of(path)) == f"{path}: no such file"


def test_directory(tmp_path: Path) -> None:
    assert str(error_of(tmp_path)) == f"{tmp_path}: is a directory, not a TOML file"


def test_symlink_loop_is_unreadable(tmp_path: Path) -> None:
    (tmp_path / "a.toml").symlink_to(tmp_path / "b.toml")
    (tmp_path / "b.toml").symlink_to(tmp_path / "a.toml")
    message = str(error_of(tmp_path / "a.toml"))
    assert message.startswith(f"{tmp_path / 'a.toml'}: cannot read: ")


def test_file_over_one_megabyte_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "huge.toml"
    path.write_bytes(b"# padding\n" * (MAX_BYTES // 10 + 1))
    assert str(error_of(path)) == f"{path}: file is larger than 1 MB"


def test_text_over_one_megabyte_is_refused() -> None:
    with pytest.raises(ConfigError, match="larger than 1 MB"):
        parse_config("#" * (MAX_BYTES + 1))


def test_non_utf8_bytes_name_their_line(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes('[site]\nid = "x"\nname = "Ausländerbehörde"\n'.encode("latin-1"))
    error = error_of(path)
    assert error.line == 3
    assert str(error) == (f"{path}:3: not UTF-8 text (byte 0xe4); save the file as UTF-8")


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + EXAMPLE.read_bytes())
    assert load_config(path).site.id == "abh-musterstadt"


def test_empty_file_names_missing_sections(tmp_path: Path) -> None:
    path = tmp_path / "empty.toml"
    path.write_text("", encoding="utf-8")
    lines = str(error_of(path)).splitlines()
    assert lines == [
        f"{path}: site: missing required key",
        f"{path}: services: missing required key",
        f"{path}: counters: missing required key",
    ]


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        ("[site\nid = 1\n", 1, "TOML syntax error: "),
        ('[site]\nid = "a"\nname = \n', 3, "TOML syntax error: Invalid value (column 8)"),
        ('[site]\nid = "a"\nid = "b"\n', 3, "TOML syntax error: "),
        ('x = "unterminated\n', 1, "TOML syntax error: "),
        ("a = 1\0\n", 1, "TOML syntax error: "),
        ('x = """\nnever closed\n', 2, "at end of file"),
    ],
)
def test_toml_syntax_errors_report_their_line(text: str, line: int, fragment: str) -> None:
    with pytest.raises(ConfigError) as info:
        parse_config(text, "bad.toml")
    assert info.value.line == line
    assert fragment in str(info.value)
    assert str(info.value).startswith(f"bad.toml:{line}: TOML syntax error: ")


def test_nesting_beyond_the_parser_is_an_error() -> None:
    with pytest.raises(ConfigError, match="nested too deeply"):
        parse_config("x = " + "[" * 5000 + "]" * 5000)


def test_nesting_deeper_than_the_schema_names_key_and_line() -> None:
    text = '[site]\nid = "a"\nname = ' + "[" * 40 + "]" * 40 + "\n"
    with pytest.raises(ConfigError) as info:
        parse_config(text, "deep.toml")
    assert info.value.line == 3
    assert info.value.key is not None
    assert info.value.key.startswith("site.name[0][0]")
    assert "nested deeper than 10 levels" in str(info.value)


@pytest.mark.parametrize(
    ("edit", "key", "message"),
    [
        (("[site]\n", "site = 5\n[sitex]\n"), "site", "expected a table, got integer 5"),
        (('name = "My Office"', "name = 1979-05-27"), "site.name", "got date/time"),
        (('name = "My Office"', f'name = "{"x" * 201}"'), "site.name", "at most 200 characters"),
        (("port = 8470", "port = inf"), "server.port", "got float inf"),
        (("port = 8470", "port = 99999999999999999999"), "server.port", "less than or equal"),
        (('data_dir = "/var/lib/aufruf"', "data_dir = 7"), "server.data_dir", "got integer 7"),
        (('languages = ["de", "en"]', 'languages = "de"'), "site.languages", "expected a list"),
        (("names = { de =", "names = [] \nx = { de ="), "services[0].names", "expected a table"),
    ],
)
def test_wrong_types_are_named(edit: tuple[str, str], key: str, message: str) -> None:
    text = starter_config().replace("# data_dir", "data_dir")
    assert edit[0] in text
    with pytest.raises(ConfigError) as info:
        parse_config(text.replace(edit[0], edit[1], 1))
    issue = next(i for i in info.value.issues if i.key == key)
    assert message in issue.message


@pytest.mark.expect_log("shared.config", "no display shows|more warnings")
def test_thousands_of_counters_validate_in_linear_time(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """5,000 counters on no display: 5,000 warnings, capped in the log and the verdict."""
    path = tmp_path / "big.toml"
    path.write_text(
        starter_config()
        + "".join(
            f'\n[[counters]]\nid = "x{n}"\nname = "X {n}"\nservices = {{ general = 1 }}\n'
            for n in range(5000)
        ),
        encoding="utf-8",
    )
    started = time.perf_counter()
    with caplog.at_level(logging.WARNING, logger="shared.config"):
        cfg = load_config(path)
    assert time.perf_counter() - started < 10.0  # ~1 s on one core; quadratic would be minutes
    assert len(cfg.counters) == 5002
    assert len(caplog.records) == MAX_SHOWN + 1
    assert caplog.records[-1].getMessage() == f"{path}: … and {5000 - MAX_SHOWN} more warnings"
    ok, verdict = check_config(path)
    assert ok
    assert verdict.splitlines()[-1] == f"warning: {path}: … and {5000 - MAX_SHOWN} more"


def test_thousands_of_errors_are_all_reported_quickly() -> None:
    text = starter_config() + "".join(
        '\n[[counters]]\nid = "c1"\nname = "X"\nservices = { nope = 1 }\n' for _ in range(3000)
    )
    started = time.perf_counter()
    with pytest.raises(ConfigError) as info:
        parse_config(text)
    # each repeat: a duplicate id, a duplicate name, an unknown service (the first no duplicate)
    assert len(info.value.issues) == 3 * 3000 - 1
    shown = str(info.value).splitlines()
    assert len(shown) == MAX_SHOWN + 1
    assert shown[-1] == f"<string>: … and {3 * 3000 - 1 - MAX_SHOWN} more problems"
    assert time.perf_counter() - started < 10.0


def outcome(load: Callable[[], object]) -> ConfigError | None:
    """The ConfigError that load raises, or None when it succeeds (anything else fails)."""
    try:
        load()
    except ConfigError as error:
        return error
    return None


FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(st.text(max_size=400))
def test_any_text_gives_config_or_config_error(text: str) -> None:
    error = outcome(lambda: parse_config(text))
    if error is not None:
        assert str(error)
        assert all(issue.message for issue in error.issues)


@FUZZ
@given(st.binary(max_size=400))
def test_any_bytes_give_config_or_config_error(
    tmp_path_factory: pytest.TempPathFactory, data: bytes
) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "office.toml"
    path.write_bytes(data)
    error = outcome(lambda: load_config(path))
    if error is not None:
        assert str(error).startswith(str(path))


EXAMPLE_LINES = EXAMPLE.read_text(encoding="utf-8").splitlines(keepends=True)


@pytest.mark.expect_log("shared.config", "")  # a mangled file may draw any advice
@FUZZ
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["drop", "double", "cut", "swap"]),
            st.integers(0, len(EXAMPLE_LINES) - 1),
            st.integers(0, 200),
        ),
        min_size=1,
        max_size=4,
    )
)
def test_mangled_example_gives_located_errors(edits: list[tuple[str, int, int]]) -> None:
    lines = list(EXAMPLE_LINES)
    for action, position, cut in edits:
        index = position % len(lines)
        if action == "drop":
            del lines[index]
        elif action == "double":
            lines.insert(index, lines[index])
        elif action == "cut":
            lines[index] = lines[index][: cut % (len(lines[index]) + 1)] + "\n"
        else:
            lines[index], lines[-index - 1] = lines[-index - 1], lines[index]
        if not lines:
            lines = ["\n"]
    text = "".join(lines)
    error = outcome(lambda: parse_config(text, "office.toml"))
    if error is not None:
        for issue in error.issues:
            assert issue.line is None or 1 <= issue.line <= text.count("\n") + 1
            assert str(issue).startswith("office.toml")


@pytest.mark.parametrize("special", ["fifo", "/dev/zero", "/dev/null"])
def test_special_files_are_refused_without_reading(tmp_path: Path, special: str) -> None:
    path = Path(special)
    if special == "fifo":  # opening a FIFO with no writer would block forever
        path = tmp_path / "pipe.toml"
        os.mkfifo(path)
    assert str(error_of(path)) == f"{path}: is not a regular file"
