"""`aufruf display [--server URL] [--windowed]`: the hub's CLI hands over to the display."""

from __future__ import annotations

from pathlib import Path

from display.qt.main import build_parser as display_parser
from server.cli import build_parser, cmd_display


def test_aufruf_display_dispatches_to_the_display() -> None:
    args = build_parser().parse_args(["display", "--server", "http://hub:8470", "--windowed"])
    assert args.func is cmd_display
    assert (args.server, args.windowed) == ("http://hub:8470", True)
    plain = build_parser().parse_args(["display"])
    assert (plain.server, plain.windowed) == (None, False)  # zeroconf, full screen


def test_the_display_reads_its_own_options(tmp_path: Path) -> None:
    stamps = tmp_path / "paints.txt"
    args = display_parser().parse_args(["--server", "http://h:1", "--stamp-paints", str(stamps)])
    assert (args.server, args.windowed, args.stamp_paints) == ("http://h:1", False, stamps)
