"""SSRF guard: which addresses may be fetched, and a network backend that connects only to those.

The check runs where the connection is made (a custom httpcore network backend): the host is
resolved once, every address in the answer is checked, and the socket is opened to the checked
address itself, so a DNS answer that changes between check and connect cannot get through. Every
redirect opens its connection through the same backend, so it is checked again.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
import ssl
import typing
import unicodedata
from collections import OrderedDict
from collections.abc import Callable
from urllib.parse import urlsplit

import httpcore
import httpx

from claims.errors import BlockedURLError, FetchError
from verifier.fetch.pool import OriginPool

__all__ = [
    "HostNotFoundError",
    "parse_ip_literal",
    "forbidden_reason",
    "check_url",
    "GuardedBackend",
    "guarded_transport",
]

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

_CGNAT = ipaddress.ip_network("100.64.0.0/10")
# IANA special-purpose registries: blocks that are not globally reachable but that some Python
# versions' is_global still lets through (their tables lag the registry)
_NOT_GLOBAL = tuple(
    ipaddress.ip_network(n)
    for n in (
        "192.0.0.0/29", "192.0.0.8/32", "192.0.0.170/31", "192.88.99.0/24",
        "fec0::/10", "100::/64", "64:ff9b:1::/48", "2001::/23", "2001:db8::/32", "3fff::/20", "5f00::/16",
    )
)
_GLOBAL_EXCEPTIONS = tuple(
    ipaddress.ip_network(n) for n in ("192.0.0.9/32", "192.0.0.10/32", "2001:1::1/128", "2001:1::2/128", "2001:3::/32",
                                      "2001:4:112::/48", "2001:20::/28", "2001:30::/28")
)
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


class HostNotFoundError(FetchError):
    """The host name does not resolve (the source counts as dead)."""


def parse_ip_literal(host: str) -> IPAddress | None:
    """The address a host written as an IP means, in any spelling a resolver accepts, else None.

    ``inet_aton`` reads the old BSD forms the way the C library does: decimal (``2130706433``),
    octal (``0177.0.0.1``), hex (``0x7f.1``), shortened (``127.1``).
    """
    h = host.strip().strip("[]").rstrip(".")
    if not h:
        return None
    try:
        return ipaddress.ip_address(h.split("%", 1)[0])
    except ValueError:
        pass
    if all(part and (part.isdigit() or part.lower().startswith("0x")) for part in h.split(".")):
        try:
            return ipaddress.IPv4Address(socket.inet_aton(h))
        except OSError:
            return None
    return None


def forbidden_reason(ip: IPAddress) -> str | None:
    """Why an address may not be fetched (None when it is a public address)."""
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if embedded is None and ip in _NAT64:
            embedded = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if embedded is not None:
            reason = forbidden_reason(embedded)
            return f"embeds {embedded} ({reason})" if reason else None
    checks = (
        ("unspecified", ip.is_unspecified),
        ("loopback", ip.is_loopback),
        ("link-local", ip.is_link_local),
        ("multicast", ip.is_multicast),
        ("CGNAT", isinstance(ip, ipaddress.IPv4Address) and ip in _CGNAT),
        ("private", ip.is_private),
        ("reserved", ip.is_reserved),
        ("site-local", isinstance(ip, ipaddress.IPv6Address) and ip.is_site_local),
        ("special-purpose", _special_not_global(ip)),
        # the rule itself: everything the IANA special-purpose registries do not mark globally
        # reachable is refused (the names above only make the message clearer)
        ("not global", not ip.is_global),
    )
    for name, hit in checks:
        if hit:
            return f"{name} address"
    return None


def _special_not_global(ip: IPAddress) -> bool:
    if any(ip in net for net in _GLOBAL_EXCEPTIONS if net.version == ip.version):
        return False
    return any(ip in net for net in _NOT_GLOBAL if net.version == ip.version)


def check_url(url: str | httpx.URL) -> tuple[str, str, int]:
    """``(scheme, host, port)`` of an http(s) URL, or BlockedURLError (scheme, no host, credentials)."""
    try:
        parts = urlsplit(str(url))
    except ValueError as exc:  # e.g. an unclosed [ of an IPv6 literal
        raise BlockedURLError(f"malformed URL ({exc}): {str(url)!r}") from exc
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise BlockedURLError(f"only http and https are fetched, not {scheme or 'no scheme'!r}: {url}")
    try:
        host, port = parts.hostname or "", parts.port
    except ValueError as exc:
        raise BlockedURLError(f"bad host or port in {url}") from exc
    if not host:
        raise BlockedURLError(f"no host in {url}")
    if parts.username or parts.password:
        raise BlockedURLError(f"credentials in the URL are not sent: {url}")
    try:
        httpx.URL(str(url))  # what the client will parse: refuse here what it would raise on
    except (httpx.InvalidURL, ValueError, UnicodeError) as exc:
        literal = parse_ip_literal(unicodedata.normalize("NFKC", host))
        if literal is not None:
            raise BlockedURLError(
                f"host {host!r} is the IP address {literal} written in a non-standard form; not fetched"
            ) from exc
        raise BlockedURLError(f"malformed URL ({exc}): {url!r}") from exc
    return scheme, host, port or (443 if scheme == "https" else 80)


async def resolve(host: str, port: int) -> list[IPAddress]:
    literal = parse_ip_literal(host)
    if literal is not None:
        return [literal]
    loop = asyncio.get_running_loop()
    try:
        infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise HostNotFoundError(f"host {host!r} does not resolve ({exc.strerror})") from exc
    out: list[IPAddress] = []
    for _family, _type, _proto, _canon, sockaddr in infos:
        ip = ipaddress.ip_address(str(sockaddr[0]).split("%", 1)[0])
        if ip not in out:
            out.append(ip)
    if not out:
        raise HostNotFoundError(f"host {host!r} has no address")
    return out


class GuardedBackend(httpcore.AsyncNetworkBackend):
    """Resolve, check every address, connect to the checked one (see the module docstring)."""

    def __init__(
        self,
        *,
        allow_private: bool = False,
        policy: Callable[[IPAddress], str | None] = forbidden_reason,
        inner: httpcore.AsyncNetworkBackend | None = None,
    ) -> None:
        self.allow_private = allow_private
        self.policy = policy  # why an address is refused (None: allowed)
        self.inner = inner or httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: typing.Iterable[typing.Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        addresses = await resolve(host, port)
        if not self.allow_private:
            for ip in addresses:
                if reason := self.policy(ip):
                    raise BlockedURLError(f"{host} resolves to {ip}, a {reason}; refused by the SSRF guard")
        last: Exception | None = None
        for ip in addresses:  # every one of them was checked; try them in the resolver's order
            try:
                return await self.inner.connect_tcp(
                    str(ip), port, timeout=timeout, local_address=local_address, socket_options=socket_options
                )
            except httpcore.ConnectError as exc:
                last = exc
        assert last is not None
        raise last

    async def connect_unix_socket(
        self, *args: typing.Any, **kwargs: typing.Any
    ) -> httpcore.AsyncNetworkStream:
        raise BlockedURLError("unix sockets are not fetched")

    async def sleep(self, seconds: float) -> None:
        await self.inner.sleep(seconds)


def _guarded_pool_transport(
    backend: GuardedBackend, max_connections: int, ssl_context: ssl.SSLContext
) -> httpx.AsyncHTTPTransport:
    transport = httpx.AsyncHTTPTransport(trust_env=False, verify=ssl_context)
    # httpx has no public hook for the network backend: swap in a pool built with ours
    transport._pool = OriginPool(backend, ssl_context, max_idle=max_connections)  # type: ignore[assignment]
    return transport


class PerHostTransport(httpx.AsyncBaseTransport):
    """One lean guarded connection pool per origin (see ``verifier.fetch.pool``).

    Concurrency per origin is bounded by the fetcher's per-host semaphore, not by the pool.
    """

    MAX_ORIGINS = 256

    def __init__(self, backend: GuardedBackend, per_host: int) -> None:
        self.backend = backend
        self.per_host = per_host
        self._pools: OrderedDict[tuple[bytes, bytes, int | None], httpx.AsyncHTTPTransport] = OrderedDict()
        self._ssl: ssl.SSLContext | None = None  # one context for all pools (loading CA files is slow)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        key = (request.url.raw_scheme, request.url.raw_host, request.url.port)
        pool = self._pools.get(key)
        if pool is not None:
            self._pools.move_to_end(key)
        else:
            if len(self._pools) >= self.MAX_ORIGINS:  # a long run over many hosts: keep the sockets bounded
                _, old = self._pools.popitem(last=False)
                await old._pool.retire()  # type: ignore[attr-defined]
            if self._ssl is None:
                self._ssl = httpx.create_ssl_context()
            pool = self._pools[key] = _guarded_pool_transport(self.backend, self.per_host + 1, self._ssl)
        return await pool.handle_async_request(request)

    async def aclose(self) -> None:
        pools, self._pools = list(self._pools.values()), OrderedDict()
        for pool in pools:
            await pool.aclose()


def guarded_transport(
    *,
    allow_private: bool,
    per_host: int = 4,
    policy: Callable[[IPAddress], str | None] = forbidden_reason,
) -> PerHostTransport:
    """An httpx transport whose every connection goes through :class:`GuardedBackend` (no proxies)."""
    return PerHostTransport(GuardedBackend(allow_private=allow_private, policy=policy), per_host)
