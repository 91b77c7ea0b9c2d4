"""Command-line input: the exit code and error for bad input, and the value types it checks."""

from __future__ import annotations

import argparse

USAGE_ERROR = 2


class UsageError(Exception):
    """Bad input on the command line: printed, exit code 2."""


def positive_number(text: str) -> float:
    """A number in (0, 10000] (a speed, a duration)."""
    value = float(text)
    if not 0 < value <= 10_000:
        raise argparse.ArgumentTypeError(f"{text} is not a number in (0, 10000]")
    return value


def seconds_to_wait(text: str) -> float:
    """A number of seconds in [0, 600] (how long to wait)."""
    value = float(text)
    if not 0 <= value <= 600:
        raise argparse.ArgumentTypeError(f"{text} is not a number of seconds in [0, 600]")
    return value


def tcp_port(text: str) -> int:
    """A TCP port, 0 to 65535 (0 picks a free one)."""
    value = int(text)
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"{text} is not a port (0-65535)")
    return value


# argparse words a value that is not a number with the type's name ("invalid _port value:
# 'x'"); these are the names it has always shown.
positive_number.__name__ = "_positive"
seconds_to_wait.__name__ = "_seconds"
tcp_port.__name__ = "_port"
