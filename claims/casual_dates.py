"""Casual dates, pure: "11.19定价", "Altamesa 11.24发布" — a month and a day written with a dot, as Chinese posts
write dates of the days around them. Read alone, "11.24" is a decimal; it is a date when an event's word follows
it at once (no unit, no measure word) and the day it names lies within weeks of the report's own date.

A model's version reads the same way ("澜海4.5发布", "Python 3.12发布"): the day it would name is months from the
report's date, so the window keeps it a number; right after a letter or a hyphen ("v1.12", "GPT-4.5") it is one."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from claims.model import Value

_CASUAL = re.compile(r"(1[0-2]|0?[1-9])\.([12]\d|3[01]|0[1-9])")
# what follows a casual date: an event's word in Chinese characters, not a unit or a measure (亿, 万, 倍, 元, 个…)
_HAN = re.compile(r"[\u4e00-\u9fff]")
_MEASURE_CHARS = frozenset("亿億万萬千百十元圆倍个個件台款家人名次位项項%％美港日欧歐英镑鎊股吨噸度瓦秒分小时時")
# a number right after a letter or a hyphen is part of a name ("v1.12", "GPT-4.5"), no date (after a Chinese
# name, "澜海4.5", the day it would name is months away; after a verb, "预计12.03上线", it is a date)
_NAME_BEFORE = re.compile(r"[A-Za-z\-_]$")
_PART_OF_MORE = frozenset("/0123456789.")  # "2026/11/27", "1/2/3": a longer figure, not a month and day
_OF = frozenset("的之")
BEFORE_DAYS = 62  # how far before the report's date a casual date may lie (a weekly's fortnight, a monthly's month)
AFTER_DAYS = 45  # … and after it (an announced date to come: "12月3日开放", "12.03上线")


def as_casual_date(text: str, value: Value, report_date: dt.date | None) -> Value | None:
    """``value`` (read from ``text`` at its offsets) as a date, when it is a casual date; else None."""
    if report_date is None or value.kind != "count" or value.unit or value.qualifier != "=":
        return None
    m = _CASUAL.fullmatch(value.raw)
    if m is None:
        return None
    return _near_day(text, value, int(m.group(1)), int(m.group(2)), report_date)


def with_slash_dates(text: str, values: Sequence[Value], report_date: dt.date | None) -> list[Value]:
    """``values`` with each "11/27" read as two counts ("香港政府11/27公布") joined into the date it writes,
    when an event's word follows it and the day lies within weeks of the report's date."""
    out = list(values)
    if report_date is None or "/" not in text:
        return out
    for i in range(len(out) - 2, -1, -1):
        first, second = out[i], out[i + 1]
        if (
            first.kind == second.kind == "count" and not first.unit and not second.unit
            and first.raw.isdigit() and second.raw.isdigit() and len(first.raw) <= 2 and len(second.raw) <= 2
            and second.start == first.end + 1 and text[first.end] == "/"
            and text[max(0, first.start - 1) : first.start] not in _PART_OF_MORE
            # (two one-digit parts are as often a fraction: "1/3的股份")
            and max(len(first.raw), len(second.raw)) == 2 and text[second.end : second.end + 1] not in _OF
        ):
            joined = replace(first, raw=text[first.start : second.end], end=second.end)
            date = _near_day(text, joined, int(first.raw), int(second.raw), report_date)
            if date is not None:
                out[i : i + 2] = [date]
    return out


# 上周一, 本周三, 下星期五, 上礼拜天: a day of a calendar week (Monday first) said relative to the report's week
_WEEKDAY = re.compile(r"(上|本|这|這|下)(?:个|個)?(?:周|週|星期|礼拜|禮拜)([一二三四五六日天])")
_WEEK_OFFSET = {"上": -1, "本": 0, "这": 0, "這": 0, "下": 1}
_DAY_OF_WEEK = {ch: i for i, ch in enumerate("一二三四五六日")} | {"天": 6}


def with_weekday_dates(text: str, values: Sequence[Value], report_date: dt.date | None) -> list[Value]:
    """``values`` with each day of a week said relative to the report's week ("长三角智算联盟上周一在上海成立" in a note
    of Tuesday 5 January 2027: Monday 28 December 2026) read as that date, where no other value stands."""
    if report_date is None or not any(w in text for w in ("周", "週", "星期", "礼拜", "禮拜")):
        return list(values)
    monday = report_date - dt.timedelta(days=report_date.weekday())
    return _with_days(
        values,
        (
            (m, (monday + dt.timedelta(days=7 * _WEEK_OFFSET[m.group(1)] + _DAY_OF_WEEK[m.group(2)])).isoformat())
            for m in _WEEKDAY.finditer(text)
        ),
    )


def _with_days(values: Sequence[Value], days: Iterable[tuple[re.Match[str], str]]) -> list[Value]:
    """``values`` with each relative day or month found (its words, the date they name as written: "2026-12-28",
    "2026-12") as a date value, where no other value stands, in order of where they stand."""
    out = list(values)
    for m, written in days:
        if not any(v.start < m.end() and m.start() < v.end for v in out):
            out.append(Value(m.group(), written, "date", "=", m.start(), m.end(), "date"))
    return sorted(out, key=lambda v: v.start)


# 前天, 昨天, 明天, 後天: a day said relative to the report's own (not 今天 / 今日, which headings use for "today's")
_NEAR_DAY = re.compile(r"(?:大前天|前天|昨天|昨日|前日|明天|后天|後天)(?![气氣])")
_DAY_OFFSET = {"大前天": -3, "前天": -2, "前日": -2, "昨天": -1, "昨日": -1, "明天": 1, "后天": 2, "後天": 2}


def with_near_days(text: str, values: Sequence[Value], report_date: dt.date | None) -> list[Value]:
    """``values`` with each day said relative to the report's own ("鈞碩前天公布12月營收" in a post of 9 January
    2027: 7 January 2027) read as that date, where no other value stands."""
    if report_date is None or not any(w in text for w in ("天", "昨", "前日")):
        return list(values)
    return _with_days(
        values, ((m, (report_date + dt.timedelta(days=_DAY_OFFSET[m.group()])).isoformat()) for m in _NEAR_DAY.finditer(text))
    )


# "last Thursday", "this past Monday": the latest such day before the report's own ("Halden reported last Thursday" in a
# message of Tuesday 12 January 2027: 7 January); "next Thursday" is left alone, writers differ on which week it means
_LAST_WEEKDAY = re.compile(r"\b(?:last|this past)[ \t]+(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b", re.I)


def with_last_weekdays(text: str, values: Sequence[Value], report_date: dt.date | None) -> list[Value]:
    """``values`` with each weekday said as the last one before the report's date read as that date, where no other
    value stands."""
    if report_date is None or "day" not in text:
        return list(values)
    return _with_days(
        values,
        (
            (m, (report_date - dt.timedelta(days=(report_date.weekday() - _EN_DAYS.index(m.group(1)[:3].lower()) - 1) % 7 + 1)).isoformat())
            for m in _LAST_WEEKDAY.finditer(text)
        ),
    )


# "last month", 上个月, "next month", 下月: the month before or after the report's own ("revenue passed $2 billion last
# month" in a message of 12 January 2027: December 2026)
_NEAR_MONTH = re.compile(r"\b(last|next)[ \t]+month\b|(上个月|上個月|上月|下个月|下個月|下月)", re.I)


def with_near_months(text: str, values: Sequence[Value], report_date: dt.date | None) -> list[Value]:
    """``values`` with each month said relative to the report's own read as that month, where no other value
    stands."""
    if report_date is None or not ("month" in text or "月" in text):
        return list(values)
    return _with_days(values, ((m, _month_from(report_date, m)) for m in _NEAR_MONTH.finditer(text)))


def _month_from(report_date: dt.date, m: re.Match[str]) -> str:
    """The month before or after the report's that ``m`` ("last month", 下月) names, written "2026-12"."""
    step = -1 if (m.group(1) or "").lower() == "last" or (m.group(2) or "").startswith("上") else 1
    months = report_date.year * 12 + report_date.month - 1 + step
    return f"{months // 12:04d}-{months % 12 + 1:02d}"


