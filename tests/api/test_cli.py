"""The `aufruf` command, run as a real subprocess."""

from __future__ import annotations

import io
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from server.cli import build_parser, execute
from server.store import create_engine_for
from tests.pg import fresh_schema, require_postgres

AUFRUF = str(Path(sys.executable).with_name("aufruf"))


def run(
    *args: str, stdin: str = "", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [AUFRUF, *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        check=False,
    )


@pytest.fixture
def site_file(config_path: Path, tmp_path: Path) -> Path:
    """The test site file with its data dir in tmp_path."""
    text = config_path.read_text().replace(
        "[server]\n", f'[server]\ndata_dir = "{tmp_path / "data"}"\n'
    )
    config_path.write_text(text)
    return config_path


def test_init_and_check_config(tmp_path: Path) -> None:
    target = tmp_path / "etc" / "office.toml"
    first = run("init", str(target))
    assert first.returncode == 0, first.stderr
    assert "wrote" in first.stdout
    again = run("init", str(target))
    assert again.returncode == 2
    assert "--force" in again.stderr
    checked = run("check-config", str(target))
    assert checked.returncode == 0
    assert checked.stdout.startswith("OK:")


def test_check_config_names_the_broken_line(tmp_path: Path, config_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text(config_path.read_text().replace('letter = "P"', 'letter = "PP"'))
    result = run("check-config", str(broken))
    assert result.returncode == 2
    assert "broken.toml:" in result.stderr
    assert "letter" in result.stderr
    missing = run("device", "list", "--config", str(tmp_path / "nope.toml"))
    assert missing.returncode == 2
    assert "no such file" in missing.stderr


def aufruf(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run an `aufruf` command in this process (the store commands; fast, and covered)."""
    code = execute(build_parser().parse_args(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_devices_users_and_appointments(
    site_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("AUFRUF_CONFIG", str(site_file))  # the default for --config
    code, out, _ = aufruf(capsys, "device", "add", "--role", "kiosk", "--name", "Eingang")
    assert code == 0
    token = out.strip().splitlines()[-1]
    assert len(token) >= 32
    device_id = out.split()[1]
    assert f"{device_id}\tkiosk\tactive\tEingang" in aufruf(capsys, "device", "list")[1]
    assert aufruf(capsys, "device", "revoke", device_id)[0] == 0
    assert f"{device_id}\tkiosk\trevoked" in aufruf(capsys, "device", "list")[1]
    code, _, err = aufruf(capsys, "device", "revoke", "no-such-device")
    assert code == 2
    assert err.startswith("aufruf: error:")
    monkeypatch.setattr("sys.stdin", io.StringIO("geheim-genug\n"))
    assert aufruf(capsys, "user", "add", "erika", "--role", "clerk", "--password-stdin")[0] == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("x\n"))
    code, _, err = aufruf(capsys, "user", "add", "kurz", "--role", "clerk", "--password-stdin")
    assert code == 2
    assert "8 characters" in err
    assert "erika\tclerk" in aufruf(capsys, "user", "list")[1]
    csv = tmp_path / "today.csv"
    csv.write_text("number,service_id,scheduled_at,name\nT1,general,2030-01-01T09:00,A B\n")
    code, out, _ = aufruf(capsys, "appointments", "import", str(csv))
    assert (code, out.strip()) == (0, "imported 1, skipped 0")
    csv.write_text("number,service_id,scheduled_at,name\nT2,nope,2030-01-01T09:00,A B\n")
    code, _, err = aufruf(capsys, "appointments", "import", str(csv))
    assert code == 2
    assert "nope" in err
    assert aufruf(capsys, "appointments", "import", str(tmp_path / "missing.csv"))[0] == 2


def test_store_commands_as_a_subprocess(site_file: Path) -> None:
    added = run("device", "add", "--role", "display", "--name", "Halle", "--config", str(site_file))
    assert added.returncode == 0, added.stderr
    assert "shown only now" in added.stdout
    assert run("device", "add", "--role", "robot", "--name", "x").returncode == 2


def test_server_logs_its_port_and_stops_on_sigterm(site_file: Path) -> None:
    env = {**os.environ, "JOURNAL_STREAM": "8:123"}
    proc = subprocess.Popen(
        [AUFRUF, "server", "--config", str(site_file), "--port", "0"],
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert proc.stderr is not None
        deadline = time.monotonic() + 30
        port = None
        while port is None and time.monotonic() < deadline:
            line = proc.stderr.readline()
            found = re.search(r"Aufruf listening on http://127\.0\.0\.1:(\d+)", line)
            if found:
                assert line.startswith("<6>server.serve: ")  # journald form, no timestamp
                port = int(found.group(1))
        assert port, "the server never said where it listens"
        health = httpx.get(f"http://127.0.0.1:{port}/api/v1/health", timeout=5)
        assert health.json()["site"] == "test-office"
        proc.send_signal(signal.SIGTERM)
        # uvicorn re-raises the signal after its graceful shutdown; systemd counts it as clean.
        assert proc.wait(timeout=15) in (0, -signal.SIGTERM)
        assert "stopped serving site test-office" in proc.stderr.read()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        if proc.stderr is not None:
            proc.stderr.close()


def test_device_and_user_lists_print_exact_rows(
    site_file: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The lists' bytes, pinned: a row a line, tab-separated, unpadded, UTF-8; none when empty."""
    monkeypatch.setenv("AUFRUF_CONFIG", str(site_file))
    ids = []
    for role, name in [
        ("kiosk", "Eingang"),
        ("display", "Wartehalle Süd – Ost"),
        ("kiosk", "مدخل"),
    ]:
        ids.append(aufruf(capsys, "device", "add", "--role", role, "--name", name)[1].split()[1])
    assert aufruf(capsys, "user", "list") == (0, "", "")
    assert aufruf(capsys, "device", "revoke", ids[1])[0] == 0
    for username, role, shown in [("erika", "clerk", "Erika Müller"), ("ali", "supervisor", "علي")]:
        monkeypatch.setattr("sys.stdin", io.StringIO("geheim-genug\n"))
        added = ("user", "add", username, "--role", role, "--display-name", shown)
        assert aufruf(capsys, *added, "--password-stdin")[0] == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("geheim-genug\n"))
    assert aufruf(capsys, "user", "add", "root", "--role", "admin", "--password-stdin")[0] == 0
    assert aufruf(capsys, "user", "disable", "ali", "--wait", "0")[0] == 0
    devices = subprocess.run(
        [AUFRUF, "device", "list"], capture_output=True, timeout=60, check=True
    ).stdout
    assert (
        devices
        == (
            f"{ids[0]}\tkiosk\tactive\tEingang\n"
            f"{ids[1]}\tdisplay\trevoked\tWartehalle Süd – Ost\n"
            f"{ids[2]}\tkiosk\tactive\tمدخل\n"
        ).encode()
    )
    users = subprocess.run([AUFRUF, "user", "list"], capture_output=True, timeout=60, check=True)
    assert (
        users.stdout
        == (
            "ali\tsupervisor\tdisabled\tعلي\n"
            "erika\tclerk\tactive\tErika Müller\n"
            "root\tadmin\tactive\troot\n"
        ).encode()
    )


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("server", "--port", "x"), "argument --port: invalid port 'x': a number from 0 to 65535"),
        (("server", "--port", "70000"), "invalid port '70000': a number from 0 to 65535"),
        (("demo", "f", "--port", "-1"), "invalid port '-1': a number from 0 to 65535"),
        (("demo", "f", "--speed", "fast"), "invalid number 'fast': a number above 0, at most"),
        (("demo", "f", "--duration", "0"), "invalid number '0': a number above 0, at most 10000"),
        (("user", "disable", "u", "--wait", "soon"), "invalid seconds 'soon': a number from 0"),
        (("user", "disable", "u", "--wait", "nan"), "invalid seconds 'nan': a number from 0 to"),
    ],
)
def test_bad_numbers_are_worded_plainly(
    args: tuple[str, ...], said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bad number says what it should be, never argparse's "invalid _port value: 'x'"."""
    with pytest.raises(SystemExit) as stopped:
        build_parser().parse_args(args)
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert said in err
    assert "value:" not in err


def said(done: subprocess.CompletedProcess[str]) -> str:
    """The one line of stderr that is not the site file's INFO log (its notes on languages)."""
    (line,) = (line for line in done.stderr.splitlines() if " INFO " not in line)
    return line


READ_ONLY = [
    ("report",),
    ("report", "--csv", "--by", "week"),
    ("device", "list"),
    ("user", "list"),
    ("backup", "copy.sqlite3"),
]


@pytest.mark.parametrize("command", READ_ONLY)
def test_a_read_only_command_makes_no_database(
    command: tuple[str, ...], site_file: Path, tmp_path: Path
) -> None:
    """A wrong data dir or --database-url: one line naming the path, exit 2, nothing made."""
    data = tmp_path / "data"
    done = run(*command, "--config", str(site_file))
    assert (done.returncode, done.stdout) == (2, "")
    assert said(done) == (
        f"aufruf: error: there is no database at {data / 'aufruf.sqlite3'}; point at the "
        "hub's with --config (its site file) or --database-url"
    )
    assert not data.exists()
    elsewhere = tmp_path / "typo" / "hub.sqlite3"
    done = run(*command, "--config", str(site_file), "--database-url", f"sqlite:///{elsewhere}")
    assert done.returncode == 2
    assert said(done).startswith(f"aufruf: error: there is no database at {elsewhere};")
    assert not elsewhere.parent.exists()


@pytest.mark.parametrize("command", [c for c in READ_ONLY if c[0] != "backup"])
def test_a_database_without_our_tables_is_not_migrated(
    command: tuple[str, ...], site_file: Path, tmp_path: Path
) -> None:
    empty = tmp_path / "empty.sqlite3"
    empty.touch()
    not_one = tmp_path / "office.toml"  # a site file given as the database
    for url, message in (
        (f"sqlite:///{empty}", f"the database sqlite:///{empty} has no Aufruf tables; point at"),
        (f"sqlite:///{not_one}", f"cannot read the database sqlite:///{not_one}: file is not"),
    ):
        done = run(*command, "--config", str(site_file), "--database-url", url)
        assert (done.returncode, done.stdout) == (2, ""), done.stderr
        assert said(done).startswith(f"aufruf: error: {message}")
    engine = create_engine_for(f"sqlite:///{empty}")
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT name FROM sqlite_master").all() == []
    engine.dispose()


@pytest.mark.postgres
@pytest.mark.parametrize("command", [c for c in READ_ONLY if c[0] != "backup"])
def test_a_postgresql_database_without_our_tables_is_refused(
    command: tuple[str, ...], site_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    require_postgres()
    with fresh_schema("readonly") as url:
        code, out, err = aufruf(capsys, *command, "--config", str(site_file), "--database-url", url)
        assert (code, out) == (2, "")
        assert err.startswith("aufruf: error: the database postgresql+psycopg://")
        assert "has no Aufruf tables; point at the hub's with --config" in err
        engine = create_engine_for(url)
        with engine.connect() as conn:
            tables = conn.exec_driver_sql(
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_schema = current_schema()"
            ).all()
        engine.dispose()
    assert tables == []
