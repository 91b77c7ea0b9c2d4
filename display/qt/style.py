"""Colours and sizes of the wall display: dark calm ground, white type, amber for the newest."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont

GROUND = QColor("#0b1f33")
PANEL = QColor("#13314f")
TEXT = QColor("#ffffff")
MUTED = QColor("#c9d6e3")
ACCENT = QColor("#ffb000")
ACCENT_TEXT = QColor("#0b1f33")
FAMILY = "Noto Sans"

STYLE_SHEET = f"""
QWidget#displayWindow {{ background: {GROUND.name()}; }}
QLabel {{ color: {TEXT.name()}; }}
QLabel#muted {{ color: {MUTED.name()}; }}
QLabel#reconnecting {{ color: {MUTED.name()}; background: {PANEL.name()};
    border-radius: 8px; padding: 4px 12px; }}
QFrame#infoBand {{ background: {PANEL.name()}; }}
"""


def font(pixels: int, *, bold: bool = False) -> QFont:
    """The display's font at a pixel size (pixels, not points: the screen is far away)."""
    result = QFont(FAMILY)
    result.setPixelSize(max(8, pixels))
    result.setBold(bold)
    return result
