"""A label that shows a QR code, drawn module by module at a whole number of pixels."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QLabel, QWidget

from hardware.qr import QUIET_ZONE, qr_matrix

__all__ = ["QtQrLabel"]


class QtQrLabel(QLabel):
    """Shows ``data`` as a QR code about ``size`` pixels wide (empty data: nothing)."""

    def __init__(self, size: int = 220, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.size_px = size
        self.data = ""
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)

    def show_data(self, data: str) -> None:
        """Draw the code for ``data``."""
        if data == self.data:
            return
        self.data = data
        if not data:
            self.clear()
            return
        matrix = qr_matrix(data)
        modules = len(matrix) + 2 * QUIET_ZONE
        unit = max(2, self.size_px // modules)
        pixmap = QPixmap(modules * unit, modules * unit)
        pixmap.fill(QColor("white"))
        painter = QPainter(pixmap)
        for y, row in enumerate(matrix):
            for x, dark in enumerate(row):
                if dark:
                    rect = QRect((x + QUIET_ZONE) * unit, (y + QUIET_ZONE) * unit, unit, unit)
                    painter.fillRect(rect, QColor("black"))
        painter.end()
        self.setPixmap(pixmap)
