"""Every kiosk language has every string, finished, with its placeholders; the .qm files load."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import PySide6
import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication

from kiosk.qt import texts
from kiosk.qt.app import I18N_DIR
from shared.languages import KIOSK_LANGUAGES
from shared.qt.translations import QtTranslations

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ("kiosk/qt/texts.py", "shared/qt/banner.py")
CODES = [lang.code for lang in KIOSK_LANGUAGES]


def _messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(path).getroot()
    return {
        (context.findtext("name", ""), message.findtext("source", "")): message
        for context in root.iter("context")
        for message in context.iter("message")
    }


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> set[tuple[str, str]]:
    """The strings the code asks Qt to translate, as lupdate finds them now."""
    target = tmp_path_factory.mktemp("lupdate") / "now.ts"
    lupdate = Path(PySide6.__file__).parent / "lupdate"
    subprocess.run(
        [str(lupdate), "-silent", "-locations", "none", *SOURCES, "-ts", str(target)],
        cwd=ROOT,
        check=True,
    )
    return set(_messages(target))


@pytest.mark.parametrize("code", CODES)
def test_language_has_every_string_finished(code: str, extracted: set[tuple[str, str]]) -> None:
    path = I18N_DIR / f"kiosk_{code}.ts"
    assert path.exists(), f"{path.name} is missing"
    messages = _messages(path)
    assert set(messages) == extracted, "run pyside6-lupdate and translate the new strings"
    for (context, source), message in messages.items():
        translation = message.find("translation")
        assert translation is not None
        where = f"{code}: {context}: {source!r}"
        assert translation.get("type") is None, f"{where} is {translation.get('type')}"
        assert (translation.text or "").strip(), f"{where} is empty"
        assert ("{0}" in source) == ("{0}" in (translation.text or "")), f"{where} lost {{0}}"


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
