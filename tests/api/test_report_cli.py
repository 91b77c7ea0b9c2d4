"""`aufruf report`: the real command on a real SQLite file (and PostgreSQL), and a real hub."""

from __future__ import annotations

import csv
import io
import re
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import pytest

from server.app import ServerOptions
from server.cli import build_parser, execute
from server.store import create_engine_for, migrate
from shared.clock import FakeClock
from tests.api.conftest import start_hub
from tests.pg import fresh_schema, require_postgres
from tests.report_rows import office_history

if TYPE_CHECKING:
    from tests.api.conftest import Hub, Template

AUFRUF = str(Path(sys.executable).with_name("aufruf"))
RANGE = ("--from", "2026-11-02", "--to", "2026-11-10")
EVERY = ["13", "8", "5", "11", "10", "1", "2", "25.0", "65.0", "70.0", "63.6 %", "81.8 %"]
EVERY_REST = ["6.5", "5.0", "20.0"]  # at the counter, appointments late: median, p90


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([AUFRUF, *args], capture_output=True, text=True, timeout=60, check=False)


@pytest.fixture
def office(config_path: Path, tmp_path: Path) -> Path:
    """The test site file, its data dir's SQLite file holding `office_history`."""
    data = tmp_path / "data"
    config_path.write_text(
        config_path.read_text().replace("[server]\n", f'[server]\ndata_dir = "{data}"\n')
    )
    engine = create_engine_for(None, data)
    migrate(engine)
    office_history(engine)
    engine.dispose()
    return config_path


def cells(line: str) -> list[str]:
    """The cells of a line of the text table (two or more spaces apart)."""
    return re.split(r"\s{2,}", line.strip())


def test_the_text_table_in_english(office: Path) -> None:
    done = run("report", "--config", str(office), *RANGE, "--lang", "en")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert (
        lines[0]
        == "Testamt: tickets and waits, 2026-11-02 to 2026-11-10 (site-local days), by total"
    )
    assert lines[2] == "2026-11-02 to 2026-11-10"
    assert cells(lines[3])[:3] == ["service", "issued", "walk-in"]
    rows = {cells(line)[0]: cells(line)[1:] for line in lines[4:9]}
    assert list(rows) == ["General", "Passport", "Emergency", "old_service", "all services"]
    assert rows["all services"] == EVERY + EVERY_REST
    assert rows["Emergency"] == ["0"] * 7 + ["–"] * 8  # nothing: zeros and dashes, no error
    assert rows["old_service"][:7] == ["1", "1", "0", "0", "0", "0", "1"]  # shown by its id
    assert "fewer than 5 values" in done.stdout
    assert "T001" not in done.stdout  # no ticket number, ever


def test_the_text_table_in_the_sites_first_language(office: Path) -> None:
    """The test site's languages are de, en, ar: German names, headers, legend, decimal comma."""
    done = run("report", "--config", str(office), *RANGE)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == (
        "Testamt: Tickets und Wartezeiten, 2026-11-02 bis 2026-11-10 (Tage nach Ortszeit), gesamt"
    )
    assert lines[2] == "2026-11-02 bis 2026-11-10"
    assert cells(lines[3])[:4] == ["Anliegen", "ausgegeben", "ohne Termin", "Termin"]
    rows = {cells(line)[0]: cells(line)[1:] for line in lines[4:9]}
    assert list(rows) == ["Allgemein", "Pass", "Notfall", "old_service", "alle Anliegen"]
    german = [cell.replace(".", ",") for cell in EVERY + EVERY_REST]
    assert rows["alle Anliegen"] == german
    assert "weniger als 5 Werte" in done.stdout
    assert "wait" not in done.stdout


def test_another_language_of_the_site_and_one_it_has_not(office: Path) -> None:
    arabic = run("report", "--config", str(office), *RANGE, "--lang", "ar")
    assert arabic.returncode == 0, arabic.stderr
    lines = arabic.stdout.splitlines()
    assert cells(lines[3])[:2] == ["service", "issued"]  # headers and legend: English
    # no Arabic names in the test site: English, as the kiosk shows them (in_language)
    assert [cells(line)[0] for line in lines[4:9]] == [
        "General",
        "Passport",
        "Emergency",
        "old_service",
        "all services",
    ]
    for code in ("fr", "DE", ""):
        done = run("report", "--config", str(office), *RANGE, "--lang", code)
        assert (done.returncode, done.stdout) == (2, "")
        assert done.stderr.splitlines()[-1] == (
            f"aufruf: error: --lang {code!r} is not a language of the site; "
            "its languages: de, en, ar"
        )


def test_weeks_as_csv(office: Path) -> None:
    done = run("report", "--config", str(office), *RANGE, "--by", "week", "--csv")
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert len(rows) == 2 * 5
    assert [(r["period"], r["from"], r["to"]) for r in rows[::5]] == [
        ("2026-W45", "2026-11-02", "2026-11-08"),
        ("2026-W46", "2026-11-09", "2026-11-10"),
    ]
    monday_week = {r["service_id"]: r for r in rows[:5]}
    assert monday_week["passport"]["service"] == "Pass"  # the site's first language, de
    assert monday_week["passport"]["appointment_late_median_min"] == "5.0"  # a point, always
    assert monday_week["passport"]["waits_within_30_min_pct"] == "60.0"
    assert monday_week[""]["service"] == "alle Anliegen"
    assert monday_week[""]["issued"] == "12"
    second = {r["service_id"]: r for r in rows[5:]}
    assert second["old_service"]["never_called"] == "1"
    assert second["old_service"]["wait_median_min"] == ""  # no wait: an empty cell


