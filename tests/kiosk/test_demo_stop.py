"""The demo kiosk's last screenshot as it stops: a stop signal that comes while the window is
half way through switching screens (the old page hidden, the new one not yet shown: a grab
then is one colour) still saves the whole new screen, and one more signal saves nothing more."""

from __future__ import annotations

import argparse
import os
import signal
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PIL import Image
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

from kiosk.qt.sample import SampleKiosk
from kiosk.qt.screen import QtScreen
from kiosk.way import Screen
from shared.qt.showcase import Showcase, stop_on_signals

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def colours(path: Path) -> int:
    """How many colours a saved picture has."""
    with Image.open(path) as image:
        found = image.convert("RGB").getcolors(maxcolors=1_000_000)
    return 1_000_000 if found is None else len(found)


class _StopMidSwitch(QObject):
    """An app-wide event filter (Python code on every event, as the kiosk app has): as the
    next screen is being shown, Ctrl-C and then the demo's SIGTERM arrive."""

    def __init__(self) -> None:
        super().__init__()
        self.sent = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        """Send both signals once, from inside the switch."""
        shown = event.type() == QEvent.Type.Show and isinstance(watched, QtScreen)
        if shown and not self.sent:
            self.sent = True
            os.kill(os.getpid(), signal.SIGINT)  # the handler runs here, mid-switch
            os.kill(os.getpid(), signal.SIGTERM)
        return False


@pytest.mark.usefixtures("handlers_kept")
def test_a_stop_during_a_screen_switch_saves_the_whole_next_screen_once(
    qtbot: QtBot, tmp_path: Path
) -> None:
    sample = SampleKiosk()
    window = sample.window
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    args = argparse.Namespace(geometry=None, place=None, shots=tmp_path, shot_every=3600.0)
    showcase = Showcase(window, "kiosk", args)
    stopped: list[bool] = []
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    wake = stop_on_signals(app, lambda: stopped.append(True), showcase)
    switch = _StopMidSwitch()
    app.installEventFilter(switch)
    try:
        sample.model.choose_language("de")  # the start page → the way screen
        assert switch.sent
        qtbot.waitUntil(lambda: bool(stopped))
        os.kill(os.getpid(), signal.SIGTERM)  # once more, later: nothing more
        qtbot.wait(300)  # signals come in a moment; a second stop would come at once
    finally:
        app.removeEventFilter(switch)
        wake.stop()
    assert stopped == [True]
    shots = sorted(tmp_path.glob("kiosk-*.png"))
    assert [p.name for p in shots] == ["kiosk-001.png"]
    assert sample.model.view_state().screen is Screen.WAY
    assert colours(shots[0]) > 10
    assert shots[0].read_bytes() == _saved(window, tmp_path / "now.png").read_bytes()


def _saved(window: object, path: Path) -> Path:
    window.grab().save(str(path))  # type: ignore[attr-defined]
    return path
