"""A device's token, kept between starts in the user's config dir. Qt-free.

A device (kiosk, display, counter PC) is paired once: the admin runs
``aufruf device add --role kiosk --name …`` and enters the printed token on the device. The
token is written with mode 0600 to ``<user config dir>/aufruf/<role>-token``.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from platformdirs import user_config_dir

log = logging.getLogger(__name__)

__all__ = ["TokenStore", "looks_like_token"]

_MAX_TOKEN = 256


def looks_like_token(text: str) -> bool:
    """Whether ``text`` can be a device token (URL-safe characters, sensible length)."""
    token = text.strip()
    return 16 <= len(token) <= _MAX_TOKEN and all(c.isalnum() or c in "-_.~" for c in token)


class TokenStore:
    """Loads and saves one role's device token."""

    def __init__(self, role: str, directory: Path | None = None) -> None:
        self.role = role
        self.directory = directory or Path(user_config_dir("aufruf"))

    @property
    def path(self) -> Path:
        """Where the token lives."""
        return self.directory / f"{self.role}-token"

    def load(self) -> str | None:
        """The saved token, or None when there is none (or it cannot be read)."""
        try:
            token = self.path.read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            return None
        except OSError as exc:
            log.warning("cannot read the device token at %s: %s", self.path, exc)
            return None
        return token if looks_like_token(token) else None

    def save(self, token: str) -> None:
        """Keep ``token`` for the next start (owner-only file)."""
        self.directory.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as file:
            file.write(token.strip() + "\n")
        log.info("device token saved to %s", self.path)

    def forget(self) -> None:
        """Remove the token (the hub refused it)."""
        self.path.unlink(missing_ok=True)
