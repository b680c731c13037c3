"""Client addresses behind reverse proxies: which proxies are trusted, and whom a request is from."""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def parse_networks(spec: str) -> tuple[Network, ...]:
    """Comma-separated addresses or networks ("127.0.0.1, 10.0.0.0/8"); ValueError naming a bad one."""
    networks = []
    for item in (part.strip() for part in spec.split(",")):
        if item:
            try:
                networks.append(ipaddress.ip_network(item, strict=False))
            except ValueError as exc:
                raise ValueError(f"not an address or network: {item!r}") from exc
    return tuple(networks)


def client_address(peer: str | None, forwarded_for: Iterable[str], trusted: tuple[Network, ...]) -> str:
    """The client's address: the peer's, unless the peer is a trusted proxy; then the nearest address
    in `X-Forwarded-For` (read from the right) that is not itself a trusted proxy. With no trusted
    proxies the header is ignored, so a client cannot name itself."""
    address = peer or "unknown"
    if not trusted or not _is_trusted(address, trusted):
        return address
    hops = [hop.strip() for value in forwarded_for for hop in value.split(",") if hop.strip()]
    for hop in reversed(hops):
        if not _is_trusted(hop, trusted):
            return hop
        address = hop
    return address


def _is_trusted(address: str, trusted: tuple[Network, ...]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in trusted)
