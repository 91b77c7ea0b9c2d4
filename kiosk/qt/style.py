"""The kiosk's look: one style sheet from `kiosk.palette`, large touch targets, no hover cues."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from kiosk.palette import COLOURS, min_target_px

__all__ = ["TARGET_PX", "QtWrapButton", "style_sheet"]

TARGET_PX = max(96, min_target_px())
"""Every button is at least this high and wide (≥ 15 mm on the default screen)."""

BAR_BUTTON_PX = 240
"""Width of the top bar's buttons: room for "Прочитати вголос" and the like."""

LARGE = 1.35
"""Font scale of the large-text mode."""


def style_sheet(*, large: bool) -> str:
    """The window's style sheet; ``large`` scales every font."""
    k = LARGE if large else 1.0
    c = COLOURS

    def px(size: int) -> str:
        return f"{round(size * k)}px"

    return f"""
QWidget#kioskWindow, QWidget#kioskWindow QStackedWidget, QWidget[role="screen"] {{
    background: {c["page"]}; color: {c["text"]};
}}
QWidget#kioskWindow {{ font-size: {px(28)}; }}
QLabel {{ color: {c["text"]}; font-size: {px(28)}; }}
QLabel[role="title"] {{ font-size: {px(44)}; font-weight: bold; }}
QLabel[role="welcome"] {{ font-size: {px(64)}; font-weight: bold; color: {c["primary"]}; }}
QLabel[role="number"] {{ font-size: 150px; font-weight: bold; }}
QLabel[role="digits"] {{ font-size: {px(72)}; font-weight: bold;
    border: 3px solid {c["primary"]}; border-radius: 12px; padding: 8px; }}
QLabel[role="muted"] {{ color: {c["muted"]}; }}
QLabel[role="notice"] {{ background: {c["notice"]}; color: {c["on_notice"]};
    border-radius: 12px; padding: 16px; }}
QPushButton {{ background: {c["secondary"]}; color: {c["on_secondary"]};
    border: 3px solid {c["primary"]}; border-radius: 14px; padding: 8px 20px;
    min-height: {TARGET_PX}px; min-width: {TARGET_PX}px; font-size: {px(30)}; }}
QPushButton QLabel {{ color: {c["on_secondary"]}; font-size: {px(30)}; background: transparent; }}
QPushButton[role="primary"] {{ background: {c["primary"]}; color: {c["on_primary"]}; }}
QPushButton[role="primary"] QLabel {{ color: {c["on_primary"]}; font-weight: bold; }}
QPushButton[role="unavailable"] {{ background: {c["unavailable"]};
    color: {c["on_unavailable"]}; border-style: dashed; }}
QPushButton[role="unavailable"] QLabel {{ color: {c["on_unavailable"]}; }}
QPushButton:pressed {{ background: {c["pressed_light"]}; }}
QPushButton[role="primary"]:pressed {{ background: {c["pressed"]}; }}
QPushButton[role="small"] {{ min-width: {BAR_BUTTON_PX}px; }}
QPushButton[role="small"] QLabel {{ font-size: {px(24)}; }}
QLabel#connectionBanner {{ background: {c["banner"]}; color: {c["on_banner"]};
    font-size: {px(26)}; padding: 12px; }}
QFrame#pinPad {{ background: {c["page"]}; }}
"""


class QtWrapButton(QPushButton):
    """A push button whose text wraps (long translations) and may have a second line."""

    def __init__(self, text: str = "", role: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", role)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        box = QHBoxLayout(self)
        box.setContentsMargins(16, 8, 16, 8)
        box.addWidget(self.label)

    def setText(self, text: str) -> None:  # noqa: N802 (Qt API)
        """Show ``text`` (wrapped)."""
        self.label.setText(text)

    def text(self) -> str:
        """The shown text."""
        return self.label.text()

    def set_role(self, role: str) -> None:
        """Change the look (``primary``, ``unavailable``, ``small``, or plain)."""
        if self.property("role") != role:
            self.setProperty("role", role)
            self.style().unpolish(self)
            self.style().polish(self)
            self.label.style().unpolish(self.label)
            self.label.style().polish(self.label)
