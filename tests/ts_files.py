"""Checks shared by the apps' translation tests: lupdate's view of the code against the .ts."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path

import PySide6

ROOT = Path(__file__).resolve().parents[1]
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    """(context, source) -> the <message> element of a .ts file."""
    root = ET.parse(path).getroot()
    return {
        (context.findtext("name", ""), message.findtext("source", "")): message
        for context in root.iter("context")
        for message in context.iter("message")
    }


def extract(sources: Sequence[str], folder: Path) -> set[tuple[str, str]]:
    """The strings the code asks Qt to translate, as lupdate finds them now."""
    target = folder / "now.ts"
    lupdate = Path(PySide6.__file__).parent / "lupdate"
    subprocess.run(
        [str(lupdate), "-silent", "-locations", "none", *sources, "-ts", str(target)],
        cwd=ROOT,
        check=True,
    )
    return set(messages(target))


def assert_every_string_finished(path: Path, extracted: set[tuple[str, str]]) -> None:
    """The file has exactly the code's strings, each translated, with the same placeholders."""
    assert path.exists(), f"{path.name} is missing"
    found = messages(path)
    assert set(found) == extracted, (
        f"{path.name}: run pyside6-lupdate and translate the new strings "
        f"(missing: {sorted(extracted - set(found))}, stale: {sorted(set(found) - extracted)})"
    )
    for (context, source), message in found.items():
        translation = message.find("translation")
        assert translation is not None
        where = f"{path.name}: {context}: {source!r}"
        assert translation.get("type") is None, f"{where} is {translation.get('type')}"
        text = translation.text or ""
        assert text.strip(), f"{where} is empty"
        wanted, got = sorted(PLACEHOLDER.findall(source)), sorted(PLACEHOLDER.findall(text))
        assert wanted == got, f"{where}: placeholders {got} instead of {wanted}"
