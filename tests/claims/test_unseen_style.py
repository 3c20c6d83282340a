"""A report in a style none of the seeds has: Traditional Chinese, full-width digits, 【】-less
numbered items, a bracketed footnote and a 為什麼重要 heading."""

from __future__ import annotations

import datetime as dt

from claims.extract import extract_claims
from claims.report import parse_report

TEXT = """# 科技週報｜２０２６年５月３日

日期：2026年5月3日

## 本週重點

1. 輝達（NVIDIA）公布第一季度財報，營收達４４０億美元，同比增長６９％。

關鍵資訊：公司預計第二季度營收約為４５０億美元；資料中心業務佔比接近九成。執行長黃仁勳表示，Blackwell 晶片出貨量已超過 100 萬顆。

來源：NVIDIA Newsroom（https://nvidianews.nvidia.com/news/q1-fy2027）

2. 歐盟公布《人工智慧法》實施細則

歐盟委員會於 5 月 1 日發布指南，要求通用模型提供者在 2026 年 8 月 2 日前完成登記，違規最高罰款 3,500 萬歐元或全球營業額的 7%。

來源：European Commission [1]

## 為什麼重要

這意味著監管正在從原則走向執行。

## 參考資料

[1] European Commission, Guidelines for GPAI providers. https://digital-strategy.ec.europa.eu/en/library/gpai-guidelines
"""


def test_sections_kinds_and_sources() -> None:
    r = parse_report(TEXT, "weekly.md")
    assert (r.date, r.language) == (dt.date(2026, 5, 3), "zh-Hant")
    kinds = [(s.heading, s.kind) for s in r.sections]
    assert kinds[1:] == [
        ("本週重點", "event"),
        ("2. 歐盟公布《人工智慧法》實施細則", "event"),
        ("為什麼重要", "summary"),
        ("參考資料", "references"),
    ]
    eu = r.sections[2]
    assert [(s.url, s.ref_number) for s in eu.sources] == [
        ("https://digital-strategy.ec.europa.eu/en/library/gpai-guidelines", 1)
    ]


def test_figures_in_full_width_and_traditional_characters() -> None:
    claims = extract_claims(parse_report(TEXT, "weekly.md"))
    got = {
        (c.key_text, c.kind, c.values[0].value, c.values[0].unit, c.values[0].qualifier)
        for c in claims
        if c.kind != "fact"
    }
    assert {
        ("４４０億美元", "money", 44e9, "USD", "="),
        ("６９％", "percent", 69.0, "percent", "="),
        ("４５０億美元", "money", 45e9, "USD", "~"),
        ("九成", "percent", 90.0, "percent", "~"),
        ("100 萬", "count", 1e6, None, ">="),
        ("5 月 1 日", "date", "2026-05-01", "date", "="),
        ("2026 年 8 月 2 日", "date", "2026-08-02", "date", "="),
        ("3,500 萬歐元", "money", 35e6, "EUR", "="),
        ("第一季度", "date", "2026-Q1", "date", "="),
    } <= got
    assert not any(c.kind == "date" and c.values[0].value == "2026-05-03" for c in claims)  # the dateline
    assert not any(c.checkworthy for c in claims if c.section_order == 3)  # 為什麼重要 is analysis
    assert {"NVIDIA", "Blackwell"} <= {c.key_text for c in claims if c.kind == "fact"}
