"""Advertise the hub on the local network as ``_aufruf._tcp.local.`` (zeroconf / mDNS).

Kiosks, counters and displays find the hub with `shared.discovery` instead of a
configured address. The TXT record says which site this is and which API it speaks.
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import socket

import ifaddr
from zeroconf import InterfaceChoice, ServiceInfo, Zeroconf

from shared.discovery import API_VERSION, SERVICE_TYPE

log = logging.getLogger(__name__)


def _local_addresses() -> list[str]:
    """The machine's non-loopback IPv4 addresses (loopback if it has none)."""
    found = [
        str(ip.ip)
        for adapter in ifaddr.get_adapters()
        for ip in adapter.ips
        if ip.is_IPv4 and not ipaddress.ip_address(str(ip.ip)).is_loopback
    ]
    return found or ["127.0.0.1"]


class Announcer:
    """Registers the hub's service record on start() and withdraws it on stop().

    ``interfaces`` are IP addresses to announce on (e.g. ``["192.168.1.5"]``; tests use
    ``["127.0.0.1"]``); None means every interface, with every non-loopback IPv4 address.
    ``start()`` blocks for the mDNS probe (1–2 s); from async code use `async_start()`.
    """

    def __init__(
        self,
        site_id: str,
        port: int,
        interfaces: list[str] | None = None,
        name: str | None = None,
        *,
        api_version: int = API_VERSION,
    ) -> None:
        self.site_id = site_id
        self.port = port
        self.interfaces = interfaces
        self.api_version = api_version
        host = socket.gethostname().split(".")[0] or "aufruf"
        self.name = name or f"Aufruf {site_id} on {host}"
        self._host = host
        self._zeroconf: Zeroconf | None = None
        self._info: ServiceInfo | None = None

    @property
    def service_name(self) -> str | None:
        """The registered instance name (it may gain a suffix on a name clash)."""
        return self._info.name if self._info is not None else None

    def start(self) -> None:
        """Advertise the hub (blocking until the record is registered)."""
        if self._zeroconf is not None:
            return
        addresses = self.interfaces or _local_addresses()
        choice = self.interfaces if self.interfaces else InterfaceChoice.All
        zeroconf = Zeroconf(interfaces=choice, use_asyncio=False)
        info = ServiceInfo(
            SERVICE_TYPE,
            f"{self.name}.{SERVICE_TYPE}",
            port=self.port,
            properties={"site": self.site_id, "api": str(self.api_version)},
            server=f"{self._host}.local.",
            parsed_addresses=addresses,
        )
        try:
            zeroconf.register_service(info, allow_name_change=True)
        except Exception:
            zeroconf.close()
            raise
        self._zeroconf, self._info = zeroconf, info
        log.info(
            "announcing %r on %s port %d (site %s)", info.name, addresses, self.port, self.site_id
        )

    def stop(self) -> None:
        """Withdraw the record (peers see the hub as lost) and close the sockets."""
        zeroconf, info = self._zeroconf, self._info
        self._zeroconf = self._info = None
        if zeroconf is None or info is None:
            return
        try:
            zeroconf.unregister_service(info)
        finally:
            zeroconf.close()
        log.info("no longer announcing %r", info.name)

    async def async_start(self) -> None:
        """`start()` without blocking the running event loop (for the app's lifespan)."""
        await asyncio.to_thread(self.start)

    async def async_stop(self) -> None:
        """`stop()` without blocking the running event loop."""
        await asyncio.to_thread(self.stop)


__all__ = ["API_VERSION", "SERVICE_TYPE", "Announcer"]
