"""`python -m shared.qt.screenshot OUT.png`: the whole screen (the X root window) as a PNG.

What a person sees on the screen of `$DISPLAY`, every window in it (the demo office's README
picture, and the Xvfb test's look at the windows). Prints the PNG's size.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtGui import QGuiApplication


def main(argv: Sequence[str] | None = None) -> int:
    """Grab the primary screen into the file named; 0 when it was saved."""
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 1:
        print("usage: python -m shared.qt.screenshot OUT.png", file=sys.stderr)
        return 2
    app = QGuiApplication.instance() or QGuiApplication(["aufruf-screenshot"])
    assert isinstance(app, QGuiApplication)
    screen = app.primaryScreen()
    picture = screen.grabWindow(0)
    out = Path(args[0])
    if picture.isNull() or not picture.save(str(out)):
        print(f"cannot grab the screen into {out}", file=sys.stderr)
        return 1
    print(f"{out}: {picture.width()}x{picture.height()}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
