"""Real-time printer status: DLE EOT requests and what their answers mean."""

from __future__ import annotations

from dataclasses import dataclass

from hardware.escpos.encode import StatusRequest, status_request
from hardware.printer import PrinterStatus
from hardware.transports.base import Transport

# Bits of the DLE EOT answers (Epson ESC/POS reference).
_FIXED_MASK, _FIXED_VALUE = 0x93, 0x12  # bits 0,1,4,7 are fixed: 0,1,1,0
_PRINTER_OFFLINE = 0x08
_COVER_OPEN = 0x04
_PAPER_STOP = 0x20
_ERROR = 0x40
_PAPER_NEAR_END = 0x0C
_PAPER_OUT = 0x60


@dataclass(frozen=True, slots=True)
class StatusBytes:
    """The answers to DLE EOT 1 (printer), 2 (offline cause) and 4 (paper roll)."""

    printer: int
    offline_cause: int
    paper: int


def decode_status(answers: StatusBytes) -> PrinterStatus:
    """The status the three answers mean; malformed answers are UNKNOWN, never OK."""
    values = (answers.printer, answers.offline_cause, answers.paper)
    if any(value & _FIXED_MASK != _FIXED_VALUE for value in values):
        return PrinterStatus.UNKNOWN
    checks = (
        (answers.offline_cause & _COVER_OPEN, PrinterStatus.COVER_OPEN),
        (
            answers.paper & _PAPER_OUT or answers.offline_cause & _PAPER_STOP,
            PrinterStatus.PAPER_OUT,
        ),
        (answers.offline_cause & _ERROR, PrinterStatus.ERROR),
        (answers.printer & _PRINTER_OFFLINE, PrinterStatus.OFFLINE),
        (answers.paper & _PAPER_NEAR_END, PrinterStatus.PAPER_NEAR_END),
    )
    return next((status for flagged, status in checks if flagged), PrinterStatus.OK)


def _ask(transport: Transport, kind: StatusRequest, timeout: float) -> int | None:
    """One DLE EOT request; None when no answer came in time."""
    transport.write(status_request(kind))
    answer = transport.read(1, timeout)
    return answer[0] if answer else None


def query_status(transport: Transport, timeout: float) -> PrinterStatus:
    """Ask the device; OFFLINE when any answer is missing, UNKNOWN when it cannot answer.

    OSError from the transport (a hang-up) propagates to the caller.
    """
    if not transport.readable:
        return PrinterStatus.UNKNOWN
    printer = _ask(transport, StatusRequest.PRINTER, timeout)
    if printer is None:
        return PrinterStatus.OFFLINE
    offline = _ask(transport, StatusRequest.OFFLINE_CAUSE, timeout)
    paper = _ask(transport, StatusRequest.PAPER, timeout)
    if offline is None or paper is None:
        return PrinterStatus.OFFLINE
    return decode_status(StatusBytes(printer, offline, paper))
