"""Contrast of every colour pair and size of every touch target at the default screen."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel

from kiosk.palette import COLOURS, PAIRS, Screen, contrast, min_target_px
from kiosk.qt.concerns import QtConcernsScreen
from kiosk.qt.sample import EXAMPLE, SampleKiosk, reset, scenes
from kiosk.qt.style import style_sheet
from kiosk.way import Screen as KioskScreen
from shared.config import load_config
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


@pytest.mark.qt_log_ignore("propagateSizeHints")
@pytest.mark.parametrize("large", [False, True])
def test_every_concern_and_its_documents_fit_in_every_site_language(qapp: Any, large: bool) -> None:
    """The example office's names, explanations and documents, in each of its languages, in
    normal and large text: no button or list cut (Russian and Ukrainian were, before shorter
    explanations)."""
    sample = SampleKiosk()
    site = load_config(EXAMPLE)
    try:
        for lang in site.site.languages:
            reset(sample)
            if sample.model.view_state().large_text != large:
                sample.model.toggle_large_text()
            scenes(sample, lang)["concerns"]()
            QApplication.processEvents()
            concerns = sample.window.screens[KioskScreen.CONCERNS]
            assert isinstance(concerns, QtConcernsScreen)
            assert len(concerns.buttons) == 8, lang
            for service_id, button in concerns.buttons.items():
                label = button.label
                needed = label.heightForWidth(label.width())
                assert needed <= label.height(), (lang, service_id, label.text())
            for service_id in list(concerns.buttons):
                reset(sample)
                if sample.model.view_state().large_text != large:
                    sample.model.toggle_large_text()
                scenes(sample, lang)["concerns"]()
                sample.model.choose_concern(service_id)
                QApplication.processEvents()
                documents = sample.window.screens[KioskScreen.DOCUMENTS]
                for label in documents.findChildren(QLabel):
                    if label.isVisible() and label.wordWrap():
                        needed = label.heightForWidth(label.width())
                        assert needed <= label.height() + 1, (lang, service_id, label.text())
    finally:
        sample.translations.switch("en")
        sample.window.close()
        sample.window.deleteLater()
