"""Forms real news writes figures in (issue: read every figure): one test per family, our own examples."""

from __future__ import annotations

import pytest

from claims.values import parse_values


def one(text: str) -> tuple[object, str | None, str]:
    values = [v for v in parse_values(text, default_year=2026) if v.kind != "date" or "年" in text]
    assert values, f"nothing read in {text!r}"
    v = values[0]
    return v.value, v.unit, v.kind


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("RMB450 million", 450e6, "CNY"),
        ("RMB150m of new loans", 150e6, "CNY"),
        ("RMB4.2bn", 4.2e9, "CNY"),
        ("GBP 75 a month", 75.0, "GBP"),
        ("USD 12.5 million", 12.5e6, "USD"),
        ("HK$4.8bn raised", 4.8e9, "HKD"),
        ("C$ 45 million", 45e6, "CAD"),
        ("A$3bn", 3e9, "AUD"),
        ("NT$1,200", 1200.0, "TWD"),
        ("S$80 million", 80e6, "SGD"),
        ("US$2.5bn", 2.5e9, "USD"),
        ("a $95m Series B", 95e6, "USD"),
        ("1,500 円", 1500.0, "JPY"),
        ("3 bln dollars", 3e9, "USD"),
        # the world's other currencies, by code (before the amount, with or without a space) and by name
        ("RUB8.8352", 8.8352, "RUB"),
        ("MYR 0.61399", 0.61399, "MYR"),
        ("0.61399马来西亚林吉特", 0.61399, "MYR"),
        ("1澳大利亚元", 1.0, "AUD"),
        ("4.2亿南非兰特", 4.2e8, "ZAR"),
        ("1,200 Swedish kronor", 1200.0, "SEK"),
        ("35 baht a night", 35.0, "THB"),
        ("PLN 2.5bn", 2.5e9, "PLN"),
    ],
)
def test_currency_codes_and_symbols(text: str, value: float, unit: str) -> None:
    got_value, got_unit, kind = one(text)
    assert kind == "money"
    assert got_unit == unit
    assert got_value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "value"),
    [("四万五千人", 45000.0), ("一百五十万二", 1502000.0), ("三百万用户", 3e6), ("两千三百台", 2300.0)],
)
def test_chinese_numerals_through_cn2an(text: str, value: float) -> None:
    assert one(text)[0] == pytest.approx(value)


def test_formal_chinese_numerals() -> None:
    assert one("贰仟叁佰元") == (2300.0, "CNY", "money")


def test_zhao_is_a_trillion_as_a_number_and_mega_in_a_unit() -> None:
    assert one("營收 1.1 兆元")[0] == pytest.approx(1.1e12)
    assert one("首期容量 350 兆瓦") == (350.0, "MW", "count")
    assert one("缓存 3 兆字节") == (3.0, "MB", "count")


def test_a_currency_code_amount_is_not_a_version() -> None:
    assert [v.kind for v in parse_values("USD 12.5 million")] == ["money"]


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("filed on 3/15/2024", "2024-03-15"),  # only month-first fits
        ("signed 18/07/2023", "2023-07-18"),  # only day-first fits
        ("held on 24.6.2022", "2022-06-24"),  # dotted dates are day-first
        ("3/4/2024", "2024"),  # ambiguous: only the year is certain
        ("2021-mar-3", "2021-03-03"),
        ("11-Oct-2020", "2020-10-11"),
        ("Jan. 5 , 2019", "2019-01-05"),
        ("二零一九年七月八日", "2019-07-08"),
        ("公元二零零八年", "2008"),
        ("closed on 8 June at", "--06-08"),
        ("on 14 May, the", "--05-14"),
    ],
)
def test_date_forms(text: str, iso: str) -> None:
    dates = [v for v in parse_values(text) if v.kind == "date"]
    assert [d.value for d in dates] == [iso]


def test_a_time_of_day_is_not_a_count() -> None:
    assert parse_values("at 09:45 local time") == []


