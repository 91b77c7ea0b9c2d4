"""Splits an ESC/POS byte stream into whole commands, knowing each command's length."""

from __future__ import annotations

from collections.abc import Iterator

_ESC, _GS, _DLE, _FS = 0x1B, 0x1D, 0x10, 0x1C

# Fixed total lengths (prefix byte included) of the commands we know.
_ESC_LENGTHS = {
    ord(c): n
    for c, n in {
        "@": 2, "2": 2, "<": 2, "a": 3, "E": 3, "!": 3, "d": 3, "J": 3, "t": 3, "3": 3,
        "-": 3, "M": 3, "G": 3, "V": 3, "{": 3, "R": 3, "e": 3, "U": 3, " ": 3, "$": 4,
        "p": 5, "c": 4, "=": 3, "r": 3,
    }.items()
}  # fmt: skip
_GS_LENGTHS = {
    ord(c): n
    for c, n in {
        "!": 3, "B": 3, "H": 3, "h": 3, "w": 3, "f": 3, "a": 3, "r": 3, "I": 3, "b": 3,
        "L": 4, "W": 4, "P": 4, "$": 4, "\\": 4,
    }.items()
}  # fmt: skip


_GS_HEADERS = {ord("V"): 3, ord("v"): 8, ord("("): 5, ord("8"): 7}
"""Bytes needed before the length of these variable GS commands is known."""


def _gs_length(buf: bytes, pos: int) -> int | None:
    """Length of the GS command at ``pos``; None while incomplete."""
    if pos + 1 >= len(buf):
        return None
    op = buf[pos + 1]
    header = _GS_HEADERS.get(op)
    if header is None:
        return _GS_LENGTHS.get(op, 2)
    if pos + header > len(buf):
        return None
    if op == ord("V"):
        length = 4 if buf[pos + 2] in (65, 66, 97, 98, 103, 104) else 3
    elif op == ord("v"):
        length = 8 + (buf[pos + 4] | buf[pos + 5] << 8) * (buf[pos + 6] | buf[pos + 7] << 8)
    elif op == ord("("):
        length = 5 + (buf[pos + 3] | buf[pos + 4] << 8)
    else:
        length = 7 + int.from_bytes(buf[pos + 3 : pos + 7], "little")
    return length


def _esc_length(buf: bytes, pos: int) -> int | None:
    """Length of the ESC command at ``pos``; None while incomplete."""
    if pos + 1 >= len(buf):
        return None
    op = buf[pos + 1]
    if op == ord("*"):
        if pos + 5 > len(buf):
            return None
        columns = buf[pos + 3] | buf[pos + 4] << 8
        return 5 + columns * (3 if buf[pos + 2] in (32, 33) else 1)
    return _ESC_LENGTHS.get(op, 2)


def command_length(buf: bytes, pos: int) -> int | None:
    """Length of the command or text run starting at ``pos``; None when more bytes are needed."""
    first = buf[pos]
    if first >= 0x20:
        end = pos
        while end < len(buf) and buf[end] >= 0x20:
            end += 1
        return end - pos
    if first == _ESC:
        length = _esc_length(buf, pos)
    elif first == _GS:
        length = _gs_length(buf, pos)
    elif first in (_DLE, _FS):
        length = 3 if first == _DLE and pos + 1 < len(buf) and buf[pos + 1] in (4, 5) else 2
    else:
        length = 1
    if length is None or pos + length > len(buf):
        return None
    return length


def split_commands(buf: bytes) -> tuple[list[bytes], bytes]:
    """Whole commands in ``buf`` and the incomplete tail left over."""
    commands: list[bytes] = []
    pos = 0
    while pos < len(buf):
        length = command_length(buf, pos)
        if length is None:
            break
        commands.append(buf[pos : pos + length])
        pos += length
    return commands, buf[pos:]


def iter_commands(buf: bytes) -> Iterator[bytes]:
    """Whole commands in a finished stream (an incomplete tail is yielded as is)."""
    commands, tail = split_commands(buf)
    yield from commands
    if tail:
        yield tail


def is_status_request(command: bytes) -> bool:
    """Whether the command is a DLE EOT real-time status request."""
    return len(command) == 3 and command[0] == _DLE and command[1] == 4
