"""Printer emulator: ESC/POS over TCP or a serial pty, interpreted back into a picture."""

from hardware.emulator.interpreter import Printout, TextRun, interpret
from hardware.emulator.network import NetworkPrinterEmulator
from hardware.emulator.serial_pty import SerialPrinterEmulator
from hardware.transports.memory import EmulatorJob, EmulatorState

__all__ = [
    "EmulatorJob",
    "EmulatorState",
    "NetworkPrinterEmulator",
    "Printout",
    "SerialPrinterEmulator",
    "TextRun",
    "interpret",
]
