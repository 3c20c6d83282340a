"""Casual dates: "11.19定价" in a post of late November is the 19th of November, "澜海4.5发布" a version."""

from __future__ import annotations

import datetime as dt

import pytest

from claims.casual_dates import (
    as_casual_date,
    in_nearest_year,
    with_last_weekdays,
    with_near_days,
    with_near_months,
    with_slash_dates,
    with_weekday_dates,
)
from claims.values import parse_values

REPORT = dt.date(2026, 11, 25)


def _read(text: str, raw: str, report: dt.date | None = REPORT) -> str | None:
    value = next(v for v in parse_values(text, default_year=2026) if v.raw == raw)
    casual = as_casual_date(text, value, report)
    return None if casual is None else str(casual.value)


@pytest.mark.parametrize(
    ("text", "raw", "expected"),
    [
        ("✅ 11.19定价，募资7.44亿美元", "11.19", "2026-11-19"),
        ("预计12.03上线", "12.03", "2026-12-03"),
        ("12.28发布年度报告", "12.28", "2026-12-28"),
        ("营收11.19亿元", "11.19亿元", None),  # a measure follows: a decimal amount
        ("增长11.19倍", "11.19倍", None),
        ("11.19万人参加", "11.19万人", None),
        ("于11.19发布", "11.19", "2026-11-19"),
        ("澜海4.5发布", "4.5", None),  # right after a name: a version
        ("3.12发布", "3.12", None),  # the 12th of March is months from the report's date
        ("11.19定价", "11.19", None),  # (no report date: nothing to place it by)
    ],
)
def test_a_month_and_day_with_a_dot_before_an_event_word(text: str, raw: str, expected: str | None) -> None:
    report = None if text == "11.19定价" else REPORT
    assert _read(text, raw, report) == expected


def test_a_casual_date_early_in_the_year_may_name_last_december() -> None:
    assert _read("12.30发布", "12.30", dt.date(2027, 1, 8)) == "2026-12-30"


def test_a_month_and_day_written_with_a_slash_before_an_event_word() -> None:
    report_date = dt.date(2026, 11, 30)

    def read(text: str) -> list[tuple[str, object, str]]:
        return [(v.raw, v.value, v.kind) for v in with_slash_dates(text, parse_values(text, default_year=2026), report_date)]

    assert read("市政府11/27公布第二批名单") == [("11/27", "2026-11-27", "date")]
    assert read("该公司12/03上线新版本") == [("12/03", "2026-12-03", "date")]
    assert ("1/3", "2027-01-03", "date") not in read("持股比例为1/3的股份")  # a fraction
    assert read("2026/11/27公布") == [("2026/11/27", "2026-11-27", "date")]  # a full date stays one
    assert all(kind != "date" for _, _, kind in read("11/27亿元"))  # a unit follows: no date
    assert all(kind != "date" for _, _, kind in read("公司05/18公布"))  # months from the report's date


def _day(text: str, report: dt.date) -> str:
    (v,) = [v for v in parse_values(text, default_year=report.year) if v.kind == "date"]
    return str(in_nearest_year(v, report).value)


def test_a_day_without_its_year_is_the_one_nearest_the_report() -> None:
    """A day written without a year is read in the report's year, unless the year before or after puts it within
    weeks of the report's date and the report's own year does not."""
    assert _day("the cards ship Jan 26", dt.date(2026, 12, 19)) == "2027-01-26"
    assert _day("首批订单2月3日交付", dt.date(2026, 12, 28)) == "2027-02-03"
    assert _day("shares listed on Dec 18", dt.date(2027, 1, 5)) == "2026-12-18"
    # (the report's own year when it is near, or when no year puts it near; a year written stays)
    assert _day("results due Dec 30", dt.date(2026, 12, 19)) == "2026-12-30"
    assert _day("the model launched on March 3", dt.date(2026, 12, 19)) == "2026-03-03"
    assert _day("cards shipped Jan 26, 2026", dt.date(2026, 12, 19)) == "2026-01-26"


def test_a_month_without_its_year_is_the_one_nearest_the_report() -> None:
    """A month written without a year is read by its middle: "late January" in a post of 19 December is next
    January, "1月下旬" too; a month near in the report's own year stays, and so does one end of a span of months."""
    report = dt.date(2026, 12, 19)

    def month(text: str) -> list[str]:
        values = [v for v in parse_values(text, default_year=report.year) if v.kind == "date"]
        return [str(in_nearest_year(v, report, text).value) for v in values]

    assert month("cards ship in late January") == ["2027-01"]
    assert month("首批1月下旬开始出货") == ["2027-01"]
    assert month("revenue rose in November") == ["2026-11"]
    assert month("1月至11月累计营收") == ["2026-01", "2026-11"]
    assert month("shipments from January to March") == ["2026-01"]


