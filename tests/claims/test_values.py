"""The value normaliser: canonical forms, the many ways one value is written, robustness and speed."""

from __future__ import annotations

import calendar
import datetime as dt
import random
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claims.values import cn_number, normalise_version, parse_values


def one(text: str, **kw: object):
    values = parse_values(text, **kw)  # type: ignore[arg-type]
    assert len(values) == 1, f"{text!r} → {values}"
    return values[0]


@pytest.mark.parametrize(
    "text",
    [
        "1220 亿美元",
        "$122 billion",
        "122B USD",
        "US$122bn",
        "122 billion dollars",
        "USD 122 billion",
        "1,220 亿美元",
    ],
)
def test_money_styles_agree(text: str) -> None:
    v = one(text)
    assert (v.kind, v.value, v.unit) == ("money", 122e9, "USD")


@pytest.mark.parametrize(
    "text",
    [
        "2026-04-17",
        "2026 年 4 月 17 日",
        "April 17, 2026",
        "17 April 2026",
        "Apr. 17 2026",
        "2026 - 04 - 17",
        "2026/04/17",
        "2026年4月17日",
        "4 月 17 日",
    ],
)
def test_date_styles_agree(text: str) -> None:
    v = one(text, default_year=2026)
    assert (v.kind, v.value, v.unit) == ("date", "2026-04-17", "date")


@pytest.mark.parametrize(
    ("text", "value", "unit", "qualifier"),
    [
        ("超过 100 万", 1e6, None, ">="),
        ("约 90 亿美元", 9e9, "USD", "~"),
        ("1.6 万亿日元", 1.6e12, "JPY", "="),
        ("最高 1 亿美元", 1e8, "USD", "<="),
        ("低于 5 秒", 5.0, "s", "<"),
        # a negated bound is the other bound: 不低于 is "at least", never "below"
        ("不低于 50 万元", 5e5, "CNY", ">="),
        ("不超过 3 秒", 3.0, "s", "<="),
        ("高于 2%", 2.0, "percent", ">"),
        ("not less than 20 people", 20.0, None, ">="),
        # 岁 counts years of age: a year-like figure before it is an age, never a date
        ("2008 岁", 2008.0, "age", "="),
        ("年满 18 周岁", 18.0, "age", "="),
        ("a 31-year-old driver", 31.0, "age", "="),
        ("she is 64 years old", 64.0, "age", "="),
        ("年满 18 岁或以上", 18.0, "age", ">="),
        ("83.1%", 83.1, "percent", "="),
        ("接近五分之一", 20.0, "percent", "~"),
        ("百分之二十", 20.0, "percent", "="),
        ("128 倍", 128.0, "x", "="),
        ("两倍", 2.0, "x", "="),
        ("100GW", 100.0, "GW", "="),
        ("约 0.5 毫米", 0.5, "mm", "~"),
        ("1000 家以上", 1000.0, None, ">="),
        ("2,653 个实例", 2653.0, None, "="),
        ("数千个", 1000.0, None, ">="),
        ("数百万", 1e6, None, ">="),
        ("三百万", 3e6, None, "="),
        ("more than 3 million", 3e6, None, ">="),
        ("€4.5bn", 4.5e9, "EUR", "="),
    ],
)
def test_canonical_values(text: str, value: float, unit: str | None, qualifier: str) -> None:
    v = one(text)
    assert v.value == pytest.approx(value)
    assert (v.unit, v.qualifier) == (unit, qualifier)


def test_precision_is_the_last_digit_written() -> None:
    assert one("约 90 亿美元").precision == pytest.approx(1e8)
    assert one("1.6 万亿日元").precision == pytest.approx(1e11)
    assert one("$122 billion").precision == pytest.approx(1e9)


def test_nouns_bind_to_the_counted_word() -> None:
    values = parse_values("12 个模型、5 个基准，超过 3,000 个 critical 漏洞，ChatGPT 周活用户超过 9 亿")
    assert [v.noun for v in values] == ["models", "benchmarks", "vulnerabilities", "weekly active users"]
    assert one("100 万 business customers").noun == "business customers"


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        ("今年晚些时候", "2026", ">="),
        ("2026 年下半年", "2026-H2", "="),  # a half of the year, not the year
        ("二零二七年上半年", "2027-H1", "="),
        ("in the second half of 2027", "2027-H2", "="),
        ("H1 2027", "2027-H1", "="),
        ("in the third quarter of 2028", "2028-Q3", "="),  # a quarter written out, as Q3 2028 is
        ("fourth-quarter 2026 revenue", "2026-Q4", "="),
        ("自 2027 年起", "2027", ">="),
        ("2026‑W06", "2026-W06", "="),
        ("4 月 15 日", "2026-04-15", "="),
        ("March 2026", "2026-03", "="),
    ],
)
def test_dates_and_relative_dates(text: str, value: str, qualifier: str) -> None:
    v = one(text, default_year=2026)
    assert (v.kind, v.value, v.qualifier) == ("date", value, qualifier)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("GPT - 5 . 4", ["GPT-5.4"]),
        ("GPT - 5.4 - Cyber", ["GPT-5.4-Cyber"]),
        ("Claude Opus 4.7 版本", ["Claude Opus 4.7"]),
        ("E2B、E4B、26B MoE 和 31B Dense", ["E2B", "E4B", "26B MoE", "31B Dense"]),
        ("Gemma 4 9B 和 Gemma 4 27B", ["Gemma 4 9B", "Gemma 4 27B"]),
        ("DeepSeek‑R1 与 KIMI K2", ["DeepSeek-R1", "KIMI K2"]),
        # a CamelCase name of no known family, joined to its generation (not COVID-19, nor a place's tower)
        ("up from LumenStar-2's 128K, replaced by LumenStar-3", ["LumenStar-2", "LumenStar-3"]),
        ("COVID-19 cases in Taipei-101", []),
        # a Chinese name joined to its generation: 曜问-4 is no count of four (nor a negative, nor a range)
        ("发布曜问-4，价格较曜问-3.5下调，开源曜问-4-Mini", ["曜问-4", "曜问-3.5", "曜问-4-Mini"]),
        ("营收同比-3%，净利润-3.5亿元，第3-4季度", []),
    ],
)
def test_versions(text: str, expected: list[str]) -> None:
    values = parse_values(text)
    assert [v.value for v in values if v.kind == "version"] == expected


def test_version_normalisation() -> None:
    assert normalise_version("GPT - 5 . 4 - Cyber") == "GPT-5.4-Cyber"


