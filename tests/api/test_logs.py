"""The journald log format: `<priority>logger: message`, no timestamp."""

from __future__ import annotations

import logging

from server.logs import JournalFormatter


def _record(level: int, message: str, exc: bool = False) -> logging.LogRecord:
    info = None
    if exc:
        try:
            raise ValueError("boom")
        except ValueError:
            import sys  # noqa: PLC0415

            info = sys.exc_info()
    return logging.LogRecord("server.app", level, __file__, 1, message, ("x",), info)


def test_journal_lines_carry_the_syslog_priority() -> None:
    formatter = JournalFormatter()
    assert formatter.format(_record(logging.INFO, "serving %s")) == "<6>server.app: serving x"
    assert formatter.format(_record(logging.WARNING, "w %s")).startswith("<4>server.app: w x")
    assert formatter.format(_record(logging.ERROR, "e %s")).startswith("<3>")
    assert formatter.format(_record(logging.DEBUG, "d %s")).startswith("<7>")
    failed = formatter.format(_record(logging.CRITICAL, "c %s", exc=True))
    assert failed.startswith("<2>server.app: c x\nTraceback")
    assert failed.endswith("ValueError: boom")
