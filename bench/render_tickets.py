"""The sample ticket in every language on both papers, as rendered and as printed.

For each language and paper it writes, into docs/screenshots/ by default:
- ``ticket-<lang>-<58|80>.png``: the renderer's picture (`hardware.qt.render.render_ticket`);
- ``ticket-<lang>-<58|80>-printed.png``: what a printer in the default mode prints - raster
  with the big number in the printer's own font and the QR code native - read back from the
  job's bytes by the printer emulator (`hardware.emulator.interpret`).

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/render_tickets.py [out] [--languages de ar]

Prints the render time per ticket and the size of its print job.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from hardware.emulator import interpret
from hardware.escpos.profile import PrinterProfile
from hardware.escpos.ticket import encode_ticket
from hardware.qt.render import ensure_gui_app, render_ticket, ticket_picture
from hardware.texts import LANGUAGES
from hardware.ticket_sample import sample_ticket
from shared.config.printer import PaperWidth, PrintMode

_PAPER_MM = {PaperWidth.MM58: 58, PaperWidth.MM80: 80}


def _parser() -> argparse.ArgumentParser:
    """The command line."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", nargs="?", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--languages", nargs="+", default=list(LANGUAGES), choices=LANGUAGES)
    return parser


def write_ticket(out: Path, language: str, paper: PaperWidth) -> str:
    """Write the rendered and the printed picture of one sample ticket; a line for the log."""
    ticket = sample_ticket(language)
    stem = out / f"ticket-{language}-{_PAPER_MM[paper]}"
    start = time.perf_counter()
    image = render_ticket(ticket, paper)
    elapsed = (time.perf_counter() - start) * 1000
    if not image.save(f"{stem}.png"):
        raise OSError(f"could not write {stem}.png")
    job = encode_ticket(
        ticket, ticket_picture(ticket, paper), PrinterProfile(paper=paper), PrintMode.RASTER
    )
    printed = interpret(job, paper.dots)
    Path(f"{stem}-printed.png").write_bytes(printed.png())
    return (
        f"{stem}.png: {image.width()}x{image.height()} in {elapsed:.1f} ms; "
        f"printed: {len(job):,} bytes, {printed.image.height} rows"
    )


def main() -> None:
    """Write the screenshots and report timings."""
    args = _parser().parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    ensure_gui_app()
    for language in args.languages:
        for paper in _PAPER_MM:
            print(write_ticket(args.out, language, paper))


if __name__ == "__main__":
    main()
