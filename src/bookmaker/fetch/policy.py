"""Which network addresses a build may reach: public (globally routable) ones only.

A host name is resolved once, every address it resolves to is checked, and the connection then goes
to a checked address (see :mod:`bookmaker.fetch.client`), so a name that answers a public address
to the check and a private one to the connection (DNS rebinding) cannot reach inside.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from urllib.parse import urlsplit

from bookmaker.errors import InputError

Resolver = Callable[[str, int], Sequence[str]]
"""``(host, port) → IP addresses`` as text; raises ``OSError`` when the name does not resolve."""


class FetchRefused(InputError):
    """A URL the policy refuses, or a fetch that failed; the message names the URL."""


def is_url(text: str) -> bool:
    """Whether a command-line input is an http(s) address rather than a file path."""
    return text[:8].lower().startswith(("http://", "https://"))


def path_or_url(text: str) -> Path | str:
    """A command-line input: an http(s) URL stays text, anything else is a path."""
    return text if is_url(text) else Path(text)


def system_resolve(host: str, port: int) -> list[str]:
    """The addresses ``host`` resolves to (``socket.getaddrinfo``), in the resolver's order."""
    import socket  # here, as ipaddress below: the CLI asks is_url on every run

    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def address_refusal(address: str) -> str | None:
    """Why ``address`` may not be reached (loopback, private, link-local, multicast, reserved,
    unspecified, or any other non-global range), or ``None`` when it is public."""
    import ipaddress

    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return f"{address!r} is not an IP address"
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if ip.is_global and not ip.is_multicast:
        return None
    kinds = (
        ("loopback", ip.is_loopback),
        ("link-local", ip.is_link_local),
        ("multicast", ip.is_multicast),
        ("unspecified", ip.is_unspecified),
        ("private", ip.is_private),
        ("reserved", ip.is_reserved),
    )
    kind = next((name for name, flag in kinds if flag), "not public")
    return f"a {kind} address ({ip})"


def checked_addresses(host: str, port: int, resolve: Resolver = system_resolve) -> list[str]:
    """The addresses of ``host``, every one of them public; :class:`FetchRefused` otherwise."""
    if not host:
        raise FetchRefused("no host")
    try:
        addresses = [host.strip("[]")] if _is_ip(host) else list(resolve(host, port))
    except (OSError, UnicodeError):
        raise FetchRefused(f"host {host!r} does not resolve") from None
    if not addresses:
        raise FetchRefused(f"host {host!r} does not resolve")
    for address in addresses:
        why = address_refusal(address)
        if why is not None:
            raise FetchRefused(f"host {host!r} is {why}; only public addresses are fetched")
    return addresses


def url_refusal(url: str) -> str | None:
    """Why ``url`` is no address to fetch (scheme, credentials), before any lookup."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        return f"scheme {parts.scheme or '(none)'!r} is not fetched (http and https only)"
    if parts.username or parts.password:
        return "addresses with a user name or password are not fetched"
    if not parts.hostname:
        return "no host"
    return None


def _is_ip(host: str) -> bool:
    import ipaddress

    try:
        ipaddress.ip_address(host.strip("[]").split("%", 1)[0])
    except ValueError:
        return False
    return True
