"""The rendered ticket: exact paper width, pure 1-bit, a readable QR, RTL on the right side."""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Callable
from functools import cache

import pytest
import zxingcpp
from PySide6.QtGui import QImage

from hardware.qt.render.layout import ensure_gui_app, render_ticket, to_mono
from hardware.texts import LANGUAGES
from hardware.ticket_sample import SAMPLE_URL, sample_ticket
from shared.config.printer import PaperWidth

from .conftest import Ink, Render

Sample = Callable[[str, PaperWidth], tuple[QImage, Ink]]
WHITE, BLACK = 0xFFFFFFFF, 0xFF000000
PAPERS = list(PaperWidth)


@cache
def _sample(language: str, paper: PaperWidth) -> tuple[QImage, Ink]:
    image = render_ticket(sample_ticket(language), paper)
    return image, Ink.of(image)


@pytest.fixture
def sample(qapp: object) -> Sample:
    """Rendered sample tickets, each rendered once per test session."""
    assert qapp is not None
    return _sample


def _margin(paper: PaperWidth) -> int:
    return paper.dots // 32


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_ticket_is_paper_wide_and_pure_one_bit(
    sample: Sample, language: str, paper: PaperWidth
) -> None:
    image, ink = sample(language, paper)
    assert image.width() == paper.dots
    assert image.format() == QImage.Format.Format_Mono
    assert image.colorTable() == [WHITE, BLACK]
    assert image.bytesPerLine() == paper.dots // 8  # the bit layout of ESC/POS GS v 0
    assert image.height() > paper.dots
    assert sum(map(len, ink.rows)) > 10_000


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_nothing_runs_into_the_margins(sample: Sample, language: str, paper: PaperWidth) -> None:
    """Text wider than the paper would be cut off at the edge; here all ink stays inside."""
    _image, ink = sample(language, paper)
    left, right = ink.box(0, len(ink.rows))
    assert left >= _margin(paper) - 1
    assert right <= paper.dots - _margin(paper)


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("language", ["de", "ar", "zh", "ti"])
def test_qr_code_decodes_to_the_status_url(
    sample: Sample, language: str, paper: PaperWidth
) -> None:
    image, _ink = sample(language, paper)
    found = zxingcpp.read_barcode(image.convertToFormat(QImage.Format.Format_Grayscale8))
    assert found is not None
    assert found.format == zxingcpp.BarcodeFormat.QRCode
    assert found.text == SAMPLE_URL


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize(
    ("language", "rtl"),
    [("ar", True), ("fa", True), ("de", False), ("ru", False), ("ti", False), ("zh", False)],
)
def test_document_list_sits_on_the_reading_start_side(
    render: Render, language: str, rtl: bool, paper: PaperWidth
) -> None:
    full = sample_ticket(language)
    ticket = dataclasses.replace(full, documents=(min(full.documents, key=len),))
    ink = Ink.of(render(ticket, paper))
    sections = ink.sections(_margin(paper))
    assert len(sections) == 3  # under the office, above the documents, above the QR
    item = ink.bands(sections[1] + 3, sections[2] - 1)[-1]  # the one bullet line
    left, right = ink.box(*item)
    left_gap, right_gap = left, paper.dots - 1 - right
    start_gap, end_gap = (right_gap, left_gap) if rtl else (left_gap, right_gap)
    assert start_gap <= _margin(paper) + 6  # the bullet glyph has a little side bearing
    assert end_gap > paper.dots / 3


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("language", ["de", "ar", "zh", "ti"])
def test_big_number_is_centred(sample: Sample, language: str, paper: PaperWidth) -> None:
    _image, ink = sample(language, paper)
    sections = ink.sections(_margin(paper))
    bands = ink.bands(sections[0] + 3, sections[1] - 1)
    number = max(bands, key=lambda band: band[1] - band[0])
    assert number[1] - number[0] > paper.dots / 5  # tall: the huge digits
    left, right = ink.box(*number)
    assert abs((left + right) / 2 - paper.dots / 2) <= 2


def test_height_grows_with_content(qapp: object, render: Render) -> None:
    assert qapp is not None
    base = sample_ticket("en")
    more = dataclasses.replace(base, documents=(*base.documents, "Rental contract", "Payslips"))
    bare = dataclasses.replace(base, documents=(), expected_wait_minutes=None)
    transfer = dataclasses.replace(base, counter="B 12")
    height = {
        name: render(t, PaperWidth.MM58).height()
        for name, t in [("base", base), ("more", more), ("bare", bare), ("transfer", transfer)]
    }
    assert height["bare"] < height["base"] < height["more"]
    assert height["transfer"] > height["base"]


def test_without_documents_there_is_no_documents_section(render: Render) -> None:
    bare = dataclasses.replace(sample_ticket("de"), documents=())
    ink = Ink.of(render(bare, PaperWidth.MM58))
    assert len(ink.sections(_margin(PaperWidth.MM58))) == 2


def test_overlong_word_wraps_inside_the_paper(render: Render) -> None:
    word = "Aufenthaltstitelverlängerungsantragsbearbeitungsgebührenbescheid"
    ticket = dataclasses.replace(sample_ticket("de"), concern=word, documents=(word,))
    ink = Ink.of(render(ticket, PaperWidth.MM58))
    left, right = ink.box(0, len(ink.rows))
    assert left >= _margin(PaperWidth.MM58) - 1
    assert right <= PaperWidth.MM58.dots - _margin(PaperWidth.MM58)


def test_long_number_shrinks_to_fit(render: Render) -> None:
    ticket = dataclasses.replace(sample_ticket("en"), number="N12345")
    ink = Ink.of(render(ticket, PaperWidth.MM58))
    left, right = ink.box(0, len(ink.rows))
    assert left >= _margin(PaperWidth.MM58) - 1
    assert right <= PaperWidth.MM58.dots - _margin(PaperWidth.MM58)


def test_threshold_has_no_grey_dither(qapp: object) -> None:
    assert qapp is not None
    grey = QImage(64, 2, QImage.Format.Format_Grayscale8)
    grey.fill(0xFF808080)
    light = to_mono(grey)
    grey.fill(0xFF7F7F7F)
    dark = to_mono(grey)
    assert Ink.of(light).rows == (
        frozenset(),
        frozenset(),
    )  # mid-grey is paper, never a dot pattern
    assert all(len(row) == 64 for row in Ink.of(dark).rows)


def test_ensure_gui_app_reuses_the_running_application(qapp: object) -> None:
    assert ensure_gui_app() is qapp


def test_rendering_keeps_none_alive(render: Render) -> None:
    """PySide6 6.12.0 on Python 3.11 drops a reference to None on every void call; a kiosk
    then dies with "deallocating None" after some dozen tickets. Pinned 6.11.3 does not."""
    ticket = sample_ticket("ar")
    render(ticket, PaperWidth.MM58)  # warm caches
    before = sys.getrefcount(None)
    for _ in range(3):
        render(ticket, PaperWidth.MM58)
    assert sys.getrefcount(None) - before > -50
