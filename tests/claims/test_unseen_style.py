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
        ("100 萬顆", "count", 1e6, None, ">="),
        ("5 月 1 日", "date", "2026-05-01", "date", "="),
        ("2026 年 8 月 2 日", "date", "2026-08-02", "date", "="),
        ("3,500 萬歐元", "money", 35e6, "EUR", "="),
        ("第一季度", "date", "2026-Q1", "date", "="),
    } <= got
    assert not any(c.kind == "date" and c.values[0].value == "2026-05-03" for c in claims)  # the dateline
    assert not any(c.checkworthy for c in claims if c.section_order == 3)  # 為什麼重要 is analysis
    assert {"NVIDIA", "Blackwell"} <= {c.key_text for c in claims if c.kind == "fact"}


EN_TEXT = """---
title: "AI Funding Roundup"
date: 2026-03-02
---

## Funding

- **OpenAI** raised $40B at a $300B post-money valuation, led by SoftBank ([Reuters](https://www.reuters.com/tech/openai-40b)).
- **Mistral AI** closed a €1.7 billion Series C; ASML invested €1.3bn for an 11% stake.
- Anthropic's run-rate revenue passed $5 billion in August, up from about $1B in January.

## Models

1. Google released Gemini 2.5 Pro on March 25, 2026, topping LMArena by 40 points.
2. Meta's Llama 4 Maverick has 400B total parameters (17B active) and a 1M-token context window.

## Takeaways

Capital is concentrating in a handful of labs.
"""


def test_an_english_markdown_roundup() -> None:
    r = parse_report(EN_TEXT, "roundup.md")
    assert (r.title, r.date, r.language) == ("AI Funding Roundup", dt.date(2026, 3, 2), "en")
    assert [(s.heading, s.kind) for s in r.sections] == [
        ("Funding", "event"),
        ("Models", "event"),
        ("Takeaways", "summary"),
    ]
    claims = extract_claims(r)
    got = {(c.key_text, c.values[0].value, c.values[0].unit) for c in claims if c.kind != "fact"}
    assert {
        ("$40B", 40e9, "USD"),
        ("$300B", 300e9, "USD"),
        ("€1.7 billion", 1.7e9, "EUR"),
        ("€1.3bn", 1.3e9, "EUR"),
        ("11%", 11.0, "percent"),
        ("August", "2026-08", "date"),
        ("Gemini 2.5 Pro", "Gemini 2.5 Pro", "version"),
        ("March 25, 2026", "2026-03-25", "date"),
        ("400B", 400e9, None),
    } <= got
    facts = {c.key_text for c in claims if c.kind == "fact"}
    assert {"OpenAI", "SoftBank", "Mistral AI", "ASML", "LMArena"} <= facts
    assert all(len(f.split()) <= 3 for f in facts)  # names, not runs of English prose
    assert all(c.checkworthy for c in claims if c.section_order < 2)
