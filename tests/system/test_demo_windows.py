"""`aufruf demo --windows`: the real apps as windows, offscreen for an office hour."""

from __future__ import annotations

import os
import re
import sqlite3
from collections import Counter
from contextlib import closing
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from shared.speech import voice_for
from tests.demo_office import SHOWN, Demo, blank_shots, demo

pytestmark = pytest.mark.slow

WINDOWS = ("kiosk", "counter-1", "counter-2", "display", "display-portrait")
DISPLAYS = ("display", "display-portrait")
SPEED = 120  # an office hour is 30 s
ISSUED = re.compile(r"^kiosk: ticket (\S+) issued$")
CHECKED_IN = re.compile(r"^kiosk: check-in (\S+) as (\S+)$")
REFUSED = re.compile(r"^kiosk: check-in (\S+) refused \((too_early|too_late)\)$")
CALLED = re.compile(r"^(\S+): calls (\S+)$")
WAITS = re.compile(r"^(\S+): at (\S+) waiting (.+)$")
ANNOUNCED = re.compile(r"^display (\S+): (\S+) announced \((chime|no chime), (\d+) spoken\)$")
SHOT = re.compile(r"^screenshot (.+)-(\d{3})\.png$")


def _shots(running: Demo) -> Counter[str]:
    return Counter(Path(m[1]).name for m in running.matches(SHOT))


def _every_call_shown_and_announced(running: Demo) -> bool:
    shown = {(m[1], m[2]) for m in running.matches(SHOWN)}
    announced = {(m[1], m[2]) for m in running.matches(ANNOUNCED)}
    displays = [name for name in list(running.placed()) if name in DISPLAYS]
    wanted = {(display, m[2]) for m in running.matches(CALLED) for display in displays}
    return wanted <= shown and wanted <= announced


def _a_check_in_called(running: Demo) -> bool:
    called = {m[2] for m in running.matches(CALLED)}
    return any(m[2] in called for m in running.matches(CHECKED_IN))


def test_the_offscreen_office_runs_an_hour_calls_each_ticket_once_and_shows_every_call(
    tmp_path: Path,
) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    with demo(tmp_path, env, SPEED) as running:
        running.wait("the windows placed", lambda: list(running.placed()))
        # Offscreen the windows are laid out on a large screen: all five fit.
        assert list(running.placed()) == [*WINDOWS], running.log()
        # An office hour has passed when every window has saved its second half-hour shot.
        running.wait("two screenshots of each window", lambda: _hour_passed(running))
        running.wait("a call", lambda: running.matches(CALLED))
        running.wait("a checked-in visitor called", lambda: _a_check_in_called(running))
        running.wait(
            "every call shown and announced on both displays",
            lambda: _every_call_shown_and_announced(running),
        )
        # The half-hour shots; each window saves one more as it stops.
        timed = {Path(m[1]).name: int(m[2]) for m in running.matches(SHOT)}
    log = running.log()
    assert "Traceback" not in log, log
    issued = [m[1] for m in running.matches(ISSUED)]
    called = [m[2] for m in running.matches(CALLED)]
    assert issued, log
    assert len(called) == len(set(called)), f"a ticket was called twice:\n{log}"
    assert set(called) <= set(issued), log
    database = tmp_path / "aufruf" / "demo" / "aufruf.sqlite3"
    with closing(sqlite3.connect(database)) as conn:
        status = dict(conn.execute("SELECT number, status FROM tickets").fetchall())
        booked = dict(
            conn.execute(
                "SELECT a.number, t.number FROM appointments a JOIN tickets t"
                " ON t.appointment_id = a.id"
            ).fetchall()
        )
        times = {
            number: (_utc(called_at), _utc(since))
            for number, called_at, since in conn.execute(
                "SELECT number, called_at, COALESCE(queued_at, created_at) FROM tickets"
            )
        }
    for number in set(issued) - set(called):
        assert status[number] in ("waiting", "called"), (number, status[number])
    # Check-ins went through the kiosk's own check-in: the hub made the booking's ticket.
    checked_in = {m[1]: m[2] for m in running.matches(CHECKED_IN)}
    assert checked_in, log
    assert all(booked.get(letter) == ticket for letter, ticket in checked_in.items()), log
    assert not {m[1] for m in running.matches(REFUSED)} & set(booked), log
    _the_counters_show_the_hubs_waits(running, times)
    _every_announcement_spoken(running)
    tickets = sorted((tmp_path / "out" / "tickets").glob("job-*.png"))
    assert len(tickets) >= len(issued) - 1, log  # the last may still be printing at the stop
    shots = sorted((tmp_path / "out" / "screenshots").glob("*.png"))
    by_window: dict[str, list[Path]] = {}
    for shot in shots:
        by_window.setdefault(shot.stem.rsplit("-", 1)[0], []).append(shot)
    assert len(by_window) == len(WINDOWS), sorted(by_window)
    pictures: set[bytes] = set()
    # None is blank, the ones saved at the stop neither (one caught the kiosk half way
    # through switching screens: one colour).
    assert blank_shots(tmp_path / "out") == []
    for window, files in by_window.items():
        shots_of_hour = [f for f in files if int(f.stem.rsplit("-", 1)[1]) <= timed[window]]
        assert len(shots_of_hour) >= 2, window
        mine = {f.read_bytes() for f in shots_of_hour}
        # A wall display shows the time and the calls; a counter or the kiosk may rightly be
        # idle at both half hours (a counter that served someone in between, the start page).
        assert window not in DISPLAYS or len(mine) > 1, f"{window}'s screenshots are all alike"
        pictures |= mine
    assert len(pictures) > len(by_window), "the office's screenshots do not change"


def _utc(text: str | None) -> datetime | None:
    return datetime.fromisoformat(f"{text}+00:00") if text else None


def _the_counters_show_the_hubs_waits(
    running: Demo, times: dict[str, tuple[datetime | None, datetime | None]]
) -> None:
    """At each call the counter's clock says the hub's time (the call was a moment ago) and
    each wait in its list is the hub's: minutes since the ticket began to wait."""
    called: dict[str, str] = {}
    checked = 0
    for line in running.lines:
        if match := CALLED.match(line):
            called[match[1]] = match[2]
        elif (match := WAITS.match(line)) and match[1] in called:
            at = datetime.fromisoformat(match[2])
            called_at = times[called[match[1]]][0]
            assert called_at is not None, line
            # The clerk looks up 30-60 office seconds after the call; the rest is load.
            assert timedelta(0) <= at - called_at <= timedelta(minutes=20), (line, called_at)
            for entry in filter(None, match[3].split(", ")):
                if entry == "-":
                    continue
                number, shown = entry.rsplit(" ", 1)
                since = times[number][1]
                assert since is not None, entry
                hub = max((at - since).total_seconds() / 60, 0)
                assert abs(int(shown) - hub) <= 1, (line, entry, hub)
            checked += 1
    assert checked, running.log()


def _every_announcement_spoken(running: Demo) -> None:
    """With a German voice (CI installs espeak-ng) each announcement has a spoken sentence."""
    announced = running.matches(ANNOUNCED)
    assert announced, running.log()
    assert all(m[3] == "chime" for m in announced), running.log()
    if voice_for("de") is not None:
        assert all(int(m[4]) >= 1 for m in announced), running.log()


def _hour_passed(running: Demo) -> bool:
    names = {m[1] for m in running.matches(SHOT) if int(m[2]) >= 2}
    return len(names) >= len(WINDOWS)
