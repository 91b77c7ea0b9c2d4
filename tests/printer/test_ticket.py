"""Whole tickets: rendered by the renderer, printed, and read back from the emulator."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from hardware.bitmap import bitmap_to_pil
from hardware.emulator import NetworkPrinterEmulator, interpret
from hardware.escpos_config import PrinterProfile
from hardware.escpos_printer import EscposPrinter
from hardware.escpos_ticket import (
    encode_raster_image,
    encode_ticket,
    find_qr,
    render_bitmap,
    text_mode_supported,
    ticket_text_lines,
)
from hardware.ticket import PaperWidth, PrintMode
from hardware.ticket_sample import sample_ticket

from .conftest import NetworkConfig


@pytest.mark.parametrize("language", ["de", "ar"])
def test_a_rendered_ticket_comes_out_of_the_emulator_pixel_for_pixel(
    qtbot: QtBot,
    emulator: NetworkPrinterEmulator,
    network_config: NetworkConfig,
    language: str,
) -> None:
    ticket = sample_ticket(language)
    printer = EscposPrinter(network_config(emulator))
    printer.print_ticket(ticket)
    printer.close()
    (job,) = emulator.wait_for_jobs(1)
    expected = bitmap_to_pil(render_bitmap(ticket, printer.config.profile))
    printed = emulator.render(job).crop((0, 0, expected.width, expected.height))
    assert printed.tobytes() == expected.tobytes()
    assert b"\x1d(k" in job.data, "the QR band goes as a native QR code"
    assert len(job.data) < len(render_bitmap(ticket, printer.config.profile).data) * 0.45


def test_the_qr_band_is_found_only_where_it_is(qtbot: QtBot) -> None:
    ticket = sample_ticket("de")
    image = render_bitmap(ticket, PrinterProfile())
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
def test_left_trimmed_raster_comes_out_the_same_and_smaller(
    qtbot: QtBot, paper: PaperWidth
) -> None:
    ticket = sample_ticket("ar")
    plain = PrinterProfile(paper=paper)
    trimmed = PrinterProfile(paper=paper, raster_left_margin=True)
    full = interpret(encode_ticket(ticket, plain, PrintMode.RASTER), paper)
    data = encode_ticket(ticket, trimmed, PrintMode.RASTER)
    assert interpret(data, paper).image.tobytes() == full.image.tobytes()
    assert len(data) < 0.85 * len(encode_ticket(ticket, plain, PrintMode.RASTER))


def test_a_text_ticket_prints_its_lines(
    emulator: NetworkPrinterEmulator, network_config: NetworkConfig
) -> None:
    ticket = sample_ticket("de")
    printer = EscposPrinter(network_config(emulator, PrintMode.TEXT))
    printer.print_ticket(ticket)
    printer.close()
    printout = emulator.interpret(emulator.wait_for_jobs(1)[0])
    expected = [line.text for line in ticket_text_lines(ticket) if line.text]
    assert printout.lines() == [*expected, ticket.texts.watch_screens]
    assert printout.cuts == 1
    assert printout.unknown_commands == 0


def test_text_mode_without_native_qr_sends_the_qr_as_raster() -> None:
    ticket = sample_ticket("de")
    profile = PrinterProfile(paper=PaperWidth.MM58, native_qr=False)
    data = encode_ticket(ticket, profile, PrintMode.TEXT)
    assert b"\x1d(k" not in data
    assert b"\x1dv0" in data


def test_scripts_outside_the_code_table_fall_back_to_raster(qtbot: QtBot) -> None:
    profile = PrinterProfile(paper=PaperWidth.MM58)
    assert text_mode_supported(sample_ticket("de"), profile)
    for language in ("ar", "ti", "tr"):
        ticket = sample_ticket(language)
        assert not text_mode_supported(ticket, profile)
        assert b"\x1dv0" in encode_ticket(ticket, profile, PrintMode.TEXT)
