"""The counter's staff sounds and when they play (Qt-free): the help alarm and the notice.

`alarm.wav` and `notice.wav` are made by `make_sounds.py` (deterministic; a test checks the
shipped files). An alarm at another counter plays `alarm.wav` once when it comes, and again
every `REMIND_SECONDS` while nobody has acknowledged it; every other office alert plays
`notice.wav` once. Nothing of this reaches a public display.
"""

from __future__ import annotations

from pathlib import Path

from counter.state import Alert, AlertKind, ViewState

__all__ = ["ALARM", "NOTICE", "REMIND_SECONDS", "open_alarms", "sound_for"]

ALARM = Path(__file__).with_name("alarm.wav")
NOTICE = Path(__file__).with_name("notice.wav")
REMIND_SECONDS = 60.0
"""An open alarm is sounded again this often until someone acknowledges it."""


def sound_for(alert: Alert) -> Path:
    """The sound of a new office alert."""
    return ALARM if alert.kind is AlertKind.ALARM else NOTICE


def open_alarms(state: ViewState) -> frozenset[int]:
    """The alarms at other counters nobody has acknowledged yet."""
    return frozenset(a.alarm_id for a in state.alerts if a.alarm_id is not None)
