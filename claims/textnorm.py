"""Text views that keep offsets: Traditional → Simplified Chinese and full-width → half-width.

Every function here returns a string of exactly the same length as its input, so an offset found
in the normalised view points at the same character in the original report.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from pathlib import Path

__all__ = ["to_simplified", "fold_width", "matching_view", "cjk_ratio", "cjk_share_above", "is_traditional", "blank_span"]

_CJK = re.compile(r"[\u4e00-\u9fff]")
# the same characters in runs: removing them removes the same ones, one match per run, not per character
_CJK_RUNS = re.compile(r"[\u4e00-\u9fff]+")
_SPACE_RUNS = re.compile(r"\s+")


@cache
def _converter():  # type: ignore[no-untyped-def]
    from opencc import OpenCC

    return OpenCC("t2s")


class _T2STable(dict[int, str]):
    """A ``str.translate`` table filled lazily: each Han character converted once by OpenCC."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        if "\u3400" <= ch <= "\u9fff":
            out = _converter().convert(ch)
            value = out if len(out) == 1 else ch
        else:
            value = ch
        self[code] = value
        return value


_T2S = _T2STable()
_T2S_SAME: set[str] = set()  # characters t2s leaves as they are, added as texts bring them


def _opencc_dictionary(name: str) -> str:
    """One of the dictionary files OpenCC ships (TSCharacters.txt, TWPhrasesRev.txt …)."""
    import opencc

    return (Path(opencc.__file__).parent / "dictionary" / name).read_text(encoding="utf-8")


@cache
def _may_change() -> re.Pattern[str]:
    """The Han characters t2s changes on their own: those of the one-character keys of OpenCC's t2s
    dictionaries (TSPhrases, TSCharacters) that convert to another character (覆 is a key, and stays).
    A character that is no key converts to itself."""
    keys = set()
    for name in ("TSPhrases.txt", "TSCharacters.txt"):
        for line in _opencc_dictionary(name).splitlines():
            key = line.partition("\t")[0].strip()
            if len(key) == 1 and "\u3400" <= key <= "\u9fff":
                keys.add(key)
    return re.compile("[" + "".join(sorted(k for k in keys if _T2S[ord(k)] != k)) + "]")


def to_simplified(text: str) -> str:
    """OpenCC t2s character by character (so the length never changes).

    ``str.translate`` with a dict costs a lookup per character; most texts are Simplified already: a
    text holding no character t2s may change is returned as it is after one regex scan, and otherwise
    its distinct characters are checked first, such a text also returned as it is."""
    if _may_change().search(text) is None:
        return text
    chars = set(text)
    if chars <= _T2S_SAME:
        return text
    for ch in chars - _T2S_SAME:
        if _T2S[ord(ch)] == ch:
            _T2S_SAME.add(ch)
    return text if chars <= _T2S_SAME else text.translate(_T2S)


_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_WIDTH.update({ord(ch): ord("-") for ch in "\u2010\u2011\u2012\u2013\u2212"})
_WIDTH.update({ord(ch): ord(" ") for ch in "\u3000\u00a0\u2009\u202f"})
# letters that a case-insensitive pattern takes for ASCII ones (dotless ı and dotted İ for i, long ſ
# for s, the Kelvin sign for K): read as those, or a match's lower-cased text finds no table entry
_WIDTH.update({0x0131: ord("i"), 0x0130: ord("I"), 0x017F: ord("s"), 0x212A: ord("K")})


_WIDTH_CHARS = frozenset(chr(code) for code in _WIDTH)
_WIDTH_ANY = re.compile("[" + "".join(re.escape(ch) for ch in sorted(_WIDTH_CHARS)) + "]")
_FEW = 24  # up to this many distinct characters to fold, one str.replace each beats str.translate


def fold_width(text: str) -> str:
    """Full-width ASCII (（，：％０-９Ａ-Ｚ), odd hyphens/spaces and the letters a case-insensitive
    pattern confuses with ASCII ones (ı, İ, ſ, K) to their plain forms, one to one.

    Every output is ASCII and no input is, so replacing one character at a time gives what
    ``str.translate`` gives; a text uses only a handful of them, and each replace runs at C speed."""
    if _WIDTH_ANY.search(text) is None:  # one regex scan; most texts hold none of them
        return text
    present = _WIDTH_CHARS.intersection(text)
    if len(present) > _FEW:
        return text.translate(_WIDTH)
    for ch in present:
        text = text.replace(ch, chr(_WIDTH[ord(ch)]))
    return text