def test_offsets_point_into_the_text() -> None:
    text = "OpenAI 于 2026-03-31 宣布，投后估值 8520 亿美元。"
    for v in parse_values(text):
        assert text[v.start : v.end] == v.raw


def test_chinese_numerals() -> None:
    assert cn_number("三百万") == 3e6
    assert cn_number("十二") == 12
    assert cn_number("一亿五千万") == 1.5e8
    assert cn_number("abc") is None


def test_words_are_not_figures() -> None:
    assert parse_values("一体化的三大支柱，一家公司") == []
    assert parse_values("5G 与 3D 打印") == []


# ------------------------------------------------------------------ property tests

_MONEY_STYLES = [
    lambda n: f"{n * 10} 亿美元",
    lambda n: f"${n} billion",
    lambda n: f"{n}B USD",
    lambda n: f"US${n}bn",
    lambda n: f"{n} billion dollars",
    lambda n: f"USD {n} billion",
]


@given(n=st.integers(min_value=1, max_value=9999), style=st.sampled_from(_MONEY_STYLES))
def test_money_written_any_way_parses_back(n: int, style) -> None:  # type: ignore[no-untyped-def]
    v = one(style(n))
    assert (v.kind, v.unit) == ("money", "USD")
    assert v.value == pytest.approx(n * 1e9)


_MONTH_NAMES = list(calendar.month_name)[1:]
_DATE_STYLES = [
    lambda d: d.isoformat(),
    lambda d: f"{d.year} - {d.month:02d} - {d.day:02d}",
    lambda d: f"{d.year} 年 {d.month} 月 {d.day} 日",
    lambda d: f"{d.year}年{d.month}月{d.day}日",
    lambda d: f"{_MONTH_NAMES[d.month - 1]} {d.day}, {d.year}",
    lambda d: f"{d.day} {_MONTH_NAMES[d.month - 1]} {d.year}",
    lambda d: f"{_MONTH_NAMES[d.month - 1][:3]}. {d.day} {d.year}",
    lambda d: f"{d.year}/{d.month:02d}/{d.day:02d}",
]


@given(
    d=st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2099, 12, 31)),
    style=st.sampled_from(_DATE_STYLES),
)
def test_dates_written_any_way_parse_back(d: dt.date, style) -> None:  # type: ignore[no-untyped-def]
    v = one(style(d))
    assert (v.kind, v.value) == ("date", d.isoformat())


@given(x=st.decimals(min_value=0, max_value=100, places=1))
def test_percent_styles(x) -> None:  # type: ignore[no-untyped-def]
    for text in (f"{x}%", f"{x} percent", f"百分之{x}"):
        v = one(text)
        assert (v.kind, v.value) == ("percent", pytest.approx(float(x)))


_ALPHABET = "0123456789 .,-/年月日号亿万千百十数几约超过以上%$€¥BMKbnUSD美元倍个名家第GPTv：:（）()“”、和\n"


@settings(max_examples=300)
@given(st.text(alphabet=_ALPHABET, max_size=200) | st.text(max_size=200))
def test_any_input_parses_without_crashing(text: str) -> None:
    for v in parse_values(text, default_year=2026):
        assert 0 <= v.start < v.end <= len(text)
        assert text[v.start : v.end] == v.raw


def test_runs_in_linear_time() -> None:
    rng = random.Random(7)

    def sample(n: int) -> str:
        return "".join(rng.choice(_ALPHABET) for _ in range(n))

    def cost(text: str) -> float:
        """The best of five runs (the one least disturbed by a parallel test worker)."""
        best = float("inf")
        for _ in range(5):
            t0 = time.perf_counter()
            parse_values(text, default_year=2026)
            best = min(best, time.perf_counter() - t0)
        return best

    small, large = sample(20_000), sample(80_000)
    ratio = cost(large) / max(cost(small), 1e-6)
    assert ratio < 8, f"4x the input took {ratio:.1f}x the time"


@pytest.mark.parametrize(
    ("text", "value", "unit", "qualifier", "noun"),
    [
        ("3 million weekly users", 3e6, None, "=", "weekly users"),
        ("more than 1 million business customers", 1e6, None, ">=", "business customers"),
        ("$100M in usage credits", 1e8, "USD", "=", None),
        ("up to 100 gigawatts of power", 100.0, "GW", "<=", None),
        ("thousands of high-severity vulnerabilities", 1e3, None, ">=", "high-severity vulnerabilities"),
        ("ranked #3 among open models", 3.0, "rank", "=", None),
        ("a 2x improvement", 2.0, "x", "=", None),
        ("just short of 9mn units", 9e6, None, "<", "units"),  # below the figure, as "不到" is
        ("shy of $2 billion", 2e9, "USD", "<", None),
        ("a 680B-parameter MoE", 6.8e11, None, "=", None),  # a size written before "-parameter": a count
    ],
)
def test_english_page_wording(text: str, value: float, unit: str | None, qualifier: str, noun: str | None) -> None:
    v = one(text)
    assert (v.value, v.unit, v.qualifier, v.noun) == (pytest.approx(value), unit, qualifier, noun)


def test_times_of_day_and_ranges() -> None:
    assert [v.value for v in parse_values("Posted 2026-04-13T10:00:00Z")] == ["2026-04-13"]
    assert [(v.value, v.unit) for v in parse_values("未来 12-24 个月")] == [(12.0, "mo"), (24.0, "mo")]
    assert parse_values("Microsoft 365 Copilot 与 Horizon 1000") == []


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [("about one in five working-age people", 20.0, "~"), ("two-thirds of users", 66.6667, "="),
     ("3 in 10 adults", 30.0, "=")],
)
def test_english_fractions_are_percentages(text: str, value: float, qualifier: str) -> None:
    v = one(text)
    assert (v.kind, v.value, v.qualifier) == ("percent", pytest.approx(value), qualifier)


def test_english_relative_dates_and_non_fractions() -> None:
    v = one("planned for later this year at the plant", default_year=2026)
    assert (v.value, v.qualifier) == ("2026", ">=")
    assert parse_values("a half-day workshop") == []


def test_measures_take_the_subject_written_before() -> None:
    values = parse_values("Codex 周活达到 300 分钟处理超过 150 亿 token，定位误差可降至约 0.5 毫米")
    assert [(v.unit, v.noun) for v in values] == [("min", "weekly active users"), ("tokens", None), ("mm", "positioning error")]


