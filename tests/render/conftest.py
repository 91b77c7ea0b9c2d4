"""Fixtures for the ticket renderer tests: rendered sample tickets and ink measurements."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from PySide6.QtGui import QImage

from hardware.qt.render import render_ticket
from hardware.ticket import TicketPrint
from shared.config.printer import PaperWidth


@dataclass(frozen=True)
class Ink:
    """The black dots of a 1-bit ticket image, row by row (sets of x)."""

    width: int
    rows: tuple[frozenset[int], ...]

    @classmethod
    def of(cls, image: QImage) -> Ink:
        """Read the ink of a Format_Mono image (index 1 = black)."""
        assert image.format() == QImage.Format.Format_Mono
        stride = image.bytesPerLine()
        data = bytes(image.constBits())
        rows = []
        for y in range(image.height()):
            line = data[y * stride : y * stride + stride]
            dots = set()
            for i, byte in enumerate(line):
                if byte:
                    dots.update(i * 8 + b for b in range(8) if byte & (0x80 >> b))
            rows.append(frozenset(x for x in dots if x < image.width()))
        return cls(image.width(), tuple(rows))

    def rules(self, margin: int) -> list[int]:
        """Rows that are a full-width horizontal rule (the section separators)."""
        inner = self.width - 2 * margin
        return [y for y, row in enumerate(self.rows) if len(row) >= inner]

    def bands(self, top: int, bottom: int) -> list[tuple[int, int]]:
        """Runs of consecutive rows with ink between two rows, as (first, end) pairs."""
        bands: list[tuple[int, int]] = []
        start = None
        for y in range(top, bottom):
            if self.rows[y] and start is None:
                start = y
            elif not self.rows[y] and start is not None:
                bands.append((start, y))
                start = None
        if start is not None:
            bands.append((start, bottom))
        return bands

    def sections(self, margin: int) -> list[int]:
        """The first row of each horizontal rule."""
        rules = self.rules(margin)
        return [y for i, y in enumerate(rules) if i == 0 or y > rules[i - 1] + 1]

    def box(self, top: int, bottom: int) -> tuple[int, int]:
        """Leftmost and rightmost ink x between two rows."""
        xs = [x for row in self.rows[top:bottom] for x in row]
        return min(xs), max(xs)


Render = Callable[[TicketPrint, PaperWidth], QImage]


@pytest.fixture
def render(qapp: object) -> Render:
    """render_ticket, once pytest-qt's QApplication exists."""
    assert qapp is not None
    return render_ticket
