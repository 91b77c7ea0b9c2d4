"""A label that shows a QR code, drawn module by module at a whole number of pixels."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
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
        # Built as bytes, not painted: no QPainter on the GUI thread while the printer's
        # thread paints the ticket (two raster painters at once crashed Qt here).
        white = b"\xff" * (QUIET_ZONE * unit)
        rows = []
        for row in matrix:
            line = white + b"".join((b"\x00" if dark else b"\xff") * unit for dark in row) + white
            rows.extend([line] * unit)
        blank = b"\xff" * (modules * unit)
        data_bytes = blank * (QUIET_ZONE * unit) + b"".join(rows) + blank * (QUIET_ZONE * unit)
        side = modules * unit
        image = QImage(data_bytes, side, side, side, QImage.Format.Format_Grayscale8).copy()
        pixmap = QPixmap.fromImage(image)
        self.setPixmap(pixmap)
