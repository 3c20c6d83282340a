"""Every value-comparison rule, on values built by hand and on values parsed from text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claims.model import Value
from claims.values import parse_values
from verifier.judge.compare import (
    compare_values,
    far_coarser,
    normalise_version,
    same_digits,
    significant_digits,
    unit_family,
)


def money(x: float, unit: str = "USD", q: str = "=", precision: float | None = None) -> Value:
    return Value(raw=str(x), value=float(x), unit=unit, qualifier=q, kind="money", precision=precision)  # type: ignore[arg-type]


def count(x: float, q: str = "=", precision: float | None = None, unit: str | None = None) -> Value:
    return Value(raw=str(x), value=float(x), unit=unit, qualifier=q, kind="count", precision=precision)  # type: ignore[arg-type]


def pct(x: float, q: str = "=") -> Value:
    return Value(raw=f"{x}%", value=float(x), unit="percent", qualifier=q, kind="percent", precision=0.1)  # type: ignore[arg-type]


def date(s: str) -> Value:
    return Value(raw=s, value=s, unit="date", kind="date")


def version(s: str) -> Value:
    return Value(raw=s, value=s, unit="version", kind="version")


def test_same_value_same_unit_agrees() -> None:
    assert compare_values(money(1.22e11, precision=1e8), money(1.22e11, precision=1e9)).detail == "exact"


def test_writer_precision_about_90_yi_matches_9_billion() -> None:
    assert compare_values(money(9e9, q="~", precision=1e8), money(9e9, q="~", precision=1e9)).agrees
    assert compare_values(money(9.2e9, precision=1e8), money(9e9, precision=1e9)).agrees  # 9.2 within "9 billion"


def test_about_widens_tolerance() -> None:
    assert compare_values(count(0.5, q="~", precision=0.1), count(0.52, precision=0.01)).agrees


def test_about_does_not_excuse_a_figure_copied_wrongly_at_the_same_precision() -> None:
    about_621 = money(6.21e8, q="~", precision=1e6)
    assert compare_values(about_621, money(6.12e8, q="~", precision=1e6)).detail == "transposed"
    assert compare_values(money(6e8, q="~", precision=1e8), money(6.12e8, precision=1e6)).agrees  # "about $600m"


def test_at_least_supported_by_a_larger_figure() -> None:
    assert compare_values(count(1e6, q=">=", precision=1e4), count(1.2e6, precision=1e5)).detail == "bound"


def test_at_least_not_supported_by_a_smaller_figure() -> None:
    assert compare_values(count(1e6, q=">=", precision=1e4), count(9e5, precision=1e5)).disagrees


def test_both_bounds_same_direction_agree() -> None:
    assert compare_values(count(1e6, q=">="), count(1e6, q=">=")).agrees
    assert compare_values(count(5, q="<"), count(5, q="<")).agrees


def test_up_to_supported_by_a_smaller_figure() -> None:
    assert compare_values(money(1e8, q="<="), money(8e7)).agrees


def test_scale_slips_are_disagreements() -> None:
    for factor in (10, 100, 1000):
        c = compare_values(money(4e6 * factor, precision=1e6 * factor), money(4e6, precision=1e6))
        assert c.disagrees and c.detail == "scale_slip" and c.strong


def test_transposed_digits() -> None:
    c = compare_values(pct(81.3), pct(83.1))
    assert c.disagrees and c.detail == "transposed" and c.strong


def test_plain_difference_is_not_strong() -> None:
    c = compare_values(pct(70.0), pct(66.6))
    assert c.disagrees and c.detail == "different" and not c.strong


def test_currencies_do_not_meet() -> None:
    assert compare_values(money(1.6e12, unit="JPY"), money(1e10, unit="USD")).outcome == "incomparable"


def test_a_yen_sign_of_unknown_currency_meets_yen_and_yuan_only() -> None:
    """"¥82bn" with no cue is yen or yuan (never guessed): either currency's figure is compared with it."""
    claimed = parse_values("FY operating profit guide raised to ¥82bn.")[0]
    assert claimed.unit is None
    assert compare_values(claimed, parse_values("a forecast of 82 billion yen")[0]).agrees
    assert compare_values(claimed, parse_values("a forecast of 8.2 billion yen")[0]).disagrees
    assert compare_values(claimed, parse_values("82 billion yuan")[0]).agrees
    assert compare_values(claimed, parse_values("82 billion dollars")[0]).outcome == "incomparable"


