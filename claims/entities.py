"""Names in text: Latin-script name spans (split into list members) and Chinese organisation names."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from claims.prescan import with_first_chars
from claims.units import data_lines, unit_words

__all__ = ["latin_spans", "chinese_entities", "entities_in", "fact_stopwords", "names_no_one", "MEASURE_ACRONYMS"]

# A run of Latin tokens separated by one or two spaces (more, or a tab, parts a table's columns); tokens may
# carry digits and . - & ' / +
_LATIN_RUN = re.compile(
    r"(?<![A-Za-z0-9@#])[A-Za-z][A-Za-z0-9]*(?:[.\-‑&'’/+][A-Za-z0-9]+)*"
    r"(?: {1,2}(?!\d[\d.,]*\s?[%％])[A-Za-z0-9][A-Za-z0-9]*(?:[.\-‑&'’/+][A-Za-z0-9]+)*)*"
)
_PROSE_WORDS = frozenset(
    [
        "said",
        "says",
        "is",
        "are",
        "was",
        "were",
        "it",
        "its",
        "that",
        "this",
        "these",
        "the",
        "a",
        "an",
        "on",
        "at",
        "from",
        "to",
        "by",
        "has",
        "have",
        "had",
        "will",
        "would",
        "be",
        "been",
        "which",
        "who",
        "we",
        "they",
        "he",
        "she",
        "their",
        "our",
        "there",
        "here",
        "than",
        "then",
    ]
)  # lower-case words that mark a run of English as prose rather than a term
_MAX_TERM_WORDS = 5  # a longer Latin run is a sentence, not a name or term
_CAPITALISED = re.compile(
    r"(?<![A-Za-z0-9])[A-Z][A-Za-z0-9]*(?:[.\-‑&'’/+][A-Za-z0-9]+)*(?: {1,2}(?!\d[\d.,]*\s?[%％])[A-Z0-9][A-Za-z0-9]*(?:[.\-‑&'’/+][A-Za-z0-9]+)*)*"
)
_LATIN_RUN, _CAPITALISED = with_first_chars(_LATIN_RUN), with_first_chars(_CAPITALISED)  # claims.prescan
_ANY_LATIN = re.compile("[A-Za-z]")  # every run _LATIN_RUN finds starts with one
_LIST_SPLIT = re.compile(r"\s*(?:,|;|\band\b|\bor\b|\bvs\b)\s*")
_ORG_SUFFIX = re.compile(r"[\u4e00-\u9fff]{2,8}(?:公司|集团|大学|研究院|实验室|委员会|基金会|研究所|银行)")
# the suffixes alone: one scan that skips by their first characters, before _ORG_SUFFIX tries every Han
# character as a name's start (most sentences hold no suffix)
_ORG_SUFFIX_WORD = re.compile(r"公司|集团|大学|研究院|实验室|委员会|基金会|研究所|银行")


@cache
def fact_stopwords() -> frozenset[str]:
    return frozenset(r[0] for r in data_lines("fact_stopwords.txt"))


@cache
def _chinese_names() -> dict[str, str]:
    return {r[0]: r[1] for r in data_lines("entities.tsv") if len(r) >= 2}


def latin_spans(text: str, *, prose: bool = False) -> list[tuple[int, int]]:
    """Spans of Latin-script names and terms, a comma/and-separated English list split into members.

    In Chinese text a short Latin run is a term ("function calling"); with ``prose=True`` (an
    English report) or in a long or prose-like run only capitalised names count.
    """
    return list(_latin_spans(text, prose))


@lru_cache(maxsize=64)  # extraction asks twice per sentence (its names, then its facts)
def _latin_spans(text: str, prose: bool) -> tuple[tuple[int, int], ...]:
    if not _ANY_LATIN.search(text):
        return ()
    spans: list[tuple[int, int]] = []
    stopwords = fact_stopwords()
    for m in _LATIN_RUN.finditer(text):
        words = m.group(0).split()
        if prose or len(words) > _MAX_TERM_WORDS or not _PROSE_WORDS.isdisjoint(words):
            # English prose, not a term: keep its capitalised names ("… from Amazon Web Services")
            spans.extend(
                (m.start() + c.start(), m.start() + c.end())
                for c in _CAPITALISED.finditer(m.group(0))
                if c.group(0) not in stopwords
            )
            continue
        pos = m.start()
        run = m.group(0)
        # _LIST_SPLIT splits only at one of these (most runs hold none)
        listed = "," in run or ";" in run or "and" in run or "or" in run or "vs" in run
        for piece in _LIST_SPLIT.split(run) if listed else (run,):
            idx = text.find(piece, pos, m.end()) if piece else -1
            if idx < 0:
                continue
            pos = idx + len(piece)
            stripped = piece.strip(" .-'’/")
            if not stripped or stripped in stopwords or stripped.isdigit():
                continue
            lead = idx + piece.find(stripped)
            spans.append((lead, lead + len(stripped)))
    return tuple(spans)


@cache
def _chinese_pattern() -> re.Pattern[str]:
    return re.compile("|".join(re.escape(k) for k in sorted(_chinese_names(), key=len, reverse=True)))


def chinese_entities(text: str) -> list[tuple[int, int, str]]:
    """Known Chinese names (英伟达 → NVIDIA) and organisation-suffixed names (…公司, …大学)."""
    return list(_chinese_entities(text))


@lru_cache(maxsize=64)  # extraction asks twice per sentence (its names, then its facts)
def _chinese_entities(text: str) -> tuple[tuple[int, int, str], ...]:
    found = [(m.start(), m.end(), _chinese_names()[m.group(0)]) for m in _chinese_pattern().finditer(text)]
    for m in _ORG_SUFFIX.finditer(text) if _ORG_SUFFIX_WORD.search(text) else ():
        if not any(s < m.end() and m.start() < e for s, e, _ in found):
            found.append((m.start(), m.end(), m.group(0)))
    return tuple(sorted(found))


def entities_in(text: str) -> tuple[str, ...]:
    """Every name in ``text``: Latin spans as written (capitalised ones), Chinese names in English."""
    names: dict[str, None] = {}
    for s, e in latin_spans(text):
        word = text[s:e]
        if any(ch.isupper() for ch in word) or any(ch.isdigit() for ch in word):
            names.setdefault(word, None)
    for _s, _e, en in chinese_entities(text):
        names.setdefault(en, None)
    return tuple(names)


# the measures of results notes, in capitals like names ("Interim DPS", "Adj. EBITDA"): never who
MEASURE_ACRONYMS = frozenset({
    "EPS", "DPS", "ARR", "EBITDA", "EBIT", "GAAP", "PBT", "PAT", "FCF", "ROE", "ROA", "ROIC", "NIM", "ASP", "ARPU",
    "GMV", "MAU", "DAU", "AUM", "NAV", "TAM", "CAPEX", "OPEX", "YOY", "QOQ", "FY", "BPS", "NRR", "CFO", "COO",
})
_FIGURE_WORD = re.compile(r"[$€£¥]?\d[\d.,]*[A-Za-z%]{0,3}")
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_WHEN_OR_AMOUNT = re.compile(
    rf"{_MONTH}(?:\s*[-–/]\s*{_MONTH})?"  # Jan-Oct
    # Q3, H1 FY27, 3Q27, Fiscal Q2, Fiscal Q2 2027, Fiscal Year 2027
    r"|(?:(?:Fiscal|Calendar|Financial)(?:\s+Year)?\s+)?(?:[1-4]?[QH][1-4]?\s?'?\d{0,4}|FY\s?'?\d{2,4}|\d[QH]\d{2})"
    r"(?:\s+(?:FY\s?)?'?\d{2,4})?"
    r"|(?:Fiscal|Calendar|Financial)(?:\s+Year)?\s+'?\d{2,4}"
    r"|(?:[A-Z]{2,3}|[A-Z]{0,2}\$)\s?\d.*",  # CNY4.86bn, US$2bn
)


@cache
def _unit_names() -> frozenset[str]:
    """Units written with a capital (units.tsv): TFLOPS, GW, TB, GPUs."""
    return frozenset(w.surface for w in unit_words() if w.kind == "unit" and w.surface[:1].isupper())


def names_no_one(name: str) -> bool:
    """A capitalised span that says when, how much or which measure, not who: "Q3", "Jan-Oct", "FY27",
    "CNY4.86bn", "EBITDA", "Adj. EBITDA" (a measure's acronym with at most one plain word)."""
    if _WHEN_OR_AMOUNT.fullmatch(name.strip()) or name.strip() in _unit_names():
        return True  # (… or a unit written in capitals: "TFLOPS", "GW", "GPUs")
    spaced = name.split()
    if len(spaced) > 1 and spaced[0].upper() in MEASURE_ACRONYMS and all(_FIGURE_WORD.fullmatch(w) for w in spaced[1:]):
        return True  # the measure with its value: "EBITDA 3.6x", "EPS 31.4p"
    words = name.replace(".", " ").split()
    rest = [w for w in words if w.upper() not in MEASURE_ACRONYMS]
    return len(rest) < len(words) and (not rest or (len(rest) == 1 and re.fullmatch(r"[A-Z][a-z]+", rest[0]) is not None))
