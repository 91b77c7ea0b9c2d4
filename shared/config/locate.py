"""Find the line of a key in a TOML text: tomllib gives values, not positions.

`key_lines(text)` scans a text that tomllib has already accepted and maps every key path
(table headers, keys, dotted keys, array elements, inline-table keys) to the 1-based line
where it is defined; `locate(lines, loc)` finds the line for a pydantic error location,
falling back to the nearest enclosing key that exists.
"""

from __future__ import annotations

from collections.abc import Mapping

Loc = tuple[str | int, ...]
"""A key path: ('counters', 3, 'services', 'blue_card')."""

_BARE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")
_ESCAPES = {
    "b": "\b",
    "t": "\t",
    "n": "\n",
    "f": "\f",
    "r": "\r",
    '"': '"',
    "\\": "\\",
    "e": "\x1b",
}
_SCALAR_END = frozenset(",]}\n#")


class _Scanner:
    """One pass over a valid TOML text, recording where each key path begins."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.line = 1
        self.lines: dict[Loc, int] = {}
        self.array_tables: dict[Loc, int] = {}

    def peek(self, n: int = 1) -> str:
        return self.text[self.pos : self.pos + n]

    def record(self, path: Loc, line: int | None = None) -> None:
        self.lines.setdefault(path, self.line if line is None else line)

    def advance(self, n: int = 1) -> None:
        self.line += self.text.count("\n", self.pos, self.pos + n)
        self.pos += n

    def skip_blank(self, *, newlines: bool) -> None:
        """Skip spaces and tabs (and newlines and comments when ``newlines``)."""
        while self.pos < len(self.text):
            char = self.text[self.pos]
            if char in " \t\r" or (newlines and char == "\n"):
                self.advance()
            elif newlines and char == "#":
                end = self.text.find("\n", self.pos)
                self.advance((len(self.text) if end < 0 else end) - self.pos)
            else:
                return

    def scan(self) -> dict[Loc, int]:
        table: Loc = ()
        while True:
            self.skip_blank(newlines=True)
            if self.pos >= len(self.text):
                return self.lines
            if self.peek(2) == "[[":
                self.advance(2)
                table = self.header(array=True)
            elif self.peek() == "[":
                self.advance()
                table = self.header(array=False)
            else:
                self.key_value(table)

    def header(self, *, array: bool) -> Loc:
        keys = self.key()
        self.advance(2 if array else 1)  # the closing ]] or ]
        path: Loc = ()
        for key in keys[:-1]:
            path = (*path, key)
            self.record(path)  # an implicit parent table begins here at the latest
            if path in self.array_tables:
                path = (*path, self.array_tables[path] - 1)
        path = (*path, keys[-1])
        self.record(path)
        if not array:
            return path
        index = self.array_tables.get(path, 0)
        self.array_tables[path] = index + 1
        self.record((*path, index))
        return (*path, index)

    def key(self) -> list[str]:
        """A possibly dotted key; leaves the position after it (and its trailing blanks)."""
        parts: list[str] = []
        while True:
            self.skip_blank(newlines=False)
            char = self.peek()
            if char in "\"'":
                parts.append(self.string())
            else:
                start = self.pos
                while self.pos < len(self.text) and self.text[self.pos] in _BARE:
                    self.pos += 1
                parts.append(self.text[start : self.pos])
            self.skip_blank(newlines=False)
            if self.peek() != ".":
                return parts
            self.advance()

    def key_value(self, table: Loc) -> None:
        line = self.line
        path = table
        for part in self.key():
            path = (*path, part)
            self.record(path, line)
        self.advance()  # the =
        self.skip_blank(newlines=False)
        self.value(path)

    def value(self, path: Loc) -> None:
        char = self.peek()
        if char in "\"'":
            self.string()
        elif char == "[":
            self.advance()
            self.array(path)
        elif char == "{":
            self.advance()
            self.inline_table(path)
        else:
            while self.pos < len(self.text) and self.text[self.pos] not in _SCALAR_END:
                self.pos += 1

    def array(self, path: Loc) -> None:
        index = 0
        while True:
            self.skip_blank(newlines=True)
            char = self.peek()
            if char == "]":
                self.advance()
                return
            if char == ",":
                self.advance()
                continue
            self.record((*path, index))
            self.value((*path, index))
            index += 1

    def inline_table(self, path: Loc) -> None:
        while True:
            self.skip_blank(newlines=True)
            char = self.peek()
            if char == "}":
                self.advance()
                return
            if char == ",":
                self.advance()
                continue
            self.key_value(path)

    def string(self) -> str:
        """A basic, literal or multi-line string; returns its (decoded) text."""
        quote = self.peek()
        multi = self.peek(3) == quote * 3
        delim = quote * 3 if multi else quote
        self.advance(len(delim))
        out: list[str] = []
        while not self.text.startswith(delim, self.pos):
            char = self.text[self.pos]
            if quote == '"' and char == "\\":
                out.append(self.escape())
            else:
                out.append(char)
                self.advance()
        self.advance(len(delim))
        extra = 0
        while multi and extra < 2 and self.peek() == quote:  # up to two quotes end the content
            out.append(quote)
            self.advance()
            extra += 1
        return "".join(out)

    def escape(self) -> str:
        code = self.text[self.pos + 1]
        if code in _ESCAPES:
            self.advance(2)
            return _ESCAPES[code]
        if code in "uU":
            size = 4 if code == "u" else 8
            digits = self.text[self.pos + 2 : self.pos + 2 + size]
            self.advance(2 + size)
            return chr(int(digits, 16))
        # a line-ending backslash in a multi-line string: skip it and all whitespace after
        self.advance()
        while self.pos < len(self.text) and self.text[self.pos] in " \t\r\n":
            self.advance()
        return ""


def key_lines(text: str) -> dict[Loc, int]:
    """Every key path of a valid TOML text mapped to the 1-based line that defines it."""
    scanner = _Scanner(text)
    try:
        return scanner.scan()
    except (IndexError, ValueError, RecursionError):  # not valid TOML after all: keep what we have
        return scanner.lines


def locate(lines: Mapping[Loc, int], loc: Loc) -> int | None:
    """The line of ``loc``, or of its nearest enclosing key; parts not in the file are skipped."""
    found: Loc = ()
    for part in loc:
        candidate = (*found, part)
        if candidate in lines:
            found = candidate
    return lines[found] if found else None
