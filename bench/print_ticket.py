"""Bytes per ticket and time to the last byte at the printer emulator.

Text vs raster (the big number as the printer's own font or as a picture; plain, with GS L
left trim, or with ESC a justified bands), 58 vs 80 mm, de / ar / ti, over the network
emulator at full speed and throttled to 9600 baud (960 bytes/s). The throttled runs wait,
they do not compute, so they run side by side: the full run takes as long as the slowest
ticket (~40 s), not their sum.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/print_ticket.py [--quick]

``--quick`` (CI smoke, a few seconds) skips the 9600-baud runs.
"""

from __future__ import annotations

import argparse
import os
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from hardware.emulator import EmulatorState, NetworkPrinterEmulator
from hardware.escpos.printer import EscposPrinter
from hardware.escpos.profile import PrinterProfile
from hardware.escpos.text import text_mode_supported
from hardware.escpos.ticket import encode_ticket, needs_picture
from hardware.qt.render import ensure_gui_app, ticket_picture
from hardware.ticket_sample import sample_ticket
from hardware.transports.base import Timeouts
from shared.config.printer import NetworkPrinter, PaperWidth, PrinterTransport, PrintMode

BAUD_9600 = 960
TARGETS = {PrintMode.TEXT: 3_000, PrintMode.RASTER: 25_000}


@dataclass(frozen=True)
class Case:
    """One measured combination."""

    paper: PaperWidth
    language: str
    mode: PrintMode
    trim_left: bool = False
    justify: bool = False
    native_number: bool = True

    @property
    def label(self) -> str:
        """Mode column text."""
        if self.mode is PrintMode.TEXT:
            return "text"
        number = "native no." if self.native_number else "no. as raster"
        extra = " +GS L" if self.trim_left else " +ESC a" if self.justify else ""
        return f"raster, {number}{extra}"

    @property
    def profile(self) -> PrinterProfile:
        """The printer profile this case prints with."""
        return PrinterProfile(
            paper=self.paper,
            raster_left_margin=self.trim_left,
            raster_justify=self.justify,
            native_number=self.native_number,
        )


def cases() -> list[Case]:
    """Every combination worth printing (text only where the code table has the script)."""
    out = []
    for paper in (PaperWidth.MM58, PaperWidth.MM80):
        for language in ("de", "ar", "ti"):
            if text_mode_supported(sample_ticket(language), PrinterProfile(paper=paper)):
                out.append(Case(paper, language, PrintMode.TEXT))
            out.append(Case(paper, language, PrintMode.RASTER, native_number=False))
            out.append(Case(paper, language, PrintMode.RASTER))
            out.append(Case(paper, language, PrintMode.RASTER, trim_left=True))
            out.append(Case(paper, language, PrintMode.RASTER, justify=True))
    return out


def encode(case: Case) -> tuple[bytes, float]:
    """The job and the milliseconds rendering and encoding took."""
    started = time.perf_counter()
    ticket = sample_ticket(case.language)
    needed = needs_picture(ticket, case.profile, case.mode)
    picture = ticket_picture(ticket, case.paper) if needed else None
    job = encode_ticket(ticket, picture, case.profile, case.mode)
    return job, (time.perf_counter() - started) * 1000


def send(case: Case, job: bytes, *, throttled: bool) -> float:
    """Seconds from the call to print_job (status first) to the last byte at the emulator."""
    state = EmulatorState.SLOW if throttled else EmulatorState.OK
    with NetworkPrinterEmulator(
        state=state, paper_width=case.paper.dots, bytes_per_second=BAUD_9600
    ) as emulator:
        site = NetworkPrinter(
            transport=PrinterTransport.NETWORK,
            host=emulator.host,
            port=emulator.port,
            paper=case.paper,
        )
        printer = EscposPrinter(site, timeouts=Timeouts(write=120.0))
        sent = time.monotonic()
        printer.print_job(job)
        printer.close()
        (received,) = emulator.wait_for_jobs(1, timeout=300)
    return received.last_byte_at - sent


def main() -> None:
    """Print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="skip the 9600-baud runs")
    args = parser.parse_args()
    ensure_gui_app()
    all_cases = cases()
    jobs = [encode(case) for case in all_cases]
    lan = [send(case, job, throttled=False) for case, (job, _) in zip(all_cases, jobs, strict=True)]
    slow: list[float | None] = [None] * len(all_cases)
    if not args.quick:
        with ThreadPoolExecutor(max_workers=len(all_cases)) as pool:
            futures = [
                pool.submit(send, case, job, throttled=True)
                for case, (job, _) in zip(all_cases, jobs, strict=True)
            ]
            slow = [future.result() for future in futures]
    print(
        "| paper | lang | mode | bytes | target | render+encode ms | LAN ms | 9600 baud s |\n"
        "|---|---|---|---:|---:|---:|---:|---:|"
    )
    for case, (job, encode_ms), lan_s, slow_s in zip(all_cases, jobs, lan, slow, strict=True):
        target = TARGETS[case.mode]
        flag = "" if len(job) <= target else " (over)"
        baud = "-" if slow_s is None else f"{slow_s:.1f}"
        print(
            f"| {case.paper.name[2:]} mm | {case.language} | {case.label} | {len(job):,}{flag} | "
            f"{target:,} | {encode_ms:.0f} | {lan_s * 1000:.1f} | {baud} |"
        )


if __name__ == "__main__":
    main()