@pytest.mark.parametrize(
    ("text", "value", "unit", "qualifier"),
    [("近三成企业", 30.0, "percent", "~"), ("七成以上用户", 70.0, "percent", ">="), ("超过一半的开发者", 50.0, "percent", ">="),
     ("营收翻倍", 2.0, "x", "="), ("100 亿港元", 1e10, "HKD", "="), ("订阅费用减半", 50.0, "percent", "="),
     ("股价遭腰斩", 50.0, "percent", "="), ("估值腰斬", 50.0, "percent", "=")],
)
def test_more_chinese_wording(text: str, value: float, unit: str, qualifier: str) -> None:
    v = one(text)
    assert (v.value, v.unit, v.qualifier) == (pytest.approx(value), unit, qualifier)


def test_a_project_cut_at_the_waist_is_cancelled_not_halved() -> None:
    assert parse_values("该项目去年被腰斩") == []


def test_a_change_verb_is_no_noun_of_its_figure() -> None:
    assert [(v.raw, v.noun) for v in parse_values("订阅价格下调30%，存储价格上调一半")] == [("30%", "price"), ("一半", "price")]


def test_a_comparison_word_is_no_noun_of_its_figure() -> None:
    """"76.1 vs Orrin's 74.6": the figure after "vs" is the other side of a comparison, not what 76.1 counts."""
    got = [(v.raw, v.noun) for v in parse_values("they lose, 76.1 vs Orrin's 74.6 and 12 versus 9")]
    assert got == [("76.1", None), ("74.6", None), ("12", None), ("9", None)]


@pytest.mark.parametrize(
    "text",
    ["2026 年第一季度", "2026Q1", "Q1 2026", "2026-Q1", "1Q26", "1Q 2026", "2026年一季度", "2026年Q1起", "2026年第1季起",
     "the first quarter of calendar 2026"],
)
def test_quarters(text: str) -> None:
    assert one(text).value == "2026-Q1"


def test_a_quarter_of_a_year_said_relative_to_the_reports() -> None:
    assert [v.value for v in parse_values("预计明年第二季度交付，去年四季度下滑", default_year=2026)] == ["2027-Q2", "2025-Q4"]


def test_a_multiple_of_a_names_figure() -> None:
    got = [(v.raw, v.value, v.unit) for v in parse_values("a window of 2 million tokens, roughly eight times Orbit 4's 256K")]
    assert ("eight times", 8.0, "x") in got
    assert all(v.unit != "x" for v in parse_values("she checks it four times a day"))


def test_a_quarter_written_without_du_and_never_a_season() -> None:
    assert [v.value for v in parse_values("首期预计2028年第2季启用，第3季营收季增14.2%", default_year=2026)] == ["2028-Q2", "2026-Q3", 14.2]
    assert all(v.kind != "date" for v in parse_values("2026年第三季节目", default_year=2026)[1:])


def test_a_fiscal_or_glued_quarter_code_is_no_calendar_quarter() -> None:
    assert parse_values("FY2Q27 guidance") == [] and parse_values("12Q27") == []


def test_words_with_cheng_are_not_tenths() -> None:
    assert parse_values("成为第一，一成不变，三成本，完成") == []


def test_a_word_opening_with_a_measure_word_is_no_count() -> None:
    # 人形 (humanoid) is no 人 counted: "QW-2人形机器人" names a robot, "20人" counts people
    assert [v.raw for v in parse_values("累计交付QW-2人形机器人约1,300台")] == ["2", "1,300台"]
    assert [v.raw for v in parse_values("共有20人参加")] == ["20人"]


def test_more_model_versions() -> None:
    values = parse_values("Qwen3-235B 与 Grok 4、o3 和 o4-mini")
    assert [v.value for v in values] == ["Qwen3-235B", "Grok 4", "o3", "o4-mini"]
    assert all(v.kind != "version" for v in parse_values("Step 2: open the page"))


def test_traditional_and_full_width_text_directly() -> None:
    text = "營收達４４０億美元，同比增長６９％，數千個漏洞，100 萬用戶"
    got = [(v.raw, v.value, v.unit) for v in parse_values(text)]
    assert got == [("４４０億美元", 44e9, "USD"), ("６９％", 69.0, "percent"), ("數千個", 1e3, None), ("100 萬", 1e6, None)]
    for v in parse_values(text):
        assert text[v.start : v.end] == v.raw


def test_english_number_words_count_with_what_they_count() -> None:
    from claims.values import parse_values

    got = {v.raw: v for v in parse_values("under five seconds; Six power producers; beyond those twelve; one of the two-thirds")}
    assert got["five seconds"].value == 5.0 and got["five seconds"].unit == "s" and got["five seconds"].qualifier == "<"
    assert got["Six"].value == 6.0 and got["Six"].noun == "power producers"
    assert got["twelve"].value == 12.0
    assert "one" not in got and got["two-thirds"].unit == "percent"


def test_small_chinese_numerals_with_a_measure_word_are_counts() -> None:
    got = {v.raw: (v.value, v.noun) for v in parse_values("推出四个版本，与三家公司合作，发布两款模型，十二个基准")}
    assert got["四个"][0] == 4 and got["三家"][0] == 3 and got["两款"][0] == 2 and got["十二个"][0] == 12
    assert got["两款"][1] == "models" and got["十二个"][1] == "benchmarks"
    # "a/one" and numerals that are not counting anything stay wording
    assert parse_values("一家公司提出三大趋势") == []


def test_a_latin_noun_after_a_chinese_classifier_is_what_is_counted() -> None:
    from claims.values import parse_values

    (v,) = parse_values("首期将部署不到 10 万块 GPU，全部使用可再生能源")
    assert v.noun == "gpu" and v.qualifier == "<" and v.value == 100000.0
    (w,) = parse_values("共收录 241 个模型")
    assert w.noun != "gpu"


def test_both_ends_of_a_range_take_the_currency_written_once() -> None:
    from claims.values import parse_values

    low, high = parse_values("between 2 million and 5 million euros per model")
    assert (low.unit, low.kind, high.unit) == ("EUR", "money", "EUR")
    a, b = parse_values("revenue of 3 million and 5 million users")
    assert a.unit is None  # no "between": two figures, not a range


def test_a_money_figure_measures_the_noun_written_right_after_it() -> None:
    """"以 45 亿美元投后估值完成 620 亿美元融资": the 620 is the funding, not the valuation written before it."""
    got = {v.raw: v.noun for v in parse_values("Nimbus 以 45 亿美元投后估值完成 620 亿美元融资")}
    assert got == {"45 亿美元": "post-money valuation", "620 亿美元": "funding"}
    got = {v.raw: v.noun for v in parse_values("Nimbus raised $4.5 billion at a $62 billion post-money valuation")}
    assert got["$62 billion"] == "post-money valuation"
    # nothing right after: the measure written before still counts
    assert [v.noun for v in parse_values("其估值达到 620 亿美元，")] == ["valuation"]