@lru_cache(maxsize=16)
def matching_view(text: str) -> str:
    """Simplified, width-folded view of ``text`` with the same length (for parsing and matching); a
    text written in Traditional script also has Taiwan's words read as the mainland's (視窗 → 窗口,
    資料 → 数据, 釋出 → 发布), where the two are written with as many characters."""
    simplified = to_simplified(text)
    if simplified is not text and _traditional_share(text, simplified) > _TRADITIONAL_SHARE:
        pattern, table = _taiwan_phrases()
        simplified = pattern.sub(lambda m: table[m.group(0)], simplified)
    view = fold_width(simplified)
    if "_" in view:  # "_57% vs 54%_": an emphasis mark, not part of a word (snake_case keeps its own)
        view = _EMPHASIS.sub(" ", view)
    assert len(view) == len(text)
    return view


# an underscore that opens or closes emphasis (markdown, Slack): a word character on one side at most
_EMPHASIS = re.compile(r"(?<![\w])_(?=[^\s_])|(?<=[^\s_])_(?![\w])")


_TRADITIONAL_SHARE = 0.03  # a text whose Han characters t2s changes more than this share of is Traditional


def _traditional_share(text: str, simplified: str) -> float:
    """The share of ``text``'s Han characters that its Simplified form ``simplified`` changes."""
    han = len(_CJK.findall(simplified))
    return sum(a != b for a, b in zip(text, simplified, strict=True)) / han if han else 0.0


@cache
def _taiwan_phrases() -> tuple[re.Pattern[str], dict[str, str]]:
    """OpenCC's table of Taiwan phrases and their mainland words (TWPhrasesRev), in Simplified script,
    kept where both are written with as many characters (the view keeps every offset)."""
    table: dict[str, str] = {}
    for line in _opencc_dictionary("TWPhrasesRev.txt").splitlines():
        taiwan, _, mainland = line.partition("\t")
        tw = to_simplified(taiwan.strip())
        for option in mainland.split():
            cn = to_simplified(option)
            if len(cn) == len(tw) >= 2 and cn != tw:
                table[tw] = cn
                break
    return re.compile("|".join(re.escape(w) for w in sorted(table, key=len, reverse=True))), table


def cjk_ratio(text: str) -> float:
    letters = len(_SPACE_RUNS.sub("", text))  # counted without building a list of every match
    return (len(text) - len(_CJK_RUNS.sub("", text))) / letters if letters else 0.0


def cjk_share_above(text: str, share: float) -> bool:
    """``cjk_ratio(text) > share``, most often without counting the whole text: when the Han characters
    of its first 2,000 alone make more than ``share`` (with a margin for rounding) of all its
    characters, the ratio, over fewer characters (the spaces left out), is above it too."""
    head = text[:2000]
    if len(head) - len(_CJK_RUNS.sub("", head)) > (share + 0.01) * len(text):
        return True
    return cjk_ratio(text) > share


def is_traditional(text: str) -> bool:
    """True when t2s changes a noticeable share of the Chinese characters."""
    if _may_change().search(text, 0, 5000) is None:
        return False  # t2s changes none of them (what the test below finds, without the sample)
    sample = "".join(_CJK.findall(text[:5000]))
    if len(sample) < 20:
        return False
    simplified = to_simplified(sample)
    if simplified is sample:
        return False  # t2s changes nothing
    return _traditional_share(sample, simplified) > _TRADITIONAL_SHARE


def nfkc_len_safe(ch: str) -> str:
    folded = unicodedata.normalize("NFKC", ch)
    return folded if len(folded) == 1 else ch


def blanked(s: str) -> str:
    """``s`` as blanks, its line breaks kept (the string form of ``blank_span``)."""
    return re.sub(r"[^\n]", " ", s)


def blank_span(chars: list[str], start: int, end: int) -> None:
    """Blank ``chars[start:end]`` in place, its line breaks kept: how a same-length view of a report (claims.views)
    drops markup without moving a single offset."""
    for i in range(start, end):
        if chars[i] != "\n":
            chars[i] = " "