def test_a_traditional_pages_bare_yuan_meets_hong_kong_or_taiwan_dollars() -> None:
    """"集資最多約19.4億元" on a Hong Kong site is HK$1.94 billion as often as yuan: no wrong currency; a Simplified
    page's bare 元, or one naming 人民幣, stays the yuan."""
    claimed = parse_values("to raise up to about HK$1.94 billion")[0]
    assert compare_values(claimed, parse_values("集資最多約19.4億元")[0]).agrees
    assert compare_values(claimed, parse_values("集資最多約1.94億元")[0]).disagrees
    assert not compare_values(claimed, parse_values("募资最多约19.4亿元")[0]).agrees
    assert not compare_values(claimed, parse_values("收入為人民幣19.4億元")[0]).agrees
    twd = parse_values("revenue of NT$612.3 billion")[0]
    assert compare_values(twd, parse_values("營收6,123億元")[0]).agrees


def test_a_weaker_bound_one_way_confirms_nothing_of_a_coarse_claims_bound() -> None:
    """"有望突破8,000億元" (at least 800 billion) says nothing of "有望突破1万亿元" (at least a trillion)."""
    claimed = parse_values("有望突破1万亿元")[0]
    assert not compare_values(claimed, parse_values("全年营收有望突破8,000亿元")[0]).agrees
    assert compare_values(claimed, parse_values("营收有望突破1.2万亿元")[0]).agrees
    assert compare_values(parse_values("不到1万亿元")[0], parse_values("不到8,000亿元")[0]).agrees


def test_percent_does_not_meet_count() -> None:
    assert compare_values(pct(20), count(20)).outcome == "incomparable"


def test_measure_does_not_meet_bare_count() -> None:
    assert compare_values(count(300, unit="min"), count(3e6)).outcome == "incomparable"


def test_counted_nouns_meet_bare_counts() -> None:
    assert unit_family(count(5, unit="users")) == unit_family(count(5)) == "count"


def test_dates_agree_by_prefix() -> None:
    assert compare_values(date("2026-04"), date("2026-04-13")).agrees
    assert compare_values(date("2026-04-13"), date("2026-04-13")).detail == "exact"
    assert compare_values(date("2026-04-09"), date("2026-03-28")).disagrees


def test_a_slip_spans_at_most_four_powers_of_ten() -> None:
    """×10 to ×10⁴ is one slip of a writer (a zero, thousand for million, 万 for 亿); 500 万 against 5 is
    not one: two counts that far apart are no one quantity (amounts merely differ)."""
    assert compare_values(count(5e6), count(5.0)).outcome == "incomparable"
    assert compare_values(money(5e6), money(5.0)).detail == "different"
    assert compare_values(count(5e4), count(5.0)).detail == "scale_slip"
    assert compare_values(money(1.5e6), money(1.5e10)).detail == "scale_slip"


def test_a_date_said_as_a_bound_is_compared_as_one() -> None:
    """"by the end of the year" is a deadline: a date inside it is neither confirmed nor denied by it, a
    date past it disagrees; a claimed bound the page's date keeps is supported; the same bound agrees."""
    deadline = next(v for v in parse_values("the team will double by the end of the year", default_year=2026) if v.kind == "date")
    assert (deadline.value, deadline.qualifier) == ("2026", "<=")
    assert compare_values(date("2025-07"), deadline).outcome == "incomparable"
    assert compare_values(date("2027-02"), deadline).disagrees
    by_2030 = next(v for v in parse_values("2030 年前建成", default_year=2026) if v.kind == "date")
    assert compare_values(by_2030, date("2029-06")).agrees
    assert compare_values(by_2030, date("2030")).agrees  # 年前 and "by 2030": one bound in two languages
    assert compare_values(by_2030, date("2031-01")).disagrees
    later = next(v for v in parse_values("今年晚些时候上线", default_year=2026) if v.kind == "date")
    assert compare_values(later, next(v for v in parse_values("later this year", default_year=2026))).agrees


