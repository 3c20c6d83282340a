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
