"""Office alerts and the staff alarm made audible through the shared `QtSoundQueue`.

A new alert queues its sound once (`counter.sounds.sound_for`); an alarm nobody has
acknowledged is sounded again every `REMIND_SECONDS`; once acknowledged (the hub's event
removes it) the reminder stops and an alarm sound still waiting in the queue is dropped.
"""

from __future__ import annotations

import logging
from collections import deque
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, QTimer

from counter.model import CounterModel
from counter.sounds import ALARM, REMIND_SECONDS, open_alarms, sound_for
from counter.state import Alert, ViewState

log = logging.getLogger(__name__)


class SoundQueue(Protocol):
    """Plays WAV files one after another (`shared.qt.sound.QtSoundQueue`)."""

    def enqueue(self, path: Path) -> object:
        """Queue a WAV file behind the others."""
        ...

    def clear(self) -> None:
        """Drop the clips still waiting."""
        ...


class QtAlertSounds(QObject):
    """Sounds the model's new alerts; reminds of open alarms until they are acknowledged."""

    def __init__(
        self,
        model: CounterModel,
        sounds: SoundQueue,
        *,
        remind_seconds: float = REMIND_SECONDS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.sounds = sounds
        self.queued: deque[Path] = deque(maxlen=100)
        """The sounds queued lately, in order."""
        self._alarms: frozenset[int] = frozenset()
        self.reminder = QTimer(self)
        self.reminder.setInterval(max(1, round(remind_seconds * 1000)))
        self.reminder.timeout.connect(self._remind)
        model.alert_raised.connect(self._raised)
        model.changed.connect(self._changed)

    def _raised(self, alert: Alert) -> None:
        log.info("office alert: %s", alert.kind)
        self._play(sound_for(alert))

    def _changed(self, state: ViewState) -> None:
        alarms = open_alarms(state)
        if alarms == self._alarms:
            return
        self._alarms = alarms
        if alarms and not self.reminder.isActive():
            self.reminder.start()
        elif not alarms:
            self.reminder.stop()
            self.sounds.clear()  # acknowledged: an alarm still waiting is not played

    def _remind(self) -> None:
        if self._alarms:
            self._play(ALARM)

    def _play(self, path: Path) -> None:
        self.queued.append(path)
        self.sounds.enqueue(path)

    def stop(self) -> None:
        """No more reminders (the app stops)."""
        self.reminder.stop()
