"""Fixtures of the config tests: the example office text and the repository root."""

from __future__ import annotations

from pathlib import Path

import pytest

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "office.toml"


@pytest.fixture
def example_text() -> str:
    """The text of examples/office.toml."""
    return EXAMPLE.read_text(encoding="utf-8")
