"""What every part of the `Store` works with: the engines, the site, the clock, the settings."""

from __future__ import annotations

from sqlalchemy import Engine

from server.db import trust
from server.db.engine import read_engine
from server.db.outcomes import StoreSettings
from shared.clock import Clock
from shared.domain import Site
from shared.policy import PolicySettings

DEFAULT_SETTINGS = StoreSettings()


class StoreBase:
    """The state the store's parts share (`Store` is all of them; each part is one concern)."""

    def __init__(
        self, engine: Engine, site: Site, clock: Clock, settings: StoreSettings = DEFAULT_SETTINGS
    ) -> None:
        self._engine = engine
        self._reader = read_engine(engine)
        self._site = site
        self._clock = clock
        self._settings = settings
        self.principals = trust.PrincipalCache(self._reader, clock)

    @property
    def site(self) -> Site:
        """The site this store serves."""
        return self._site

    @property
    def policy(self) -> PolicySettings:
        """The queue policy's settings that *call next* uses."""
        return self._settings.policy
