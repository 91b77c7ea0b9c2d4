"""A display with a sample board, for the screenshots and the size tests (no hub)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

from display.model import DisplayModel
from display.qt.window import QtDisplayWindow
from shared.display_setup import CounterPlace, DisplaySetup, InfoTexts
from shared.protocol import PublicCall, PublicClear, PublicSnapshot

AT = datetime(2026, 11, 23, 9, 14, tzinfo=UTC)
LANDSCAPE = QSize(1920, 1080)
PORTRAIT = QSize(1080, 1920)
INFO = (
    InfoTexts(language="de", texts=("Bitte halten Sie Ihren Reisepass bereit.",)),
    InfoTexts(language="en", texts=("Please have your passport ready.",)),
    InfoTexts(language="ar", texts=("يرجى تجهيز جواز سفرك.",)),
    InfoTexts(language="uk", texts=("Будь ласка, підготуйте свій паспорт.",)),
)
SETUP = DisplaySetup(
    display_id="foyer",
    name="Ausländerbehörde Musterstadt · Foyer",
    site_name="Ausländerbehörde Musterstadt",
    timezone="Europe/Berlin",
    counters=(CounterPlace(id="s05", name="Schalter 5", floor="1. OG", room="Raum 1.05"),),
    info_seconds=8,
    info=INFO,
)
CALLS = (
    ("A038", "s03", "Schalter 3", "1. OG", "Raum 1.03", "↑ Treppe A"),
    ("E012", "s02", "Schalter 2", "Erdgeschoss", "Raum 0.14", "← links"),
    ("K007", "empfang", "Empfang", "Erdgeschoss", "Eingang", "→ rechts"),
    ("B015", "s06", "Schalter 6", "1. OG", "Raum 1.06", "↑ Treppe A"),
    ("N021", "s05", "Schalter 5", "1. OG", "Raum 1.05", "↑ Treppe A"),
    ("A042", "s04", "Schalter 4", "1. OG", "Raum 1.04", "↑ Treppe A"),
)


def sample_call(seq: int, row: tuple[str, str, str, str, str, str]) -> PublicCall:
    """A public call of the sample office."""
    number, counter, name, floor, room, direction = row
    return PublicCall(
        seq=seq,
        at=AT + timedelta(minutes=seq),
        number=number,
        counter_id=counter,
        counter_name=name,
        location=f"{floor}, {room}",
        floor=floor,
        room=room,
        direction=direction,
        language="ar",
        waiting=17,
    )


class SampleDisplay:
    """A model and window with the sample setup; `call_some()` fills the board."""

    def __init__(self, size: QSize = LANDSCAPE) -> None:
        self.model = DisplayModel()
        self.model.set_setup(SETUP)
        self.model.connection_changed(online=True, now=0)
        self.model.receive(PublicSnapshot(seq=0, at=AT, calls=(), waiting=17), 0)
        self.window = QtDisplayWindow()
        self.window.resize(size)
        self.window.show()

    def call_some(self, now: float = 100.0) -> None:
        """Six calls, two of them already served (in the history), the last one newest."""
        for seq, row in enumerate(CALLS[:2], start=1):
            self.model.receive(sample_call(seq, row), now - 60)
        for seq, row in enumerate(CALLS[:2], start=3):
            self.model.receive(PublicClear(seq=seq, at=AT, number=row[0], counter_id=row[1]), now)
        for seq, row in enumerate(CALLS[2:], start=5):
            self.model.receive(sample_call(seq, row), now)

    def show(self, now: float) -> None:
        """Render the model at `now` and let Qt paint."""
        self.window.show_state(self.model.view_state(now))
        QApplication.processEvents()
