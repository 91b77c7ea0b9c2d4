"""Find hubs on the local network: zeroconf browsing for ``_aufruf._tcp.local.``.

No Qt here: `browse` calls back on zeroconf's own thread, so a Qt app must marshal the
callbacks to its GUI thread (e.g. emit a signal, which Qt queues across threads).
"""

from __future__ import annotations

import ipaddress
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

from zeroconf import (
    InterfaceChoice,
    IPVersion,
    ServiceBrowser,
    ServiceInfo,
    ServiceStateChange,
    Zeroconf,
)

log = logging.getLogger(__name__)

SERVICE_TYPE = "_aufruf._tcp.local."
API_VERSION = 1
RESOLVE_TIMEOUT_MS = 3000


@dataclass(frozen=True, slots=True)
class HubAddress:
    """A hub found on the network."""

    name: str
    host: str
    port: int
    site_id: str
    api_version: int

    @property
    def url(self) -> str:
        """The hub's base URL for `QtHubClient` (``http://host:port``)."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"


def hub_address(info: ServiceInfo) -> HubAddress | None:
    """The hub a resolved service record describes, or None when it is not one we can use."""
    properties = info.properties or {}
    raw_api = properties.get(b"api")
    raw_site = properties.get(b"site")
    try:
        api_version = int(raw_api) if raw_api is not None else -1
    except ValueError:
        api_version = -1
    if api_version != API_VERSION:
        log.debug("ignoring %s: api %r, we speak %d", info.name, raw_api, API_VERSION)
        return None
    addresses = info.parsed_scoped_addresses(IPVersion.All)
    if not raw_site or not addresses or info.port is None:
        log.debug("ignoring %s: incomplete record", info.name)
        return None
    # Prefer IPv4: link-local IPv6 needs a scope that not every HTTP stack takes.
    addresses.sort(key=lambda a: ipaddress.ip_address(a.split("%")[0]).version)
    name = info.name.removesuffix("." + SERVICE_TYPE)
    return HubAddress(name, addresses[0], info.port, raw_site.decode(errors="replace"), api_version)


class _Watcher:
    """Resolves browser events into `HubAddress`es and remembers what it reported."""

    def __init__(
        self,
        on_found: Callable[[HubAddress], None],
        on_lost: Callable[[HubAddress], None],
    ) -> None:
        self._on_found = on_found
        self._on_lost = on_lost
        self._known: dict[str, HubAddress] = {}

    def handle(
        self,
        zeroconf: Zeroconf,
        service_type: str,
        name: str,
        state_change: ServiceStateChange,
    ) -> None:
        """The ServiceBrowser's handler (zeroconf calls it by keyword)."""
        try:
            if state_change is ServiceStateChange.Removed:
                self._lose(name)
                return
            info = zeroconf.get_service_info(service_type, name, RESOLVE_TIMEOUT_MS)
            address = hub_address(info) if info is not None else None
            if address is None:
                self._lose(name)
            elif self._known.get(name) != address:
                self._known[name] = address
                self._on_found(address)
        except Exception:
            log.exception("hub discovery callback failed for %s", name)

    def _lose(self, name: str) -> None:
        address = self._known.pop(name, None)
        if address is not None:
            self._on_lost(address)


def browse(
    on_found: Callable[[HubAddress], None],
    on_lost: Callable[[HubAddress], None],
    interfaces: list[str] | None = None,
) -> Callable[[], None]:
    """Watch for hubs (API version 1 only); returns the function that stops watching.

    ``on_found`` runs for each new hub and again when its address changes; ``on_lost`` when
    it withdraws its record or it expires. Both run on zeroconf's thread.
    """
    zeroconf = Zeroconf(interfaces=interfaces or InterfaceChoice.All, use_asyncio=False)
    watcher = _Watcher(on_found, on_lost)
    browser = ServiceBrowser(zeroconf, SERVICE_TYPE, handlers=[watcher.handle])
    stopped = threading.Event()

    def unsubscribe() -> None:
        if stopped.is_set():
            return
        stopped.set()
        browser.cancel()
        zeroconf.close()

    return unsubscribe


def find_hub(
    timeout: float = 5.0, site_id: str | None = None, interfaces: list[str] | None = None
) -> HubAddress | None:
    """Block until a hub (of ``site_id``, if given) is found, or None after ``timeout`` s."""
    found: list[HubAddress] = []
    event = threading.Event()

    def on_found(address: HubAddress) -> None:
        if site_id is None or address.site_id == site_id:
            found.append(address)
            event.set()

    unsubscribe = browse(on_found, lambda _address: None, interfaces)
    try:
        event.wait(timeout)
    finally:
        unsubscribe()
    return found[0] if found else None


__all__ = ["API_VERSION", "SERVICE_TYPE", "HubAddress", "browse", "find_hub", "hub_address"]
