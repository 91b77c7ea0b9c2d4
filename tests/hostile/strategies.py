"""Hypothesis strategies for what a hostile or broken client sends: text, numbers, JSON, bytes."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from hypothesis import strategies as st

HUGE = "\x01huge-number\x01"
"""Stands for `1e999999` in a JSON value (Python's json cannot write that literal)."""
_HUGE_JSON = json.dumps(HUGE)

NASTY_CHARACTERS = (
    "\x00",
    "\ud800",
    "\udfff",
    "\x1b",
    "\x7f",
    "\x85",
    "\u2028",
    "\u202e",
    "\ufeff",
    "\ufffe",
    "\uffff",
    "\U0010ffff",
    "\t",
    "\n",
    "\r",
    "%",
    "'",
    '"',
    "\\",
    "/",
    "a",
    "Ä",
    "ا",
)

nasty_text = st.one_of(
    st.text(alphabet=st.sampled_from(NASTY_CHARACTERS), max_size=20),
    st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=20),
    st.sampled_from(
        [
            "",
            " ",
            "\x00",
            "\ud800",
            "clerk\x00",
            "a" * 65,
            "a" * 513,
            "x" * 70_000,
            "\x00" * 1000,
            "../../etc/passwd",
            "' OR 1=1 --",
            "%00",
            "1e999999",
            "NaN",
            "-1",
            "0",
            str(2**63),
        ]
    ),
)
"""Strings with NUL, lone surrogates, controls, non-characters, huge lengths."""

nasty_number = st.one_of(
    st.integers(),
    st.sampled_from([0, -1, 2**31, 2**62 + 1, 2**63, -(2**63) - 1, 10**400]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.just(HUGE),
)
"""Integers of any size, floats including NaN and ±Infinity, and 1e999999."""

scalar = st.one_of(st.none(), st.booleans(), nasty_number, nasty_text)
nasty_json: st.SearchStrategy[Any] = st.recursive(
    scalar,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(nasty_text, inner, max_size=4)
    ),
    max_leaves=12,
)
"""Any JSON value built of the above, nested."""

raw_bodies = st.sampled_from(
    [
        b"[" * 100_000 + b"]" * 100_000,
        b'{"a":' * 50_000 + b"1" + b"}" * 50_000,
        b"{",
        b'{"username": "clerk", "password": ',
        b"\xff\xfe\x00",
        b'"\xed\xa0\x80"',
        b"null",
        b"{}" * 10,
        b'{"note": "' + b"n" * 200_000 + b'"}',
        b"\x00" * 100,
    ]
)
"""Bodies that are not JSON at all, or JSON too deep or too large."""


def json_text(value: Any) -> bytes:
    """`value` as JSON bytes the way a careless client writes it: NaN, Infinity, lone
    surrogates as \\u escapes, and `HUGE` as 1e999999."""
    text = json.dumps(value, ensure_ascii=True, allow_nan=True)
    return text.replace(_HUGE_JSON, "1e999999").encode("ascii")


def url_part(text: str) -> str:
    """`text` percent-encoded for a path or query (surrogates as their raw UTF-8 bytes)."""
    return quote(text.encode("utf-8", "surrogatepass"), safe="")
