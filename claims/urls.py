"""Cited URLs as written in reports: clean them up, normalise them, or say why they are malformed."""

from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

__all__ = ["normalise_url", "url_host"]

_HOST_RE = re.compile(r"^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$")
_IPV4_RE = re.compile(r"^\d{1,3}(\.\d{1,3}){3}$")


def normalise_url(raw: str) -> tuple[str | None, str | None]:
    """``(url, None)`` for a usable http(s) URL, else ``(None, reason)``.

    Normalising: trims spaces and wrapping punctuation, lower-cases scheme and host, drops default
    ports and the fragment. The path and query are kept as written (sites differ on trailing slashes).
    A URL without a scheme, with a broken scheme (``ps://``), or with a host that is not a domain
    name or an IP address (``https://press-release-details/…``) is malformed.
    """
    text = re.sub(r"\s+", "", raw or "").strip("<>()[]\"'“”‘’，。、；;,")
    if not text:
        return None, "empty"
    try:
        parts = urlsplit(text)
    except ValueError as exc:
        return None, f"unparseable ({exc})"
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        return None, f"bad scheme {parts.scheme!r}" if parts.scheme else "no scheme"
    try:
        host = (parts.hostname or "").rstrip(".")
        port = parts.port
    except ValueError as exc:
        return None, f"bad host or port ({exc})"
    if not host:
        return None, "no host"
    if not (_HOST_RE.match(host) or _IPV4_RE.match(host) or host == "localhost" or ":" in host):
        return None, f"host {host!r} is not a domain name"
    netloc = host if ":" not in host else f"[{host}]"
    if port and not ((scheme == "http" and port == 80) or (scheme == "https" and port == 443)):
        netloc += f":{port}"
    if parts.username:
        netloc = f"{parts.username}{':' + parts.password if parts.password else ''}@{netloc}"
    return urlunsplit((scheme, netloc, parts.path or "/", parts.query, "")), None


def url_host(url: str) -> str | None:
    try:
        return urlsplit(url).hostname
    except ValueError:
        return None