@pytest.mark.parametrize(
    ("text", "raw", "day"),
    [
        ("长三角智算联盟上周一在上海成立", "上周一", "2026-12-28"),  # (the note is of Tuesday 5 January 2027)
        ("公司已于上周三在港交所主板挂牌", "上周三", "2026-12-30"),
        ("发布会定在本周五", "本周五", "2027-01-08"),
        ("新品下星期一开售", "下星期一", "2027-01-11"),
        ("上礼拜天公布了结果", "上礼拜天", "2027-01-03"),
        ("這週三上線", "這週三", "2027-01-06"),
    ],
)
def test_a_day_of_a_week_said_relative_to_the_reports_week_is_that_date(text: str, raw: str, day: str) -> None:
    values = with_weekday_dates(text, parse_values(text, default_year=2027), dt.date(2027, 1, 5))
    dates = [v for v in values if v.kind == "date"]
    assert [(v.raw, v.value, text[v.start : v.end]) for v in dates] == [(raw, day, raw)]


def test_a_week_day_is_read_only_against_a_reports_date_and_where_no_value_stands() -> None:
    text = "联盟上周一在上海成立，12月28日公布名单"
    assert with_weekday_dates(text, parse_values(text), None) == parse_values(text)
    held = parse_values("周二至周五", default_year=2027)  # (no week said: no day read)
    assert with_weekday_dates("周二至周五", held, dt.date(2027, 1, 5)) == held


@pytest.mark.parametrize(
    ("text", "raw", "day"),
    [("鈞碩（3687）前天公布12月營收142.6億", "前天", "2027-01-07"), ("磐啟智算昨天開始招股", "昨天", "2027-01-08"),
     ("明天公布結果", "明天", "2027-01-10"), ("後天掛牌", "後天", "2027-01-11")],
)
def test_a_day_said_relative_to_the_reports_own_is_that_date(text: str, raw: str, day: str) -> None:
    values = with_near_days(text, parse_values(text, default_year=2027), dt.date(2027, 1, 9))
    assert [(v.raw, v.value) for v in values if v.kind == "date" and v.raw == raw] == [(raw, day)]


def test_today_and_the_weather_are_no_relative_day() -> None:
    for text in ("今日要点：三件事", "今天的会议", "明天气温回升"):
        assert not [v for v in with_near_days(text, [], dt.date(2027, 1, 9)) if v.kind == "date"]


@pytest.mark.parametrize(
    ("text", "raw", "day"),
    [
        ("Halden reported fiscal Q3 last Thursday after the close.", "last Thursday", "2027-01-07"),  # (a Tuesday's note)
        ("The board met last Tuesday.", "last Tuesday", "2027-01-05"),  # (the week before: the latest Tuesday but today)
        ("Orders opened this past Monday.", "this past Monday", "2027-01-11"),
        ("It shipped last friday", "last friday", "2027-01-08"),
    ],
)
def test_a_weekday_said_as_the_last_one_is_the_latest_before_the_reports_date(text: str, raw: str, day: str) -> None:
    values = with_last_weekdays(text, parse_values(text, default_year=2027), dt.date(2027, 1, 12))
    assert [(v.raw, v.value) for v in values if v.kind == "date"] == [(raw, day)]


def test_next_thursday_and_a_bare_weekday_stay_unread() -> None:
    """Writers differ on which week "next Thursday" means, and "on Thursday" may be past or to come."""
    for text in ("The book opens next Thursday.", "The book opens on Thursday.", "Thursday's session"):
        assert not [v for v in with_last_weekdays(text, [], dt.date(2027, 1, 12)) if v.kind == "date"]
    assert with_last_weekdays("last Thursday", [], None) == []


@pytest.mark.parametrize(
    ("text", "raw", "month"),
    [
        ("annualized revenue passed $2 billion last month", "last month", "2026-12"),
        ("shipments start next month", "next month", "2027-02"),
        ("鈞碩上月營收創新高", "上月", "2026-12"),
        ("公司上个月完成融资", "上个月", "2026-12"),
        ("新品下個月上市", "下個月", "2027-02"),
    ],
)
def test_a_month_said_relative_to_the_reports_own_is_that_month(text: str, raw: str, month: str) -> None:
    values = with_near_months(text, parse_values(text, default_year=2027), dt.date(2027, 1, 12))
    assert [(v.raw, v.value) for v in values if v.kind == "date"] == [(raw, month)]
    december = with_near_months("revenue last month", [], dt.date(2027, 12, 3))
    assert [v.value for v in december] == ["2027-11"]
    assert with_near_months("this month", [], dt.date(2027, 1, 12)) == []
