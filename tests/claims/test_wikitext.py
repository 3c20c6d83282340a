"""A wiki article's source read as the page it renders (claims/wikitext.py), its sections and footnotes
(claims/report.py, claims/citations.py). The article is our own."""

from __future__ import annotations

import time

from claims.citations import named_ref_uses, named_refs
from claims.report import parse_report
from claims.wikitext import is_wikitext, wikitext_view

ARTICLE = """{{Infobox company
| name          = 霁川智能
| founded       = {{Start date and age|2021|9|6}}
| num_employees = 约420人（2026年）<ref name="lt" />
| website       = {{URL|www.jichuan.example}}
}}
'''霁川智能'''（{{lang-en|Jichuan AI}}）是一家总部位于[[杭州市|杭州]]的[[人工智能]]公司。截至2026年11月，公司累计融资超过20亿元。{{来源请求|time=2026-12-01T08:00:00+00:00}}

== 历史 ==
=== 融资 ===
公司B轮融资由栖霞资本领投，投后估值约95亿元。<ref name="lt">{{cite web |url=https://www.latepost.example/news/1234 |title=霁川智能完成12亿元B轮融资 |publisher=晚点 |date=2026-11-20}}</ref>此前A轮估值为30亿元。<ref name="lt" />

{| class="wikitable"
|+ 历轮融资<ref name="lt" />
|-
! 轮次 !! 时间 !! 金额
|-
| A轮 || 2023年5月 || 4亿元
|-
| B轮 || 2026年11月 || 12亿元<ref>[https://www.example.cn/b-round 霁川B轮]</ref>
|}

== 产品 ==
2026年10月，公司发布'''霁川-3'''模型，上下文窗口达到256K。<ref>{{cite web |url=https://www.example.com/jichuan-3 |title=Jichuan-3 launch, 2 trillion tokens |date=2026-10-14}}</ref>
"""


def test_a_wiki_article_reads_as_its_page() -> None:
    assert is_wikitext(ARTICLE) and not is_wikitext("== Notes ==\nplain text with a {brace}\n")
    view = wikitext_view(ARTICLE)
    assert len(view) == len(ARTICLE)
    # a link's label, a template's printed words, the infobox's lines and a start date stay
    assert "杭州" in view and "杭州市" not in view and "人工智能" in view and "Jichuan AI" in view
    assert "| num_employees = 约420人（2026年）" in view and "2021年9月6日" in view
    # markup, maintenance templates and a footnote's title and dates do not: only its address stays
    for gone in ("'''", "[[", "{{", "来源请求", "2026-12-01T08", "霁川智能完成12亿元", "2026-11-20", "2 trillion", "<ref", "www.jichuan.example"):
        assert gone not in view, gone
    assert "https://www.latepost.example/news/1234" in view and "https://www.example.cn/b-round" in view
    # a table's rows are lines of cells, its caption words
    assert "| A轮  | 2023年5月  | 4亿元" in view and "历轮融资" in view
    # (its header row heads its columns as a "||Header||" row does; a row mark stays, so the table stays one)
    assert "||轮次 || 时间 || 金额" in view and "\n|-\n| A轮" in view
    assert wikitext_view("plain prose with 12 figures") == "plain prose with 12 figures"


def test_a_named_footnote_cited_again_cites_its_address() -> None:
    notes = named_refs(ARTICLE)
    assert notes["lt"].url == "https://www.latepost.example/news/1234"
    at = ARTICLE.index("此前A轮")
    assert [r.url for r in named_ref_uses(ARTICLE, at, len(ARTICLE), notes)] == ["https://www.latepost.example/news/1234"]


def test_a_wiki_articles_sections_cite_their_footnotes() -> None:
    report = parse_report(ARTICLE, "jichuan.wiki")
    by_heading = {s.heading: s for s in report.sections}
    assert {"== 历史 ==", "=== 融资 ===", "== 产品 =="} <= set(by_heading)
    # (the footnote cited again by name counts once; the table's row footnote is the section's too)
    funding = [r.url for r in by_heading["=== 融资 ==="].sources]
    assert funding == ["https://www.latepost.example/news/1234", "https://www.example.cn/b-round"]
    assert {r.url for r in by_heading["== 产品 =="].sources} == {"https://www.example.com/jichuan-3"}
    # the infobox cites its named footnote; the company's own website is no citation
    lead = report.sections[0]
    assert "https://www.latepost.example/news/1234" in {r.url for r in lead.sources}
    assert not any("jichuan.example" in (r.raw or "") for r in lead.sources)


def test_deep_or_unclosed_markup_costs_no_rescan() -> None:
    """Templates nested thousands deep, or thousands of unclosed footnotes, are read in a few passes."""
    for text in ("<ref>x</ref>" + "{{" * 3000 + "a" + "}}" * 3000, "<ref>x</ref>" + "<ref>" * 5000):
        started = time.perf_counter()
        assert len(wikitext_view(text)) == len(text)
        assert time.perf_counter() - started < 1.0
