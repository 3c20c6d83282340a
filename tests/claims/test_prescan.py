"""claims.prescan: the first-character look-ahead never changes what a pattern matches."""

from __future__ import annotations

import random
import re

import pytest

import claims.entities as entities
import claims.values as values
from claims.prescan import first_char_class, with_first_chars

_LOOKAHEAD = re.compile(r"^\(\?=\[(?:\\.|[^\]\\])*\]\)", re.S)
_TOKEN_TEXT = (
    "0 1 2 3 7 9 12 19 20 2024 2026 3.5 1,200 年 月 日 号 第 季度 上半年 Q3 W12 / . - : ， 。 一 二 三 十 百 千 万 亿 两 零 〇 "
    "分之 成 半 Jan March may July sep Oct Nov dec 5th 1st in of since half times a an dollar thousands hundreds "
    "GPT Claude Opus 4.6 v2.1 HX-500 o3 H100 70B $ ¥ € 美元 亿元 % 下午 点 半 am p.m. OpenAI Series C 轮 ( ) 「 」"
)
_TOKENS = _TOKEN_TEXT.split(" ")


def _original(pattern: re.Pattern[str]) -> re.Pattern[str]:
    return re.compile(_LOOKAHEAD.sub("", pattern.pattern, count=1), pattern.flags)


def _wrapped() -> list[re.Pattern[str]]:
    found = [p for _kind, p, _gate in values._DATE_PATTERNS] + list(values._version_patterns())
    found += [values._NUM_TOKEN, values._CLOCK, values._FRACTION, values._TENTHS_CN, values._EN_APPROX,
              values._A_CURRENCY, values._EN_TIMES, values._EN_HALF, entities._LATIN_RUN, entities._CAPITALISED]
    return [p for p in found if _LOOKAHEAD.match(p.pattern)]


def test_the_scanned_patterns_carry_a_lookahead() -> None:
    wrapped = _wrapped()
    assert values._NUM_TOKEN in wrapped and len(wrapped) >= 25


@pytest.mark.parametrize("pattern", _wrapped(), ids=lambda p: p.pattern[:40])
def test_same_matches_as_without_it(pattern: re.Pattern[str]) -> None:
    rng = random.Random(11)
    original = _original(pattern)
    for _ in range(300):
        text = "".join(rng.choice(_TOKENS) + rng.choice(["", " ", "  "]) for _ in range(rng.randint(1, 30)))
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in original.finditer(text)], text


def test_first_char_class() -> None:
    assert first_char_class(re.compile(r"(?<!\d)(?:ab|c)?\d+")) == r"[\dac]"
    assert first_char_class(re.compile(r"\b(?:x|y)z")) == "[xy]"
    assert first_char_class(re.compile(r"a?")) is None  # can match the empty string
    assert first_char_class(re.compile(r"[^a]b")) is None  # a negated class bounds nothing
    assert first_char_class(re.compile(r"(a)\1")) == "[a]"
    p = re.compile(r"(?i)abc")
    assert with_first_chars(p) is p  # global inline flags must stay first
    q = with_first_chars(re.compile(r"\bfold\b", re.I))
    assert q.search("Three-FOLD") and q.pattern.startswith("(?=[f])")
