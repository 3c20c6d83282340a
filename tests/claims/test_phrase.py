"""The phrase a figure's claim spans: the figure with its direction before it and its base after it."""

from __future__ import annotations

import pytest

from claims.phrase import claim_phrase


def _phrase(text: str, key: str, kind: str = "percent") -> str:
    at = text.index(key)
    s, e = claim_phrase(text, at, at + len(key), kind)
    return text[s:e]


@pytest.mark.parametrize(
    ("text", "key", "kind", "phrase"),
    [
        ("Tallis's shipments rose 3% YoY.", "3%", "percent", "rose 3% YoY"),
        ("gross margin rose to 38% in the quarter", "38%", "percent", "rose to 38%"),
        ("revenue was up 71% quarter on quarter", "71%", "percent", "up 71% quarter on quarter"),
        ("sales increased by 12% year-over-year", "12%", "percent", "increased by 12% year-over-year"),
        ("a margin that slipped to 42%", "42%", "percent", "slipped to 42%"),
        ("Sales were 9% higher than planned", "9%", "percent", "9% higher"),
        ("Revenue rose to $4.12bn, up 44%", "$4.12bn", "money", "rose to $4.12bn"),
        ("毛利率同比下降 4.1 个百分点", "4.1 个百分点", "percent", "同比下降 4.1 个百分点"),
        ("单季营收环比增长61.7%", "61.7%", "percent", "环比增长61.7%"),
        ("10月營收年增56.6%，創新高", "56.6%", "percent", "年增56.6%"),
        ("毛利率由43.2%下降至41.6%", "41.6%", "percent", "下降至41.6%"),
        ("较上年同期下降1.9个百分点", "1.9个百分点", "percent", "较上年同期下降1.9个百分点"),
    ],
)
def test_a_change_spans_its_direction_and_base(text: str, key: str, kind: str, phrase: str) -> None:
    assert _phrase(text, key, kind) == phrase


@pytest.mark.parametrize(
    ("text", "key", "kind", "phrase"),
    [
        ("our run-rate is just under $400m now", "$400m", "money", "just under $400m"),
        ("the partners will spend at least $18 billion on it", "$18 billion", "money", "at least $18 billion"),
        ("今年营收超过了15亿元", "15亿元", "money", "超过了15亿元"),
        ("exports were up more than 3% YoY", "3%", "percent", "up more than 3% YoY"),
        ("约3亿美元的订单", "3亿美元", "money", "约3亿美元"),
        ("hired well over 200 engineers", "200", "count", "well over 200"),
    ],
)
def test_a_bound_or_hedge_is_part_of_the_claim(text: str, key: str, kind: str, phrase: str) -> None:
    assert _phrase(text, key, kind) == phrase


@pytest.mark.parametrize(
    ("text", "key", "kind"),
    [
        ("毛利率由43.2%下降至41.6%", "43.2%", "percent"),  # the start of the change names no direction
        ("今年新增5家数据中心", "5家", "count"),  # 新增 is no change of a figure
        ("The lab set up 3 new sites", "3", "count"),  # "up" before a count
        ("shipments rose on 3 March 2026", "3 March 2026", "date"),  # a date is no change
        ("a $2 billion round valued it at $9.4 billion", "$9.4 billion", "money"),
        ("营收48.62亿元，同比增长63.5%", "48.62亿元", "money"),
        ("the deal closed on June 30", "June 30", "date"),  # a date's "on" is no bound
        ("Grant Morrow, well known, hired 40 people", "40", "count"),
    ],
)
def test_other_figures_keep_their_key(text: str, key: str, kind: str) -> None:
    assert _phrase(text, key, kind) == key
