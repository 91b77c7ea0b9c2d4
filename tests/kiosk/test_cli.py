"""`aufruf kiosk` reaches the kiosk without the hub importing Qt; bad input is an answer."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.qt.main import main
from server.cli import build_parser


def test_aufruf_kiosk_parses_its_options() -> None:
    args = build_parser().parse_args(
        ["kiosk", "--server", "http://hub:8470", "--windowed", "--kiosk", "k1"]
    )
    assert (args.server, args.windowed, args.kiosk) == ("http://hub:8470", True, "k1")
    assert args.func.__name__ == "cmd_kiosk"


def test_a_site_without_kiosks_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / "office.toml"
    site.write_text(
        '[site]\nid = "s"\nname = "S"\n\n[[services]]\nid = "a"\nletter = "A"\n'
        'names = { de = "A", en = "A" }\n\n[[counters]]\nid = "c"\nname = "C"\n'
        "services = { a = 1 }\n",
        encoding="utf-8",
    )
    assert main(["--config", str(site)]) == 2
    assert "has no [[kiosks]]" in capsys.readouterr().err
    assert main(["--config", str(tmp_path / "missing.toml")]) == 2
