"""Behind a reverse proxy: the phone's address from X-Forwarded-For, only from trusted proxies.

Real hub, real sockets: the proxy and the other peers are loopback addresses of their own
(127.0.0.2, 127.0.0.3), bound by the client; the forwarded addresses are documentation
addresses (RFC 5737) that only ever appear inside a header.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from server.app import ServerOptions
from shared.config import ConfigError, parse_config
from tests.status.hub import SITE_TOML, StatusHub, start_status_hub

PROXY = "127.0.0.2"
STRANGER = "127.0.0.3"


@pytest.fixture
def proxied_hub(tmp_path: Path) -> Iterator[StatusHub]:
    """A hub whose public listener trusts the proxy at 127.0.0.2; five wrong keys a minute."""
    options = ServerOptions(heartbeat_seconds=1.0, wrong_keys_per_minute=5)
    hub = start_status_hub(tmp_path, options, trusted_proxies=f'"{PROXY}"')
    yield hub
    hub.stop()


def _from(peer: str, base: str) -> httpx.Client:
    """A client whose connections come from the loopback address `peer`."""
    return httpx.Client(
        base_url=base, timeout=10, transport=httpx.HTTPTransport(local_address=peer)
    )


def _guess(client: httpx.Client, tid: int, forwarded: list[str]) -> list[int]:
    """One wrong key per entry, each with that X-Forwarded-For; the status codes."""
    path = f"/api/v1/tickets/{tid}/status"
    return [
        client.get(path, params={"key": f"guess{k}"}, headers={"X-Forwarded-For": xff}).status_code
        for k, xff in enumerate(forwarded)
    ]


@pytest.mark.expect_log("server.keyguard", "wrong ticket keys from 198.51.100.7")
def test_behind_the_trusted_proxy_each_phone_has_its_own_limit(proxied_hub: StatusHub) -> None:
    tid, _, path = proxied_hub.issue()
    with _from(PROXY, proxied_hub.public) as proxy:
        codes = _guess(proxy, tid, ["198.51.100.7"] * 8)
        guesser = proxy.get(path, headers={"X-Forwarded-For": "198.51.100.7"})
        other = proxy.get(path, headers={"X-Forwarded-For": "198.51.100.8"})
        # nginx's $proxy_add_x_forwarded_for appends: the phone's own header is left of it
        appended = proxy.get(path, headers={"X-Forwarded-For": "198.51.100.8, 198.51.100.7"})
    assert codes[:5] == [404] * 5
    assert codes[-2:] == [429, 429]
    assert guesser.status_code == 429  # the guessing phone waits, even with the right key
    assert other.status_code == 200  # every other visitor behind the same proxy does not
    assert appended.status_code == 429  # the right-most untrusted address is the phone's


@pytest.mark.expect_log("server.keyguard", f"wrong ticket keys from {STRANGER}")
def test_a_spoofed_header_from_an_untrusted_peer_is_ignored(proxied_hub: StatusHub) -> None:
    tid, _, path = proxied_hub.issue()
    with _from(STRANGER, proxied_hub.public) as stranger:
        codes = _guess(stranger, tid, [f"198.51.100.{k}" for k in range(8)])
        blocked = stranger.get(path, headers={"X-Forwarded-For": "198.51.100.99"})
    assert codes[:5] == [404] * 5
    assert codes[-2:] == [429, 429]  # a new address in the header each time did not help
    assert blocked.status_code == 429
    with _from(PROXY, proxied_hub.public) as proxy:
        assert proxy.get(path, headers={"X-Forwarded-For": "198.51.100.1"}).status_code == 200


@pytest.mark.expect_log("server.keyguard", "wrong ticket keys from 127.0.0.1")
def test_the_hub_itself_and_a_listener_without_proxies_read_no_header(
    proxied_hub: StatusHub, tmp_path: Path
) -> None:
    tid, _, _ = proxied_hub.issue()
    with _from("127.0.0.1", proxied_hub.base) as local:  # the office LAN's listener
        codes = _guess(local, tid, [f"198.51.100.{k}" for k in range(8)])
    assert codes[-2:] == [429, 429]
    (tmp_path / "plain").mkdir()
    plain = start_status_hub(tmp_path / "plain", ServerOptions(wrong_keys_per_minute=5))
    try:
        tid, _, _ = plain.issue()
        with _from("127.0.0.1", plain.public) as local:  # no trusted proxy: not even loopback
            codes = _guess(local, tid, [f"198.51.100.{k}" for k in range(8)])
        assert codes[-2:] == [429, 429]
    finally:
        plain.stop()


@pytest.mark.parametrize(
    ("proxies", "says"),
    [
        ('["*"]', "trusting every peer lets anyone spoof"),
        ('["nginx.local"]', "'nginx.local' is not an IP address or network"),
        ('["10.0.0.1/8"]', "'10.0.0.1/8' is not an IP address or network"),
        ('["127.0.0.1", "127.0.0.1"]', "listed twice: 127.0.0.1"),
    ],
)
def test_a_wrong_trusted_proxy_is_named(proxies: str, says: str) -> None:
    listener = f'public = {{ host = "127.0.0.1", port = 0, trusted_proxies = {proxies} }}'
    text = SITE_TOML.replace('public = { host = "127.0.0.1", port = 0 }', listener)
    with pytest.raises(ConfigError) as refused:
        parse_config(text)
    assert "server.public.trusted_proxies" in str(refused.value)
    assert says in str(refused.value)


def test_proxies_and_networks_are_taken() -> None:
    listener = 'public = { port = 0, trusted_proxies = ["127.0.0.1", "::1", "10.1.2.0/24"] }'
    config = parse_config(SITE_TOML.replace('public = { host = "127.0.0.1", port = 0 }', listener))
    assert config.server.public is not None
    assert config.server.public.trusted_proxies == ("127.0.0.1", "::1", "10.1.2.0/24")
