"""An ESC/POS interpreter that turns the bytes we send back into a picture of the paper."""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass, field

import qrcode
from PIL import Image, ImageDraw, ImageFont

from hardware.escpos.commands import is_status_request, iter_commands
from hardware.picture import Bitmap, bitmap_to_pil

log = logging.getLogger(__name__)

DEFAULT_LINE_SPACING = 30
CHAR_WIDTH = 12
CHAR_HEIGHT = 24
"""Font A: every character cell is 12x24 dots (48 columns on 80 mm, 32 on 58 mm)."""
_CODECS = {0: "cp437", 16: "cp1252", 19: "cp858"}
_QR_CORRECTION = {
    48: qrcode.constants.ERROR_CORRECT_L,
    49: qrcode.constants.ERROR_CORRECT_M,
    50: qrcode.constants.ERROR_CORRECT_Q,
    51: qrcode.constants.ERROR_CORRECT_H,
}
_CUT_GAP = 12


@dataclass(frozen=True, slots=True)
class TextRun:
    """A piece of text as printed: its content and the style it had."""

    text: str
    x: int
    y: int
    align: int
    bold: bool
    width: int
    height: int


@dataclass(frozen=True, slots=True)
class Printout:
    """What the emulated paper shows after a job."""

    image: Image.Image
    text_runs: tuple[TextRun, ...]
    unknown_commands: int
    cuts: int

    def lines(self) -> list[str]:
        """The printed text, one entry per printed line, segments joined."""
        rows: dict[int, str] = {}
        for run in self.text_runs:
            rows[run.y] = rows.get(run.y, "") + run.text
        return [rows[y] for y in sorted(rows)]

    def png(self) -> bytes:
        """The picture as PNG bytes."""
        out = io.BytesIO()
        self.image.save(out, format="PNG")
        return out.getvalue()


@dataclass
class _Style:
    """The printer's current character modes."""

    align: int = 0
    bold: bool = False
    width: int = 1
    height: int = 1
    codec: str = "cp437"
    line_spacing: int = DEFAULT_LINE_SPACING
    left_margin: int = 0


