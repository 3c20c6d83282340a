"""No noise claims: list ordinals, heading numbers, arXiv ids, URLs, footnote markers, metadata lines."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from claims.extract import extract_claims
from claims.report import parse_report
from tests.conftest import REPORTS_DIR

REPORTS = sorted(REPORTS_DIR.glob("*.txt"))

# Each pattern marks text (group 1, or the whole match) that must never overlap a claim's key span.
NOISE = {
    "url": re.compile(r"(?:https?|ps)://[^\s)>\]]+|<[^<>\s]*://[^<>]*>|\]\([^)]*\)"),
    "list ordinal": re.compile(r"^[ \t]*(?:#{1,6}[ \t]*)?(?:[-*+][ \t]*)?(\d{1,2})(?:[.、)]|[ \t])", re.M),
    "arxiv id": re.compile(r"(?<![\d.])\d{4}\.\d{4,5}(?![\d.])"),
    "footnote": re.compile(r"\[\d{1,3}\](?!\()"),
    "metadata line": re.compile(r"^(?:日期|覆盖窗口|类型)\s*[：:].*$", re.M),
    "source line": re.compile(r"^(?:可信来源|来源)\s*[：:].*$", re.M),
    "front matter": re.compile(r"\A---\n.*?\n---\n", re.S),
}


def _noise_spans(text: str) -> list[tuple[str, int, int]]:
    spans = []
    for name, pattern in NOISE.items():
        for m in pattern.finditer(text):
            group = 1 if pattern.groups else 0
            spans.append((name, m.start(group), m.end(group)))
    return spans


def _violations(text: str, name: str) -> list[str]:
    claims = extract_claims(parse_report(text, name))
    bad = []
    for label, start, end in _noise_spans(text):
        for c in claims:
            if c.start < end and start < c.end:
                bad.append(f"{label}: claim {c.key_text!r} ({c.kind}) in {text[start:end][:60]!r}")
    return bad


@pytest.mark.parametrize("path", REPORTS, ids=[p.name for p in REPORTS])
def test_no_noise_claims_in_seed_reports(path: Path) -> None:
    assert _violations(path.read_text(encoding="utf-8"), path.name) == []


def test_no_noise_claims_in_a_crafted_report() -> None:
    text = (
        "# 日报 | 2026-04-15\n\n日期：2026-04-15\n\n## 今日 Top 5 大事件\n\n"
        "1. OpenAI 发布新模型\n\n"
        "## 今日 Top 5 大事件\n\n"
        "发生了什么：论文 arXiv:2604.07355 与 2603.26983 显示准确率为 83.1% [4]，详见 "
        "https://example.com/a/2026/04/123 和 [报告](https://example.org/r/99)。\n\n"
        "2. 第二条\n\n类型：已验证事实\n\n来源：Example (<https://example.com/x/2026>)\n"
    )
    assert _violations(text, "crafted.txt") == []
    kinds = {c.key_text: c.kind for c in extract_claims(parse_report(text, "crafted.txt"))}
    assert kinds.get("83.1%") == "percent"
    assert "5" not in kinds and "Top 5" not in kinds


def test_metadata_lines_give_no_claims() -> None:
    text = (
        "# 周报\n\n作者：张三\n\n发布时间：2026-04-15 10:30\n\n阅读时间：5 分钟\n\n字数：3000\n\n"
        "## 1. 事件\n\nOpenAI 估值 8520 亿美元。\n"
    )
    claims = extract_claims(parse_report(text, "meta.txt"))
    assert [c.key_text for c in claims if c.kind != "fact"] == ["8520 亿美元"]
    assert all(c.start > text.index("## 1.") for c in claims)


def test_a_research_notes_byline_gives_no_claims() -> None:
    """"分析师：苗若岚　执业证书编号：S0860521070003": who wrote the item and their licence, not a claim."""
    text = (
        "## 1. 霁川智能完成B轮融资\n\n分析师：苗若岚　执业证书编号：S0860521070003\n\n"
        "（1）霁川智能完成18亿元B轮融资。\n资料来源：36氪，https://36kr.com/p/1\n"
    )
    claims = extract_claims(parse_report(text, "jiyao.txt"))
    assert not [c.key_text for c in claims if text.index("分析师") <= c.start < text.index("（1）")]
    assert "18亿元" in {c.key_text for c in claims}


def test_contact_and_disclaimer_blocks_give_no_claims() -> None:
    text = "## 1. 事件\n\nOpenAI 估值 8520 亿美元。\n\n联系我们，请扫描二维码\n\n新质生产力工作委员会，服务 300 家企业。\n"
    claims = extract_claims(parse_report(text, "footer.txt"))
    assert all(c.end <= text.index("联系我们") for c in claims)


def test_a_second_source_line_under_a_source_label_is_not_a_claim() -> None:
    from claims.extract import extract_claims
    from claims.report import parse_report

    text = (
        "## 1. Anthropic 发布 Project Glasswing\n\n"
        "Anthropic 在 2026-04-07 公布 Project Glasswing。\n\n"
        "可信来源：Anthropic | Project Glasswing (<https://www.anthropic.com/news/project-glasswing>)  \n"
        "Anthropic Frontier Red Team | Assessing Claude's security capabilities (<https://red.anthropic.com/>)\n"
    )
    claims = extract_claims(parse_report(text, "r.md"))
    assert claims, "the event sentence still yields claims"
    assert not [c for c in claims if "Red Team" in c.key_text or "Assessing" in c.key_text]


def test_a_bullet_with_its_own_figure_under_a_source_property_is_a_claim() -> None:
    text = (
        "# Weekly log\n\n"
        "- [[Brisk Memory]]\n"
        "  - Non-GAAP gross margin 47.2%\n"
        "    source:: https://www.example.com/brisk-q1-results\n"
        "  - Q2 guide $5.1–5.5 billion; capex about $9 billion [Example Wire](https://www.example.com/brisk-q1-results)\n"
        "可信来源：Example Wire (<https://www.example.com/a>)\n"
        "Example Daily | Title (<https://www.example.com/b>)\n"
    )
    keys = [c.key_text for c in extract_claims(parse_report(text, "log.md"))]
    assert "47.2%" in keys and "$9 billion" in keys and any(k.startswith("$5.1") for k in keys)
    assert not any("Title" in k or "Example Daily" in k for k in keys)  # a source list's second line claims nothing