def with_relative_dates(text: str, values: Sequence[Value], report_date: dt.date | None) -> list[Value]:
    """``values`` with every day or month said relative to the report's date (上周一, 昨天, "last Thursday", 上个月)
    read as that date, where no other value stands."""
    for read in (with_weekday_dates, with_near_days, with_last_weekdays, with_near_months):
        values = read(text, values, report_date)
    return list(values)


# the weekday written with a day of the year: "Friday, January 8", "Fri, Jan 8" before it, "（星期五）" after it
_WEEKDAY_BEFORE = re.compile(r"\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?[ \t]*$")
_WEEKDAY_AFTER = re.compile(r"[ \t]*[（(]?(?:星期|周|週|礼拜|禮拜)([一二三四五六日天])")
_EN_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_MONTH_DAY = re.compile(r"--(\d{2})-(\d{2})")
_FULL_YEAR = re.compile(r"(?<!\d)20\d\d(?!\d)")


def dated_by_weekday(text: str, dates: Sequence[Value], years_in: str) -> dt.date | None:
    """The date a text is dated by when only a weekday and a day of the year say it ("this is the research sync for
    Friday, January 8", "1月8日（星期五）"; ``dates``: the dates read in ``text``): the one year next to the latest
    ``years_in`` writes (the year before it, it, or the year after) in which that day falls on that weekday; None
    when none or more than one does."""
    for v in dates:
        m = _MONTH_DAY.fullmatch(str(v.value))
        if m is None:
            continue
        before = _WEEKDAY_BEFORE.search(text, max(0, v.start - 12), v.start)
        after = _WEEKDAY_AFTER.match(text, v.end)
        if before is None and after is None:
            continue
        weekday = _EN_DAYS.index(before.group(1).lower()) if before else _DAY_OF_WEEK[after.group(1)] if after else -1
        years = [int(y) for y in _FULL_YEAR.findall(years_in[:200_000])]
        if not years:
            return None
        latest = max(years)
        fits = []
        for year in (latest - 1, latest, latest + 1):
            try:
                when = dt.date(year, int(m.group(1)), int(m.group(2)))
            except ValueError:
                continue
            if when.weekday() == weekday:
                fits.append(when)
        return fits[0] if len(fits) == 1 else None
    return None


