"""Every kiosk language has every string, finished, with its placeholders; the .qm files load."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication

from kiosk.qt import texts
from kiosk.qt.app import I18N_DIR
from shared.languages import KIOSK_LANGUAGES
from shared.qt.translations import QtTranslations
from shared.refusal import Refusal
from tests.ts_files import assert_every_string_finished, extract

SOURCES = ("kiosk/qt/texts.py", "shared/qt/banner.py")
CODES = [lang.code for lang in KIOSK_LANGUAGES]


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> set[tuple[str, str]]:
    """The strings the code asks Qt to translate, as lupdate finds them now."""
    return extract(SOURCES, tmp_path_factory.mktemp("lupdate"))


@pytest.mark.parametrize("code", CODES)
def test_language_has_every_string_finished(code: str, extracted: set[tuple[str, str]]) -> None:
    assert_every_string_finished(I18N_DIR / f"kiosk_{code}.ts", extracted)


@pytest.mark.expect_log("shared.qt.translations", "no translation")
def test_compiled_files_switch_language_and_direction(qapp: Any) -> None:
    translations = QtTranslations(I18N_DIR, "kiosk")
    assert translations.available() == sorted(CODES), "pip install -e . compiles the .ts files"
    try:
        assert translations.switch("de")
        assert texts.print_ticket() == "Nummer drucken"
        assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight
        assert translations.switch("ar")
        assert texts.print_ticket() == "اطبع الرقم"
        assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert texts.wait_minutes(35) == "وقت الانتظار: حوالي 35 دقيقة."
        assert not translations.switch("xx")  # no such file: the source texts
        assert QCoreApplication.translate("kiosk", "Print ticket") == "Print ticket"
    finally:
        translations.switch("en")
        QApplication.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


@pytest.mark.parametrize("code", CODES)
def test_every_refusal_has_its_own_words(qapp: Any, code: str) -> None:
    """No known refusal falls back to the bare 'go to the reception' (not_offered did)."""
    translations = QtTranslations(I18N_DIR, "kiosk")
    try:
        assert translations.switch(code)
        generic = texts.refusal_text(None)
        words = {refusal: texts.refusal_text(refusal) for refusal in Refusal}
        assert generic not in words.values(), code
        assert len(set(words.values())) == len(Refusal), code
    finally:
        translations.switch("en")
        QApplication.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
