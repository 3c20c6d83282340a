"""Who led a round, pure: the lead a claim names, read against the lead a page sentence names.

"本轮由软银愿景基金二期领投" against "The round was led by Altamira Partners, with participation from
NVIDIA, SoftBank Vision Fund 2 …": the page fills the lead with another name and puts the claim's
lead among the participants. That is a contradiction however the rest of the sentence matches.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from claims.bridge import has_han
from claims.entities import chinese_entities
from claims.pinyin import name_key, page_keys

# the claim's lead: "由 X 领投 / 牵头 / 领衔", "X 领投", "led by X", "X led the round"
_ZH_LEAD = re.compile(r"(?:由|获)?\s*([^，,。；;、由获\s][^，,。；;、由获]{1,39}?)\s*(?:共同)?(?:领投|牵头|领衔)")
_EN_LED_BY = re.compile(r"\b(?:co-)?led by\s+(.{2,80}?)(?=[,;.]|\s*[(\[（]|\s+(?:with|alongside|and with|as well as)\b|$)", re.I)
# … or the role named first: "领投方为 X", "领投机构是 X", "the lead investor is X"
_ZH_LEAD_IS = re.compile(r"(?:领投方|领投机构|领投人|領投方|領投機構)\s*(?:为|是|為)\s*([^，,。；;、\s][^，,。；;、]{1,39})")
_EN_LEAD_IS = re.compile(r"\blead investor (?:is|was)\s+(.{2,80}?)(?=[,;.]|\s+(?:with|alongside)\b|$)", re.I)
_EN_X_LED = re.compile(r"([A-Z][\w&'.\- ]{1,60}?)\s+(?:co-)?led\s+the\s+(?:round|financing|raise|investment)\b")
# … or said as the lead's part in the round: "with Quillon Partners leading", "a Northmarch-led round", "X as lead investor"
_EN_X_LEADING = re.compile(
    r"\bwith\s+([A-Z][\w&'.\-]*(?:\s+[A-Z][\w&'.\-]*){0,4})\s+(?:leading|as\s+(?:the\s+)?lead(?:\s+investor)?)\b"
    r"|\b([A-Z][\w&'.]*(?:\s+[A-Z][\w&'.]*){0,3})-led\s+(?:round|financing|raise|investment|[Ss]eries)\b"
)

# the page's lead and the rest of its sentence: "led by A (and B), with participation from C, D"
_PAGE_LEAD = re.compile(r"\b(?:co-)?led by\s+|\blead investor (?:was|is)\s+|由(?=[^，。；]{2,40}?(?:领投|牵头|领衔))", re.I)
_PAGE_LEAD_END = re.compile(
    r"[,;，；。]|\s+(?:with|alongside|joined by|as well as|while|plus)\b|(?:领投|牵头|领衔)|$", re.I
)


def claim_lead_span(sentence: str, at: int | None = None) -> tuple[int, int] | None:
    """Where the claim names who led, or None when it names no lead. With ``at`` (the key's offset), the
    lead that holds it when the sentence names several ("financing was led by A, and a Series C was led
    by B")."""
    first: tuple[int, int] | None = None
    for rx in (_EN_LED_BY, _EN_X_LED, _EN_X_LEADING, _ZH_LEAD, _ZH_LEAD_IS, _EN_LEAD_IS):
        for m in rx.finditer(sentence):
            group = next(g for g in range(1, (rx.groups or 1) + 1) if m.group(g) is not None)
            if at is None or m.start(group) <= at < m.end(group):
                return m.span(group)
            first = first or m.span(group)
    return first


def page_lead(sentence: str) -> tuple[int, int] | None:
    """The span of the names a page sentence gives as the lead ("led by A and B, with C" → "A and B")."""
    m = _PAGE_LEAD.search(sentence)
    if m is None:
        return None
    end = _PAGE_LEAD_END.search(sentence, m.end())
    stop = end.start() if end else len(sentence)
    return (m.end(), stop) if stop - m.end() >= 2 else None


def says(text: str, term: str) -> bool:
    """Does lower-cased ``text`` hold ``term`` (a Latin term as whole words, a Chinese one anywhere)?"""
    if term.isascii():
        return re.search(rf"(?<![a-z0-9]){re.escape(term)}(?![a-z0-9])", text) is not None
    return term in text


# a sentence that lists the rest of a round's investors ("Kestrel Partners and NVIDIA also participated")
_PARTICIPANTS = re.compile(r"\bparticipat\w*|\balso (?:invested|joined|backed|took part)\b|\bjoined the round\b|跟投|参投|參投", re.I)


def lists_participants(sentence: str) -> bool:
    """Does a sentence list a round's other investors, naming no lead ("X and Y also took part")?"""
    return _PARTICIPANTS.search(sentence) is not None and page_lead(sentence) is None


def lead_clash(lead_terms: Collection[str], sentence: str, following: str = "") -> tuple[int, int] | None:
    """The span of the page's lead when ``sentence`` names another lead than the claim's (``following``:
    the sentence after it, read when it lists the round's participants).

    ``lead_terms`` are the claim lead's words as a page would write them (lower-cased, English
    through the lexicon for a Chinese name). The page must name the claim's lead outside its lead
    (as a participant), and none of its lead's words may be the claim's: a lead the page words
    differently ("SoftBank's Vision Fund") is not a clash."""
    span = page_lead(sentence)
    if span is None or not lead_terms:
        return None
    low = sentence.lower()
    lead, rest = low[span[0] : span[1]], low[: span[0]] + " " + low[span[1] :]
    if following and lists_participants(following):
        # the participants, listed in the sentence after (not another round with a lead of its own)
        rest += " " + following.lower()
    # (a romanised name meets the page's characters by their sound: "Qinghe Capital" in 老股东青禾资本超额跟投)
    sounds = [k for t in lead_terms if (k := name_key(t)) is not None] if has_han(sentence) else []
    lead_sounds = page_keys(lead) if sounds else frozenset()
    rest_sounds = page_keys(rest) if sounds else frozenset()
    if any(says(lead, t) for t in lead_terms) or any(k in lead_sounds for k in sounds):
        return None
    if not any(says(rest, t) for t in lead_terms) and not any(k in rest_sounds for k in sounds):
        return None
    return span


_NAME_RUN = re.compile(r"(?:[A-Z]|[a-z]+[A-Z])[A-Za-z0-9&'.\-]*(?:\s+[A-Z0-9][A-Za-z0-9&'.\-]*)*")  # xAI too
_NOT_NAMES = frozenset({"the", "a", "an", "and", "its", "our", "their", "by", "led", "co-led", "round", "fund", "capital", "partners", "ventures"})


def lead_terms(lead: str) -> frozenset[str]:
    """The claim lead's names as a page would write them, lower-cased: its Latin names and their first
    word ("Altamira Partners" → also "altamira"), and its Chinese names in English (软银 → "softbank")."""
    out: set[str] = set()
    for m in _NAME_RUN.finditer(lead):
        words = [w for w in m.group(0).lower().split() if w not in _NOT_NAMES]
        if words:
            out.add(" ".join(m.group(0).lower().split()))
            if len(words[0]) >= 3:
                out.add(words[0])
    out |= chinese_name_terms(lead)
    return frozenset(t for t in out if len(t) >= 2)


def chinese_name_terms(text: str) -> set[str]:
    """The Chinese names of ``text`` as a page would write them: in English through the dictionary (软银 →
    "softbank"), or, when it knows none, the Chinese as written (北辰创投: a name no dictionary knows)."""
    named = chinese_entities(text)
    out = {english.lower() for _s, _e, english in named}
    han = "".join(_HAN.findall(text))
    if not named and 2 <= len(han) <= 12:
        out.add(han)
    return out


_HAN = re.compile(r"[\u4e00-\u9fff]+")