def test_versions_as_normalised_strings() -> None:
    assert compare_values(version("GPT - 5 . 4"), version("GPT-5.4")).agrees
    assert compare_values(version("Gemma-4-27B"), version("Gemma 4 27B")).agrees
    assert compare_values(version("GPT-5.4"), version("GPT-5.3")).disagrees


def test_normalise_version_keeps_dots() -> None:
    assert normalise_version("GPT - 5 . 4") == "gpt5.4"
    assert normalise_version("GPT-54") != normalise_version("GPT-5.4")


@pytest.mark.parametrize(("x", "digits"), [(4e8, "4"), (1.22e11, "122"), (83.1, "831"), (0.5, "5")])
def test_significant_digits(x: float, digits: str) -> None:
    assert significant_digits(x) == digits


def test_same_digits_on_another_scale() -> None:
    assert same_digits(300, 3e6) and not same_digits(300, 2e6)


def test_parsed_chinese_claim_against_english_page() -> None:
    from claims.values import parse_values

    claimed = parse_values("以及 4 亿美元给开源安全组织")[0]
    found = parse_values("$4 million in direct donations")[0]
    c = compare_values(claimed, found)
    assert c.disagrees and c.detail == "scale_slip"
    assert compare_values(parse_values("约 90 亿美元")[0], parse_values("roughly $9 billion")[0]).agrees
    assert compare_values(parse_values("超过 100 万")[0], parse_values("1.2 million")[0]).agrees
    assert compare_values(parse_values("1220 亿美元")[0], parse_values("$122 billion")[0]).agrees


@given(st.floats(min_value=1, max_value=1e12), st.sampled_from([10, 100, 1000]))
def test_property_scale_slip_never_agrees(x: float, factor: int) -> None:
    assert compare_values(money(x * factor), money(x)).disagrees


@given(st.floats(min_value=1e-3, max_value=1e12))
def test_property_value_agrees_with_itself(x: float) -> None:
    assert compare_values(money(x), money(x)).agrees


def test_vague_claims_meet_vague_or_a_few_times_their_base() -> None:
    from claims.values import parse_values

    several_million = parse_values("数百万企业客户")[0]
    assert compare_values(several_million, parse_values("millions of customers")[0]).agrees
    assert compare_values(several_million, count(3e6)).agrees
    assert compare_values(several_million, count(1e6, q=">=")).outcome == "incomparable"
    assert compare_values(several_million, count(5e8)).outcome == "incomparable"  # never a contradiction
    assert compare_values(parse_values("数千个")[0], parse_values("thousands of bugs")[0]).agrees


def test_a_date_without_year_agrees_on_month_and_day_and_never_contradicts() -> None:
    assert compare_values(date("2026-03-16"), date("--03-16")).agrees
    assert compare_values(date("2026-03-16"), date("--03-17")).outcome == "incomparable"


def test_a_bound_is_met_only_by_figures_a_writer_would_round_to_it() -> None:
    assert compare_values(money(1e6, q=">="), money(1.5e6)).agrees
    assert not compare_values(money(1e6, q=">="), money(3e10)).agrees
    assert compare_values(count(5, q="<"), count(4)).agrees
    assert not compare_values(count(5, q="<"), count(0.1)).agrees


def test_bounds_on_both_sides_agree_only_within_reach() -> None:
    """"最高 10 亿美元" (up to $1 billion) is not met by "up to $100 million"."""
    up_to_1b = Value("10 亿美元", 1e9, "USD", "<=", kind="money", precision=1e8)
    up_to_100m = Value("up to $100 million", 1e8, "USD", "<=", kind="money", precision=1e8)
    assert compare_values(up_to_1b, up_to_100m).disagrees
    over_9 = Value("超过 9 亿", 9e8, None, ">=", kind="count", precision=1e8)
    assert compare_values(over_9, Value("more than 1 billion", 1e9, None, ">=", kind="count")).agrees


