"""A device token may begin with "-" (URL-safe base64): the demo hands it to a window so that
the window's argument parser cannot take it for an option (CI once lost the wall display so)."""

from __future__ import annotations

from pathlib import Path

from display.qt.demo import build_parser as display_parser

TOKEN = "-Zqzqd5g-i-5hAw88epmar3M2ssdCwIs6FV3GS2PGd5o"


def test_a_token_beginning_with_a_dash_reaches_the_display() -> None:
    shown = display_parser().parse_args(["--server", "http://hub", f"--token={TOKEN}"])
    assert shown.token == TOKEN


def test_the_demo_passes_tokens_joined_to_their_option() -> None:
    source = (Path(__file__).parents[2] / "server" / "demo" / "windows.py").read_text()
    assert '"--token",' not in source  # a separate argument would be read as an option
