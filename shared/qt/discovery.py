"""Hub discovery for Qt apps: `shared.discovery.browse` with its callbacks on the GUI thread."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from shared.discovery import HubAddress, browse

log = logging.getLogger(__name__)


class QtHubFinder(QObject):
    """Watches for hubs and reports them as Qt signals in this object's thread.

    Signals: ``hub_found(object)`` and ``hub_lost(object)``, each with a `HubAddress`.
    zeroconf calls back on its own thread; emitting a signal from there makes Qt queue the
    call to receivers in the GUI thread, so slots never run on zeroconf's thread.
    """

    hub_found = Signal(object)
    hub_lost = Signal(object)

    def __init__(self, interfaces: list[str] | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.interfaces = interfaces
        self._unsubscribe: Callable[[], None] | None = None

    @property
    def running(self) -> bool:
        """Whether the finder is browsing."""
        return self._unsubscribe is not None

    def start(self) -> None:
        """Begin browsing (no-op when already browsing)."""
        if self._unsubscribe is None:
            self._unsubscribe = browse(self._found, self._lost, self.interfaces)

    def stop(self) -> None:
        """Stop browsing and close zeroconf's sockets."""
        unsubscribe, self._unsubscribe = self._unsubscribe, None
        if unsubscribe is not None:
            unsubscribe()

    def _found(self, address: HubAddress) -> None:
        log.info("hub found: %s at %s (site %s)", address.name, address.url, address.site_id)
        self.hub_found.emit(address)

    def _lost(self, address: HubAddress) -> None:
        log.info("hub lost: %s", address.name)
        self.hub_lost.emit(address)


__all__ = ["QtHubFinder"]
