"""One name for loggers: every module that logs says `log = logging.getLogger(__name__)`."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("shared", "server", "hardware")


def _logger_names(path: Path) -> list[str]:
    """The module-level names bound to `logging.getLogger(__name__)` in one file."""
    names = []
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if not isinstance(node, ast.Assign) or not isinstance(node.value, ast.Call):
            continue
        call = node.value
        if (
            isinstance(call.func, ast.Attribute)
            and call.func.attr == "getLogger"
            and [ast.unparse(a) for a in call.args] == ["__name__"]
        ):
            names += [ast.unparse(target) for target in node.targets]
    return names


@pytest.mark.parametrize("package", PACKAGES)
def test_every_module_logger_is_called_log(package: str) -> None:
    others = {
        str(path.relative_to(ROOT)): names
        for path in sorted((ROOT / package).rglob("*.py"))
        if (names := _logger_names(path)) and names != ["log"]
    }
    assert others == {}
