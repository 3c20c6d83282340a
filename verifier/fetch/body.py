"""Reading a body under a size cap, decompressing it ourselves so the cap holds after decompression.

httpx would inflate a whole network chunk at once (a gzip bomb turns 64 KB into gigabytes); here every
step asks zlib for at most what is left under the cap, so memory stays bounded.
"""

from __future__ import annotations

import zlib
from collections.abc import AsyncIterator

from claims.errors import FetchError

__all__ = ["BodyTooLargeError", "UnsupportedEncodingError", "read_capped", "Inflater"]


class BodyTooLargeError(FetchError):
    """The body (raw or decompressed) is larger than ``max_body_bytes``."""


class UnsupportedEncodingError(FetchError):
    """A Content-Encoding we do not decode (we only ask for gzip and deflate)."""


class Inflater:
    """Incremental decoder for identity, gzip and deflate (zlib-wrapped or raw)."""

    def __init__(self, content_encoding: str | None) -> None:
        enc = (content_encoding or "identity").strip().lower()
        if enc in ("", "identity"):
            self._z = None
        elif enc in ("gzip", "x-gzip"):
            self._z = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif enc == "deflate":
            self._z = zlib.decompressobj(zlib.MAX_WBITS)
            self._raw_fallback = True
        else:
            raise UnsupportedEncodingError(f"content encoding {enc!r} is not supported")
        self._started = False

    def feed(self, data: bytes, room: int) -> bytes:
        """Decoded bytes of ``data``, at most ``room`` + 1 of them (one more signals "over the cap")."""
        if self._z is None:
            return data[: room + 1]
        try:
            out = self._z.decompress(data, room + 1)
        except zlib.error as exc:
            if not self._started and getattr(self, "_raw_fallback", False):  # raw deflate, no zlib header
                self._z = zlib.decompressobj(-zlib.MAX_WBITS)
                self._raw_fallback = False
                return self.feed(data, room)
            raise FetchError(f"corrupt compressed body ({exc})") from exc
        self._started = True
        return out


async def read_capped(chunks: AsyncIterator[bytes], content_encoding: str | None, max_bytes: int) -> bytes:
    """The decoded body, or BodyTooLargeError as soon as it passes ``max_bytes`` (raw or decoded)."""
    inflater = Inflater(content_encoding)
    parts: list[bytes] = []
    size = raw = 0
    async for chunk in chunks:
        raw += len(chunk)
        if raw > max_bytes:
            raise BodyTooLargeError(f"body larger than {max_bytes} bytes")
        out = inflater.feed(chunk, max_bytes - size)
        size += len(out)
        if size > max_bytes:
            raise BodyTooLargeError(f"body larger than {max_bytes} bytes after decompression")
        parts.append(out)
    return b"".join(parts)
