"""The Qt side of `hardware`: the ticket renderer, the print queue, the serial scanner, the wedge.

Only `*.qt` packages import PySide6; everything else in `hardware` runs without Qt.
"""
