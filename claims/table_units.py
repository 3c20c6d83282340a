"""The unit a table declares for its bare cells, in its header row, heading or caption: "(billion yen)", "in
millions of US dollars", "($ in millions)", "单位：亿元", "（人民幣百萬元）". Read alike on a cited page's tables
(verifier.judge.matching) and a report's own ("#+CAPTION: 单位：亿元" over an org table)."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from claims.model import Value
from claims.textnorm import to_simplified
from claims.values import parse_values

__all__ = ["COUNTED", "PER_SHARE", "SCALED", "declared_unit", "scaled_to"]

COUNTED = "#"  # the unit of a declared scale of counts ("thousand units", "单位：万片"): a count's, not money's

_DECLARED_EN = re.compile(
    r"\b(?:in\s+)?(?P<scale>billions?|millions?|thousands?)\s+(?:of\s+)?(?P<cur>yen|(?:US\s+|Hong\s+Kong\s+)?dollars|won|euros|yuan|pounds)\b"
    r"|(?P<sym>US\$|HK\$|\$|¥|€|£)\s*(?:in\s+)?(?P<scale2>billions?|millions?|thousands?)\b"
    # "(in millions, except per share data)": a scale alone, for cells that write their own currency
    r"|[(（]\s*in\s+(?P<scale3>billions|millions|thousands)\b"
    # "£m unless stated", "US$bn", "$'000": a currency and its scale abbreviated, no figure between
    r"|(?<![\w$])(?P<sym4>US\$|HK\$|\$|¥|€|£)\s?(?P<abbr>bn|mn|m|k|'000|000)(?![\w'])",
    re.I,
)
# a money cell that writes no scale of its own ("$2,604", not "$2.6bn" or "$1.2 million")
SCALED = re.compile(r"(?:\d\s*(?:k|m|mn|mm|bn|b|tn|t|thousand|million|billion|trillion)\b|[千万亿億萬])", re.I)
PER_SHARE = re.compile(r"per\s+(?:diluted\s+|basic\s+)?share|每股|\bEPS\b", re.I)
# "(thousand units)", "(millions of subscribers)", "(USD millions)", "(RMB bn)": a scale of counts, or a
# currency's code with its scale
_DECLARED_COUNT_EN = re.compile(
    r"[(（]\s*(?:units?\s*[:：]\s*)?(?:in\s+)?(?P<scale>thousands?|millions?|billions?)\s+(?:of\s+)?"
    r"(?!(?:US\s+|Hong\s+Kong\s+)?(?:dollars|yen|won|euros|yuan|pounds|rupees|francs)\b)[a-z]+s?\s*[)）]",
    re.I,
)
_DECLARED_CODE_EN = re.compile(
    r"[(（]\s*(?:units?\s*[:：]\s*)?(?P<code>USD|US\$|RMB|CNY|HKD|HK\$|EUR|GBP|JPY|TWD|NT\$|KRW|€|£|¥|\$)\s*(?P<scale>billions?|millions?|thousands?|bn|mn|m|k)\s*[)）]",
    re.I,
)
_DECLARED_COUNT_ZH = re.compile(
    r"(?:单位\s*[:：]\s*|[（(])(?P<scale>千|万|百万|千万|亿)\s*(?:片|台|张|部|颗|辆|人|户|个|套|块|枚|吨|件|只|次|笔|家)(?![\u4e00-\u9fff])"
)
_SCALE_FACTORS = {"千": 1e3, "万": 1e4, "百万": 1e6, "千万": 1e7, "亿": 1e8, "thousand": 1e3, "million": 1e6, "billion": 1e9}
_DECLARED_ZH = re.compile(
    r"单位\s*[:：]\s*(?P<zh>(?:人民币|港币|新台币)?\s*(?:千|仟|万|百万|千万|亿)?\s*(?:元|美元|港元|日元|韩元|欧元))"
    r"|[（(]\s*(?P<zh2>(?:人民币|港币|新台币)?(?:千|仟|万|百万|千万|亿)(?:元|美元|港元|日元|韩元|欧元))\s*[)）]"
)


@lru_cache(maxsize=1024)
def declared_unit(text: str) -> tuple[float, str] | None:
    """(factor, currency) a table's header, heading or caption declares for its bare cells, or None."""
    simplified = to_simplified(text)
    if m := _DECLARED_ZH.search(simplified):
        unit = (m.group("zh") or m.group("zh2")).replace(" ", "").replace("仟", "千")  # 仟: 千 in formal writing
        lead = next((c for c in ("人民币", "港币", "新台币") if unit.startswith(c)), "")
        phrase = f"{lead}1{unit[len(lead):]}"
    elif m := _DECLARED_EN.search(text):
        if m.group("scale3"):
            return ({"billions": 1e9, "millions": 1e6, "thousands": 1e3}[m.group("scale3").lower()], "")
        if m.group("abbr"):
            scale = _SCALE_ABBREVIATIONS[m.group("abbr").lower()]
            return _declared_money(f"{m.group('sym4')}1 {scale}")
        scale = (m.group("scale") or m.group("scale2")).lower().rstrip("s")
        phrase = f"{m.group('sym')}1 {scale}" if m.group("sym") else f"1 {scale} {m.group('cur')}"
    elif m := _DECLARED_CODE_EN.search(text):
        scale = _SCALE_ABBREVIATIONS.get(m.group("scale").lower(), m.group("scale").lower().rstrip("s"))
        phrase = f"{m.group('code')} 1 {scale}"
    elif m := _DECLARED_COUNT_EN.search(text):
        return _SCALE_FACTORS[m.group("scale").lower().rstrip("s")], COUNTED
    elif m := _DECLARED_COUNT_ZH.search(simplified):
        return _SCALE_FACTORS[m.group("scale")], COUNTED
    elif (m := _DECLARED_MEASURE.search(text)) and (unit := _measure_units().get(m.group("unit"))):
        return 1.0, unit
    else:
        return None
    return _declared_money(phrase)


