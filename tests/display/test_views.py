"""The display's views: numbers legible from 10 m, landscape and portrait, no idle repaints."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QEvent, QObject, QSize
from PySide6.QtGui import QFontMetrics
from pytestqt.qtbot import QtBot

from display.qt import style
from display.qt.board import HISTORY_TITLE, QtHistoryView
from display.qt.sample import LANDSCAPE, PORTRAIT, SETUP, SampleDisplay


class PaintCounter(QObject):
    """Counts the paint events a widget gets."""

    def __init__(self) -> None:
        super().__init__()
        self.paints = 0

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        """Count, never swallow."""
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False


def _sample(qtbot: QtBot, size: QSize) -> SampleDisplay:
    sample = SampleDisplay(size)
    qtbot.addWidget(sample.window)
    sample.call_some(now=100.0)
    sample.show(101.0)
    return sample


def test_call_numbers_are_at_least_130_px_high_on_1080p(qtbot: QtBot) -> None:
    for size in (LANDSCAPE, PORTRAIT):
        sample = _sample(qtbot, size)
        calls = sample.window.calls
        metrics = QFontMetrics(style.font(calls.number_pixels(), bold=True))
        assert metrics.capHeight() >= 130, size
        assert metrics.horizontalAdvance("W888") <= calls.width() // 2, size
        assert calls.rows == (4 if size == PORTRAIT else 3)


def test_nothing_repaints_without_a_change(qtbot: QtBot) -> None:
    sample = _sample(qtbot, LANDSCAPE)
    sample.show(120.0)  # the highlight is over; the info text of 120-128 s shows
    counters = []
    for widget in (sample.window.calls, sample.window.history, sample.window.info):
        counter = PaintCounter()
        widget.installEventFilter(counter)
        counters.append(counter)
    for now in (120.1, 121.0, 122.5, 127.9):
        sample.show(now)
    assert [c.paints for c in counters] == [0, 0, 0]
    state = sample.model.view_state(122.5)
    sample.model.connection_changed(online=False, now=130.0)
    sample.model.tick(135.0)
    sample.show(135.0)
    assert sample.window.reconnecting.isVisibleTo(sample.window)
    assert state.calls == sample.model.view_state(135.0).calls


def test_the_newest_call_blinks_then_stops(qtbot: QtBot) -> None:
    sample = _sample(qtbot, LANDSCAPE)
    painted: list[int] = []
    sample.window.calls.painted.connect(painted.append)
    sample.show(100.6)  # blink off
    sample.show(101.1)  # blink on
    sample.show(109.0)  # highlight over
    sample.show(110.0)  # nothing changed
    assert len(painted) == 3
    assert sample.model.next_change(110.0) is None or sample.model.next_change(110.0) >= 110.0


def test_the_history_title_fits_a_narrow_board_and_keeps_its_size_on_a_wide_one(
    qtbot: QtBot,
) -> None:
    """On a small window the bilingual title was cut ("… · Prev"): now it fits, in German
    alone where both languages would be too small to read."""
    view = QtHistoryView()
    qtbot.addWidget(view)
    for width in (120, 220, 320, 480):
        view.resize(width, 400)
        font, text = view.title()
        assert QFontMetrics(font).horizontalAdvance(text) <= width - 48
        assert text.startswith(("Zuletzt", "Zul"))
    view.resize(220, 400)
    assert view.title()[1] == "Zuletzt aufgerufen"
    view.resize(700, 900)
    font, text = view.title()
    assert (text, font.pixelSize()) == (HISTORY_TITLE, style.font(int(90 * 0.36)).pixelSize())


def test_the_header_fits_a_narrow_board_beside_the_count_and_the_clock(qtbot: QtBot) -> None:
    """In the demo's 714 x 401 window the header was cut ("Ausländerbehörde Musterstadt · I"):
    now it fits its room, at (nearly) its size, else cut in the middle with "…"; a long
    office or an Arabic place keeps off the count and the clock and moves nothing below;
    1080p stays as it was."""
    office = "Ausländerbehörde der Kreisfreien und Hansestadt Musterstadt an der Weißen Elster"
    names = (SETUP.name, f"{office} · Foyer", "Ausländerbehörde Musterstadt · قاعة الانتظار")
    assert len(office) == 80
    for size in (QSize(714, 401), LANDSCAPE, PORTRAIT):
        sample = _sample(qtbot, size)
        window = sample.window
        unit = min(size.width(), size.height()) / 1080
        full = int((40 if size == PORTRAIT else 52) * unit)
        board = window.calls.geometry()
        for name in names:
            sample.model.set_setup(dataclasses.replace(SETUP, name=name))
            sample.show(101.0)
            title = window.title
            font, text = title.font(), title.text()
            assert QFontMetrics(font).horizontalAdvance(text) <= title.width(), (size, name)
            assert font.pixelSize() >= full * 0.7, (size, name)
            assert text == name or ("…" in text and text.endswith(" · Foyer")), (size, name)
            assert title.geometry().right() < window.clock.geometry().left()
            assert window.calls.geometry() == board  # a smaller title moves nothing below
            if size != PORTRAIT:  # in portrait the count is below the title
                assert title.geometry().right() < window.waiting.geometry().left()
        sample.model.set_setup(SETUP)
        sample.show(101.0)
        assert (window.title.text(), window.title.font().pixelSize()) == (SETUP.name, full)
