"""Pure pieces of the desk pages: the inline diff and the markdown report with claim marks."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine

from storage.db import session_scope
from storage.models import Claim
from tests.api.factories import Seed
from verifier.api.mdreport import Mark, render_marked
from verifier.api.textdiff import diff_stats, inline_diff


def test_inline_diff_is_word_level_for_english_and_character_level_for_chinese() -> None:
    pieces = inline_diff("OpenAI raised $4 million in March.", "OpenAI raised $6 million in April.")
    assert "".join(p.text for p in pieces if p.op != "del") == "OpenAI raised $6 million in April."
    assert "".join(p.text for p in pieces if p.op != "ins") == "OpenAI raised $4 million in March."
    changed = [(p.op, p.text, p.figure) for p in pieces if p.op != "same"]
    assert ("del", "4", True) in changed and ("ins", "6", True) in changed
    assert ("del", "March", False) in changed  # whole words, not letters
    zh = inline_diff("谷歌发布 Gemma 4，支持 140 种语言。", "谷歌发布 Gemma 4，支持 150 种方言。")
    assert [(p.op, p.text) for p in zh if p.op != "same"] == [("del", "140"), ("ins", "150"), ("del", "语"),
                                                            ("ins", "方")]
    assert diff_stats(zh) == {"deleted": 2, "inserted": 2, "figures": 2}
    assert inline_diff("same", "same") == [type(zh[0])("same", "same")]


def test_markdown_report_renders_headings_lists_links_and_keeps_marks_balanced() -> None:
    text = "# 标题\n\n## 一、融资\n\n- OpenAI 完成 4 亿美元融资。\n- 来源：[原文](https://example.com/a)\n\n<script>x</script>\n"
    a = text.index("4 亿美元")
    link = text.index("[原文]")
    html = render_marked(text, [Mark(a, a + 5, 7, "contradicted", "c"), Mark(link, link + 4, 8, "verified")])
    assert "<h1>标题</h1>" in html and "<h2>一、融资</h2>" in html and "<li>" in html
    assert '<a class="claim st-contradicted" id="claim-7"' in html and ">4 亿美元</a>" in html
    assert 'href="https://example.com/a"' in html and "<script>" not in html  # raw HTML escaped
    assert '<mark class="claim st-verified" id="claim-8"' in html  # a claim inside a link: no nested link
    assert "\ue000" not in html and "\ue002" not in html
    # every opened tag is closed in order
    stack: list[str] = []
    for m in re.finditer(r"<(/?)(a|mark|li|ul|p|h1|h2|strong)\b", html):
        if m.group(1):
            assert stack and stack.pop() == m.group(2), html
        else:
            stack.append(m.group(2))
    assert stack == []


def test_a_mark_at_a_list_item_start_keeps_the_list() -> None:
    text = "1. 第一项 5 个\n2. 第二项\n"
    html = render_marked(text, [Mark(0, text.index("\n"), 1, "unverified")])
    assert "<ol>" in html and '<li><a class="claim st-unverified" id="claim-1"' in html


def test_report_page_marks_exactly_the_claims_the_bar_counts(client: TestClient, seed: Seed, engine: Engine) -> None:
    with session_scope(engine) as s:  # an opinion fragment: not checkworthy, so never coloured
        c = s.get(Claim, seed.claims["langs"])
        assert c is not None
        c.checkworthy = False
        s.add(c)
    html = client.get(f"/reports/{seed.reports['a']}").text
    marked = set(re.findall(r'class="claim st-\w+" id="claim-(\d+)"', html))
    bar = sum(int(n) for n in re.findall(r'title="(\d+) (?:verified|unverified|contradicted)"', html))
    assert len(marked) == bar == 3 and str(seed.claims["langs"]) not in marked
    assert html.index('id="contradictions"') < html.index('id="source-health"') < html.index('id="report-text"')
    assert 'id="next-contradiction"' in html
    only = client.get(f"/reports/{seed.reports['a']}", params={"show": "contradicted"}).text
    assert set(re.findall(r'class="claim st-(\w+)" id="claim-', only)) == {"contradicted"}


def test_report_markdown_is_parsed_once_and_verdicts_still_show() -> None:
    """The layout (markdown HTML, walked tag by tag) is kept per (text, mark positions); a changed verdict still shows at once,
    since statuses are applied after the parse, and other marks are a new parse."""
    from verifier.api import mdreport

    text = "## 融资\n\n- OpenAI 完成 4 亿美元融资 ([链接](https://example.com/a))\n- 估值约 900 亿美元\n"
    start = text.index("4 亿")
    first = [Mark(start, start + 4, 7, "verified", "verified")]
    mdreport._memo_layout.cache_clear()
    a = render_marked(text, first)
    b = render_marked(text, [Mark(start, start + 4, 7, "contradicted", "contradicted")])
    assert mdreport._memo_layout.cache_info().hits == 1
    assert 'class="claim st-verified"' in a and 'class="claim st-contradicted"' in b
    assert a.replace("verified", "X") == b.replace("contradicted", "X")  # only the verdict differs
    other = text.index("900")
    c = render_marked(text, [Mark(other, other + 3, 8, "unverified", "")])
    assert mdreport._memo_layout.cache_info().misses == 2 and 'data-claim-id="8"' in c
