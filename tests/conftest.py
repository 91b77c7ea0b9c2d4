"""Test setup shared by every suite: Qt runs offscreen, without a screen."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Guards for every test: no unexpected WARNING/ERROR in the log, no process left behind.
pytest_plugins = ("tests.logfail", "tests.processes")