def test_bad_input_is_one_line_and_exit_2(office: Path) -> None:
    for args, message in (
        (("--from", "2026-11-31"), "aufruf: error: --from '2026-11-31' is not a date (YYYY-MM-DD)"),
        (("--to", "yesterday"), "aufruf: error: --to 'yesterday' is not a date (YYYY-MM-DD)"),
        (
            ("--from", "2026-11-10", "--to", "2026-11-02"),
            "aufruf: error: --from 2026-11-10 is after --to 2026-11-02",
        ),
    ):
        done = run("report", "--config", str(office), *args)
        assert done.returncode == 2
        assert done.stdout == ""
        assert done.stderr.strip() == message
    missing = run("report", "--config", str(office.with_name("nope.toml")))
    assert missing.returncode == 2
    assert "Traceback" not in missing.stderr


def aufruf(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    """Run `aufruf` in this process; its exit code and stdout."""
    code = execute(build_parser().parse_args(args))
    return code, capsys.readouterr().out


def test_defaults_are_the_month_so_far(office: Path, capsys: pytest.CaptureFixture[str]) -> None:
    today = datetime.now(ZoneInfo("Europe/Berlin")).date()
    code, out = aufruf(capsys, "report", "--config", str(office))
    assert code == 0
    assert f"{today.replace(day=1)} bis {today} (Tage nach Ortszeit), gesamt" in out.splitlines()[0]
    code, out = aufruf(capsys, "report", "--config", str(office), "--to", "2026-11-10", "--csv")
    assert code == 0
    every = list(csv.DictReader(io.StringIO(out)))[-1]
    assert (every["from"], every["to"], every["issued"]) == ("2026-11-01", "2026-11-10", "14")


@pytest.mark.postgres
def test_the_report_on_postgresql(config_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    require_postgres()
    with fresh_schema("report") as url:
        engine = create_engine_for(url)
        migrate(engine)
        office_history(engine)
        engine.dispose()
        code, out = aufruf(
            capsys, "report", "--config", str(config_path), "--database-url", url, *RANGE
        )
    assert code == 0
    every = next(line for line in out.splitlines() if line.startswith("alle Anliegen"))
    assert cells(every)[1:] == [cell.replace(".", ",") for cell in EVERY + EVERY_REST]


@pytest.fixture
def clocked_hub(tmp_path: Path, template: Template) -> Iterator[tuple[Hub, FakeClock]]:
    """A hub whose clock the test moves (kept clear of midnight in Berlin)."""
    now = datetime.now(UTC)
    if now.astimezone(ZoneInfo("Europe/Berlin")).hour >= 21:
        now -= timedelta(hours=4)
    clock = FakeClock(now)
    options = ServerOptions(tickets_per_minute_per_kiosk=600, heartbeat_seconds=0.3)
    hub = start_hub(tmp_path, template, options, clock=clock)
    yield hub, clock
    hub.stop()


def test_todays_report_agrees_with_the_supervisor(
    clocked_hub: tuple[Hub, FakeClock],
    config_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    hub, clock = clocked_hub
    with hub.client("clerk") as clerk:
        assert clerk.post("/counters/c1/open").status_code == 200
        for i, wait in enumerate((3, 7, 12, 20, 33, 45)):
            hub.issue("passport" if i % 2 else "general")
            clock.advance(timedelta(minutes=wait))
            tid = clerk.post("/counters/c1/call-next").json()["ticket"]["id"]
            if i == 2:
                assert clerk.post(f"/tickets/{tid}/no-show").status_code == 200
                continue
            assert clerk.post(f"/tickets/{tid}/start").status_code == 200
            clock.advance(timedelta(minutes=5))
            assert clerk.post(f"/tickets/{tid}/finish").status_code == 200
        hub.issue()  # still waiting
    with hub.client("supervisor") as boss:
        figures = boss.get("/supervisor").json()["figures"]
    day = figures["day"]
    code, out = aufruf(
        capsys,
        "report",
        "--config",
        str(config_path),
        "--database-url",
        f"sqlite:///{tmp_path / 'hub.sqlite3'}",
        "--from",
        day,
        "--to",
        day,
        "--csv",
    )
    assert code == 0
    every = list(csv.DictReader(io.StringIO(out)))[-1]
    assert every["service"] == "alle Anliegen"
    assert (
        {
            "tickets": int(every["issued"]),
            "called": int(every["called"]),
            "done": int(every["served"]),
            "no_shows": int(every["no_show"]),
            "median_wait_minutes": float(every["wait_median_min"]),
            "p90_wait_minutes": float(every["wait_p90_min"]),
            "longest_wait_minutes": float(every["wait_longest_min"]),
        }
        == {
            key: figures[key]
            for key in (
                "tickets",
                "called",
                "done",
                "no_shows",
                "median_wait_minutes",
                "p90_wait_minutes",
                "longest_wait_minutes",
            )
        }
        == {
            "tickets": 7,
            "called": 6,
            "done": 5,
            "no_shows": 1,
            "median_wait_minutes": 16.0,  # 3 7 [12 20] 33 45
            "p90_wait_minutes": 45.0,
            "longest_wait_minutes": 45.0,
        }
    )
    assert int(every["never_called"]) == figures["waiting"] == 1


def test_a_reader_gone_from_the_pipe_is_no_traceback(office: Path) -> None:
    year = ("--from", "2026-01-01", "--to", "2026-12-31", "--by", "day")  # ~0.5 MB of text
    child = subprocess.Popen(
        [AUFRUF, "report", "--config", str(office), *year],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    child.stdout.close()  # as `| head` does, long before the report is written
    _, err = child.communicate(timeout=60)
    assert child.returncode == 1
    assert "Traceback" not in err
    assert "Exception ignored" not in err
