"""Run a printer emulator for a demo: ``python -m hardware.emulator --port 9100 --out prints/``.

Every job that arrives is saved as ``job-0001.png`` (and its bytes as ``job-0001.bin``).
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from hardware.emulator.network import NetworkPrinterEmulator
from hardware.emulator.serial_pty import SerialPrinterEmulator
from hardware.transports.memory import EmulatorState
from shared.config.printer import PaperWidth
from shared.shutdown import interrupt_on_stop_signals

log = logging.getLogger(__name__)


def _parser() -> argparse.ArgumentParser:
    """The command line."""
    parser = argparse.ArgumentParser(prog="python -m hardware.emulator", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=9100)
    parser.add_argument("--serial", action="store_true", help="a pty instead of TCP")
    parser.add_argument("--paper", type=int, choices=(58, 80), default=80)
    parser.add_argument("--state", type=EmulatorState, default=EmulatorState.OK)
    parser.add_argument("--out", type=Path, default=Path("prints"))
    return parser


def main(argv: list[str] | None = None) -> int:
    """Serve until SIGINT or SIGTERM, saving each job as a PNG."""
    args = _parser().parse_args(argv)
    interrupt_on_stop_signals()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s: %(message)s")
    width = (PaperWidth.MM58 if args.paper == 58 else PaperWidth.MM80).dots
    args.out.mkdir(parents=True, exist_ok=True)
    emulator: NetworkPrinterEmulator | SerialPrinterEmulator
    if args.serial:
        emulator = SerialPrinterEmulator(args.state, paper_width=width)
    else:
        emulator = NetworkPrinterEmulator(args.host, args.port, args.state, paper_width=width)
    try:
        with emulator:
            _serve(emulator, args)
    except KeyboardInterrupt:
        log.info("printer emulator stopped")
    return 0


def _serve(
    emulator: NetworkPrinterEmulator | SerialPrinterEmulator, args: argparse.Namespace
) -> None:
    """Save each job that arrives, until interrupted."""
    where = (
        emulator.device
        if isinstance(emulator, SerialPrinterEmulator)
        else f"{emulator.host}:{emulator.port}"
    )
    log.info("printer emulator (%s, %d mm) ready at %s", args.state, args.paper, where)
    saved = 0
    while True:
        try:
            jobs = emulator.wait_for_jobs(saved + 1, timeout=1.0)
        except TimeoutError:
            continue
        for job in jobs[saved:]:
            saved += 1
            stem = args.out / f"job-{saved:04d}"
            stem.with_suffix(".bin").write_bytes(job.data)
            stem.with_suffix(".png").write_bytes(emulator.interpret(job).png())
            log.info("job %d: %d bytes -> %s.png", saved, len(job.data), stem)


if __name__ == "__main__":
    sys.exit(main())
