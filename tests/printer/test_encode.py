"""Golden bytes for every element the ESC/POS encoder writes."""

from __future__ import annotations

import pytest

from hardware.escpos import encode as enc
from hardware.escpos.encode import Align, CodePage, QrErrorCorrection, StatusRequest, TextLine
from hardware.picture import Bitmap


def test_simple_commands_have_their_golden_bytes() -> None:
    assert enc.initialize() == b"\x1b\x40"
    assert enc.align(Align.CENTER) == b"\x1b\x61\x01"
    assert enc.align(Align.RIGHT) == b"\x1b\x61\x02"
    assert enc.bold(on=True) == b"\x1b\x45\x01"
    assert enc.bold(on=False) == b"\x1b\x45\x00"
    assert enc.char_size(1, 1) == b"\x1d\x21\x00"
    assert enc.char_size(2, 3) == b"\x1d\x21\x12"
    assert enc.char_size(8, 8) == b"\x1d\x21\x77"
    assert enc.smoothing(on=True) == b"\x1d\x62\x01"
    assert enc.smoothing(on=False) == b"\x1d\x62\x00"
    assert enc.codepage(CodePage.CP858) == b"\x1b\x74\x13"
    assert enc.codepage(CodePage.CP1252) == b"\x1b\x74\x10"
    assert enc.feed_lines(3) == b"\x1b\x64\x03"
    assert enc.cut(64) == b"\x1d\x56\x42\x40"
    assert enc.status_request(StatusRequest.PRINTER) == b"\x10\x04\x01"
    assert enc.status_request(StatusRequest.PAPER) == b"\x10\x04\x04"


def test_feed_dots_splits_past_255() -> None:
    assert enc.feed_dots(300) == b"\x1b\x4a\xff\x1b\x4a\x2d"
    assert enc.feed_dots(0) == b""


@pytest.mark.parametrize(
    ("call", "args"),
    [(enc.char_size, (0, 1)), (enc.char_size, (1, 9)), (enc.feed_lines, (256,)), (enc.cut, (-1,))],
)
def test_out_of_range_arguments_are_refused(call: object, args: tuple[int, ...]) -> None:
    with pytest.raises(ValueError):
        call(*args)  # type: ignore[operator]


def test_text_uses_the_code_table_and_drops_control_characters() -> None:
    assert enc.text("Größe\x1b€", CodePage.CP858) == b"Gr\x94\xe1e\xd5"
    assert enc.text("Größe", CodePage.CP1252) == b"Gr\xf6\xdfe"
    assert enc.text("ሰላም", CodePage.CP858) == b"???"


def test_text_line_sets_its_style_then_ends_with_lf() -> None:
    line = TextLine("Nr", Align.CENTER, bold=True, width=2, height=2)
    assert enc.text_line(line) == b"\x1ba\x01\x1bE\x01\x1d!\x11Nr\n"


def test_text_lines_select_the_table_and_reset_the_style() -> None:
    data = enc.text_lines([TextLine("a")], CodePage.CP858)
    assert data == b"\x1bt\x13" + b"\x1ba\x00\x1bE\x00\x1d!\x00a\n" + b"\x1ba\x00\x1bE\x00\x1d!\x00"


def test_raster_band_is_gs_v_0_with_little_endian_sizes() -> None:
    bitmap = Bitmap(width=16, height=2, data=b"\x80\x01\xff\x00")
    assert enc.raster_band(bitmap, 0, 2) == b"\x1dv0\x00\x02\x00\x02\x00\x80\x01\xff\x00"


def test_raster_band_trims_white_bytes_on_the_right() -> None:
    bitmap = Bitmap(width=24, height=2, data=b"\x80\x00\x00\x40\x00\x00")
    assert enc.raster_band(bitmap, 0, 2) == b"\x1dv0\x00\x01\x00\x02\x00\x80\x40"


