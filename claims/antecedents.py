"""Antecedents, pure: whom a sentence opening on a description ("The model scored 71.2% …", "The company
said …", 该公司…) speaks of — a name of the sentence before it, of the kind the description names (a
model's name carries a version: "Aster 4"; a company's does not: "Tessel Labs").

A report's sentence is judged alone; without its antecedent "The model scored 71.2% on RepoFix Verified"
names only the benchmark, and a table's cell of another model passes for its score."""

from __future__ import annotations

import re

from claims.entities import MEASURE_ACRONYMS, fact_stopwords

# the description a sentence opens on (after a conjunction or a time phrase at most), by kind: a product
# (its name carries a version) or an organisation
_PRODUCT = r"model|chip|processor|accelerator|gpu|system|release|version|product|assistant|agent"
_ORGANISATION = (
    r"company|firm|startup|start-up|chipmaker|group|lab|laboratory|bank|maker|developer|provider|"
    r"operator|carrier|insurer|retailer|automaker|lender|business|unit|fund|investor"
)
_OPENING = re.compile(
    rf"^\s*(?:(?:but|and|meanwhile|still|also|separately|however),?\s+)?"
    rf"(?:the\s+(?:(?:new|latest|smaller|larger|bigger|flagship|updated|open|closed|chinese|us|"
    rf"u\.s\.|american|european|listed|private|san francisco-based|[a-z]+-based)\s+)*"
    rf"(?:(?P<product>{_PRODUCT})|(?P<organisation>{_ORGANISATION}))\b)",
    re.I,
)
_HAN_OPENING = re.compile(
    r"^\s*(?:(?P<product>(?:该|這|这|此)(?:款|个|個)?(?:模型|芯片|产品|產品|系统|系統|版本))"
    r"|(?P<organisation>(?:该|該|这家|這家|此)(?:公司|企业|企業|集团|集團|机构|機構|基金)|公司(?=[表称稱指宣预預])))"
)


def description_kind(sentence: str) -> str | None:
    """"product" or "organisation" when the sentence opens on a description of one, else None."""
    m = _OPENING.match(sentence) or _HAN_OPENING.match(sentence)
    if m is None:
        return None
    return "product" if m.groupdict().get("product") else "organisation"


def _versioned(name: str) -> bool:
    return any(ch.isdigit() for ch in name)


# a name: a run of capitalised or numbered words ("Tessel Labs", "Aster 4", "Quillon AI"), its possessive apart
_NAME = re.compile(r"[A-Z][\w.+&-]*(?:[ \t]+(?:[A-Z][\w.+&-]*|\d[\w.]*))*")
_NOT_NAMES = frozenset({"In", "On", "At", "For", "By", "With", "From", "After", "Before", "As", "The", "A", "An", "It", "Its"})
# a name after a preposition is a place or a party, not who the sentence is about ("In Beijing, Moonshot AI …")
_PREPOSITION = re.compile(r"\b(?:in|at|on|from|to|with|by|for|of|across|into|than|behind|against)$", re.I)
_PREPOSITION_CHARS = 8  # the longest preposition above and the character before it


def _after_preposition(text: str, at: int) -> bool:
    """Does a preposition end right before ``at`` (whitespace between)? Read back from ``at`` only, so a long
    sentence of many names is read in one pass, not once per name from its start."""
    while at > 0 and text[at - 1].isspace():
        at -= 1
    return _PREPOSITION.search(text, max(0, at - _PREPOSITION_CHARS), at) is not None


def _names(previous: str) -> list[str]:
    """The names of ``previous`` that may be spoken of again, in order: not a generic word (AI, GPU), a
    measure (EPS), a field's label ("Description:") or a name after a preposition."""
    generic = fact_stopwords() | MEASURE_ACRONYMS
    out: list[str] = []
    for m in _NAME.finditer(previous):
        words = m.group().split()
        while words and words[0] in _NOT_NAMES:
            words.pop(0)
        name = " ".join(words).removesuffix("'s").removesuffix("’s").rstrip(".")
        at = previous.find(name, m.start())
        if (
            len(name) < 3 or name in generic or name.upper() in generic
            or previous[m.end() : m.end() + 1] == ":" or _after_preposition(previous, at)
        ):
            continue
        out.append(name)
    return out


def antecedent(sentence: str, previous: str, carried: str = "") -> str:
    """The name ``sentence`` speaks of when it opens on a description: of ``previous`` (the sentence
    before it), the first versioned name for a product, the first unversioned one for an organisation; or
    ``carried`` (the previous sentence's own antecedent) when ``previous`` names none of the kind. ""
    when the sentence opens on no description or no name fits."""
    kind = description_kind(sentence)
    if kind is None:
        return ""
    names = _names(previous)
    fitting = [n for n in names if _versioned(n) == (kind == "product")]
    if fitting:
        return fitting[0]
    return carried if carried and _versioned(carried) == (kind == "product") else ""
