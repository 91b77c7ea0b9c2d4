"""The hub, the domain and every module outside a `qt` package work where Qt is not installed.

PySide6 is made unimportable in a child interpreter; every Qt-free module is imported there and
the hub issues a ticket.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

SCRIPT = textwrap.dedent(
    """
    import importlib.abc, sys

    class NoQt(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name == "PySide6" or name.startswith("PySide6.") or name == "shiboken6":
                raise ImportError(f"{name} is not installed (headless test)")
            return None

    sys.meta_path.insert(0, NoQt())
    import importlib, pkgutil

    QT_FREE_PACKAGES = ("shared", "server", "hardware", "kiosk", "counter", "display")
    imported = 0
    for top in QT_FREE_PACKAGES:
        package = importlib.import_module(top)
        for info in pkgutil.walk_packages(package.__path__, top + "."):
            parts = info.name.split(".")
            if "qt" in parts or "migrations" in parts or parts[-1] == "__main__":
                continue
            importlib.import_module(info.name)
            imported += 1
    assert "PySide6" not in sys.modules
    print("IMPORTED", imported)
    from datetime import UTC, datetime
    from pathlib import Path

    from server.app import create_app
    from server.cli import main  # noqa: F401
    from server.store import Store
    from server.db.engine import create_engine_for, migrate
    from shared.clock import FakeClock
    from shared.config import load_config

    config = load_config(Path("examples/office.toml"))
    engine = create_engine_for(f"sqlite:///{sys.argv[1]}")
    migrate(engine)
    clock = FakeClock(datetime(2026, 11, 23, 8, 0, tzinfo=UTC))
    store = Store(engine, config.to_site(), clock)
    create_app(store, site=config.to_site(), config=config, clock=clock)
    service = next(iter(config.to_site().services))
    issued = store.issue_ticket(
        service_id=service, language="de", idempotency_key="k1", issuer_id="kiosk-1"
    )
    assert "PySide6" not in sys.modules
    print("ISSUED", issued.ticket.number)
    """
)


def test_hub_runs_without_qt(tmp_path: Path) -> None:
    """Every module outside a `qt` package imports, and the hub runs, without PySide6."""
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path / "db.sqlite3")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "ISSUED " in result.stdout
    imported = int(result.stdout.split("IMPORTED ")[1].split()[0])
    assert imported > 40
