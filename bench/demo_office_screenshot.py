"""The README's picture of the demo office: `aufruf demo --windows` under Xvfb at 1920x1080.

Run: ``.venv/bin/python bench/demo_office_screenshot.py`` (needs Xvfb: `apt-get install xvfb
x11-utils`; tasks.py installs it as root). Waits until every window is in its place and the
wall display has shown some calls, then grabs the whole screen into
docs/screenshots/demo-office.png.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # the tests' helpers: the demo as a process, Xvfb

from tests.demo_office import SHOWN, demo  # noqa: E402
from tests.xserver import missing_xvfb, screenshot, xvfb  # noqa: E402

OUT = REPO / "docs" / "screenshots" / "demo-office.png"
SPEED = 20.0
CALLS = 6
"""Calls on the wall display before the picture: the windows show a working office."""
WAITS = re.compile(r"^\S+: at \S+ waiting (.+)$")


def _someone_waits(waits: list[re.Match[str]]) -> bool:
    """The latest list a counter printed (at a call) has someone in it."""
    return bool(waits) and waits[-1][1] != "-"


def main() -> int:
    """Run the demo under Xvfb, wait for its calls, save the screen."""
    reason = missing_xvfb()
    if reason is not None:
        print(reason, file=sys.stderr)
        return 1
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    with (
        tempfile.TemporaryDirectory(prefix="aufruf-demo-shot-") as folder,
        xvfb(1920, 1080) as x,
        demo(Path(folder), env | {"DISPLAY": x}, SPEED) as running,
    ):
        running.wait("the windows placed", running.placed)
        running.wait(
            f"{CALLS} calls on the wall display, and a counter's list with someone waiting",
            lambda: (
                len([m for m in running.matches(SHOWN) if m[1] == "display"]) >= CALLS
                and _someone_waits(running.matches(WAITS))
            ),
            timeout=900,
        )
        screenshot(x, OUT)
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
