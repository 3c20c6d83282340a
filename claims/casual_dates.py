"""Casual dates, pure: "11.19定价", "Altamesa 11.24发布" — a month and a day written with a dot, as Chinese posts
write dates of the days around them. Read alone, "11.24" is a decimal; it is a date when an event's word follows
it at once (no unit, no measure word) and the day it names lies within weeks of the report's own date.

A model's version reads the same way ("澜海4.5发布", "Python 3.12发布"): the day it would name is months from the
report's date, so the window keeps it a number; right after a letter or a hyphen ("v1.12", "GPT-4.5") it is one."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from claims.model import Value

_CASUAL = re.compile(r"(1[0-2]|0?[1-9])\.([12]\d|3[01]|0[1-9])")
# what follows a casual date: an event's word in Chinese characters, not a unit or a measure (亿, 万, 倍, 元, 个…)
_HAN = re.compile(r"[\u4e00-\u9fff]")
_MEASURE_CHARS = frozenset("亿億万萬千百十元圆倍个個件台款家人名次位项項%％美港日欧歐英镑鎊股吨噸度瓦秒分小时時")
# a number right after a letter or a hyphen is part of a name ("v1.12", "GPT-4.5"), no date (after a Chinese
# name, "澜海4.5", the day it would name is months away; after a verb, "预计12.03上线", it is a date)
_NAME_BEFORE = re.compile(r"[A-Za-z\-_]$")
BEFORE_DAYS = 62  # how far before the report's date a casual date may lie (a weekly's fortnight, a monthly's month)
AFTER_DAYS = 45  # … and after it (an announced date to come: "12月3日开放", "12.03上线")


def as_casual_date(text: str, value: Value, report_date: dt.date | None) -> Value | None:
    """``value`` (read from ``text`` at its offsets) as a date, when it is a casual date; else None."""
    if report_date is None or value.kind != "count" or value.unit or value.qualifier != "=":
        return None
    m = _CASUAL.fullmatch(value.raw)
    if m is None:
        return None
    after = text[value.end : value.end + 1]
    if not _HAN.match(after) or after in _MEASURE_CHARS or _NAME_BEFORE.search(text[max(0, value.start - 1) : value.start]):
        return None
    month, day = int(m.group(1)), int(m.group(2))
    for year in (report_date.year, report_date.year - 1, report_date.year + 1):
        try:
            day_named = dt.date(year, month, day)
        except ValueError:
            return None
        if -BEFORE_DAYS <= (day_named - report_date).days <= AFTER_DAYS:
            return replace(value, value=day_named.isoformat(), unit="date", kind="date", precision=None, noun=None)
    return None
