"""Contrast of every colour pair and size of every touch target at the default screen."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QAbstractButton

from kiosk.palette import COLOURS, PAIRS, Screen, contrast, min_target_px
from kiosk.qt.style import style_sheet
from tests.kiosk.shots import every_screen


@pytest.mark.parametrize(("text", "background"), PAIRS)
def test_text_contrast_is_aaa(text: str, background: str) -> None:
    assert contrast(COLOURS[text], COLOURS[background]) >= 7.0


def test_the_style_uses_only_palette_colours() -> None:
    sheet = style_sheet(large=False)
    used = {part[:7] for part in sheet.split() if part.startswith("#") and len(part) >= 7}
    assert used <= {colour.upper() for colour in COLOURS.values()} | set(COLOURS.values())
    assert ":hover" not in sheet  # no hover-only cues on a touch screen


def test_contrast_formula() -> None:
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)


def test_fifteen_millimetres_on_the_default_screen() -> None:
    assert min_target_px() == 61  # 21.5", 1920 x 1080: 4.03 px/mm
    assert min_target_px(Screen(15.6, 1366, 768)) == 60


@pytest.mark.qt_log_ignore("propagateSizeHints")
@pytest.mark.parametrize("large", [False, True])
@pytest.mark.parametrize("lang", ["de", "ar", "ti", "uk"])
def test_every_touch_target_is_large_enough(qapp: Any, large: bool, lang: str) -> None:
    least = min_target_px()
    for name, window in every_screen(large=large, lang=lang):
        assert (window.width(), window.height()) == (1920, 1080), f"{name} does not fit"
        buttons = [b for b in window.findChildren(QAbstractButton) if b.isVisible()]
        assert buttons, name
        for button in buttons:
            size = button.size()
            label = f"{name}: {button.text()!r} is {size.width()}x{size.height()}"
            assert size.width() >= least, label
            assert size.height() >= least, label