@pytest.mark.parametrize(
    "text",
    ["The leaderboard crossed 6 million votes", "revenue has now passed $30 billion", "sales surpassed 2 million units",
     "downloads topped 5 million", "用户数突破 1000 万"],
)
def test_a_milestone_crossed_is_a_lower_bound(text: str) -> None:
    """"Crossed 6 million votes" says at least 6 million: it does not support "fewer than 6.2 million"."""
    (value,) = [v for v in parse_values(text) if v.kind != "date"]
    assert value.qualifier == ">="


def test_a_unit_word_after_a_hyphen_is_read() -> None:
    """"a 1.2-gigawatt campus" is 1.2 GW (an unread unit left a bare 1.2 that matched any count)."""
    (campus,) = parse_values("a 1.2-gigawatt data-center campus")
    assert (campus.value, campus.unit) == (1.2, "GW")
    (plant,) = parse_values("a 400-megawatt plant")
    assert (plant.value, plant.unit) == (400.0, "MW")
    assert [v.unit for v in parse_values("a 5-year deal")] == [None]


# ---------------------------------------------------------------- forms met in real news sentence pairs


@pytest.mark.parametrize(
    ("text", "raw", "value", "unit", "qualifier"),
    [
        ("集团已向新码头投入 500 多万英镑", "500 多万英镑", 5e6, "GBP", ">"),  # 多 after a space
        ("兄弟俩的不动产价值 5 亿多美元", "5 亿多美元", 5e8, "USD", ">"),  # 多 between the scale and the currency
        ("震源深度10千米", "10千米", 10.0, "km", "="),  # 千 of 千米 is the kilo of a unit, not a scale
        ("重达 3000 公斤", "3000 公斤", 3000.0, "kg", "="),
        ("日处理垃圾达六千吨", "六千吨", 6000.0, "t", "="),
        ("参考汇率下调45个基点", "45个基点", 0.45, "pp", "="),
        ("出勤率连续九个月保持在百分之五十一以上", "百分之五十一", 51.0, "percent", ">="),  # the qualifier after
        ("生活在 1.12 亿年前", "1.12 亿", 1.12e8, None, "="),  # exactly 112000000, no float residue
        ("新区规划面积 12.5 平方公里", "12.5 平方公里", 12.5, "km2", "="),  # an area, not a length
        ("户型面积 120平方米以上", "120平方米", 120.0, "m2", ">="),  # the qualifier after the unit
        ("flats of 120 square metres or more", "120 square metres", 120.0, "m2", ">="),
        ("homes of 75 m2 and below", "75 m2", 75.0, "m2", "<="),
        ("a campus of 40 hectares", "40 hectares", 40.0, "ha", "="),
        ("她以2小时25分07秒的成绩夺冠", "2小时25分07秒", 8707.0, "s", "="),  # a race time is one duration
        ("she won the marathon in 2:25:07 on Sunday", "2:25:07", 8707.0, "s", "="),
        ("他以21秒48的成绩获得第二", "21秒48", 21.48, "s", "="),  # seconds and hundredths
        ("他还需休整近20日才能复出", "20日", 20.0, "d", "~"),  # N日 after a qualifier: days, not the day of the month
        ("审查期超过 45 日", "45 日", 45.0, "d", ">="),
        ("计划到年底至少拥有 8 家门店", "8 家", 8.0, None, ">="),  # a qualifier across a two-character verb
        ("她面临最多 20 年刑期", "20", 20.0, None, "<="),
        ("该剧平均分在9分以上", "9分", 9.0, None, ">="),  # a score: 分 counts points, and 以上 follows it
        ("she faces a maximum of 20 years", "20", 20.0, None, "<="),
        ("安保人数比上届多出一倍", "一倍", 2.0, "x", "="),  # adding the whole again: twice as many
        ("收入增长了 1 倍", "1 倍", 2.0, "x", "="),
        ("用户数比去年翻了一倍", "一倍", 2.0, "x", "="),  # 翻一倍 doubles, as 翻一番 does
        ("到 2020 年实现翻两番", "翻两番", 4.0, "x", "="),  # two doublings
        ("with a time of 3:51.20 over the mile", "3:51.20", 231.2, "s", "="),
        # "pounds" is a weight among weight words and no money words; 磅 alone is one (英镑 is money)
        ("the statue weighs 4,200 pounds (1,900 kilograms)", "4,200 pounds", 4200.0, "lb", "="),
        ("he fights at welterweight (147 pounds)", "147 pounds", 147.0, "lb", "="),
        ("这块陨石重 4200磅", "4200磅", 4200.0, "lb", "="),
        ("a 4,200-pound statue", "4,200-pound", 4200.0, "lb", "="),
        ("she paid 4,200 pounds for a heavy antique desk", "4,200 pounds", 4200.0, "GBP", "="),
        ("the club spent 3 million pounds on a heavyweight", "3 million pounds", 3e6, "GBP", "="),
        ("a 12-ton truck with 30-inch wheels and a 40-foot trailer", "12-ton", 12.0, "t", "="),
        # 百万 / 千万 / 十亿 as scales (Hong Kong announcements: "4,630.2 百万港元")
        ("所得款项净额估计约为 4,630.2 百万港元", "4,630.2 百万港元", 4630.2e6, "HKD", "~"),
        ("募资 1,200 千万元", "1,200 千万元", 1.2e10, "CNY", "="),
    ],
)
def test_forms_of_real_news_sentences(text: str, raw: str, value: float, unit: str | None, qualifier: str) -> None:
    v = next(v for v in parse_values(text) if v.raw == raw)
    assert (v.value, v.unit, v.qualifier) == (value, unit, qualifier)


