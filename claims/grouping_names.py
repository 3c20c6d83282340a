"""Names across scripts for cross-report grouping (pure): a name written in Han characters meets its
romanisation (云迹智算公司 and "Yunji"), by the pinyin keys of ``claims.pinyin``."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from claims.pinyin import han_sound, name_key
from claims.units import data_lines

__all__ = ["NameForm", "name_form", "han_head", "names_meet", "same_names", "norm", "PY"]

PY = "py:"  # the prefix of a pinyin sound key
_NORM_RE = re.compile(r"[\s\-_.]+")


@lru_cache(maxsize=1 << 16)
def norm(s: str) -> str:
    """A name's written form as grouping compares it: lower case, no spaces, dashes or dots."""
    return _NORM_RE.sub("", s.lower())


@dataclass(frozen=True)
class NameForm:
    """A name as grouping compares it: ``norm``, its written form normalised (names in one script meet
    by it), ``han``, whether it is written in Han characters, and ``sounds``, the pinyin keys it goes
    by in the other script. A Han name (its company suffix dropped: 云迹智算公司 → 云迹智算) sounds
    as its whole reading when it is two to four characters, and a four-character one also as its first
    two (the short name an English report writes: "Yunji"); a Latin name sounds only when every word
    but a company word (AI, Tech, Group…) is two to four pinyin syllables, none a lone vowel
    (``claims.pinyin.name_key``: "Yunji Zhisuan" → yunjizhisuan and yunji; not "Gemma"). Sounds meet
    only across scripts: two Han names meet by their characters, two Latin names by their letters."""

    norm: str
    han: bool = False
    sounds: frozenset[str] = frozenset()


_HAN_ONLY = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+")
_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]{2,}")
_COMPANY_SUFFIX = re.compile(r"(?:股份有限公司|有限责任公司|有限公司|科技公司|公司|集团|控股|科技)$")
_COMPANY_WORDS = frozenset({"ai", "inc", "co", "corp", "ltd", "group", "holdings", "technology", "technologies", "tech", "labs", "lab"})
_LATIN_LEAD = re.compile(r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*(?![A-Za-z0-9])")
_HEAD_SOUNDS = (2, 3, 4)  # a clause-opening Han run sounds as its first two, three and four characters


@lru_cache(maxsize=1 << 14)
def name_form(name: str) -> NameForm:
    """``name`` as a :class:`NameForm`."""
    written = norm(name)
    if _HAN_ONLY.fullmatch(name):
        core = name
        while (m := _COMPANY_SUFFIX.search(core)) and m.start() >= 2:
            core = core[: m.start()]
        # a longer run before a suffix is rarely a name (这不是某一家模型公司)
        heads = [core] + [core[:2]] if len(core) == 4 else [core] if len(core) in (2, 3) else []
        sounds = {han_sound(h) for h in heads}
        return NameForm(written, True, frozenset(PY + x for x in sounds if x))
    # the capitalised words that open the name ("Yunji's valuation reached": Yunji)
    lead = _LATIN_LEAD.match(name)
    words = lead.group().replace("-", " ").split() if lead else []
    while len(words) > 1 and words[-1].lower() in _COMPANY_WORDS:
        words = words[:-1]
    keys = [name_key(w) for w in words]
    if not words or not all(keys) or len(words) > 3 or norm(" ".join(words)) in _translated_names():
        return NameForm(written)
    return NameForm(written, False, frozenset({PY + "".join(w.lower() for w in words), str(keys[0])}))



@lru_cache(maxsize=1)
def _translated_names() -> frozenset[str]:
    """The English names of data/entities.tsv (Meta, Baidu): extraction already writes their Chinese
    forms (元宇宙, 百度) in English, so their sounds would only meet strangers."""
    return frozenset(norm(row[1]) for row in data_lines("entities.tsv") if len(row) >= 2)


def han_head(text: str, start: int, end: int) -> NameForm | None:
    """The Han run that opens ``text[start:end]`` (after spaces), as a name: sounds only (it is no
    entity, and it meets only a romanised name of the other script)."""
    while start < end and text[start].isspace():
        start += 1
    m = _HAN_RUN.match(text, start, end)
    if not m:
        return None
    run = m.group()
    sounds = {han_sound(run[:n]) for n in _HEAD_SOUNDS if len(run) >= n}
    keys = frozenset(PY + x for x in sounds if x)
    return NameForm("", True, keys) if keys else None


def names_meet(x: NameForm, y: NameForm) -> bool:
    if x.norm and x.norm == y.norm:
        return True
    return x.han != y.han and not x.sounds.isdisjoint(y.sounds)




def same_names(xs: Sequence[NameForm], ys: Sequence[NameForm]) -> bool:
    """Every name of each side is a name of the other (one more thing named on one side — "released
    Muse Spark on AWS", "announced a Muse Spark partnership with Arm" — may be another event)."""
    return all(any(names_meet(x, y) for y in ys) for x in xs) and all(
        any(names_meet(x, y) for x in xs) for y in ys
    )
