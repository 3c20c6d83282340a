"""Bytes to text: the charset the headers name, else a <meta> declaration, else detection."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

__all__ = ["decode_body", "charset_from_content_type", "charset_from_meta"]

_META_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


# a declared legacy charset is read as the superset browsers use (WHATWG Encoding): pages labelled
# gb2312 or gbk routinely carry GBK/GB18030 characters, and big5 pages Hong Kong (HKSCS) ones
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "big5": "big5hkscs", "cp950": "big5hkscs"}


def _known(name: str | None) -> str | None:
    if not name:
        return None
    try:
        found = codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None
    return _SUPERSETS.get(found, found)


def charset_from_content_type(content_type: str) -> str | None:
    m = re.search(r"charset\s*=\s*\"?([^\s;\"]+)", content_type or "", re.IGNORECASE)
    return _known(m.group(1)) if m else None


def charset_from_meta(body: bytes) -> str | None:
    m = _META_RE.search(body[:4096])
    return _known(m.group(1).decode("ascii", "ignore")) if m else None


def _decodes(body: bytes, encoding: str) -> bool:
    try:
        body.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


_MAX_BAD_UTF8 = 8  # broken sequences tolerated in a page that is otherwise UTF-8
_GOOD_PER_BAD = 20  # …when it has at least this many well-formed multi-byte characters per broken one


def _mostly_utf8(body: bytes) -> str | None:
    """The body as UTF-8 with its few broken sequences replaced, when it is clearly UTF-8 otherwise
    (a page cut mid-character, one stray byte): browsers read such a page as UTF-8 with a U+FFFD or
    two, and so do we, instead of guessing a legacy charset that garbles every accented letter."""
    text = body.decode("utf-8", "replace")
    bad = text.count("\ufffd")
    good = len(body) - len(text)  # bytes folded into multi-byte characters
    if 0 < bad <= _MAX_BAD_UTF8 and good >= _GOOD_PER_BAD * bad:
        return text
    return None


def decode_body(body: bytes, content_type: str = "") -> tuple[str, str]:
    """``(text, encoding)``. A declared charset that cannot decode the bytes is not trusted.

    Order: a BOM; strict UTF-8 when the body has non-ASCII bytes that decode as UTF-8 (a strong sign
    that beats a wrong declaration such as latin-1 on a UTF-8 page), or UTF-8 with a few broken
    sequences replaced when the rest is clearly UTF-8; the Content-Type charset; a <meta>
    charset; charset_normalizer's guess; as a last resort UTF-8 with replacement characters.
    """
    for bom, enc in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if body.startswith(bom):
            return body.decode(enc, "replace"), enc
    if not body.isascii():
        if _decodes(body, "utf-8"):
            return body.decode("utf-8"), "utf-8"
        if (text := _mostly_utf8(body)) is not None:
            return text, "utf-8"
    for declared in (charset_from_content_type(content_type), charset_from_meta(body), "utf-8"):
        if declared and _decodes(body, declared):
            return body.decode(declared), declared
    best = from_bytes(body[:200_000]).best()
    if best is not None and best.encoding and _decodes(body, best.encoding):
        return body.decode(best.encoding), best.encoding
    return body.decode("utf-8", "replace"), "utf-8"
