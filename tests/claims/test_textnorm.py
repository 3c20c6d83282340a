"""The shortcuts in ``claims.textnorm`` give what one ``str.translate`` over the whole text gives."""

from __future__ import annotations

import random
from pathlib import Path

from claims.textnorm import _T2S, _WIDTH, cjk_ratio, fold_width, matching_view, to_simplified

ROOT = Path(__file__).resolve().parents[2]


def _samples() -> list[str]:
    rng = random.Random(5)
    wide = "".join(chr(code) for code in _WIDTH)
    mixed = "".join(rng.choice(wide + "abc 123 营收增长，") for _ in range(2000))
    reports = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples" / "reports").glob("*.txt"))]
    traditional = "營收年增 ３５％，達到新臺幣 1,200 億元。"
    return [mixed, wide, "", "plain ascii", traditional, *reports]


def test_fold_width_is_the_translation() -> None:
    for text in _samples():
        assert fold_width(text) == text.translate(_WIDTH)


def test_to_simplified_is_the_translation() -> None:
    for text in _samples():
        assert to_simplified(text) == text.translate(_T2S)
    assert to_simplified("營收年增") == "营收年增"


def test_cjk_ratio_counts() -> None:
    assert cjk_ratio("营收 ab") == 0.5
    assert cjk_ratio("  \n") == 0.0


def test_parse_values_on_a_view_needs_no_second_normalising() -> None:
    from claims.textnorm import matching_view
    from claims.values import parse_values

    for text in _samples()[4:]:
        view = matching_view(text)
        if to_simplified(view) is view:
            assert parse_values(view, normalised=True) == parse_values(view)


def test_a_traditional_text_reads_taiwans_words_as_the_mainlands() -> None:
    from claims.textnorm import matching_view

    text = "Kestrel 4 的上下文視窗為 12.8 萬 token，已於 6 月 4 日在杭州釋出，透過百鍊平臺提供。資料中心網路安全。"
    view = matching_view(text)
    assert len(view) == len(text)
    for word in ("上下文窗口", "发布", "通过", "数据中心", "网络安全"):
        assert word in view
    assert matching_view("数据中心的资料显示") == "数据中心的资料显示"  # a Simplified text keeps its own words


def test_emphasis_underscores_are_not_word_characters_in_the_matching_view() -> None:
    """"_57% vs 54%_" (markdown, Slack italics) reads 57% and 54%; snake_case and __init__ are left alone."""
    assert matching_view("margin _57% vs 54% a year ago_ too") == "margin  57% vs 54% a year ago  too"
    assert matching_view("snake_case and __init__") == "snake_case and __init__"
