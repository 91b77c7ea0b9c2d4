#!/usr/bin/env python3
"""Set up and run Aufruf on a fresh machine: `python3 tasks.py demo` or `python3 tasks.py test`.

Needs only Python 3.11+. Makes `.venv`, installs the system libraries Qt needs when run as
root (else prints the apt line), installs the package with its test extras, then runs.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / "bin"
APT_PACKAGES = [
    "libgl1",
    "libegl1",
    "libglib2.0-0",
    "libfontconfig1",
    "libdbus-1-3",
    "libxkbcommon0",
    "libpulse0",
    "fonts-noto-core",
    "fonts-noto-cjk",
    "espeak-ng",
    "chromium",  # the status pages' browser tests (selenium drives it)
    "chromium-driver",
    "python3-venv",
    "systemd",  # `systemd-analyze verify` checks the units in systemd/
    "xvfb",  # the demo office under a real X server (tests, README screenshot)
    "x11-utils",  # xwininfo: which windows the demo mapped
    "libxcb-cursor0",  # Qt's xcb platform plugin (the demo's windows on an X server) …
    "libxcb-icccm4",
    "libxcb-keysyms1",
]
STAMP = VENV / ".aufruf-installed"


def _run(*cmd: str | Path, env: dict[str, str] | None = None) -> None:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run([str(c) for c in cmd], check=True, cwd=ROOT, env=env)  # noqa: S603


def _missing_apt() -> list[str]:
    if not shutil.which("dpkg-query"):
        return []
    missing = []
    for pkg in APT_PACKAGES:
        out = subprocess.run(  # noqa: S603
            ["dpkg-query", "-W", "-f=${Status}", pkg],  # noqa: S607
            capture_output=True,
            text=True,
            check=False,
        )
        if "install ok installed" not in out.stdout:
            missing.append(pkg)
    return missing


def system_libraries() -> None:
    """Install the system libraries Qt needs (as root), or say which line to run."""
    missing = _missing_apt()
    if not missing:
        return
    line = "apt-get install -y " + " ".join(missing)
    if os.geteuid() == 0 and shutil.which("apt-get"):
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        _run("apt-get", "update", "-qq", env=env)
        _run(*line.split(), env=env)
    else:
        print(f"Note: Qt needs system libraries that are missing. As root run:\n  {line}")


def venv() -> None:
    """Make `.venv` and install the package with its test extras (once per pyproject)."""
    # The translations are compiled at install time: a changed .ts file installs again.
    sources = [ROOT / "pyproject.toml", *sorted(ROOT.glob("*/i18n/*.ts"))]
    stamp_text = "".join(path.read_text(encoding="utf-8") for path in sources)
    if STAMP.exists() and STAMP.read_text() == stamp_text:
        return
    if not (BIN / "python").exists():
        _run(sys.executable, "-m", "venv", VENV)
    _run(BIN / "python", "-m", "pip", "install", "-q", "--upgrade", "pip")
    _run(BIN / "python", "-m", "pip", "install", "-q", "-e", ".[test]")
    STAMP.write_text(stamp_text)


def demo() -> None:
    """Run the demo office on the example config with the embedded SQLite default."""
    args = sys.argv[2:]
    command = [str(BIN / "aufruf"), "demo", "examples/office.toml", "--windows", *args]
    os.execv(BIN / "aufruf", command)  # noqa: S606


def test() -> None:
    """Run every check CI runs: format, lint, types, import rules, tests."""
    env = dict(os.environ, PATH=f"{BIN}:{os.environ.get('PATH', '')}", QT_QPA_PLATFORM="offscreen")
    _run(BIN / "ruff", "format", "--check", ".", env=env)
    _run(BIN / "ruff", "check", ".", env=env)
    _run(BIN / "mypy", env=env)
    _run(BIN / "lint-imports", env=env)
    _run(BIN / "python", "-m", "pytest", *sys.argv[2:], env=env)


def main() -> None:
    """Dispatch `demo` or `test`."""
    commands = {"demo": demo, "test": test}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        sys.exit("usage: python3 tasks.py demo|test [args...]")
    if sys.version_info < (3, 11):  # noqa: UP036 - tasks.py runs on whatever python3 is
        sys.exit("Aufruf needs Python 3.11 or newer")
    system_libraries()
    venv()
    try:
        commands[sys.argv[1]]()
    except subprocess.CalledProcessError as exc:
        sys.exit(exc.returncode)


if __name__ == "__main__":
    main()