# a year written out: 2026, 26年, '26 (a relative one, 明年 / 去年, is read apart)
YEAR_WRITTEN = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)|\d\d年|['’‘]\d\d\b")
_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_IN_A_RANGE = re.compile(r"\s?(?:[至到\-–—~～]|to\b|through\b)", re.I)
_RANGE_BEFORE = re.compile(r"(?:[至到\-–—~～]|\bto|\bthrough)\s?$", re.I)


def in_nearest_year(value: Value, report_date: dt.date | None, text: str = "") -> Value:
    """A day or a month written without its year ("Jan 26", "1月26日", "late January"), read in the report's year, moved to the year before or
    after when that puts it within weeks of the report's date and the report's own year does not: "cards ship Jan
    26" in a post of 19 December is next January's 26th; "listed on Dec 18" in a note of 5 January, last December's."""
    if report_date is None or value.kind != "date" or "年" in value.raw or YEAR_WRITTEN.search(value.raw):
        return value
    m = _DAY.fullmatch(str(value.value))
    if m is not None:
        month, day = int(m.group(2)), int(m.group(3))
        year = _year_near(month, day, report_date)
        return value if year is None or year == report_date.year else replace(value, value=f"{year:04d}-{month:02d}-{day:02d}")
    # (… and a month written without its year, by its middle: "ship in late January" in a post of 19 December)
    m = _MONTH.fullmatch(str(value.value))
    if m is None or _IN_A_RANGE.match(text, value.end) or _RANGE_BEFORE.search(text, max(0, value.start - 4), value.start):
        return value  # (… not one end of a span of months, "1月至11月", "January to November")
    month = int(m.group(2))
    year = _year_near(month, 15, report_date) if 1 <= month <= 12 else None
    return value if year is None or year == report_date.year else replace(value, value=f"{year:04d}-{month:02d}")


def _year_near(month: int, day: int, report_date: dt.date) -> int | None:
    """The year (the report's own first, then the one before and the one after) whose ``month``/``day`` lies within
    weeks of the report's date; None when none does, or when no year has that day."""
    for year in (report_date.year, report_date.year - 1, report_date.year + 1):
        try:
            day_named = dt.date(year, month, day)
        except ValueError:
            return None
        if -BEFORE_DAYS <= (day_named - report_date).days <= AFTER_DAYS:
            return year
    return None


def _near_day(text: str, value: Value, month: int, day: int, report_date: dt.date) -> Value | None:
    """``value`` as the day ``month``/``day`` nearest the report's date, when an event's word follows it at
    once and that day lies within weeks of the report's date."""
    if not 1 <= month <= 12:
        return None
    after = text[value.end : value.end + 1]
    if not _HAN.match(after) or after in _MEASURE_CHARS or _NAME_BEFORE.search(text[max(0, value.start - 1) : value.start]):
        return None
    if (year := _year_near(month, day, report_date)) is None:
        return None
    return replace(value, value=dt.date(year, month, day).isoformat(), unit="date", kind="date", precision=None, noun=None)
