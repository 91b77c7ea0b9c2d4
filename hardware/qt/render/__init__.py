"""The ticket renderer: a `TicketPrint` drawn by Qt's text engine into the ticket's picture.

`layout` lays the ticket out and paints it (`render_ticket` -> QImage, `ticket_picture` ->
the Qt-free `TicketPicture` the ESC/POS encoder takes); `canvas` holds the sizes, fonts and
blocks; `fonts` finds the Noto family for each script.
"""

from hardware.qt.render.fonts import FontMissingError, check_fonts
from hardware.qt.render.layout import (
    bitmap_from_qimage,
    ensure_gui_app,
    render_ticket,
    ticket_picture,
)

__all__ = [
    "FontMissingError",
    "bitmap_from_qimage",
    "check_fonts",
    "ensure_gui_app",
    "render_ticket",
    "ticket_picture",
]
