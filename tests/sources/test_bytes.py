"""Pure byte handling: charset choice and capped decompression."""

from __future__ import annotations

import asyncio
import gzip
import zlib
from collections.abc import AsyncIterator

import pytest

from verifier.fetch.body import BodyTooLargeError, UnsupportedEncodingError, read_capped
from verifier.fetch.charset import decode_body


def test_charset_order() -> None:
    utf8 = "英伟达 café".encode()
    assert decode_body(utf8, "text/html; charset=iso-8859-1") == ("英伟达 café", "utf-8")  # a wrong header
    assert decode_body("café".encode("latin-1"), "text/html; charset=latin-1")[0] == "café"
    assert decode_body('<meta charset="gb2312"><p>谷歌</p>'.encode("gb2312"), "text/html")[0].endswith(
        "谷歌</p>"
    )
    assert decode_body(b"\xef\xbb\xbfhi", "")[0] == "hi"
    assert decode_body(b"plain ascii", "text/html; charset=nonsense") == ("plain ascii", "utf-8")
    text, _ = decode_body(b"\xfa\xfb broken \x80\x81", "")
    assert "broken" in text  # never raises


async def _chunks(data: bytes, size: int = 1000) -> AsyncIterator[bytes]:
    for i in range(0, len(data), size):
        yield data[i : i + size]


def _read(data: bytes, enc: str | None, cap: int) -> bytes:
    return asyncio.run(read_capped(_chunks(data), enc, cap))


def test_decompression_under_the_cap() -> None:
    body = b"<p>hello</p>" * 100
    assert _read(gzip.compress(body), "gzip", 10_000) == body
    assert _read(zlib.compress(body), "deflate", 10_000) == body
    raw = zlib.compressobj(wbits=-15)
    assert _read(raw.compress(body) + raw.flush(), "deflate", 10_000) == body
    assert _read(body, None, 10_000) == body


def test_caps_and_bombs() -> None:
    with pytest.raises(BodyTooLargeError):
        _read(b"x" * 5000, None, 4000)
    with pytest.raises(BodyTooLargeError, match="after decompression"):
        _read(gzip.compress(b"\0" * 50_000_000), "gzip", 1_000_000)
    with pytest.raises(UnsupportedEncodingError):
        _read(b"x", "br", 100)