@pytest.mark.parametrize(
    ("text", "raw", "rank"),
    [
        ("at the 6th plenary meeting of the council", "6th", 6),
        ("the 104th meeting of the board", "104th", 104),
        ("the assembly held its third plenary meeting", "third", 3),
        ("attended the Sixth Summit of Pacific Mayors", "Sixth", 6),
    ],
)
def test_english_ordinals_are_ranks_as_chinese_writes_them(text: str, raw: str, rank: int) -> None:
    v = one(text)
    assert (v.raw, v.value, v.unit) == (raw, rank, "rank")
    # 届 and N次 before a session's name (会议, 全会, 大会) are ordinals too; 连续三届 counts editions
    assert [(v.raw, v.unit) for v in parse_values("十八届中央纪委第六次全会")] == [("十八届", "rank"), ("第六次", "rank")]
    assert [(v.raw, v.unit) for v in parse_values("十二届全国人大五次会议")] == [("十二届", "rank"), ("五次", "rank")]
    assert [(v.raw, v.unit) for v in parse_values("举行了五次会谈，连续三届夺冠")] == [("五次", None), ("三届", None)]


@pytest.mark.parametrize("text", ["one second later", "a second chance", "on the 7th, reporters learned"])
def test_a_second_of_time_and_a_bare_day_are_not_ranks(text: str) -> None:
    assert parse_values(text) == []


@pytest.mark.parametrize("text", ["而“双11”后，紧接着的是“双12”", "双十一期间", "记者7日从市交通局获悉", "于21日在推特上发布"])
def test_festival_names_and_days_of_the_month_are_not_counts(text: str) -> None:
    assert parse_values(text) == []


def test_a_duration_in_days_and_an_anniversary_as_its_ordinal() -> None:
    days = one("他还需休整近20日")
    assert (days.value, days.unit, days.qualifier) == (20.0, "d", "~")
    anniversary = one("今年恰逢该校建校135周年")
    assert (anniversary.value, anniversary.unit) == (135.0, "rank")  # 周年 is not weeks: the 135th anniversary
    assert (one("the 135th anniversary of his birth").value, one("the 135th anniversary of his birth").unit) == (135.0, "rank")


def test_a_list_items_number_is_not_a_figure() -> None:
    """"附件：1. 申请表", "1、总则", "1) First": the number of a list item, after a line start or a colon."""
    assert [v.raw for v in parse_values("附件：1. 2026年度算力券申请表")] == ["2026年"]
    assert parse_values("附件：\n1. 申请表\n2. 承诺书") == []
    assert parse_values("1、总则") == [] and parse_values("1) First item") == []
    assert [v.raw for v in parse_values("共有 3、4 家")] == ["3", "4 家"]  # 3、4: two figures, not an item
    assert [v.raw for v in parse_values("收入增长 5. 其中")] == ["5"]  # a sentence's last figure


@pytest.mark.parametrize(
    ("text", "raw", "value"),
    [
        ("In May last year, the bank published a survey", "May last year", "2017-05"),
        ("as the scandal came to light last October", "last October", "2017-10"),
        ("cheaper loans for farmers from next February", "next February", "2019-02"),
        ("this March the firm opened", "this March", "2018-03"),
        # after "in", the bare month is not read first: "in August last year" is one date
        ("the bank cut rates in August last year", "August last year", "2017-08"),
        ("the rules apply from February next year", "February next year", "2019-02"),
        ("the vote held last October 5", "October 5", "2018-10-05"),  # a day after it: the day's date
    ],
)
def test_a_month_said_relative_to_the_year(text: str, raw: str, value: str) -> None:
    v = next(v for v in parse_values(text, default_year=2018) if v.kind == "date")
    assert (v.raw, v.value) == (raw, value)


def test_an_ordinal_before_a_superlative_is_a_rank_and_square_feet_an_area() -> None:
    rank = one("She has the second-highest turnout of all districts")
    assert (rank.raw, rank.value, rank.unit) == ("second-highest", 2.0, "rank")
    assert [(v.value, v.unit) for v in parse_values("the 1,000sq ft studio")] == [(1000.0, "ft2")]
    assert [(v.value, v.unit) for v in parse_values("这间 1,000 平方英尺的工作室")] == [(1000.0, "ft2")]


def test_a_traditional_trillion_with_its_hundred_millions_is_one_figure() -> None:
    v = one("營收1兆4,218億元")
    assert (v.raw, v.value, v.unit) == ("1兆4,218億元", 1.4218e12, "CNY")
    assert one("營收1兆0,932.6億元").value == 1.09326e12
    assert [v.raw for v in parse_values("5亿2024年")] == ["5亿", "2024年"]  # a year after a scale stays a year


def test_the_currency_named_after_yuan_says_which_yuan() -> None:
    v = one("營收1,286.4億元新臺幣")
    assert (v.value, v.unit) == (1.2864e11, "TWD")
    assert one("票价100元人民币").unit == "CNY"


def test_won_after_an_amount_is_korean_money() -> None:
    v = one("a 4.8 trillion won expansion")
    assert (v.value, v.unit) == (4.8e12, "KRW")
    assert one("the team won 3 games").unit is None


def test_a_minus_right_after_a_chinese_word_signs_a_rate_not_a_designation() -> None:
    assert one("老龄化的年均贡献率为-1.28%").value == -1.28
    assert one("歼-20 战机").value == 20.0


def test_the_top_n_with_its_measure_word_is_a_rank_and_dozens_are_twelves() -> None:
    v = one("日本代表团的目标是挺进金牌榜前三位。")
    assert (v.raw, v.value, v.unit, v.qualifier) == ("前三位", 3.0, "rank", "<=")
    assert [x.raw for x in parse_values("前3位股东")] == ["3位"]  # the first three shareholders: counted people
    assert one("about four dozen spectators").value == 48.0
    assert one("a dozen eggs").value == 12.0


def test_the_largest_is_first_but_one_of_the_largest_is_not() -> None:
    v = one("the largest STAR Market IPO of the year")
    assert (v.raw, v.value, v.unit) == ("largest", 1.0, "rank")
    assert parse_values("one of the largest banks") == []
    assert parse_values("among the largest firms") == []


def test_a_possessives_largest_is_first_but_not_one_of_them_nor_a_contraction() -> None:
    for text in ("Vantor is the world's largest maker of wafers", "Brenna's biggest lender"):
        v = one(text)
        assert (v.value, v.unit) == (1.0, "rank"), text
    assert parse_values("one of Europe's largest lenders") == []
    assert parse_values("and that's biggest news of the week") == []


def test_a_number_glued_to_capitals_by_a_hyphen_is_a_designation() -> None:
    assert parse_values("its flagship TQ-7 racks and the B-52 bombers") == []
    assert parse_values("COVID-19 cases rose") == []
    assert parse_values("G-20 峰会期间，HMX-1 在白宫练习着陆") == []  # whatever follows it
    assert [v.raw for v in parse_values("FY-2027 revenue")] == ["2027"]  # a fiscal year is a period
    assert [v.value for v in parse_values("grew 10-15 racks")] == [10.0, 15.0]  # a range of lower-case words
    # … Chinese text around it is no part of it
    assert [(v.raw, v.kind) for v in parse_values("主要系XH-800系列训练加速卡出货量大幅增长")] == [("XH-800", "version")]