def test_transposed_digits_are_not_excused_by_a_bound() -> None:
    """超过 105 亿 token against "more than 15 billion tokens": the writer swapped 150 into 105."""
    c = compare_values(
        Value("105 亿 token", 1.05e10, "tokens", ">=", kind="count", precision=1e8),
        Value("15 billion tokens", 1.5e10, "tokens", ">=", kind="count"),
    )
    assert c.disagrees and c.detail == "transposed"


def test_counts_of_named_different_things_do_not_meet() -> None:
    tokens = Value("150 万 token", 1.5e6, "tokens", ">=", kind="count", precision=1e4)
    people = Value("3 million", 3e6, None, ">=", kind="count", noun="people every week")
    assert compare_values(tokens, people).outcome == "incomparable"
    bare = Value("3 million", 3e6, None, ">=", kind="count")
    assert compare_values(tokens, bare).outcome != "incomparable"


def test_a_page_order_of_magnitude_neither_confirms_nor_denies_an_exact_figure() -> None:
    """"年交付上千台" (a thousand or more a year) says nothing of an exact 1,020, either way; a claim's
    own 上千 still meets a page figure in its range."""
    exact = parse_values("Xingyan delivered 1,020 humanoids in 2025.")[0]
    order = [v for v in parse_values("年交付上千台的公司") if v.kind != "date"][0]
    assert compare_values(exact, order).outcome == "incomparable"
    assert compare_values(order, parse_values("delivered 1,200 units")[0]).agrees


def test_dates_without_a_year_compare_by_month_and_day() -> None:
    assert compare_values(date("--07-19"), date("--07-19")).agrees  # 7月19日 / "July 19"
    assert compare_values(date("--07-19"), date("2016-07-19")).agrees
    assert compare_values(date("--12"), date("2017-12-01")).agrees  # 12月份 / December 1, 2017
    assert compare_values(date("--07-19"), date("--07-20")).disagrees  # neither gives a year: another day
    assert compare_values(date("2016-07-19"), date("--07-20")).outcome == "incomparable"  # perhaps another year's
    assert compare_values(date("--07"), date("2016")).outcome == "incomparable"  # a year says nothing of a month


def test_a_date_copied_with_another_day_of_its_month_is_a_slip() -> None:
    assert compare_values(date("2026-06-04"), date("2026-06-09")).detail == "day_slip"
    assert compare_values(date("--07-24"), date("--07-19")).detail == "day_slip"
    assert compare_values(date("2026-06-04"), date("2026-07-04")).detail == "different"


def test_a_half_year_meets_its_quarters_and_months_and_not_the_other_half() -> None:
    from claims.values import parse_values
    from verifier.judge.compare import compare_values

    def date(text: str):  # type: ignore[no-untyped-def]
        return next(v for v in parse_values(text, default_year=2026) if v.kind == "date")

    assert compare_values(date("二零二七年下半年"), date("二零二七年上半年")).outcome == "disagree"
    assert compare_values(date("2027年下半年"), date("2027年第三季度")).agrees
    assert compare_values(date("in the second half of 2027"), date("September 2027")).agrees
    assert compare_values(date("H1 2027"), date("September 2027")).outcome == "disagree"
    assert compare_values(date("2027年下半年"), date("2027年")).agrees


def test_a_multiple_in_words_is_as_exact_as_its_figure() -> None:
    twice = parse_values("priority processing costs twice the standard rate")[0]
    assert compare_values(twice, parse_values("billed at 1.75x the standard rate")[0]).disagrees
    assert compare_values(twice, parse_values("billed at 2x the standard rate")[0]).agrees
    assert compare_values(twice, parse_values("billed at 1.95x the standard rate")[0]).agrees


def test_a_round_bound_slips_only_to_its_own_digit() -> None:
    """"突破百亿" is a magnitude: 98,315.64万 (9.83亿) is no slip of it, 10亿 is; 3亿 against $30 million is a
    slip of the digit 3."""
    assert compare_values(money(3e8, precision=1e8), money(3e7, precision=1e6)).detail == "scale_slip"
    c = compare_values(money(1e10, precision=1e10, q=">"), money(983_156_400.0, precision=100.0))
    assert c.disagrees and c.detail != "scale_slip"
    assert compare_values(money(1e10, precision=1e10, q=">"), money(1e9, precision=1e8)).detail == "scale_slip"