@pytest.mark.parametrize(("text", "value"), [("-1.5%", -1.5), ("GDP fell to -0.3% in May", -0.3), ("负增长 1.5%", -1.5)])
def test_negative_figures_keep_their_sign(text: str, value: float) -> None:
    assert one(text)[0] == pytest.approx(value)


def test_a_range_dash_is_not_a_minus() -> None:
    assert [v.value for v in parse_values("10-15%")] == [10.0, 15.0]


def test_more_than_between_number_and_scale() -> None:
    v = parse_values("3000多万用户")[0]
    assert (v.value, v.qualifier) == (3e7, ">")


@pytest.mark.parametrize(
    ("text", "value", "unit", "qualifier"),
    [
        ("the valuation more than tripled", 3.0, "x", ">="),
        ("will double its team", 2.0, "x", "="),
        ("a three-fold rise", 3.0, "x", "="),
        ("cut prices by half", 50.0, "percent", "="),
        ("it ranked third on the board", 3.0, "rank", "="),
        ("placed 2nd", 2.0, "rank", "="),
        ("Qwen4-Max 以 1481 分排名第三", 3.0, "rank", "="),
        ("在衡镜综合榜排第三，仅次于玄枢-2", 3.0, "rank", "="),
        ("首次上榜即进入前五", 5.0, "rank", "<="),
    ],
)
def test_multiples_halves_and_ranks_in_words(text: str, value: float, unit: str, qualifier: str) -> None:
    v = [x for x in parse_values(text) if x.unit in {"x", "percent", "rank"}][0]
    assert (v.value, v.unit, v.qualifier) == (value, unit, qualifier)


def test_third_quarter_and_third_party_are_not_ranks() -> None:
    assert [v for v in parse_values("第三季度营收与第三方") if v.unit == "rank"] == []
    # 排 ranks, but not in 安排 (arranges) nor before a batch, a term or a round
    assert [v for v in parse_values("安排第三批项目，排第二期") if v.unit == "rank"] == []


@pytest.mark.parametrize("text", ["5 月突破 32 亿美元", "in September the firm", "9月上线"])
def test_a_month_alone_is_a_partial_date_not_a_count(text: str) -> None:
    first = parse_values(text)[0]
    assert first.kind == "date" and str(first.value).startswith("--")


def test_a_product_designation_is_a_version_not_a_count() -> None:
    for text, raw in [("shipments of its QV-300 sensor", "QV-300"), ("the GB-200 rack", "GB-200"), ("the MI-355X part", "MI-355X")]:
        assert [(v.raw, v.kind) for v in parse_values(text)] == [(raw, "version")]
    assert [v.kind for v in parse_values("revenue in FY-2027")] == ["date"]  # a fiscal year, not a product
    assert [v.raw for v in parse_values("ran 2-3 times")] == ["2", "3"]


def test_n_times_a_comparison_is_a_multiple_and_n_times_a_day_is_not() -> None:
    assert [(v.raw, v.value, v.unit) for v in parse_values("revenue is four times that of 2024")][0] == ("four times", 4.0, "x")
    assert [(v.raw, v.unit, v.qualifier) for v in parse_values("more than 2.5 times as many users")] == [("2.5 times", "x", ">=")]
    assert [(v.raw, v.unit) for v in parse_values("the app is opened four times a day")] == [("four", None)]


def test_the_noun_nearest_a_count_is_what_it_counts() -> None:
    # 榜单累计投票 … 万次: the votes are counted, not the leaderboard
    assert [v.noun for v in parse_values("平台累计投票已超过 350 万次")] == ["votes"]


