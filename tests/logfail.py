"""A test that logs an unexpected WARNING or ERROR fails (after qutebrowser's logfail).

Every record of WARNING or above, from any logger and any thread, during a test's setup, run
and teardown is collected; the test fails when one of them was not declared. A test that
expects one says so with a marker (and usually asserts it through `caplog`)::

    @pytest.mark.expect_log("shared.qt.stream", "skipping malformed frame")

The marker's first argument is a logger name (its children count too), the second a regular
expression searched in the message; it may be given more than once.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

MARKER = "expect_log"
SHOWN = 20  # records listed in the failure


@dataclass(frozen=True)
class Expected:
    """A WARNING or ERROR a test declares: from this logger (or a child), matching `pattern`."""

    logger: str
    pattern: str = ""

    def matches(self, record: logging.LogRecord) -> bool:
        """Whether `record` is one of the declared ones."""
        name = record.name
        ours = name == self.logger or name.startswith(self.logger + ".")
        return ours and re.search(self.pattern, record.getMessage()) is not None


class Collector(logging.Handler):
    """Keeps every record of WARNING and above (appending is safe from any thread)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        """Keep the record."""
        self.records.append(record)


def pytest_configure(config: pytest.Config) -> None:
    """Register the marker."""
    config.addinivalue_line(
        "markers",
        f"{MARKER}(logger, pattern=''): the test may log a WARNING or ERROR like this",
    )


@pytest.fixture(autouse=True)
def fail_on_unexpected_logs(request: pytest.FixtureRequest) -> Iterator[None]:
    """Fail the test when it logged a WARNING or ERROR that it did not declare."""
    expected = [Expected(*m.args, **m.kwargs) for m in request.node.iter_markers(MARKER)]
    collector = Collector()
    root = logging.getLogger()
    root.addHandler(collector)
    try:
        yield
    finally:
        root.removeHandler(collector)
    unexpected = [r for r in collector.records if not any(e.matches(r) for e in expected)]
    if unexpected:
        lines = "\n".join(f"  {r.levelname} {r.name}: {r.getMessage()}" for r in unexpected[:SHOWN])
        if len(unexpected) > SHOWN:
            lines += f"\n  … and {len(unexpected) - SHOWN} more"
        pytest.fail(
            f"the test logged {len(unexpected)} unexpected record(s):\n{lines}\n"
            f"(fix the cause, or declare it: @pytest.mark.{MARKER}(logger, pattern))",
            pytrace=False,
        )
