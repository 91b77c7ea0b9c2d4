"""The ticket screenshots are made by a script: as rendered, and as printed in the default mode."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PIL import Image

REPO = Path(__file__).resolve().parents[2]


def test_the_script_writes_the_rendered_and_the_printed_ticket(tmp_path: Path) -> None:
    """Above the number both agree; the printed number is the printer's font, so more paper."""
    done = subprocess.run(
        [sys.executable, "bench/render_tickets.py", str(tmp_path), "--languages", "de"],
        check=False,
        cwd=REPO,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    for mm, dots in ((58, 384), (80, 576)):
        with (
            Image.open(tmp_path / f"ticket-de-{mm}.png") as rendered,
            Image.open(tmp_path / f"ticket-de-{mm}-printed.png") as printed,
        ):
            assert rendered.width == printed.width == dots
            assert printed.height > rendered.height
            top = (0, 0, dots, dots // 4)  # office name and "Ihre Nummer", above the number
            assert (
                rendered.convert("1").crop(top).tobytes()
                == printed.convert("1").crop(top).tobytes()
            )
