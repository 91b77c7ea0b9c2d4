"""The kiosk's colours and sizes as data (Qt-free), with the checks that keep them readable.

Every text colour sits on its background at a contrast of at least 7:1 (WCAG AAA), and every
touch target is at least 15 mm on the configured screen (default 21.5", 1920 × 1080).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

__all__ = [
    "COLOURS",
    "PAIRS",
    "Screen",
    "contrast",
    "min_target_px",
]

COLOURS = {
    "page": "#FFFFFF",
    "text": "#111111",
    "muted": "#333333",
    "primary": "#0B3D91",
    "on_primary": "#FFFFFF",
    "secondary": "#E6ECF5",
    "on_secondary": "#111111",
    "pressed": "#062456",
    "pressed_light": "#C3D3EC",
    "notice": "#FFF1C2",
    "on_notice": "#111111",
    "unavailable": "#ECECEC",
    "on_unavailable": "#333333",
    "banner": "#5A2C00",
    "on_banner": "#FFFFFF",
}
"""Named colours; the stylesheet uses only these."""

PAIRS = (
    ("text", "page"),
    ("muted", "page"),
    ("on_primary", "primary"),
    ("on_primary", "pressed"),
    ("on_secondary", "pressed_light"),
    ("on_secondary", "secondary"),
    ("on_notice", "notice"),
    ("on_unavailable", "unavailable"),
    ("on_banner", "banner"),
    ("text", "notice"),
)
"""Every (text, background) pair the kiosk draws."""


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(hex_colour: str) -> float:
    """WCAG relative luminance of ``#RRGGBB``."""
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast(foreground: str, background: str) -> float:
    """WCAG contrast ratio of two ``#RRGGBB`` colours (1 … 21)."""
    a, b = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (a + 0.05) / (b + 0.05)


@dataclass(frozen=True, slots=True)
class Screen:
    """The kiosk's screen: diagonal in inches and resolution."""

    diagonal_inches: float = 21.5
    width_px: int = 1920
    height_px: int = 1080

    @property
    def px_per_mm(self) -> float:
        """Pixels per millimetre (square pixels)."""
        diagonal_px = math.hypot(self.width_px, self.height_px)
        return diagonal_px / (self.diagonal_inches * 25.4)


def min_target_px(screen: Screen = Screen(), millimetres: float = 15.0) -> int:
    """The smallest touch target side in pixels on ``screen``."""
    return math.ceil(millimetres * screen.px_per_mm)