@dataclass
class _Paper:
    """The growing roll: a white canvas and the current print position."""

    width: int
    canvas: Image.Image = field(init=False)
    y: int = 0

    def __post_init__(self) -> None:
        """Start with a white canvas."""
        self.canvas = Image.new("1", (self.width, 1024), 1)

    def ensure(self, bottom: int) -> None:
        """Grow the canvas to hold rows up to ``bottom``."""
        if bottom <= self.canvas.height:
            return
        bigger = Image.new("1", (self.width, max(bottom, self.canvas.height * 2)), 1)
        bigger.paste(self.canvas, (0, 0))
        self.canvas = bigger

    def paste(self, picture: Image.Image, align: int, margin: int = 0) -> None:
        """Place a picture at the print position with a justification, and advance."""
        room = self.width - margin
        x = margin + {0: 0, 1: (room - picture.width) // 2, 2: room - picture.width}[align]
        self.ensure(self.y + picture.height)
        self.canvas.paste(picture.convert("1"), (max(x, 0), self.y))
        self.y += picture.height


def _printer_font() -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """A monospaced font for text like the printer's font A (Pillow's own when none is found)."""
    try:
        return ImageFont.truetype("DejaVuSansMono.ttf", size=CHAR_HEIGHT - 4)
    except OSError:
        return ImageFont.load_default(size=CHAR_HEIGHT - 4)


class _Interpreter:
    """Runs commands one by one against a paper and a style."""

    def __init__(self, width: int) -> None:
        """Start at the top of a blank roll ``width`` dots wide."""
        self.paper = _Paper(width)
        self.style = _Style()
        self.font = _printer_font()
        self.pending: list[tuple[str, _Style]] = []
        self.line_align = 0
        self.runs: list[TextRun] = []
        self.unknown = 0
        self.cuts = 0
        self.qr_data = b""
        self.qr_module = 3
        self.qr_correction = 49

    def run(self, command: bytes) -> None:
        """Apply one command."""
        first = command[0]
        if first >= 0x20:
            if not self.pending:
                self.line_align = self.style.align
            decoded = command.decode(self.style.codec, errors="replace")
            self.pending.append((decoded, _Style(**vars(self.style))))
        elif first == 0x0A:
            self.flush(line_feed=True)
        elif first == 0x1B and len(command) >= 2:
            self.esc(command)
        elif first == 0x1D and len(command) >= 2:
            self.gs(command)
        elif first == 0x0D or is_status_request(command):
            return
        else:
            self.skip(command)

    def skip(self, command: bytes) -> None:
        """Count and log a command the emulator does not render."""
        self.unknown += 1
        log.debug("skipped unknown ESC/POS command %s", command[:8].hex(" "))

    def esc(self, command: bytes) -> None:
        """ESC commands."""
        op, arg = chr(command[1]), command[2] if len(command) > 2 else 0
        if op == "@":
            self.flush(line_feed=False)
            self.style = _Style()
        elif op == "a":
            self.style.align = arg % 48 if arg >= 48 else arg
        elif op == "E":
            self.style.bold = bool(arg & 1)
        elif op == "!":
            self.style.bold = bool(arg & 0x08)
            self.style.height = 2 if arg & 0x10 else 1
            self.style.width = 2 if arg & 0x20 else 1
        elif op == "d":
            self.flush(line_feed=True)
            self.paper.y += self.style.line_spacing * max(arg - 1, 0)
        elif op == "J":
            self.flush(line_feed=False)
            self.paper.y += arg
        elif op == "t":
            self.style.codec = _CODECS.get(arg, "cp437")
        elif op == "3":
            self.style.line_spacing = arg
        elif op == "2":
            self.style.line_spacing = DEFAULT_LINE_SPACING
        else:
            self.skip(command)

    def gs(self, command: bytes) -> None:
        """GS commands."""
        op = chr(command[1])
        if op == "!":
            self.style.width = (command[2] >> 4) + 1
            self.style.height = (command[2] & 0x0F) + 1
        elif op == "v" and len(command) >= 8:
            self.flush(line_feed=False)
            x_bytes = command[4] | command[5] << 8
            rows = command[6] | command[7] << 8
            bitmap = Bitmap(width=x_bytes * 8, height=rows, data=command[8:])
            self.paper.paste(bitmap_to_pil(bitmap), self.style.align, self.style.left_margin)
        elif op == "(" and len(command) >= 7 and command[2] == ord("k") and command[5] == 49:
            self.qr(command[6], command[7:])
        elif op == "V":
            self.cut(command)
        elif op == "L":
            self.style.left_margin = command[2] | command[3] << 8
        elif op == "b":
            return  # smoothing of magnified characters: the built-in font is drawn as is
        else:
            self.skip(command)

    def qr(self, fn: int, payload: bytes) -> None:
        """GS ( k for QR model 2: remember settings and data, print on fn 81."""
        if fn == 67 and payload:
            self.qr_module = payload[0]
        elif fn == 69 and payload:
            self.qr_correction = payload[0]
        elif fn == 80:
            self.qr_data = payload[1:]
        elif fn == 81:
            self.flush(line_feed=False)
            code = qrcode.QRCode(
                box_size=self.qr_module,
                border=0,
                error_correction=_QR_CORRECTION.get(self.qr_correction, 0),
            )
            code.add_data(self.qr_data)
            self.paper.paste(code.make_image().get_image(), self.style.align)

    def cut(self, command: bytes) -> None:
        """GS V: optional feed, then a dashed cut line across the paper."""
        self.flush(line_feed=False)
        if len(command) == 4:
            self.paper.y += command[3]
        self.paper.ensure(self.paper.y + _CUT_GAP)
        draw = ImageDraw.Draw(self.paper.canvas)
        middle = self.paper.y + _CUT_GAP // 2
        for x in range(0, self.paper.width, 16):
            draw.line([(x, middle), (x + 7, middle)], fill=0)
        self.paper.y += _CUT_GAP
        self.cuts += 1

    def flush(self, *, line_feed: bool) -> None:
        """Print the pending text line; with ``line_feed`` an empty buffer still feeds a line."""
        if not self.pending:
            if line_feed:
                self.paper.y += self.style.line_spacing
            return
        tallest = max(style.height for _, style in self.pending)
        pictures = [self.segment(text, style) for text, style in self.pending]
        total = sum(p.width for p in pictures)
        line = Image.new("1", (max(total, 1), CHAR_HEIGHT * tallest), 1)
        x = 0
        margin = self.style.left_margin
        room = self.paper.width - margin
        left = margin + max({0: 0, 1: (room - total) // 2, 2: room - total}[self.line_align], 0)
        for picture, (text, style) in zip(pictures, self.pending, strict=True):
            line.paste(picture, (x, line.height - picture.height))
            run = TextRun(text, left + x, self.paper.y, self.line_align, style.bold,
                          style.width, style.height)  # fmt: skip
            self.runs.append(run)
            x += picture.width
        y = self.paper.y
        self.paper.paste(line, self.line_align, margin)
        self.paper.y = y + max(self.style.line_spacing, CHAR_HEIGHT * tallest + 6)
        self.pending = []

    def segment(self, text: str, style: _Style) -> Image.Image:
        """One styled text segment in font A cells (12x24 dots each), then magnified."""
        picture = Image.new("1", (max(CHAR_WIDTH * len(text), 1), CHAR_HEIGHT), 1)
        for index, char in enumerate(text):
            picture.paste(self.glyph(char, bold=style.bold), (index * CHAR_WIDTH, 0))
        if style.width == 1 and style.height == 1:
            return picture
        size = (picture.width * style.width, CHAR_HEIGHT * style.height)
        return picture.resize(size, Image.Resampling.NEAREST)

    def glyph(self, char: str, *, bold: bool) -> Image.Image:
        """One character drawn with the built-in font, squeezed into a font A cell."""
        if char.isspace():
            return Image.new("1", (CHAR_WIDTH, CHAR_HEIGHT), 1)
        stroke = 1 if bold else 0
        width = max(int(self.font.getlength(char)) + 2 * stroke + 1, CHAR_WIDTH)
        picture = Image.new("1", (width, CHAR_HEIGHT), 1)
        ImageDraw.Draw(picture).text(
            ((width - self.font.getlength(char)) / 2, 0), char, font=self.font, fill=0,
            stroke_width=stroke, stroke_fill=0,
        )  # fmt: skip
        if width == CHAR_WIDTH:
            return picture
        return picture.resize((CHAR_WIDTH, CHAR_HEIGHT), Image.Resampling.NEAREST)

    def result(self) -> Printout:
        """The paper so far, cropped to what was printed."""
        self.flush(line_feed=False)
        height = max(self.paper.y, 1)
        self.paper.ensure(height)
        image = self.paper.canvas.crop((0, 0, self.paper.width, height))
        return Printout(image, tuple(self.runs), self.unknown, self.cuts)


def interpret(data: bytes, width: int) -> Printout:
    """Interpret an ESC/POS byte stream on paper ``width`` dots wide."""
    interpreter = _Interpreter(width)
    for command in iter_commands(data):
        interpreter.run(command)
    return interpreter.result()
