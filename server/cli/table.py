"""The lists the store commands print (`device list`, `user list`): a row a line, tab-separated."""

from __future__ import annotations

from collections.abc import Iterable, Sequence


def print_rows(rows: Iterable[Sequence[str]]) -> None:
    """Print each row on a line of its own, its cells joined by tabs; nothing for no rows.

    Plain tabs, no padding or quoting, so `cut -f` and `awk -F'\\t'` read it as it has always
    been (a tab inside a name stays as it is).
    """
    for row in rows:
        print("\t".join(row))
