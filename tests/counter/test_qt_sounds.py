"""The staff sounds: made by the repo's own script, queued in the shared `QtSoundQueue` (timed
silently: no sound card here) — an alarm once when it comes, reminded while open, silent
once acknowledged; an office alert with the quieter notice; none at the desk that called."""

from __future__ import annotations

import subprocess
import sys
import wave
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from counter.sounds import ALARM, NOTICE
from display.qt.announcer import CHIME
from tests.counter.conftest import QT_NOISE, start_app

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from tests.api.conftest import Hub

pytestmark = pytest.mark.qt_log_ignore(QT_NOISE)


def test_the_script_makes_exactly_the_shipped_sounds(tmp_path: Path) -> None:
    script = ALARM.with_name("make_sounds.py")
    subprocess.run([sys.executable, str(script), str(tmp_path)], check=True, timeout=120)
    for shipped in (ALARM, NOTICE):
        assert (tmp_path / shipped.name).read_bytes() == shipped.read_bytes()
        with wave.open(str(shipped)) as wav:
            seconds = wav.getnframes() / wav.getframerate()
        assert 0.1 < seconds < 1.0  # short: a discreet signal, not a tune
    assert ALARM.read_bytes() != CHIME.read_bytes()  # not the public chime


def _played(app: Any) -> list[Path]:
    """The clips the app's sound queue started, in order."""
    clips: list[Path] = []
    app.sounds.clip_started.connect(lambda clip: clips.append(clip.path))
    return clips


def test_an_alarm_sounds_once_is_reminded_while_open_and_stops_when_acknowledged(
    qtbot: QtBot, hub: Hub, tmp_path: Path
) -> None:
    clerk = start_app(qtbot, hub.base, tmp_path, name="clerk")
    boss = start_app(qtbot, hub.base, tmp_path, user="supervisor", counter="c2", name="boss")
    mine, theirs = _played(clerk), _played(boss)
    clerk.model.raise_alarm()
    qtbot.waitUntil(lambda: theirs == [ALARM], timeout=3000)
    hub.issue("general")  # more events while the alarm is open: no second alarm sound
    qtbot.waitUntil(lambda: clerk.model.view_state().waiting.total == 1)
    qtbot.waitUntil(lambda: boss.model.view_state().office_queue.total == 1)
    assert theirs == [ALARM]
    assert list(boss.alert_sounds.queued) == [ALARM]
    assert mine == []  # the desk that called for help stays silent
    assert boss.alert_sounds.reminder.isActive()

    boss.alert_sounds.reminder.setInterval(200)  # open for long: reminded
    qtbot.waitUntil(lambda: theirs == [ALARM, ALARM], timeout=3000)
    boss.window.desk.ack.click()
    qtbot.waitUntil(lambda: boss.model.view_state().alerts == ())
    assert not boss.alert_sounds.reminder.isActive()  # acknowledged: nothing repeats it
    assert boss.sounds.pending == 0
    reminded = len(theirs)
    hub.issue("general")
    qtbot.waitUntil(lambda: boss.model.view_state().office_queue.total == 2)
    qtbot.waitUntil(lambda: not boss.sounds.busy)
    assert len(theirs) == reminded
    assert mine == []
    clerk.stop()
    boss.stop()


def test_an_office_alert_sounds_the_notice_once(qtbot: QtBot, hub: Hub, tmp_path: Path) -> None:
    app = start_app(qtbot, hub.base, tmp_path)
    played = _played(app)
    hub.issue("urgent", role="clerk", emergency=True)
    qtbot.waitUntil(lambda: played == [NOTICE], timeout=3000)
    hub.issue("general")
    qtbot.waitUntil(lambda: app.model.view_state().waiting.total == 2)
    qtbot.waitUntil(lambda: not app.sounds.busy)
    assert played == [NOTICE]
    assert not app.alert_sounds.reminder.isActive()  # only alarms are reminded
    app.stop()
