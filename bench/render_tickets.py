"""Render the sample ticket in every language on both papers into docs/screenshots/.

Run: .venv/bin/python bench/render_tickets.py [out_dir]
Prints the render time per ticket.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from hardware.qt.render import ensure_gui_app, render_ticket
from hardware.texts import LANGUAGES
from hardware.ticket_sample import sample_ticket
from shared.config.printer import PaperWidth

_PAPER_MM = {PaperWidth.MM58: 58, PaperWidth.MM80: 80}


def main() -> None:
    """Write docs/screenshots/ticket-<lang>-<58|80>.png and report timings."""
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    ensure_gui_app()
    for language in LANGUAGES:
        for paper, mm in _PAPER_MM.items():
            start = time.perf_counter()
            image = render_ticket(sample_ticket(language), paper)
            elapsed = (time.perf_counter() - start) * 1000
            path = out / f"ticket-{language}-{mm}.png"
            if not image.save(str(path)):
                raise OSError(f"could not write {path}")
            print(f"{path}: {image.width()}x{image.height()} in {elapsed:.1f} ms")


if __name__ == "__main__":
    main()
