"""ScanFramer: bytes from a scanner in, valid codes out (pure logic, no device)."""

from __future__ import annotations

import logging

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hardware.scanner import ScanFramer


@pytest.mark.parametrize("terminator", [b"\r", b"\n", b"\r\n"])
def test_each_terminator_ends_a_frame(terminator: bytes) -> None:
    framer = ScanFramer()
    assert framer.feed(b"T-2026-0042" + terminator + b"ABCD" + terminator) == [
        "T-2026-0042",
        "ABCD",
    ]
    assert framer.buffered == 0


def test_split_writes_are_joined() -> None:
    framer = ScanFramer()
    assert framer.feed(b"T-20") == []
    assert framer.feed(b"26-00") == []
    assert framer.feed(b"42\r") == ["T-2026-0042"]
    assert framer.feed(b"\n") == []  # the LF of a CRLF split across reads is no frame


def test_whitespace_is_stripped() -> None:
    assert ScanFramer().feed(b"  ABCD1 \t\r") == ["ABCD1"]


@pytest.mark.expect_log("hardware", "no valid code|undecodable")
def test_garbage_is_dropped_with_a_log_line(caplog: pytest.LogCaptureFixture) -> None:
    framer = ScanFramer()
    with caplog.at_level(logging.WARNING, logger="hardware.scanner"):
        codes = framer.feed(b"\x00\x17@@\r\xff\xfe\rab\rABCD\r")
    assert codes == ["ABCD"]
    messages = [r.getMessage() for r in caplog.records]
    assert any("no valid code" in m for m in messages)
    assert any("undecodable" in m for m in messages)


@pytest.mark.expect_log("hardware", "no valid code")
def test_custom_pattern() -> None:
    framer = ScanFramer(r"\d{6}")
    assert framer.feed(b"123456\rABCDEF\r1234567\r") == ["123456"]


@pytest.mark.expect_log("hardware", "without a terminator")
def test_very_long_line_is_bounded_and_dropped(caplog: pytest.LogCaptureFixture) -> None:
    framer = ScanFramer(max_length=64)
    with caplog.at_level(logging.WARNING, logger="hardware.scanner"):
        for _ in range(1000):
            assert framer.feed(b"X" * 50) == []
            assert framer.buffered <= 64
        assert framer.feed(b"XXX\rGOOD1\r") == ["GOOD1"]
    assert sum("without a terminator" in r.getMessage() for r in caplog.records) == 1


@pytest.mark.expect_log("hardware", "too long")
def test_long_frame_in_one_read_is_dropped() -> None:
    framer = ScanFramer(max_length=8)
    assert framer.feed(b"ABCDEFGHIJ\rABCD\r") == ["ABCD"]


def test_reset_forgets_half_a_frame() -> None:
    framer = ScanFramer()
    framer.feed(b"ABC")
    framer.reset()
    assert framer.feed(b"DEF1\r") == ["DEF1"]


codes = st.from_regex(r"[A-Z0-9-]{4,32}", fullmatch=True)


@given(
    st.lists(codes, min_size=1, max_size=8),
    st.sampled_from([b"\r", b"\n", b"\r\n"]),
    st.lists(st.integers(min_value=1, max_value=40), max_size=10),
)
def test_any_chunking_yields_the_same_codes(
    sent: list[str], terminator: bytes, cuts: list[int]
) -> None:
    stream = b"".join(code.encode() + terminator for code in sent)
    framer = ScanFramer()
    received: list[str] = []
    position = 0
    for cut in [*cuts, len(stream)]:
        received += framer.feed(stream[position : position + cut])
        position += cut
    received += framer.feed(stream[position:])
    assert received == sent
