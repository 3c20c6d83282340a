"""Which end of a range a price was set at (or that it was set above or below it), pure: "定价68.50港元，为招股区间上限" against "the top of its marketed
range of HK$61 to HK$68.50" agrees; "发行价HKD 42.60，为招股区间（42.60–48.80港元）上限" against "the bottom of its
indicative range of HK$42.60 to HK$48.80" does not.

The page sentence must give a range's end in words and speak of the claim's price: hold the price the claim's
sentence gives, or, where the claim gives none, say that something was priced.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal

from claims.textnorm import to_simplified
from verifier.judge.compare import compare_values
from verifier.judge.evidence import Assessment, draft_evidence
from verifier.judge.matching import ClaimQuery, PassageScore, SnapshotIndex
from verifier.judge.rules import Finding
from verifier.judge.statements import passage_sentences, sentence_values

__all__ = ["END_OF_RANGE", "range_end_said"]

# an end of a range, in words: "the top of its marketed range", "the lower end of the range", 区间上限, 下限
END_OF_RANGE = re.compile(
    r"\b(?P<en>top|bottom|upper end|lower end|high end|low end|top end|bottom end)\s+of\s+(?:the|its|their)\s+"
    r"(?:[a-z]+\s+){0,2}(?:price\s+)?range\b"
    r"|(?P<zh>上限|下限|顶部|底部|上沿|下沿|高端|低端)"
    # … or beyond it: "above the expected range of $20 to $22", 高于…招股区间
    r"|\b(?P<out>above|below)\s+(?:the|its|their)\s+(?:[a-z]+\s+){0,2}(?:price\s+)?range\b"
    r"|(?P<zhout>高于|低于)(?=[^，。；,;]{0,24}?区间)",
    re.IGNORECASE,
)
_TOP = frozenset({"top", "upper end", "high end", "top end", "上限", "顶部", "上沿", "高端"})
_ABOVE = frozenset({"above", "高于"})
_RANGE_WORD = re.compile(r"\brange\b|区间|范围|價格區間|区间", re.IGNORECASE)
_PRICED = re.compile(r"\bpric(?:e|ed|es|ing)\b|定价|发行价|招股价|售价|价格", re.IGNORECASE)


def _end(m: re.Match[str]) -> int:
    """1 / -1 for the top / bottom end of the range, 2 / -2 for above / below it."""
    beyond = m.group("out") or m.group("zhout")
    if beyond:
        return 2 if beyond.lower() in _ABOVE else -2
    word = (m.group("en") or m.group("zh")).lower()
    return 1 if word in _TOP else -1


def range_end_said(q: ClaimQuery, indexes: Sequence[SnapshotIndex]) -> Assessment | None:
    """Findings for a fact key naming the end of a range a price was set at, or None when the key names none
    (or no cited page says which end)."""
    at = q.sentence.find(q.key_text)
    sentence = to_simplified(q.sentence)
    # (read in its sentence: "高于" is above the range only before "…招股区间")
    key = END_OF_RANGE.search(sentence, at, at + len(q.key_text) + 30) if at >= 0 else None
    if key is None or key.start() >= at + len(q.key_text) or not _RANGE_WORD.search(sentence):
        return None
    claimed_end = _end(key)
    prices = [v for v in sentence_values(q.sentence) if v.kind == "money"]
    if not prices and not _PRICED.search(to_simplified(q.sentence)):
        return None
    for idx in indexes:
        for n, p in enumerate(idx.passages):
            text = to_simplified(p.text)
            for s, e, figures in passage_sentences(p):
                sentence = text[s:e]
                said = END_OF_RANGE.search(sentence)
                if said is None or not _RANGE_WORD.search(sentence):
                    continue
                found = [v for v in figures if v.kind == "money"]
                hit = next((v for v in found if any(compare_values(c, v).agrees for c in prices)), None)
                if prices and hit is None:
                    continue  # another price's range
                if not prices and not _PRICED.search(sentence):
                    continue
                stance: Literal["supports", "contradicts"] = (
                    "supports" if _end(said) == claimed_end else "contradicts"
                )
                draft = draft_evidence(
                    PassageScore(idx, n, 1.0, 0.0, ()),
                    stance,
                    1.0,
                    None,
                    [(s + said.start(), s + said.end())],
                )
                draft.matched_value = p.text[s + said.start() : s + said.end()]
                out = Assessment()
                # (the wrong end of the range is a bound said wrongly: wrong_bound)
                out.add(
                    Finding(stance, 1.0, "value", "agree" if stance == "supports" else "qualifier"), draft
                )
                return out
    return None
