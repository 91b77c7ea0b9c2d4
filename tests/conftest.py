"""Test setup shared by every suite: Qt runs offscreen, without a screen."""

from __future__ import annotations

import os

from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# A per-example wall-clock deadline measures the machine, not the code: the suite runs on busy
# shared boxes (two suites at once, other jobs), where one example may wait 200 ms for a CPU.
settings.register_profile("aufruf", deadline=None)
settings.load_profile("aufruf")

# Guards for every test: no unexpected WARNING/ERROR in the log, no process left behind.
pytest_plugins = ("tests.logfail", "tests.processes")
