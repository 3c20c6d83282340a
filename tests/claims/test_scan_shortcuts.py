"""Shortcuts in the extractor's scans (lower-cased topic scan, organisation-suffix gate) find exactly
what the plain scans find."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest

import claims.entities as entities
import claims.lexicon as lexicon

ROOT = Path(__file__).resolve().parents[2]


def _lines() -> list[str]:
    out = []
    for p in sorted((ROOT / "examples" / "reports").glob("*.txt")):
        out += [line for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]
    return out


def _topics_plain(text: str) -> tuple[str, ...]:
    """topics_in with the case-insensitive scan only (the code before the shortcut)."""
    found = [(m.start(), lexicon.lexicon()[m.group(0)]) for m in lexicon._lexicon_pattern().finditer(text)]
    pattern, terms = lexicon._english_pattern()
    found += [(m.start(), terms[m.group(0).lower()]) for m in pattern.finditer(text)]
    seen: dict[str, None] = {}
    for _pos, en in sorted(found):
        seen.setdefault(en, None)
    return tuple(seen)


def test_lower_case_topic_scan_is_the_case_insensitive_one() -> None:
    lines = _lines()
    assert sum(bool(lexicon.topics_in(line)) for line in lines) > 100  # not vacuous
    for line in lines:
        assert lexicon.topics_in(line) == _topics_plain(line), line
    rng = random.Random(3)
    terms = list(lexicon._english_pattern()[1])
    pieces = [*rng.sample(terms, 20), "K", "ſ", "ı", "İ", "\u212a", " ", "-", "Σ", "é", "估值", "X"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces).upper() if rng.random() < 0.3 else rng.choice(pieces)
                       for _ in range(rng.randint(1, 6)))
        assert lexicon.topics_in(text) == _topics_plain(text), text


@pytest.mark.parametrize("text", ["英伟达与微软公司合作", "清华大学和北京银行", "没有后缀的句子", "公司"])
def test_org_suffix_gate_changes_nothing(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    entities._chinese_entities.cache_clear()
    gated = entities.chinese_entities(text)

    class _Open:
        @staticmethod
        def search(_text: str) -> bool:
            return True

    monkeypatch.setattr(entities, "_ORG_SUFFIX_WORD", _Open)
    entities._chinese_entities.cache_clear()
    assert entities.chinese_entities(text) == gated
    entities._chinese_entities.cache_clear()


def test_cjk_share_shortcut_is_the_ratio() -> None:
    from claims.textnorm import cjk_ratio, cjk_share_above

    rng = random.Random(4)
    pieces = ["中文", "English words ", " ", "\n", "数", "x" * 50, "汉" * 30, "   "]
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples" / "reports").glob("*.txt"))]
    for _ in range(3000):
        texts.append("".join(rng.choice(pieces) for _ in range(rng.randint(0, 400))))
    for text in texts:
        for share in (0.0, 0.05, 0.3):
            assert cjk_share_above(text, share) == (cjk_ratio(text) > share)


def test_arxiv_pattern_and_gate_find_what_the_case_insensitive_pattern_finds() -> None:
    """claims.extract._ARXIV spells out the cases re.I reads (ı and İ for i) and is searched only where
    _ARXIV_GATE finds a figure: together they mask what the re.I pattern masked."""
    import re

    from claims import extract

    original = re.compile(r"(?i)arxiv\s*[:：]?\s*\d{4}\.\d{4,5}(?:v\d+)?|(?<![\d.])\d{4}\.\d{4,5}(?:v\d+)?(?![\d.])")
    rng = random.Random(6)
    pieces = ["arxiv", "ArXiv", "ARXIV", "arXıv", "ARXİV", "arxıv", "ar", "xiv", " ", "：", ":", "\n", "2401", "12345",
              "1234", ".", "v", "V", "2", "٣", "文", "a", "2401.1234", "2401.12345v2", "1999.0001V"]
    found = 0
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 14)))
        want = [m.span() for m in original.finditer(text)]
        got = [m.span() for m in extract._ARXIV.finditer(text)] if extract._ARXIV_GATE.search(text) else []
        assert got == want, text
        found += bool(want)
    assert found > 200  # not vacuous


def test_qualifier_gates_read_what_the_patterns_read() -> None:
    """claims.values._qualifier_before asks its pattern only where the window ends with a qualifier word
    or a verb (lower-cased), and _qualifier_after tries only the words starting with the character
    there: both read what the plain search and the plain loop over every word read."""
    from claims import values

    def before_plain(text: str, start: int) -> str:
        pattern, table = values._before_pattern()
        m = pattern.search(text, max(0, start - 16), start)
        return table[m.group("q").lower()] if m else "="

    def after_plain(text: str, end: int) -> tuple[str | None, int]:
        for start in (end, values._past_aside(text, end)):
            if start < 0:
                continue
            i = start
            while i < len(text) and text[i] == " " and i - start < 2:
                i += 1
            for surface, qualifier in values._after_words():
                if text.startswith(surface, i):
                    return qualifier, i + len(surface)
        return None, end

    rng = random.Random(7)
    before = [s for s, position, _q in values.qualifier_words() if position == "before"]
    after = [s for s, position, _q in values.qualifier_words() if position == "after"]
    pieces = [*before, *(w.upper() for w in before[:12]), *after, *values._BEFORE_VERBS, " ", "  ", "\n", "ı", "İ", "ſ",
              "\u212a", "a", "x", "了", "（约合 5 元）", "5", "awesome", "bout", "ſome", "approxımately", "AT LEAST", "a mİnİmum of"]
    def outcome(f: Any, *args: Any) -> Any:  # what a call gives, or the error it raises (ſome: no table entry)
        try:
            return f(*args)
        except KeyError as e:
            return ("KeyError", str(e))

    qualified = 0
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 6)))
        pos = rng.randint(0, len(text))
        got = outcome(values._qualifier_before, text, pos)
        assert got == outcome(before_plain, text, pos), (text, pos)
        assert values._qualifier_after(text, pos) == after_plain(text, pos), (text, pos)
        qualified += got != "="
    assert qualified > 1000  # not vacuous


def test_bound_gate_spelled_in_both_cases_is_the_case_insensitive_search() -> None:
    import re

    from claims import extract

    plain = re.compile("|".join(extract._BOUND_WORDS), re.I)
    rng = random.Random(10)
    pieces = ["quarter", "QUARTER", "Quarter", "qUaRtEr", "half", "HALF", "Half", "轮", "季度", "半年", "quart", "hal",
              "ſ", "ı", "İ", "\u212a", " ", "x"]
    hits = 0
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 5)))
        found = plain.search(text) is not None
        assert (extract._BOUND_GATE.search(text) is not None) == found, text
        hits += found
    assert hits > 1000  # not vacuous


def test_number_word_runs_on_the_lowered_text_are_the_case_insensitive_ones(monkeypatch: pytest.MonkeyPatch) -> None:
    from claims import numwords

    rng = random.Random(12)
    # (ı, İ and ſ send a text to the re.I scan itself, whose readings of them have no table entry)
    words = [*numwords.WORD_VALUES, "a", "an", "half a", "and", "point", "hundreds", "-", " ", "  ", "x", "5", "\u212a", "文"]
    texts = ["".join((lambda w: w.upper() if rng.random() < 0.2 else w.title() if rng.random() < 0.2 else w)(rng.choice(words))
                     + rng.choice([" ", "", "-"]) for _ in range(rng.randint(1, 10))) for _ in range(3000)]
    fast = [list(numwords.number_words(t)) for t in texts]
    monkeypatch.setattr(numwords, "_LOWER_MISREADS", ("",))  # "" is in every text: the re.I scan always
    assert [list(numwords.number_words(t)) for t in texts] == fast
    assert sum(map(len, fast)) > 2000  # not vacuous


def test_trie_alternation_reads_as_the_alternation_longest_first() -> None:
    import re

    rng = random.Random(13)
    hits = 0
    for _ in range(300):
        words = {"".join(rng.choice("abc -") for _ in range(rng.randint(1, 5))) for _ in range(rng.randint(1, 12))}
        words.discard("")
        plain = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        for after in ("", "(?![a-z])", "(?=c)"):
            want = re.compile(f"(?:{plain}){after}")
            got = re.compile(f"(?:{lexicon.trie_alternation(words)}){after}")
            for _ in range(20):
                text = "".join(rng.choice("abc -x") for _ in range(rng.randint(0, 20)))
                found = [m.span() for m in want.finditer(text)]
                assert [m.span() for m in got.finditer(text)] == found, (sorted(words), after, text)
                hits += len(found)
    assert hits > 5000  # not vacuous
