"""Test setup shared by every suite: Qt runs offscreen, without a screen."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator

import pytest
from hypothesis import settings

from shared.shutdown import STOP_SIGNALS

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# A per-example wall-clock deadline measures the machine, not the code: the suite runs on busy
# shared boxes (two suites at once, other jobs), where one example may wait 200 ms for a CPU.
settings.register_profile("aufruf", deadline=None)
settings.load_profile("aufruf")

# Guards for every test: no unexpected WARNING/ERROR in the log, no process left behind.
pytest_plugins = ("tests.logfail", "tests.processes")


@pytest.fixture
def handlers_kept() -> Iterator[None]:
    """The test process's own SIGINT and SIGTERM handlers, as they were, after the test."""
    before = {sig: signal.getsignal(sig) for sig in STOP_SIGNALS}
    yield
    for sig, handler in before.items():
        signal.signal(sig, handler)
