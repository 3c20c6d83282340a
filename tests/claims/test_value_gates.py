"""The word gates in ``claims.values`` are only shortcuts: with every gate forced open, parse_values
reads exactly the same values."""

from __future__ import annotations

from pathlib import Path

import pytest

import claims.values as values
from claims.values import parse_values

ROOT = Path(__file__).resolve().parents[2]
# re.I reads these as i, i, s: a text spelling a keyword with one must still be read by the pattern
ODD_CASE = ["Sales halved: they fell by half of that", "It ranked fırſt in Europe", "one ın five users paid",
            "İN 2024 one out of five", "about a dollar a day", "thousands of GPUs, three-fold", "Sales fell ın half"]


def _texts() -> list[str]:
    reports = sorted((ROOT / "examples" / "reports").glob("*.txt"))
    return ODD_CASE + [p.read_text(encoding="utf-8") for p in reports]


@pytest.mark.parametrize("text", _texts())
def test_gates_change_no_value(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    gated = parse_values(text, default_year=2026)
    monkeypatch.setattr(values, "_mentions", lambda _text, _words: True)
    assert parse_values(text, default_year=2026) == gated


def test_odd_case_letters_open_the_gates() -> None:
    assert [(v.raw, v.value) for v in parse_values("one ın five users paid")] == [("one ın five", 20.0)]


def test_month_gate_on_the_lowered_text_is_the_case_insensitive_one() -> None:
    import random

    rng = random.Random(2)
    pieces = ["Jan", "FEB", "mar", "sEp", "K", "ſ", "ı", "İ", "x", " ", "5", "Ｍ", "é", "a", "ﬀ", "oct", "\u212a"]
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 8)))
        low = values._lowered(text)
        fast = (values._HAS_MONTH_LOW.search(low) if low is not None else values._HAS_MONTH_NAME.search(text))
        assert (fast is not None) == (values._HAS_MONTH_NAME.search(text) is not None), text


VERSION_TEXTS = ["H100 和 B200X 以及 GB-200", "Llama 3 70B, 1.5M 参数的 Mixtral 8x7B", "v1.2.3 与 o3-mini、o1",
                 "HX‑500 and MI-300X", "Gemma 4 27B Dense, Qwen3.5-Max", "no version here 100 B"]


@pytest.mark.parametrize("text", VERSION_TEXTS + _texts())
def test_version_gates_change_no_version(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    gated = list(values._find_versions(text, 2026))
    monkeypatch.setattr(values, "_VERSION_GATES", (None,) * len(values._VERSION_GATES))
    assert list(values._find_versions(text, 2026)) == gated
    if text in VERSION_TEXTS[:-1]:
        assert gated  # the texts hold versions: the comparison is not vacuous


RANK_TEXTS = ["It ranked 3rd in Europe", "she came ٣rd", "finished SECOND, top-5 overall", "the third-largest bank",
              "placed 21ST", "it sits in second place", "a rank of 4 and a top 10 list", "came ſecond", "rank sit stand -"]


@pytest.mark.parametrize("text", RANK_TEXTS + _texts())
def test_rank_gate_changes_no_value(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    gated = parse_values(text, default_year=2026)
    monkeypatch.setattr(values, "_may_rank", lambda _text: True)
    assert parse_values(text, default_year=2026) == gated
    if text in RANK_TEXTS[:4]:
        assert any(v.unit == "rank" for v in gated), text  # not vacuous


DURATION_TEXTS = ["He won in 2:13:38, a time of 1:45.32", "会议：9:30 开始，成绩 2小时13分38秒", "标签：内容 12:00", "no colon 5 秒"]


@pytest.mark.parametrize("text", DURATION_TEXTS + _texts())
def test_duration_gate_changes_no_value(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import re

    gated = parse_values(text, default_year=2026)
    monkeypatch.setattr(values, "_DIGIT_COLON_DIGIT", re.compile(""))  # always open
    assert parse_values(text, default_year=2026) == gated
    if text == DURATION_TEXTS[0]:
        assert [v.value for v in gated if v.unit == "s"] == [8018.0, 105.32]  # not vacuous


DATE_TEXTS = ["H1 2026", "2025-H2", "first half of 2027", "Q3 2026", "2026 Q4", "3/15/2024", "24.6.2022", "1.2.1999",
              "2026-W24", "2026年第三季度", "2026年6月10日", "June 5, 2026", "5 June 2026", "the third quarter of 2028",
              "in March", "二零一九年七月八日"]


def test_date_gates_are_open_wherever_their_pattern_matches() -> None:
    """Each gate of _DATE_PATTERNS is a necessary condition: a text any pattern matches opens its gate."""
    import random

    rng = random.Random(8)
    pieces = ["H1", "H2", "H", "Q3", "Q", "2026", "1999", "20", "19", "/", ".", "-", " ", "W", "24", "5", "June", "half",
              "first", "of", "年", "月", "日", "第三季度", "季度", "x", "3", "12"]
    texts = DATE_TEXTS + _texts() + ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 12))) for _ in range(4000)]
    matched: set[str] = set()
    for text in texts:
        gates = values._date_gates(text)
        for _kind, pattern, gate in values._DATE_PATTERNS:
            if pattern.search(text):
                assert gates[gate], (gate, text)
                matched.add(gate)
    assert {"H", "Q", "slash-dot", "half-en", "W", "digit", "month"} <= matched  # not vacuous


def test_lower_case_twins_find_what_the_case_insensitive_patterns_find() -> None:
    """The English finders scan the lowered text with a case-sensitive twin (values._finditer_i): the same
    matches, at the same offsets, with the same groups (compared by span), in any letter case."""
    import random
    import re

    pairs = [(values._EN_FRACTION, values._EN_FRACTION_LOW), (values._EN_MULTIPLE, values._EN_MULTIPLE_LOW),
             (values._EN_HALF, values._EN_HALF_LOW), (values._EN_RANK, values._EN_RANK_LOW),
             (values._EN_ORDINAL, values._EN_ORDINAL_LOW)]
    words = set()
    for pattern, _twin in pairs:
        words |= set(re.findall(r"[a-z]{2,}", pattern.pattern))
    rng = random.Random(9)
    phrases = ["ranked third", "came 2nd", "sits at No. 3", "in second place", "3rd-place", "second-largest", "top five",
               "top-10", "one in five", "two out of ten", "a quarter", "two-thirds", "doubled", "three-fold", "10fold",
               "by half", "halved", "half of", "the 6th plenary", "its third meeting", "the second- and third-largest"]
    pieces = [*sorted(words), *phrases * 3, "No.", "#", "3rd", "21ST", "2", " ", " ", "-", ",", "K", "ı", "İ", "ſ", "é", "文"]

    def spans(m: re.Match[str]) -> list[tuple[int, int]]:
        return [m.span(g) for g in range(len(m.groups()) + 1)]

    found = 0
    for _ in range(6000):
        text = "".join((lambda w: w.upper() if rng.random() < 0.2 else w.title() if rng.random() < 0.2 else w)(rng.choice(pieces))
                       for _ in range(rng.randint(1, 10)))
        for pattern, twin in pairs:
            want = [spans(m) for m in pattern.finditer(text)]
            assert [spans(m) for m in values._finditer_i(pattern, twin, text)] == want, (pattern.pattern[:30], text)
            found += len(want)
    assert found > 2000  # not vacuous
