"""The emulator's ESC/POS interpreter turns our bytes back into the paper we meant."""

from __future__ import annotations

import qrcode
from PIL import Image

from hardware.emulator import interpret
from hardware.escpos import encode as enc
from hardware.escpos.commands import split_commands
from hardware.escpos.encode import Align, TextLine
from hardware.picture import Bitmap, bitmap_to_pil


def _same_pixels(a: Image.Image, b: Image.Image) -> bool:
    return a.size == b.size and a.convert("1").tobytes() == b.convert("1").tobytes()


def test_raster_round_trips_pixel_for_pixel(drawn_bitmap: Bitmap) -> None:
    printout = interpret(enc.initialize() + enc.raster(drawn_bitmap), 576)
    assert printout.image.size == (576, drawn_bitmap.height)
    assert _same_pixels(printout.image, bitmap_to_pil(drawn_bitmap))
    assert printout.unknown_commands == 0


def test_raster_with_small_bands_and_no_skipping_round_trips(drawn_bitmap: Bitmap) -> None:
    data = enc.raster(drawn_bitmap, max_band=7, skip_blank=False)
    assert _same_pixels(interpret(data, 576).image, bitmap_to_pil(drawn_bitmap))


def test_text_lines_are_recorded_as_runs_with_their_style() -> None:
    lines = [
        TextLine("Ausländerbehörde", Align.CENTER, bold=True),
        TextLine("A042", Align.CENTER, bold=True, width=4, height=4),
        TextLine("Bitte halten Sie bereit:"),
    ]
    printout = interpret(enc.initialize() + enc.text_lines(lines), 576)
    assert printout.lines() == ["Ausländerbehörde", "A042", "Bitte halten Sie bereit:"]
    big = printout.text_runs[1]
    assert (big.bold, big.width, big.height, big.align) == (True, 4, 4, Align.CENTER)
    assert printout.text_runs[2].x == 0
    assert printout.text_runs[0].x > 100
    assert printout.image.convert("L").getextrema() == (0, 255)


def test_esc_bang_sets_bold_and_double_size() -> None:
    printout = interpret(b"\x1b!\x38X\n\x1b@Y\n", 384)
    first, second = printout.text_runs
    assert (first.bold, first.width, first.height) == (True, 2, 2)
    assert (second.bold, second.width, second.height) == (False, 1, 1)


def test_native_qr_prints_the_same_modules_as_qrcode() -> None:
    printout = interpret(enc.qr("https://example.org/t/A042", module_size=4), 576)
    code = qrcode.QRCode(box_size=4, border=0, error_correction=qrcode.ERROR_CORRECT_M)
    code.add_data(b"https://example.org/t/A042")
    expected = code.make_image().get_image().convert("1")
    assert printout.image.height == expected.height
    assert _same_pixels(printout.image.crop((0, 0, expected.width, expected.height)), expected)


def test_cut_draws_a_line_and_is_counted() -> None:
    printout = interpret(b"A\n" + enc.cut(10) + b"B\n" + enc.cut(), 384)
    assert printout.cuts == 2
    assert printout.lines() == ["A", "B"]
    assert printout.png().startswith(b"\x89PNG")


def test_feeds_move_the_paper() -> None:
    assert interpret(enc.feed_dots(40), 384).image.height == 40
    assert interpret(enc.feed_lines(2), 384).image.height == 60
    assert interpret(b"\x1b3\x10\n\n", 384).image.height == 32


def test_unknown_commands_are_skipped_and_counted() -> None:
    printout = interpret(b"\x1b\x70\x00\x19\xfa" + b"\x1bq" + b"\x07" + b"Hi\n", 384)
    assert printout.unknown_commands == 3
    assert printout.lines() == ["Hi"]


def test_status_requests_are_not_printed() -> None:
    printout = interpret(enc.status_request(enc.StatusRequest.PRINTER) + b"ok\n", 384)
    assert printout.lines() == ["ok"]
    assert printout.unknown_commands == 0


def test_split_commands_keeps_an_incomplete_tail() -> None:
    raster = enc.raster_band(Bitmap(8, 2, b"\x10\x04"), 0, 2)
    commands, tail = split_commands(b"\x1b@" + raster + b"\x1dv0\x00\x01")
    assert commands == [b"\x1b@", raster]
    assert tail == b"\x1dv0\x00\x01"