def test_a_chinese_ordinal_before_a_superlative_is_a_rank() -> None:
    rank = one("该公司已成为东南亚第二大云服务商")
    assert (rank.raw, rank.value, rank.unit) == ("第二大", 2.0, "rank")
    assert one("第三大股东").unit == "rank"
    assert one("第二次会议").raw == "第二次"  # a session's ordinal stays as it was
    latin = one("全球第二大 AI 加速器供应商")  # … before a Latin term, a space between
    assert (latin.raw, latin.value, latin.unit) == ("第二大", 2.0, "rank")
    # "the third highest on record", before a clause's end too
    high = [v for v in parse_values("10月营收为历史第三高，仅次于八月") if v.unit == "rank"]
    assert [(v.raw, v.value) for v in high] == [("第三高", 3.0)]
    # a record is the first of all
    record = [v for v in parse_values("第三季营收创单季历史新高") if v.unit == "rank"]
    assert [(v.raw, v.value) for v in record] == [("历史新高", 1.0)]


def test_a_number_word_counts_a_plural_noun_up_to_four_words_on() -> None:
    v = one("Harbin has completed three low-carbon district heating projects")
    assert (v.raw, v.value) == ("three", 3.0)


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [("已经至少有 25 名学生报名", ">="), ("已经最多有 25 名学生报名", "<="), ("利润超过了15亿美元", ">="), ("今年的产量是70辆以下", "<")],
)
def test_a_qualifier_reaches_its_number_across_a_chinese_verb_or_measure_word(text: str, qualifier: str) -> None:
    assert parse_values(text)[0].qualifier == qualifier


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Xpeng delivered 2025 humanoids last year", "count"),
        ("a survey of 2008 people found", "count"),
        ("in 2025 humanoids were shipped", "date"),
        ("the 2024 elections", "date"),
        ("2025 revenues rose", "date"),
        ("since 2019 sales rose", "date"),
    ],
)
def test_a_year_like_number_counting_the_plural_noun_after_it_is_a_count(text: str, kind: str) -> None:
    assert parse_values(text)[0].kind == kind


@pytest.mark.parametrize(
    ("text", "raw", "value"),
    [
        ("监管机构今年4月约谈了平台企业", "今年4月", "2026-04"),  # a month of a year said relative to the report's
        ("摩洛哥足协去年8月递交申请", "去年8月", "2025-08"),
        ("明年三月一日起施行", "明年三月一日", "2027-03-01"),
    ],
)
def test_a_month_of_this_or_last_year_is_a_date_not_a_count(text: str, raw: str, value: str) -> None:
    v = one(text, default_year=2026)
    assert (v.raw, v.value, v.kind) == (raw, value, "date")


@pytest.mark.parametrize("text", ["我成长于上世纪70年代", "他们从 20 世纪 50 年代末起经营", "18 世纪的走私者"])
def test_decades_and_centuries_are_not_counts(text: str) -> None:
    assert parse_values(text) == []


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("长 38 英尺", 38.0, "ft"),
        ("a 38ft long monster", 38.0, "ft"),
        ("the 337 metre-tall tower", 337.0, "m"),
        ("20 inches long", 20.0, "in"),
        ("The two-day event will open", 2.0, "d"),
        ("a six-month trial", 6.0, "mo"),
    ],
)
def test_lengths_and_durations_written_with_their_units(text: str, value: float, unit: str) -> None:
    v = one(text)
    assert (v.value, v.unit) == (value, unit)


def test_a_capitalised_number_word_counts_the_noun_after_a_capitalised_word() -> None:
    v = one("Nineteen Brazilian swimmers will be competing as guests")
    assert (v.raw, v.value) == ("Nineteen", 19.0)


@pytest.mark.parametrize("text", ["the briefing starts at 09:45", "at 12:30:45 local time", "会议于 10点30分 开始", "这十分重要"])
def test_a_time_of_day_is_not_a_duration(text: str) -> None:
    assert [v for v in parse_values(text) if v.unit == "s" or v.raw == "十分"] == []  # 十分: "very"


@pytest.mark.parametrize(
    ("text", "value", "unit", "qualifier"),
    [
        ("南向资金本周净流入逾百亿港元", 1e10, "HKD", ">="),
        ("市值超千亿元", 1e11, "CNY", ">="),
        ("约百亿美元", 1e10, "USD", "~"),
        ("超过百亿元", 1e10, "CNY", ">="),
    ],
)
def test_a_scale_word_alone_after_a_qualifier_is_one_of_it(text: str, value: float, unit: str, qualifier: str) -> None:
    """逾百亿 is more than ten billion: the 百亿 stands for one 百亿."""
    got = [v for v in parse_values(text) if v.kind == "money"]
    assert [(v.value, v.unit, v.qualifier) for v in got] == [(value, unit, qualifier)]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("中期股息每股12.0港仙", 0.12, "HKD"), ("每股派息25美分", 0.25, "USD"), ("a dividend of 21 US cents per share", 0.21, "USD"),
        ("the interim dividend was raised to 18 HK cents a share", 0.18, "HKD"), ("a coupon of 12 euro cents", 0.12, "EUR"),
    ],
)
def test_hundredths_of_a_currency_are_read_as_such(text: str, value: float, unit: str) -> None:
    """港仙 and 美分 are cents: 12.0港仙 is HK$0.12, so "每股12.0港元" is a hundredfold slip of it."""
    got = [v for v in parse_values(text) if v.kind == "money"]
    assert [(v.value, v.unit) for v in got] == [(value, unit)]


@pytest.mark.parametrize(
    ("text", "raw", "value"),
    [
        ("shares trade at about 42 times forward earnings", "42 times", 42.0),
        ("net debt of 3.6 times EBITDA", "3.6 times", 3.6),
        ("Net debt stood at 3.1 times adjusted EBITDA", "3.1 times", 3.1),
        ("the retail book was 12 times oversubscribed", "12 times", 12.0),
        ("the retail tranche was 2,318 times oversubscribed", "2,318 times", 2318.0),  # (thousands separated)
    ],
)
def test_a_valuation_or_coverage_in_times_is_a_multiple(text: str, raw: str, value: float) -> None:
    got = parse_values(text)
    assert [(v.raw, v.value, v.unit) for v in got] == [(raw, value, "x")]