def test_a_qualifier_after_a_bracketed_conversion_bounds_the_amount() -> None:
    first = parse_values("每台售价 200美元（约合人民币1400元）以上。")[0]
    assert (first.raw, first.qualifier) == ("200美元", ">=")
    plain = parse_values("每台售价 200美元（约合人民币1400元）。")[0]
    assert plain.qualifier == "="


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("priced at $6-7 million", 6e6, 7e6, "USD"),
        ("a RMB 3-5 billion fund", 3e9, 5e9, "CNY"),
        ("US$2-3bn of bonds", 2e9, 3e9, "USD"),
        ("cars from RUB6-7 million", 6e6, 7e6, "RUB"),
    ],
)
def test_a_range_with_a_currency_mark_before_it_and_a_scale_after_it(text: str, low: float, high: float, unit: str) -> None:
    """The first end takes the second's scale; the second end takes the first's currency."""
    got = [(v.value, v.unit, v.kind) for v in parse_values(text)]
    assert got == [(low, unit, "money"), (high, unit, "money")]


def test_a_bracket_after_a_bare_yuan_declares_its_currency() -> None:
    """Chinese news writes "元(美元，下同)": the amounts are US dollars; a conversion in brackets is not that."""
    assert [(v.value, v.unit) for v in parse_values("花了60元(美元，下同)")] == [(60.0, "USD")]
    assert [(v.value, v.unit) for v in parse_values("售价 300 元（约合 40 美元）")] == [(300.0, "CNY"), (40.0, "USD")]


def test_a_capitalised_name_joined_to_its_generation_is_a_version_not_a_count() -> None:
    """"Corvo-4, successor to Corvo-3": generations of a model no dictionary knows, never counts of 4 and 3; a
    word that counts or ranks ("Top-10", "Phase-2") is no name, and "Corvo-3.5" stays whole."""
    got = [(v.raw, v.kind) for v in parse_values("Orion launches Corvo-4, successor to Corvo-3.", default_year=2026)]
    assert got == [("Corvo-4", "version"), ("Corvo-3", "version")]
    assert [(v.raw, v.kind) for v in parse_values("Corvo-3.5 is out", default_year=2026)] == [("Corvo-3.5", "version")]
    assert [v.kind for v in parse_values("Top-10 models in a Phase-2 trial", default_year=2026)] == ["count", "count"]


def test_a_growth_of_more_than_one_times_is_more_than_doubled() -> None:
    """"同比增长超过一倍" is more than doubled (×2 or more), as "增长一倍" is doubled: the qualifier between the
    verb and 一倍 no longer leaves a bare ×1."""
    got = [(v.raw, v.value, v.unit, v.qualifier) for v in parse_values("出货量同比增长超过一倍", default_year=2026)]
    assert got == [("一倍", 2.0, "x", ">=")]
    assert [(v.value, v.qualifier) for v in parse_values("出货量同比增长一倍", default_year=2026)] == [(2.0, "=")]


@pytest.mark.parametrize(
    ("text", "raw", "unit"),
    [
        ("gross margin of 14.6%, up 1.9 points vs last year", "1.9 points", "pp"),
        ("operating margin 41%, down 2.5 pts", "2.5 pts", "pp"),
        ("The Nasdaq rose 1.2%, and the Dow gained 120 points", "120", None),  # an index's points
        ("Halden 3.5 scored 85 points on the test", "85", None),  # a score's points
        ("shipments rose 12 points", "12", None),  # no rate before it
    ],
)
def test_a_rates_change_in_points_is_in_percentage_points(text: str, raw: str, unit: str | None) -> None:
    v = next(x for x in parse_values(text) if x.raw == raw)
    assert v.unit == unit


@pytest.mark.parametrize(
    ("text", "value"),
    [("总算力规模约1.2万P，整体上架率约82%", 12000.0), ("算力规模达5000P", 5000.0), ("总算力12,000P", 12000.0)],
)
def test_computing_power_in_p_glued_to_its_figure(text: str, value: float) -> None:
    """"1.2万P" is computing power in PFLOPS as Chinese reports write it; a video's 1080P is a resolution, and "5PB"
    or "3 P" is no PFLOPS."""
    assert one(text) == (value, "PFLOPS", "count")
    for other in ("支持1080P视频生成", "最高720P", "5PB存储", "3 P"):
        assert not [v for v in parse_values(other) if v.unit == "PFLOPS"], other