def test_a_scale_slip_keeps_the_digits_the_shorter_figure_writes() -> None:
    from verifier.judge.compare import _classify_disagreement

    assert _classify_disagreement(1.46e4, 144) == "different"  # 1.46 万 is no slip of 144
    assert _classify_disagreement(1.5e8, 1.478e7) == "scale_slip"  # 1.5 亿 written for 14.78 million
    assert _classify_disagreement(4e8, 4e6) == "scale_slip"



def test_power_is_one_quantity_across_its_scales() -> None:
    from claims.values import parse_values
    from verifier.judge.compare import compare_values

    def v(text: str):  # type: ignore[no-untyped-def]
        return parse_values(text)[0]

    assert compare_values(v("draws 2.2 kW per board"), v("a 2,200 W board")).agrees
    slip = compare_values(v("pulls about 96 MW"), v("draws about 96 kW"))
    assert (slip.outcome, slip.detail) == ("disagree", "unit")
    assert compare_values(v("新增负载超过 3 GW"), v("合计 350MW")).outcome == "incomparable"


def test_counts_far_apart_are_no_one_quantity() -> None:
    from claims.values import parse_values
    from verifier.judge.compare import compare_values

    far = compare_values(parse_values("拿到 3000 万")[0], parse_values("模型 6.5")[0])
    assert far.outcome == "incomparable"
    slip = compare_values(parse_values("拿到 3000 万")[0], parse_values("拿到 3000")[0])
    assert (slip.outcome, slip.detail) == ("disagree", "scale_slip")


def test_computing_power_is_one_quantity_across_its_prefixes() -> None:
    (a,) = parse_values("2.4 PFLOPS dense FP8")
    (b,) = parse_values("2,400 TFLOPS of dense FP8 compute")
    assert (a.unit, b.unit) == ("PFLOPS", "TFLOPS")
    assert compare_values(a, b).agrees
    (c,) = parse_values("24 PFLOPS")
    assert compare_values(c, b).outcome == "disagree"  # the same digits at another prefix: a slip
    (d,) = parse_values("900 TFLOPS")
    assert compare_values(a, d).outcome == "incomparable"  # other digits at another prefix: another chip's


def test_a_far_coarser_page_figure_cannot_confirm_the_claims_digits() -> None:
    claimed = parse_values("按季增长34.6%")[0]
    assert far_coarser(claimed, parse_values("约三成")[0])
    assert not far_coarser(claimed, parse_values("34.6%")[0])
    assert not far_coarser(parse_values("$2.41 billion")[0], parse_values("$2.4 billion")[0])  # one digit rounded
    assert not far_coarser(parse_values("约三成")[0], parse_values("34.6%")[0])  # the claim may round


def test_a_change_in_percent_is_not_one_in_points() -> None:
    said = parse_values("毛利率24.8%，季增1.6%")[1]
    points = parse_values("毛利率24.8%，季增1.6個百分點")[1]
    got = compare_values(said, points)
    assert (got.outcome, got.detail) == ("disagree", "unit")
    english = parse_values("gross margin up 1.6 percentage points")[0]
    assert compare_values(points, english).agrees


def test_opposite_bounds_clash_only_within_reach_of_each_other() -> None:
    # "less than 250 billion" against "more than 250 billion": one quantity bounded both ways
    assert compare_values(money(250e9, "JPY", "<"), money(250e9, "JPY", ">")).detail == "qualifier"
    assert compare_values(money(300e9, "JPY", ">"), money(250e9, "JPY", "<=")).detail == "qualifier"
    # "more than 10 trillion" is no bound of "up to 240 billion": another quantity, not a qualifier slip
    got = compare_values(money(10e12, "JPY", ">"), money(240e9, "JPY", "<="))
    assert got.detail != "qualifier"
