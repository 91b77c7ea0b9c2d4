"""`aufruf kiosk` reaches the kiosk without the hub importing Qt; bad input is an answer."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.qt.main import main
from server.cli import build_parser

SITE_WITH_KIOSK = """
[site]
id = "s"
name = "S"

[[services]]
id = "a"
letter = "A"
names = { de = "A", en = "A" }

[[counters]]
id = "c"
name = "C"
services = { a = 1 }

[[kiosks]]
id = "k"
name = "K"
printer = { transport = "none" }
"""


IGNORING_SIGINT = (
    "import runpy, signal, sys; signal.signal(signal.SIGINT, signal.SIG_IGN); "
    "sys.argv[0] = 'aufruf-kiosk'; runpy.run_module('kiosk.qt.main', run_name='__main__')"
)
"""The kiosk as a background job of a non-interactive shell starts it: SIGINT ignored."""


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
    site.write_text(SITE_WITH_KIOSK, encoding="utf-8")
    assert main(["--config", str(site), "--kiosk", "nope"]) == 2
    assert "no kiosk 'nope' (known: k)" in capsys.readouterr().err


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_the_kiosk_stops_on_signals_even_when_sigint_was_ignored(
    tmp_path: Path, signum: signal.Signals
) -> None:
    """A background job starts with SIGINT ignored; the kiosk still stops on it (and TERM)."""
    site = tmp_path / "office.toml"
    site.write_text(SITE_WITH_KIOSK, encoding="utf-8")
    env = dict(os.environ, XDG_CONFIG_HOME=str(tmp_path), QT_QPA_PLATFORM="offscreen")
    args = ["--server", "http://127.0.0.1:1", "--windowed", "--config", str(site)]
    kiosk = subprocess.Popen(
        [sys.executable, "-c", IGNORING_SIGINT, *args], env=env, stderr=subprocess.PIPE, text=True
    )
    try:
        assert kiosk.stderr is not None
        for line in kiosk.stderr:
            if "hub at http://127.0.0.1:1" in line:
                break
        kiosk.send_signal(signum)
        assert kiosk.wait(20) == 0
    finally:
        if kiosk.poll() is None:
            kiosk.kill()
            kiosk.wait()
        if kiosk.stderr is not None:
            kiosk.stderr.close()
