"""Fonts: the right Noto family per script, every character covered, a clear error when missing."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from PySide6.QtGui import QFont, QFontMetrics

from hardware.qt.render.fonts import FontMissingError, Script, check_fonts, families_for, script_of
from hardware.texts import LANGUAGES, ticket_texts
from hardware.ticket_sample import sample_ticket

REPO = Path(__file__).resolve().parents[2]


def _printed_strings(language: str) -> list[str]:
    texts = ticket_texts(language)
    ticket = sample_ticket(language, counter="B 12")
    fixed = [v for f in dataclasses.fields(texts) if isinstance(v := getattr(texts, f.name), str)]
    return [
        *fixed,
        texts.wait_line(35),
        texts.counter_line("B 12"),
        texts.format_datetime(ticket.issued_at),
        ticket.office_name,
        ticket.concern,
        *ticket.documents,
        "•",
    ]


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("de", ("Noto Sans",)),
        ("ru", ("Noto Sans",)),
        ("ar", ("Noto Sans Arabic", "Noto Sans")),
        ("fa", ("Noto Sans Arabic", "Noto Sans")),
        ("ti", ("Noto Sans Ethiopic", "Noto Sans")),
        ("zh", ("Noto Sans CJK SC", "Noto Sans")),
    ],
)
def test_each_script_gets_its_noto_family(
    qapp: object, language: str, expected: tuple[str, ...]
) -> None:
    assert qapp is not None
    assert families_for(language) == expected


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_tofu_every_printed_character_is_in_the_chosen_fonts(
    qapp: object, language: str
) -> None:
    assert qapp is not None
    metrics = [QFontMetrics(QFont(family)) for family in families_for(language)]
    missing = {
        ch
        for text in _printed_strings(language)
        for ch in text
        if not ch.isspace()
        and unicodedata.category(ch) != "Cf"  # ZWNJ in Farsi: a joining control, no glyph
        and not any(m.inFontUcs4(ord(ch)) for m in metrics)
    }
    assert not missing, f"{language}: no glyph for {sorted(missing)}"


@pytest.mark.expect_log("hardware", "font missing")
def test_missing_script_font_names_the_debian_package() -> None:
    with pytest.raises(FontMissingError) as caught:
        families_for("zh", available={"Noto Sans", "Noto Sans Arabic"})
    assert caught.value.debian_package == "fonts-noto-cjk"
    assert caught.value.script is Script.HAN_SIMPLIFIED
    assert "apt install fonts-noto-cjk" in str(caught.value)


@pytest.mark.expect_log("hardware", "font missing")
def test_missing_latin_font_names_noto_core() -> None:
    with pytest.raises(FontMissingError, match="apt install fonts-noto-core"):
        check_fonts(["de", "ar"], available={"Noto Sans Arabic", "DejaVu Sans"})


def test_naskh_stands_in_for_sans_arabic() -> None:
    have = {"Noto Sans", "Noto Naskh Arabic"}
    assert families_for("fa", available=have) == ("Noto Naskh Arabic", "Noto Sans")


def test_language_tags_map_to_scripts() -> None:
    assert script_of("ar-SY") is Script.ARABIC
    assert script_of("ps") is Script.ARABIC  # Pashto: Arabic script with its own letters
    assert [script_of(lang) for lang in ("ku", "so", "fr", "sq", "ro", "vi")] == [Script.LATIN] * 6
    assert script_of("xx") is Script.LATIN


def test_kiosk_without_cjk_fonts_gets_a_clear_error(tmp_path: Path) -> None:
    """A real font database with only Noto Sans: German prints, Chinese names the package."""
    fonts = tmp_path / "fonts"
    fonts.mkdir()
    for name in ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf"):
        (fonts / name).symlink_to(Path("/usr/share/fonts/truetype/noto") / name)
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        f'<?xml version="1.0"?>\n<fontconfig><dir>{fonts}</dir>'
        f"<cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>\n"
    )
    script = (
        "from hardware.qt.render.fonts import FontMissingError\n"
        "from hardware.qt.render import ensure_gui_app, render_ticket\n"
        "from shared.config.printer import PaperWidth\n"
        "from hardware.ticket_sample import sample_ticket\n"
        "ensure_gui_app()\n"
        "print('de', render_ticket(sample_ticket('de'), PaperWidth.MM58).width())\n"
        "try:\n"
        "    render_ticket(sample_ticket('zh'), PaperWidth.MM58)\n"
        "except FontMissingError as e:\n"
        "    print('zh missing', e.debian_package)\n"
    )
    env = {**os.environ, "FONTCONFIG_FILE": str(conf), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", script],
        check=False,
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["de 384", "zh missing fonts-noto-cjk"]
