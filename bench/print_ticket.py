"""Bytes per ticket and time to the last byte at the printer emulator.

Text vs raster (and raster with GS L left trim), 58 vs 80 mm, de / ar / ti, over the
network emulator at full speed and throttled to 9600 baud (960 bytes/s).

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/print_ticket.py [--quick]
"""

from __future__ import annotations

import argparse
import os
import time
from dataclasses import dataclass

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from hardware.emulator import EmulatorState, NetworkPrinterEmulator
from hardware.escpos_config import PrinterConfig, PrinterProfile, TransportKind
from hardware.escpos_printer import EscposPrinter
from hardware.escpos_text import text_mode_supported
from hardware.escpos_ticket import encode_ticket
from hardware.render import ensure_gui_app
from hardware.ticket import PaperWidth, PrintMode
from hardware.ticket_sample import sample_ticket

BAUD_9600 = 960
TARGETS = {PrintMode.TEXT: 3_000, PrintMode.RASTER: 25_000}


@dataclass(frozen=True)
class Case:
    """One measured combination."""

    paper: PaperWidth
    language: str
    mode: PrintMode
    trim_left: bool

    @property
    def label(self) -> str:
        """Mode column text."""
        return f"{self.mode}{' +GS L' if self.trim_left else ''}"


def cases() -> list[Case]:
    """Every combination worth printing (text only where the code table has the script)."""
    out = []
    for paper in PaperWidth:
        for language in ("de", "ar", "ti"):
            if text_mode_supported(sample_ticket(language), PrinterProfile(paper=paper)):
                out.append(Case(paper, language, PrintMode.TEXT, trim_left=False))
            out.append(Case(paper, language, PrintMode.RASTER, trim_left=False))
            out.append(Case(paper, language, PrintMode.RASTER, trim_left=True))
    return out


def measure(case: Case, *, throttled: bool) -> tuple[int, float, float]:
    """(bytes, encode ms, seconds from send to the last byte at the emulator)."""
    profile = PrinterProfile(paper=case.paper, raster_left_margin=case.trim_left)
    started = time.perf_counter()
    job = encode_ticket(sample_ticket(case.language), profile, case.mode)
    encode_ms = (time.perf_counter() - started) * 1000
    state = EmulatorState.SLOW if throttled else EmulatorState.OK
    with NetworkPrinterEmulator(
        state=state, paper_width=case.paper, bytes_per_second=BAUD_9600
    ) as emulator:
        config = PrinterConfig(
            transport=TransportKind.NETWORK,
            host=emulator.host,
            port=emulator.port,
            profile=profile,
            write_timeout=120.0,
        )
        printer = EscposPrinter(config)
        sent = time.monotonic()
        printer.print_job(job)
        printer.close()
        (received,) = emulator.wait_for_jobs(1, timeout=300)
    return len(job), encode_ms, received.last_byte_at - sent


def main() -> None:
    """Print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="9600-baud runs for de only")
    args = parser.parse_args()
    ensure_gui_app()
    print(
        "| paper | lang | mode | bytes | target | render+encode ms | LAN ms | 9600 baud s |\n"
        "|---|---|---|---:|---:|---:|---:|---:|"
    )
    for case in cases():
        size, encode_ms, lan = measure(case, throttled=False)
        slow = "-"
        if not args.quick or case.language == "de":
            slow = f"{measure(case, throttled=True)[2]:.1f}"
        target = TARGETS[case.mode]
        flag = "" if size <= target else " (over)"
        print(
            f"| {case.paper.name[2:]} mm | {case.language} | {case.label} | {size:,}{flag} | "
            f"{target:,} | {encode_ms:.0f} | {lan * 1000:.1f} | {slow} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