def test_raster_turns_blank_rows_into_feeds() -> None:
    rows = [b"\x00", b"\xf0", b"\x00", b"\x00", b"\x0f"]
    bitmap = Bitmap(width=8, height=5, data=b"".join(rows))
    assert enc.raster(bitmap) == (
        b"\x1ba\x00\x1bJ\x01\x1dv0\x00\x01\x00\x01\x00\xf0\x1bJ\x02\x1dv0\x00\x01\x00\x01\x00\x0f"
    )


def test_raster_splits_tall_images_into_bands() -> None:
    bitmap = Bitmap(width=8, height=5, data=b"\xff" * 5)
    data = enc.raster(bitmap, max_band=2)
    assert data.count(b"\x1dv0") == 3
    assert data.endswith(b"\x1dv0\x00\x01\x00\x01\x00\xff")


def test_raster_without_blank_skipping_sends_every_row() -> None:
    bitmap = Bitmap(width=8, height=3, data=b"\x00\x01\x00")
    assert (
        enc.raster(bitmap, skip_blank=False) == b"\x1ba\x00\x1dv0\x00\x01\x00\x03\x00\x00\x01\x00"
    )


def test_qr_is_the_five_gs_k_functions() -> None:
    assert enc.qr("AB", module_size=4, correction=QrErrorCorrection.Q) == (
        b"\x1d(k\x04\x00\x31\x41\x32\x00"
        b"\x1d(k\x03\x00\x31\x43\x04"
        b"\x1d(k\x03\x00\x31\x45\x32"
        b"\x1d(k\x05\x00\x31\x50\x30AB"
        b"\x1d(k\x03\x00\x31\x51\x30"
    )


def test_bitmap_refuses_data_of_the_wrong_size() -> None:
    with pytest.raises(ValueError):
        Bitmap(width=9, height=1, data=b"\x00")


def test_trim_left_shifts_each_band_with_gs_l_and_resets_it() -> None:
    rows = [b"\x00\x00\x81", b"\x00\x00\x00", b"\x00\x40\x00"]
    bitmap = Bitmap(width=24, height=3, data=b"".join(rows))
    assert enc.raster(bitmap, trim_left=True) == (
        b"\x1ba\x00"
        b"\x1dL\x10\x00"
        b"\x1dv0\x00\x01\x00\x01\x00\x81"
        b"\x1bJ\x01"
        b"\x1dL\x08\x00"
        b"\x1dv0\x00\x01\x00\x01\x00\x40"
        b"\x1dL\x00\x00"
    )
    assert enc.left_margin(576) == b"\x1dL\x40\x02"


def test_justify_sends_each_band_left_centred_or_right_without_its_white_bytes() -> None:
    rows = [
        b"\x00\x00\x00\x81",  # right: from the first inked byte
        b"\x00\x00\x00\x00",
        b"\x00\x18\x18\x00",  # centred: one white byte off each side
        b"\x00\x00\x00\x00",
        b"\xc0\x00\x00\x00",  # left: up to the last inked byte
        b"\x00\x00\x00\x00",
        b"\x00\x00\x00\x00",  # all white without blank skipping: left, one byte
    ]
    bitmap = Bitmap(width=32, height=7, data=b"".join(rows))
    assert enc.raster(bitmap.crop_rows(0, 5), justify=True) == (
        b"\x1ba\x00"
        b"\x1ba\x02\x1dv0\x00\x01\x00\x01\x00\x81"
        b"\x1bJ\x01"
        b"\x1ba\x01\x1dv0\x00\x02\x00\x01\x00\x18\x18"
        b"\x1bJ\x01"
        b"\x1ba\x00\x1dv0\x00\x01\x00\x01\x00\xc0"
    )
    blank = bitmap.crop_rows(5, 2)
    assert enc.raster(blank, justify=True, skip_blank=False) == (
        b"\x1ba\x00\x1dv0\x00\x01\x00\x02\x00\x00\x00"
    )
    assert enc.raster(bitmap.crop_rows(0, 1), justify=True).endswith(b"\x81\x1ba\x00")
