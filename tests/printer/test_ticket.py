"""Whole tickets: rendered by the renderer, printed, and read back from the emulator."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PIL import Image
from pytestqt.qtbot import QtBot

from hardware.emulator import NetworkPrinterEmulator, interpret
from hardware.emulator.interpreter import CHAR_HEIGHT
from hardware.escpos.encode import Align
from hardware.escpos.profile import PrinterProfile
from hardware.escpos.text import native_number_size, text_mode_supported
from hardware.escpos.ticket import (
    encode_raster_image,
    encode_ticket,
    find_number,
    find_qr,
    needs_picture,
    picture_number,
)
from hardware.picture import Bitmap, TicketPicture, bitmap_to_pil
from hardware.qt.render import ticket_picture
from hardware.ticket import TicketPrint
from hardware.ticket_sample import sample_ticket
from shared.config.printer import PaperWidth, PrintMode

from .conftest import NetworkPrinterAt


def _rows(image: Image.Image, top: int, count: int) -> bytes:
    return image.convert("1").crop((0, top, image.width, top + count)).tobytes()


def _picture(ticket: TicketPrint, profile: PrinterProfile) -> TicketPicture:
    return ticket_picture(ticket, profile.paper)


def _bitmap(ticket: TicketPrint, profile: PrinterProfile) -> Bitmap:
    return _picture(ticket, profile).bitmap


def _encode(ticket: TicketPrint, profile: PrinterProfile, mode: PrintMode) -> bytes:
    """The job as the print queue makes it: rendered first when it prints as raster."""
    picture = _picture(ticket, profile) if needs_picture(ticket, profile, mode) else None
    return encode_ticket(ticket, picture, profile, mode)


@pytest.mark.parametrize("language", ["de", "ar"])
def test_raster_parts_come_out_pixel_for_pixel_and_the_number_as_printer_text(
    qtbot: QtBot,
    emulator: NetworkPrinterEmulator,
    network_printer: NetworkPrinterAt,
    language: str,
) -> None:
    ticket = sample_ticket(language)
    printer = network_printer(emulator)
    profile = printer.profile
    picture = _picture(ticket, profile)
    printer.print_ticket(ticket, picture)
    printer.close()
    (job,) = emulator.wait_for_jobs(1)
    image = picture.bitmap
    band = picture_number(ticket, picture)
    assert band is not None
    expected = bitmap_to_pil(image)
    printout = emulator.interpret(job)
    printed = printout.image
    assert _rows(printed, 0, band.top) == _rows(expected, 0, band.top)
    (run,) = [run for run in printout.text_runs if run.text == ticket.number]
    size = native_number_size(ticket.number, profile.paper.dots)
    assert (run.bold, run.width, run.height, run.align) == (True, size, size, Align.CENTER)
    assert run.y == band.top
    below = band.top + band.height
    tail = _rows(expected, below, expected.height - below)
    starts = [
        top
        for top in range(run.y + CHAR_HEIGHT * size, printed.height - (expected.height - below))
        if _rows(printed, top, expected.height - below) == tail
    ]
    assert starts, "everything under the number is printed pixel for pixel"
    assert b"\x1d(k" in job.data, "the QR band goes as a native QR code"
    assert len(job.data) < len(image.data) * 0.3
    assert printout.unknown_commands == 0


def test_without_native_number_the_whole_ticket_is_pixel_for_pixel(
    qtbot: QtBot, emulator: NetworkPrinterEmulator, network_printer: NetworkPrinterAt
) -> None:
    ticket = sample_ticket("de")
    printer = network_printer(emulator, native_number=False)
    profile = printer.profile
    printer.print_ticket(ticket, _picture(ticket, profile))
    printer.close()
    (job,) = emulator.wait_for_jobs(1)
    expected = bitmap_to_pil(_bitmap(ticket, profile))
    printed = emulator.render(job).crop((0, 0, expected.width, expected.height))
    assert printed.tobytes() == expected.tobytes()
    native = _encode(ticket, replace(profile, native_number=True), PrintMode.RASTER)
    assert len(native) < len(job.data) - 5_000, "the native number saves ~8 KB on 80 mm"


@pytest.mark.parametrize("paper", list(PaperWidth))
@pytest.mark.parametrize("number", ["7", "A07", "A042", "A1234", "AB12345", "AB123456789"])
def test_the_native_number_is_as_big_as_fits_within_the_margins(
    paper: PaperWidth, number: str
) -> None:
    size = native_number_size(number, paper.dots)
    inner = paper.dots - 2 * (paper.dots // 32)
    assert 1 <= size <= 8
    assert size * 12 * len(number) <= inner
    assert size == 8 or (size + 1) * 12 * len(number) > inner
    if len(number) <= 5:
        assert size >= 6, "up to five characters are at least 6x (72x144 dots each)"


def test_the_number_band_is_found_only_where_the_number_is(qtbot: QtBot) -> None:
    ticket = sample_ticket("de")
    profile = PrinterProfile()
    picture = _picture(ticket, profile)
    image = picture.bitmap
    band = picture_number(ticket, picture)
    assert band is not None
    assert (band.number, band.height) == ("A042", 127)
    rows = (band.top, band.top + band.height)
    assert find_number(image, "A042", rows) == band
    assert find_number(image, "A042", (band.top - 100, rows[1])) is None, "two bands"
    assert find_number(image, "A042", (band.top + 10, band.top + 20)) is None, "part of it"
    assert find_number(image, "A042", (0, 5)) is None, "no ink there"
    assert find_number(image, "Ä042", rows) is None, "not in every code table"
    plain = encode_raster_image(image, profile, ticket.status_url)
    native = encode_raster_image(image, profile, ticket.status_url, band)
    assert b"\x1d!\x77A042" in native
    assert len(plain) - len(native) > 7_500


def test_the_qr_band_is_found_only_where_it_is(qtbot: QtBot) -> None:
    ticket = sample_ticket("de")
    image = _bitmap(ticket, PrinterProfile())
    band = find_qr(image, ticket.status_url)
    assert band is not None
    assert band.height % band.module == 0
    assert find_qr(image, "https://example.org/another") is None
    assert find_qr(image.crop_rows(0, band.top + band.height // 2), ticket.status_url) is None
    no_native = encode_raster_image(image, PrinterProfile(native_qr=False), ticket.status_url)
    assert b"\x1d(k" not in no_native
    assert (
        interpret(no_native, 576).image.tobytes()
        == interpret(
            encode_raster_image(image, PrinterProfile(), ticket.status_url), 576
        ).image.tobytes()
    )


@pytest.mark.parametrize("paper", list(PaperWidth))
@pytest.mark.parametrize("option", ["gs_l", "esc_a"])
def test_trimmed_raster_comes_out_the_same_and_smaller(
    qtbot: QtBot, paper: PaperWidth, option: str
) -> None:
    ticket = sample_ticket("ar")
    plain = PrinterProfile(paper=paper)
    trimmed = replace(plain, raster_left_margin=option == "gs_l", raster_justify=option == "esc_a")
    full = interpret(_encode(ticket, plain, PrintMode.RASTER), paper.dots)
    data = _encode(ticket, trimmed, PrintMode.RASTER)
    assert interpret(data, paper.dots).image.tobytes() == full.image.tobytes()
    assert len(data) < 0.8 * len(_encode(ticket, plain, PrintMode.RASTER))
    if paper is PaperWidth.MM80:
        assert len(data) < 20_000, "Arabic 80 mm within the 25 KB budget"


def test_text_mode_without_native_qr_sends_the_qr_as_raster() -> None:
    ticket = sample_ticket("de")
    profile = PrinterProfile(paper=PaperWidth.MM58, native_qr=False)
    assert not needs_picture(ticket, profile, PrintMode.TEXT)
    data = encode_ticket(ticket, None, profile, PrintMode.TEXT)
    assert b"\x1d(k" not in data
    assert b"\x1dv0" in data


def test_scripts_outside_the_code_table_fall_back_to_raster(qtbot: QtBot) -> None:
    profile = PrinterProfile(paper=PaperWidth.MM58)
    assert text_mode_supported(sample_ticket("de"), profile)
    for language in ("ar", "ti", "tr"):
        ticket = sample_ticket(language)
        assert not text_mode_supported(ticket, profile)
        assert needs_picture(ticket, profile, PrintMode.TEXT)
        assert b"\x1dv0" in _encode(ticket, profile, PrintMode.TEXT)


@pytest.mark.expect_log("hardware", "not found in the picture")
def test_a_number_outside_every_code_table_stays_in_the_picture(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    ticket = replace(sample_ticket("de"), number="Ä042")
    profile = PrinterProfile()
    data = _encode(ticket, profile, PrintMode.RASTER)
    printout = interpret(data, profile.paper.dots)
    assert not printout.text_runs
    printed = printout.image
    expected = bitmap_to_pil(_bitmap(ticket, profile))
    assert _rows(printed, 0, expected.height) == _rows(expected, 0, expected.height)
    assert "Ä042 not found in the picture" in caplog.text


def test_a_raster_ticket_without_its_picture_is_refused() -> None:
    ticket = sample_ticket("ar")
    with pytest.raises(ValueError, match="needs its picture"):
        encode_ticket(ticket, None, PrinterProfile(), PrintMode.TEXT)
