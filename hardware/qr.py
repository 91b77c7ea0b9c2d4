"""The QR code on a ticket as a plain module matrix (Qt-free), for crisp drawing at whole dots."""

from __future__ import annotations

from functools import lru_cache

import qrcode
from qrcode.constants import ERROR_CORRECT_M

QrMatrix = tuple[tuple[bool, ...], ...]
"""Rows of modules, ``True`` = dark, without quiet zone."""

QUIET_ZONE = 4
"""Light modules the standard wants around the code."""


@lru_cache(maxsize=32)
def qr_matrix(data: str) -> QrMatrix:
    """The smallest QR code (error correction M) holding ``data``, as rows of modules.

    Cached: one ticket asks for its code several times (layout, native-QR band, the kiosk's
    screen), and finding the best mask takes ~20-40 ms each time.
    """
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0)
    code.add_data(data)
    code.make(fit=True)
    rows: list[list[bool]] = code.get_matrix()
    return tuple(tuple(bool(m) for m in row) for row in rows)


def module_size(modules: int, max_width: int, target_width: int) -> int:
    """Whole dots per module: near ``target_width`` overall, never wider than ``max_width``."""
    fit = max_width // (modules + 2 * QUIET_ZONE)
    return max(1, min(fit, max(3, round(target_width / modules))))
