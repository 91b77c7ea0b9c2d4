"""Command-line input: the exit code and error for bad input, and the value types it checks."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TypeVar

USAGE_ERROR = 2

Number = TypeVar("Number", int, float)


class UsageError(Exception):
    """Bad input on the command line: printed, exit code 2."""


def _checked(
    text: str,
    kind: str,
    parse: Callable[[str], Number],
    fits: Callable[[Number], bool],
    wanted: str,
) -> Number:
    """`text` parsed and checked; else argparse's error "invalid KIND 'TEXT': WANTED".

    An `ArgumentTypeError` is what argparse prints as it is; a bare `ValueError` (not a number)
    it would word with the function's name ("invalid tcp_port value: 'x'").
    """
    try:
        value = parse(text)
    except ValueError:
        value = None
    if value is None or not fits(value):
        raise argparse.ArgumentTypeError(f"invalid {kind} {text!r}: {wanted}")
    return value


def positive_number(text: str) -> float:
    """A number in (0, 10000] (a speed, a duration)."""
    return _checked(
        text, "number", float, lambda v: 0 < v <= 10_000, "a number above 0, at most 10000"
    )


def seconds_to_wait(text: str) -> float:
    """A number of seconds in [0, 600] (how long to wait)."""
    return _checked(text, "seconds", float, lambda v: 0 <= v <= 600, "a number from 0 to 600")


def tcp_port(text: str) -> int:
    """A TCP port, 0 to 65535 (0 picks a free one)."""
    return _checked(text, "port", int, lambda v: 0 <= v <= 65535, "a number from 0 to 65535")
