"""Romanised Chinese names: "Xingyan" in an English report meets 星衍 on a Chinese page.

English reports write Chinese company and fund names in pinyin without tones (Beichen, Zhipu,
Xingyan); the page writes them in characters. Both sides are brought to one key, ``py:`` plus the
toneless syllables run together: a page passage carries the keys of every run of two to four Han
characters, a claim word carries its own key when the whole word is two to four pinyin syllables.
The prefix keeps these keys apart from English words ("name" is also 那么 in pinyin).

Readings come from pypinyin's character table (the first, most common reading of each character);
a character-by-character lookup is linear and cheap, unlike phrase segmentation, and a name is
rarely a heteronym's second reading.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

__all__ = ["PREFIX", "page_keys", "word_key", "han_sound", "name_key"]

PREFIX = "py:"
_MIN, _MAX = 2, 4  # syllables of a romanised name ("Zhipu", "Beichen", "Yuezhianmian")
_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]{2,}")


@cache
def _table() -> dict[int, str]:
    from pypinyin.contrib.tone_convert import to_normal
    from pypinyin.pinyin_dict import pinyin_dict

    first = {cp: readings.split(",", 1)[0] for cp, readings in pinyin_dict.items()}
    # a few thousand distinct toned readings among some 40,000 characters: each converted once
    toneless = {r: to_normal(r).replace("v", "u") for r in set(first.values())}
    return {cp: toneless[r] for cp, r in first.items()}


@cache
def _syllables() -> frozenset[str]:
    return frozenset(_table().values())


def page_keys(text: str) -> frozenset[str]:
    """The ``py:`` keys of every run of two to four Han characters in ``text``."""
    table = _table()
    keys: set[str] = set()
    for m in _HAN_RUN.finditer(text):
        sounds = [table.get(ord(ch), "") for ch in m.group()]
        for i in range(len(sounds)):
            joined = sounds[i]
            for j in range(i + 1, min(i + _MAX, len(sounds))):
                if not sounds[j] or not joined:
                    break
                joined += sounds[j]
                keys.add(PREFIX + joined)
    return frozenset(keys)


@lru_cache(maxsize=8192)
def han_sound(text: str) -> str | None:
    """The toneless syllables of a run of Han characters run together (云迹 → "yunji"); None when
    ``text`` is empty or holds a character without a reading (a Latin letter, a digit, a mark)."""
    table = _table()
    sounds = [table.get(ord(ch), "") for ch in text]
    return "".join(sounds) if sounds and all(sounds) else None


@lru_cache(maxsize=8192)
def word_key(word: str) -> str | None:
    """``py:`` key of a word that is two to four pinyin syllables ("Xingyan" → "py:xingyan"), else None."""
    low = word.lower()
    if not low.isascii() or not low.isalpha() or not 4 <= len(low) <= 24:
        return None
    return PREFIX + low if _MIN <= _fewest_syllables(low) <= _MAX else None


# syllables that split almost any English word (Gemma = ge·m·ma, Apache = a·pa·che, Arena = a·ren·a)
_WEAK = frozenset({"a", "e", "o", "m", "n", "ng", "hm", "hng"})


@lru_cache(maxsize=8192)
def name_key(word: str) -> str | None:
    """``word_key`` without the lone vowels and interjections among the syllables: a key for a word
    that is a romanised name rather than an English word that happens to split ("Yunji" → py:yunji;
    "Gemma", "Apache" → None)."""
    key = word_key(word)
    if key is None:
        return None
    return key if _MIN <= _fewest_syllables(word.lower(), strict=True) <= _MAX else None


@cache
def _strong_syllables() -> frozenset[str]:
    return _syllables() - _WEAK


def _fewest_syllables(word: str, *, strict: bool = False) -> int:
    """The fewest pinyin syllables ``word`` splits into (0 when it does not split); ``strict``: without
    the weak ones."""
    syllables = _strong_syllables() if strict else _syllables()
    best = [0] + [99] * len(word)
    for end in range(1, len(word) + 1):
        for start in range(max(0, end - 6), end):  # the longest syllable, "zhuang", has six letters
            if best[start] < 99 and word[start:end] in syllables:
                best[end] = min(best[end], best[start] + 1)
    return best[-1] if best[-1] < 99 else 0
