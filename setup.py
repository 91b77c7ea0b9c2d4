"""Build step: compile the apps' Qt translations (`*.ts` → `*.qm`) with Qt's lrelease.

Everything else is declared in `pyproject.toml`. `lrelease` ships inside PySide6-Essentials
(a build requirement). A regular build writes the `.qm` files into the wheel; an editable
install (`pip install -e .`) writes them next to their `.ts` files, where the app finds them.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

TRANSLATIONS = ("kiosk/i18n", "counter/i18n")


def _lrelease() -> Path:
    import PySide6  # noqa: PLC0415 - a build requirement, imported only when building

    return Path(PySide6.__file__).parent / "lrelease"


class BuildWithTranslations(build_py):
    """`build_py` plus `lrelease` for every `.ts` file."""

    def run(self) -> None:
        """Copy the packages, then compile the translations."""
        super().run()
        lrelease = _lrelease()
        for folder in TRANSLATIONS:
            for source in sorted(Path(folder).glob("*.ts")):
                target = source.parent if self.editable_mode else Path(self.build_lib) / folder
                target.mkdir(parents=True, exist_ok=True)
                qm = target / f"{source.stem}.qm"
                subprocess.run(  # noqa: S603
                    [str(lrelease), "-silent", str(source), "-qm", str(qm)], check=True
                )


setup(cmdclass={"build_py": BuildWithTranslations})
