"""Logging to stderr: plain `<prio>logger: message` lines under journald, timestamps elsewhere."""

from __future__ import annotations

import logging
import os
import sys

# syslog priorities that journald reads from a `<N>` line prefix (sd-daemon(3)).
_PRIORITY = {
    logging.CRITICAL: 2,
    logging.ERROR: 3,
    logging.WARNING: 4,
    logging.INFO: 6,
    logging.DEBUG: 7,
}


class JournalFormatter(logging.Formatter):
    """Formats `<priority>logger: message` without a timestamp (journald adds its own)."""

    def format(self, record: logging.LogRecord) -> str:
        """Render one record with its syslog priority prefix."""
        priority = _PRIORITY.get(record.levelno, 6)
        text = f"<{priority}>{record.name}: {record.getMessage()}"
        if record.exc_info:
            text += "\n" + self.formatException(record.exc_info)
        return text


def under_journald() -> bool:
    """Whether stderr is connected to the systemd journal."""
    return bool(os.environ.get("JOURNAL_STREAM"))


def configure_logging(level: int = logging.INFO) -> None:
    """Send all logs (ours and uvicorn's) to stderr in one concise format."""
    handler = logging.StreamHandler(sys.stderr)
    if under_journald():
        handler.setFormatter(JournalFormatter())
    else:
        handler.setFormatter(
            logging.Formatter("%(asctime)s %(levelname)-7s %(name)s: %(message)s", "%H:%M:%S")
        )
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        uvicorn_logger = logging.getLogger(name)
        uvicorn_logger.handlers.clear()
        uvicorn_logger.propagate = True
    logging.getLogger("uvicorn.access").setLevel(logging.WARNING)
    logging.getLogger("alembic").setLevel(logging.WARNING)