def test_times_of_an_event_are_no_multiple() -> None:
    assert [v.unit for v in parse_values("the robot was restarted 3 times a day")] == [None]


@pytest.mark.parametrize(("text", "raw"), [("Adj. operating margin 23.8%, +150bp", "150bp"), ("margin 47.5% (+310bp)", "310bp")])
def test_basis_points_abbreviated_bp_are_percentage_points(text: str, raw: str) -> None:
    got = [v for v in parse_values(text) if v.unit == "pp"]
    assert [(v.raw, round(float(v.value), 2)) for v in got] == [(raw, float(raw[:-2]) / 100)]


@pytest.mark.parametrize(
    ("text", "raw", "value", "unit"),
    [
        ("the archive now holds 210 terabytes of footage", "210 terabytes", 210.0, "TB"),
        ("each node carries 512 MB of cache", "512 MB", 512.0, "MB"),
        ("a 1.5 petabyte data lake", "1.5 petabyte", 1.5, "PB"),
        ("显存容量为 24 gigabytes", "24 gigabytes", 24.0, "GB"),
    ],
)
def test_storage_sizes_spelled_out_keep_their_unit(text: str, raw: str, value: float, unit: str) -> None:
    v = next(v for v in parse_values(text) if v.raw == raw)
    assert (v.value, v.unit) == (value, unit)


@pytest.mark.parametrize(
    ("text", "raw", "unit"),
    [("a 16Gb DRAM die", "16Gb", "Gb"), ("288Gb of HBM4 per package", "288Gb", "Gb"), ("24 gigabits of memory", "24 gigabits", "Gb"),
     ("a 2Tb NAND die", "2Tb", "Tb")],
)
def test_bits_are_read_apart_from_bytes(text: str, raw: str, unit: str) -> None:
    """A memory die is counted in bits (16Gb is 2 GB): Gb is not GB."""
    v = next(v for v in parse_values(text) if v.raw == raw)
    assert v.unit == unit


@pytest.mark.parametrize(("text", "raw"), [("60% cheaper than Xuanjing-2.5.", "Xuanjing-2.5"), ("priced below Larkspur 3.5.", "Larkspur 3.5")])
def test_a_version_closing_its_sentence_is_a_version(text: str, raw: str) -> None:
    """The full stop after "Xuanjing-2.5" ends the sentence; it is no part of a longer number."""
    v = next(v for v in parse_values(text) if v.raw == raw)
    assert v.kind == "version"


@pytest.mark.parametrize(("text", "raw"), [("1.5m users", "1.5m"), ("supposedly ~2m Aster X2 shipped", "2m"), ("some 40m downloads", "40m")])
def test_a_million_glued_to_its_figure_before_a_noun(text: str, raw: str) -> None:
    """The press writes a million "1.5m" (as "$1.5m", "2bn users")."""
    v = next(v for v in parse_values(text) if v.raw == raw)
    assert v.value == float(raw[:-1]) * 1e6


@pytest.mark.parametrize("text", ["a 1.5m cable", "posted 5m ago", "the 100m sprint", "it stands 2m tall", "in 30m.", "跳高1.5m成绩"])
def test_an_m_of_length_or_time_is_no_million(text: str) -> None:
    assert not [v for v in parse_values(text) if isinstance(v.value, float) and v.value >= 1e6]


@pytest.mark.parametrize("text", ["links at 800Gb/s", "1.6 terabits per second per port", "a 1.6Tb/s switch"])
def test_a_rate_in_bits_is_no_amount_of_bits(text: str) -> None:
    assert not [v for v in parse_values(text) if v.unit in {"Gb", "Tb", "Mb"}]


@pytest.mark.parametrize(
    ("text", "raw"),
    [("production starts in the first half of calendar 2027", "first half of calendar 2027"),
     ("in the second half of fiscal year 2026", "second half of fiscal year 2026")],
)
def test_a_half_keeps_the_year_basis_it_is_counted_in(text: str, raw: str) -> None:
    v = one(text)
    assert v.raw == raw and v.kind == "date"


def test_a_multiple_in_times_keeps_its_decimals() -> None:
    """"3.1 times" is known to a tenth: it does not agree with 3.6x."""
    v = one("Net debt stood at 3.1 times adjusted EBITDA")
    assert (v.value, v.precision) == (3.1, pytest.approx(0.1))


def test_a_size_before_a_counted_noun_is_a_count_not_a_model_size() -> None:
    def read(text: str) -> list[tuple[str, str]]:
        return [(v.raw, v.kind) for v in parse_values(text)]

    assert read("45M shares sold") == [("45M", "count")]
    assert read("now at 310M weekly users") == [("310M", "count")]
    assert read("$1.60 out per 1M") == [("$1.60", "money"), ("1M", "count")]
    assert read("the 70B model") == [("70B", "version")]
    assert read("a 236B MoE") == [("236B MoE", "version")]


def test_watts_are_a_measure() -> None:
    assert [(v.value, v.unit) for v in parse_values("单卡功耗550W，TDP of 700 W")] == [(550.0, "W"), (700.0, "W")]
    assert [(v.value, v.unit) for v in parse_values("最高提供200瓦吸力，一座5兆瓦电站")] == [(200.0, "W"), (5.0, "MW")]


def test_analysts_half_codes_and_pct_points() -> None:
    assert [(v.value, v.kind) for v in parse_values("volume production in 1H28, ramp in 2H 2027")] == [
        ("2028-H1", "date"), ("2027-H2", "date")]
    assert [(v.value, v.unit) for v in parse_values("毛利率同比+2.4pct，环比-4.1pct")] == [(2.4, "pp"), (-4.1, "pp")]


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("按不超过项目总投资10%的比例给予资助", "<="),  # the bound before the share's base
        ("市财政按不低于总投资10%的比例给予资助", ">="),
        ("不低于营业收入的5%", ">="),
        ("研发投入占营收10%", "="),  # a base with no bound before it
        ("公司收入增长10%", "="),
    ],
)
def test_a_bound_said_before_a_shares_base(text: str, qualifier: str) -> None:
    (v,) = [v for v in parse_values(text) if v.kind == "percent"]
    assert v.qualifier == qualifier


