"""Text views that keep offsets: Traditional → Simplified Chinese and full-width → half-width.

Every function here returns a string of exactly the same length as its input, so an offset found
in the normalised view points at the same character in the original report.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

__all__ = ["to_simplified", "fold_width", "matching_view", "cjk_ratio", "is_traditional"]

_CJK = re.compile(r"[\u4e00-\u9fff]")


@cache
def _converter():  # type: ignore[no-untyped-def]
    from opencc import OpenCC

    return OpenCC("t2s")


@cache
def _t2s_char(ch: str) -> str:
    out = _converter().convert(ch)
    return out if len(out) == 1 else ch


def to_simplified(text: str) -> str:
    """OpenCC t2s, character by character where a phrase conversion would change the length."""
    if not _CJK.search(text):
        return text
    whole = _converter().convert(text)
    if len(whole) == len(text):
        return whole
    return "".join(_t2s_char(ch) if "\u4e00" <= ch <= "\u9fff" else ch for ch in text)


def fold_width(text: str) -> str:
    """Full-width ASCII (（，：％０-９Ａ-Ｚ) and odd hyphens/spaces to their plain forms, one to one."""
    out = []
    for ch in text:
        code = ord(ch)
        if 0xFF01 <= code <= 0xFF5E:
            out.append(chr(code - 0xFEE0))
        elif ch in "\u2010\u2011\u2012\u2013\u2212":
            out.append("-")
        elif ch in "\u3000\u00a0\u2009\u202f":
            out.append(" ")
        else:
            out.append(ch)
    return "".join(out)


def matching_view(text: str) -> str:
    """Simplified, width-folded view of ``text`` with the same length (for parsing and matching)."""
    view = fold_width(to_simplified(text))
    assert len(view) == len(text)
    return view


def cjk_ratio(text: str) -> float:
    letters = sum(1 for ch in text if not ch.isspace())
    return len(_CJK.findall(text)) / letters if letters else 0.0


def is_traditional(text: str) -> bool:
    """True when t2s changes a noticeable share of the Chinese characters."""
    sample = "".join(_CJK.findall(text[:20000]))
    if len(sample) < 20:
        return False
    changed = sum(1 for a, b in zip(sample, to_simplified(sample), strict=True) if a != b)
    return changed / len(sample) > 0.03


def nfkc_len_safe(ch: str) -> str:
    folded = unicodedata.normalize("NFKC", ch)
    return folded if len(folded) == 1 else ch
