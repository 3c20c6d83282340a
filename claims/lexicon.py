"""The bilingual topic lexicon (``claims/data/lexicon.tsv``): Chinese words → normalised English.

Used for topic words on claims and for the noun a number counts (漏洞 → vulnerabilities).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache

from claims.units import data_lines

__all__ = ["lexicon", "translate", "topics_in", "noun_at", "head_noun", "cue_words"]

_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z-]*")
_ANY_LATIN = re.compile("[A-Za-z\u212a\u0130]")  # a character whose lower case is a-z (K, İ too)


@cache
def lexicon() -> dict[str, str]:
    return {r[0]: r[1] for r in data_lines("lexicon.tsv") if len(r) >= 2}


@cache
def _keys_by_length() -> tuple[str, ...]:
    return tuple(sorted(lexicon(), key=len, reverse=True))


@cache
def cue_words() -> dict[str, tuple[str, ...]]:
    """kind → cue words from ``cues.tsv`` (section kinds, opinion and metadata cues)."""
    out: dict[str, list[str]] = {}
    for row in data_lines("cues.tsv"):
        out.setdefault(row[0], []).append(row[1])
    return {k: tuple(v) for k, v in out.items()}


def translate(word: str) -> str | None:
    return lexicon().get(word)


@cache
def _lexicon_pattern() -> re.Pattern[str]:
    return re.compile("|".join(re.escape(k) for k in _keys_by_length()))


@cache
def _english_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    terms = {en.lower(): en for en in lexicon().values()}
    alternation = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
    # the look-ahead on first letters lets the scanner skip most positions (re.I alone defeats
    # the engine's own first-character prefilter); it never changes what matches
    first = re.escape("".join(sorted({c for t in terms for c in (t[0].lower(), t[0].upper())})))
    return re.compile(rf"(?<![A-Za-z])(?=[{first}])(?:{alternation})(?![A-Za-z])", re.I), terms


# the characters re.I matches to an ASCII letter other than the ASCII letters themselves; in a text
# without them str.lower() keeps every offset and turns only A-Z into a-z
_FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")


@cache
def _english_lower_pattern() -> re.Pattern[str] | None:
    """``_english_pattern`` for lower-cased text, without re.I (which makes the scan about twice as
    slow): on ``text.lower()`` it finds what the other finds on ``text``, at the same offsets, as long
    as ``text`` holds none of ``_FOLDS_TO_ASCII``. None when a term is not ASCII."""
    _pattern, terms = _english_pattern()
    if not all(t.isascii() for t in terms):
        return None
    first = re.escape("".join(sorted({t[0] for t in terms})))
    return re.compile(rf"(?<![A-Za-z])(?=[{first}])(?:{trie_alternation(terms)})(?![A-Za-z])")


def trie_alternation(words: Iterable[str]) -> str:
    """A regex for "the longest of ``words`` that fits here", as their alternation longest first reads
    it, with shared prefixes written once ("a(?:b(?:c)?|d)"): the engine tries the few characters that
    may come next instead of every word in turn.

    At a position at most one branch of a node takes the next character, and a word ending at a node
    is an optional tail left greedy: the words that fit are tried longest first, as in the alternation,
    and what follows the group decides between them the same way."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def build(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


def topics_in(text: str) -> tuple[str, ...]:
    """English topic keys of every lexicon word in ``text`` (longest match wins, in order); English
    text gives the same keys when it already uses the lexicon's English terms ("valuation")."""
    found: list[tuple[int, str]] = [(m.start(), lexicon()[m.group(0)]) for m in _lexicon_pattern().finditer(text)]
    if _ANY_LATIN.search(text):
        pattern, terms = _english_pattern()
        lower = _english_lower_pattern()
        if lower is not None and not _FOLDS_TO_ASCII.search(text):
            found += [(m.start(), terms[m.group(0)]) for m in lower.finditer(text.lower())]
        else:
            found += [(m.start(), terms[m.group(0).lower()]) for m in pattern.finditer(text)]
    seen: dict[str, None] = {}
    for _pos, en in sorted(found):
        seen.setdefault(en, None)
    return tuple(seen)


def noun_at(text: str, pos: int) -> str | None:
    """The lexicon word (Chinese key or English term) that starts at ``pos``, as its English term."""
    m = _lexicon_pattern().match(text, pos)
    if m:
        return lexicon()[m.group(0)]
    pattern, terms = _english_pattern()
    m = pattern.match(text, pos)
    return terms[m.group(0).lower()] if m else None


@lru_cache(maxsize=4096)  # a pure function of a short phrase
def head_noun(phrase: str) -> str | None:
    """The noun a Chinese/English phrase names, in English when the lexicon knows it.

    Chinese puts the head noun last (高严重度漏洞 → 漏洞), so the longest lexicon key that ends the
    phrase wins; a phrase of Latin words is lower-cased as is; otherwise the phrase itself.
    """
    phrase = phrase.strip()
    if "的" in phrase:
        parts = [p.strip() for p in phrase.split("的") if p.strip()]
        phrase = parts[-1] if parts and not phrase.rstrip().endswith("的") else (parts[0] if parts else "")
    if not phrase:
        return None
    if _LATIN_WORD.fullmatch(phrase.split()[0]) and all(_LATIN_WORD.fullmatch(w) for w in phrase.split()):
        return " ".join(phrase.lower().split()[:3])
    for key in _keys_by_length():
        if phrase.endswith(key):
            return lexicon()[key]
    return phrase if len(phrase) >= 2 else None
