"""Who a Chinese clause is about (pure): the name a claim's figure is said of, when the sentence writes it
in Chinese characters ("乙辰智能第三季度营收 52.3 亿元", "腾讯营收…"). Latin names are read by
:func:`verifier.judge.matching.split_names`; this reads what they cannot."""

from __future__ import annotations

import re
from functools import lru_cache

from claims.bridge import has_han, tagged_words, word_frequency
from claims.entities import chinese_entities
from claims.lexicon import lexicon
from verifier.judge.frames import clause_span
from verifier.judge.matching import compact

__all__ = ["han_names", "han_subject"]

# words of time and connection that open a clause before its subject ("同期，", "今年第三季度"), and a list's bullet
_OPENING = re.compile(
    r"^(?:\s|[，,、：:]|[-*•·▪■●◆](?=\s))*(?:(?:同期|其中|此外|另外|同时|同時|而|但|并且|並且|据|據|目前|近日|日前|今年|去年|明年|本季度|上季度"
    r"|截至|截止|(?:19|20)\d{2}\s*年(?:度)?|\d{1,2}\s*月(?:份)?|\d{1,2}\s*日|第[一二三四1-4]季度?|[前上下]半年|全年)"
    r"(?:\s|[，,、：:])*)*"
)
_NOUNISH = frozenset({"n", "nr", "nrt", "nrfg", "ns", "nt", "nz", "nl", "ng", "j", "a", "b", "vn", "an"})
_PLACES = frozenset({"United States", "Japan", "China", "United Kingdom", "Germany", "France", "South Korea", "India", "European Union"})
_COMMON = 1000  # jieba corpus frequency above which a word is an everyday word, not part of a name
_DESCRIPTOR_ENDS = frozenset({"公司", "企业", "厂商", "集团", "平台", "独角兽", "初创", "旗下", "子公司"})
_NOT_NAMES = frozenset({
    "同比", "环比", "環比", "按年", "按季", "同期", "期内", "期內", "年内", "年內", "目前",
    # a period opening a clause (其中，第三季度单季实现营业收入…) is when, not who
    "单季", "單季", "单月", "單月", "当季", "當季", "本季", "上季", "全年", "上半年", "下半年", "年底", "年末",
})  # fmt: skip
_GENERIC = frozenset({"公司", "该公司", "本公司", "集团", "企业", "行业", "市场", "全球", "国内", "海外", "整体", "业务"})


@lru_cache(maxsize=1)
def _measure_words() -> frozenset[str]:
    return frozenset(lexicon())


def _head_name(clause: str) -> str | None:
    """The run of noun words a clause opens with, up to its first measure, period, verb or figure
    (乙辰智能 of "乙辰智能第三季度营收…"); None when it is everyday words only (公司, 中国市场)."""
    rest = clause[_OPENING.match(clause).end() :]  # type: ignore[union-attr]
    words: list[str] = []
    for word, flag in tagged_words(rest[:24]):
        if flag not in _NOUNISH or not has_han(word) or word in _NOT_NAMES:
            break
        words.append(word)
    opening = max((n for n in range(2, 7) if rest[:n] in _measure_words()), default=0)
    if words and opening >= len("".join(words)):
        return None  # the clause opens on its measure, however jieba cuts it (上下文窗口: 上下文, then 窗口 a place word)
    if words and words[0] in _measure_words():
        return None  # the clause opens on its measure ("营收同比增长…"): it names no one
    while words and words[-1] in _measure_words():
        words.pop()  # 乙辰智能营收 → 乙辰智能 (a measure word may end a name's run, not begin it: 灵枢机器人)
    # "人形机器人公司星衍智能": a descriptor ending in 公司 before the name
    cut = max((n + 1 for n, w in enumerate(words[:-1]) if w in _DESCRIPTOR_ENDS), default=0)
    words = words[cut:]
    name = "".join(words)
    if len(name) < 2 or len(name) > 10 or name in _GENERIC:
        return None
    if all(word_frequency(w) >= _COMMON for w in words):
        return None  # 中国市场, 游戏业务: everyday words
    return name


def _known(text: str) -> list[tuple[int, int, str]]:
    """Names the dictionary knows (英伟达 → NVIDIA), not "…公司" read by its suffix (人形机器人公司 is a description)."""
    return [(a, b, en) for a, b, en in chinese_entities(text) if en != text[a:b]]


@lru_cache(maxsize=4096)
def han_subject(sentence: str, start: int, end: int) -> frozenset[str]:
    """Compact forms of the Chinese name the clause holding ``sentence[start:end]`` is said of: a known
    name nearest before the figure in both its spellings (阿里巴巴 and alibaba), else the noun words the
    clause opens with. Empty when the clause names none."""
    if not has_han(sentence):
        return frozenset()
    s, e = clause_span(sentence, start, end)
    known = _known(sentence[s:start])
    if known:
        # the first organisation it names (阿里巴巴 of "阿里巴巴在中国市场…"), a place only when it names no other
        a, b, en = next((k for k in known if k[2] not in _PLACES), known[0])
        return frozenset(f for f in (compact(sentence[s + a : s + b]), compact(en)) if len(f) >= 2)
    name = _head_name(sentence[s:start])
    return frozenset({compact(name)}) if name else frozenset()


@lru_cache(maxsize=65536)
def han_names(window: str, clause_start: int) -> tuple[str, ...]:
    """Compact forms of the Chinese names ``window`` gives: known ones in both spellings, and the noun
    words its clause from ``clause_start`` opens with."""
    if not has_han(window):
        return ()
    names: dict[str, None] = {}
    for a, b, en in _known(window):
        for form in (compact(window[a:b]), compact(en)):
            if len(form) >= 2:
                names.setdefault(form, None)
    head = _head_name(window[clause_start:])
    if head:
        names.setdefault(compact(head), None)
    return tuple(names)