def test_a_taiwan_era_year_before_a_month_or_a_quarter_is_its_western_year() -> None:
    """民國115年 is 2026 (the Republic of China era counts from 1912); written without 民國 it is read only where a
    month or a quarter follows, for "115年" alone is as often 115 years."""

    def dates(text: str) -> list[tuple[str, object]]:
        return [(v.raw, v.value) for v in parse_values(text, default_year=2026) if v.kind == "date"]

    assert dates("新廠將於民國115年12月1日動土") == [("民國115年12月1日", "2026-12-01")]
    assert dates("本案自115年3月提出入區申請") == [("115年3月", "2026-03")]
    assert dates("117年第三季 | 量產") == [("117年第三季", "2028-Q3")]
    assert dates("民國99年") == [("民國99年", "2010")]
    assert dates("公司成立115年") == []  # years counted, not an era's year
    assert dates("2Q27 volume production") == [("2Q27", "2027-Q2")]  # a two-digit year stays this century's


def test_a_scale_after_a_currency_code_after_the_figure() -> None:
    """A spreadsheet's unit cell writes the scale after the code: "2.37 USD bn", "640 USD m", "41.26 NT$ bn"."""
    got = [(v.value, v.unit) for t in ("2.37 USD bn", "640 USD m", "41.26 NT$ bn") for v in parse_values(t)]
    assert got == [(2.37e9, "USD"), (640e6, "USD"), (41.26e9, "TWD")]
    assert [(v.value, v.unit) for v in parse_values("the 640 USD model")] == [(640.0, "USD")]


def test_percent_points_are_points() -> None:
    assert [(v.value, v.unit) for v in parse_values("the number of exercisers has increased by nearly 8 percent points")] == [(8.0, "pp")]
    assert [(v.value, v.unit) for v in parse_values("up 2 per cent points")] == [(2.0, "pp")]


def test_a_link_speed_naming_a_product_line_is_no_figure() -> None:
    """"1.6T光模块" and "1.6T optical modules" name a product by its link speed, as 800G does: no count of 1.6
    trillion; a trillion said of anything else stays one. link_speeds reads the speeds a text names its lines by."""
    from claims.values import link_speeds

    assert [v.raw for v in parse_values("星衡科技1.6T光模块收入18.6亿元", default_year=2026)] == ["18.6亿元"]
    assert parse_values("Xingheng shipped 1.6T optical modules", default_year=2026) == []
    assert [v.value for v in parse_values("a 1.6T market for chips", default_year=2026)] == [1.6e12]
    assert link_speeds("800G光收發模組月產能32萬組；1.6T光模块") == {800.0, 1600.0}
    assert link_speeds("400G及以下产品收入") == frozenset()


@pytest.mark.parametrize("text", ["December 15, 2026 2:48 PM GMT+8 · Updated", "北京时间（UTC+8）发布", "Published 09:30 GMT-5"])
def test_a_time_zone_is_no_figure(text: str) -> None:
    assert [v for v in parse_values(text) if v.kind != "date"] == []


@pytest.mark.parametrize("text", ["曜芯微(688652)11月26日披露", "崴晟（7841）公告"])
def test_a_listed_companys_code_after_its_name_is_no_figure(text: str) -> None:
    assert [v for v in parse_values(text) if v.kind != "date"] == []


def test_a_count_in_brackets_is_still_read() -> None:
    assert [v.value for v in parse_values("员工(3000人)")] == [3000.0]


@pytest.mark.parametrize("text", ["November was a record month", "a monthly record for the group", "shares hit a record high",
                                  "an all-time high"])
def test_an_english_record_is_the_first_of_all(text: str) -> None:
    assert [(v.unit, v.value) for v in parse_values(text)] == [("rank", 1.0)]


def test_a_record_label_is_no_record() -> None:
    assert [v for v in parse_values("the record label signed three bands") if v.unit == "rank"] == []


def test_more_than_doubled_in_chinese_is_a_bound() -> None:
    """翻了一倍多 / 翻了一番多 / 翻倍多 say more than doubled: ×2 as a lower bound, not exactly ×2."""
    for text in ("营收同比翻了一倍多", "营收翻了一番多", "营收翻倍多"):
        (v,) = parse_values(text)
        assert (v.value, v.unit, v.qualifier) == (2.0, "x", ">"), text
    assert parse_values("营收翻了一倍")[0].qualifier == "="


@pytest.mark.parametrize(
    ("text", "raw"),
    [("取代Auralis-3成为默认模型", "Auralis-3"), ("取代Auralis-3.5成为默认模型", "Auralis-3.5"), ("HengChuan-2发布", "HengChuan-2")],
)
def test_a_capitalised_names_generation_glued_to_chinese_is_a_version(text: str, raw: str) -> None:
    """Chinese written right after "Auralis-3" is no part of it; a counter word after it still makes a figure."""
    assert [(v.raw, v.kind) for v in parse_values(text)] == [(raw, "version")]
    assert [v.kind for v in parse_values("Auralis-3亿")] != ["version"]


@pytest.mark.parametrize(
    ("text", "raw"),
    [
        ("Its current model, Kestrel-4.5, tops the OpenArena text leaderboard", "tops"),
        ("the single topped the chart in May", "topped"),
        ("the fund sits atop the ranking", "atop"),
    ],
)
def test_topping_a_board_is_the_first_rank_on_it(text: str, raw: str) -> None:
    ranks = [(v.raw, v.value) for v in parse_values(text) if v.unit == "rank"]
    assert ranks == [(raw, 1.0)]


def test_top_as_an_adjective_is_no_rank() -> None:
    assert not [v for v in parse_values("top executives left; laptops the list") if v.unit == "rank"]


@pytest.mark.parametrize(
    ("text", "raw"),
    [("Qiming-4 landed on 26 November. Working assumptions follow", "26 November"), ("on 14 Nov. the board met", "14 Nov.")],
)
def test_the_dot_after_a_full_month_name_ends_the_sentence(text: str, raw: str) -> None:
    """"on 26 November." is a date and a full stop; "14 Nov." keeps the dot of its abbreviation."""
    assert [v.raw for v in parse_values(text, default_year=2026) if v.kind == "date"] == [raw]


@pytest.mark.parametrize(
    ("text", "raw", "quarter"),
    [("they open a Singapore office in Q2 this year.", "Q2 this year", "2027-Q2"),
     ("shipments start in the first quarter of next year", "first quarter of next year", "2028-Q1"),
     ("Q4 last year revenue fell", "Q4 last year", "2026-Q4")],
)
def test_an_english_quarter_of_a_year_said_relative_to_the_reports(text: str, raw: str, quarter: str) -> None:
    assert [(v.raw, v.value) for v in parse_values(text, default_year=2027) if v.kind == "date"] == [(raw, quarter)]