# a measure's unit in brackets ("规划算力（EFLOPS）", "IT负载 (MW)", "Capacity (GW)"): the cells are in it
_DECLARED_MEASURE = re.compile(r"(?:[(（]|单位\s*[:：])\s*(?P<unit>[A-Za-z]{1,8})\s*(?:[)）,，;；]|$)")


@lru_cache(maxsize=1)
def _measure_units() -> dict[str, str]:
    """Unit symbols of a physical dimension (bytes, watts, flops) by how a header writes them."""
    from claims.units import DIMENSIONS, unit_words

    dims = {unit for dim in DIMENSIONS for unit in dim}
    return {w.surface: w.unit for w in unit_words() if w.kind == "unit" and w.unit in dims and w.surface.isascii()}


def scaled_to(v: Value, declared: tuple[float, str] | None) -> Value:
    """A bare figure in the unit a table declares for it (none: as it is): a bare count becomes money in a
    declared currency, or a count of the declared scale; a money cell writing no scale takes the declared one."""
    if declared is None or not isinstance(v.value, float):
        return v
    factor, unit = declared
    if v.kind == "count" and v.unit is None:
        if unit in _measure_units().values():
            return replace(v, unit=unit)  # 4.2 under "(EFLOPS)"
        if unit == COUNTED:
            return replace(v, value=v.value * factor, precision=(v.precision or 1.0) * factor)
        if unit:
            return replace(v, value=v.value * factor, unit=unit, kind="money", precision=(v.precision or 1.0) * factor)
    if unit != COUNTED and v.kind == "money" and not SCALED.search(v.raw) and (not unit or unit == v.unit):
        return replace(v, value=v.value * factor, precision=(v.precision or 1.0) * factor)
    return v


_SCALE_ABBREVIATIONS = {"bn": "billion", "mn": "million", "m": "million", "k": "thousand", "'000": "thousand", "000": "thousand"}


def _declared_money(phrase: str) -> tuple[float, str] | None:
    """(factor, currency) of a phrase such as "£1 million", read as any amount is."""
    got = [v for v in parse_values(phrase) if v.kind == "money" and isinstance(v.value, float)]
    return (float(got[0].value), str(got[0].unit)) if len(got) == 1 and got[0].unit else None
