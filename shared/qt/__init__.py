"""The Qt side of `shared`: the hub client (REST, event stream) and the discovery glue.

Only `*.qt` packages import PySide6; everything else in `shared` runs without Qt.
"""
