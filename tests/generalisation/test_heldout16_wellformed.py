"""Well-formedness of the heldout16 held-out set (tests/fixtures/heldout16/), checked without the engine.

The set was written blind to the engine and is held out: whoever tunes the engine may look at its totals
only. ``WellFormed`` checks its labels against its reports and its archive (one dead URL, one soft 404,
one paywall stub); the tests here check the shapes of its two reports (a 飞书 cloud document exported as
markdown and a 中英对照 plain-text newsletter) and that the pages carry the formats the labels rely on.
"""

from __future__ import annotations

import re

from tests.generalisation.labelled_set import LabelledSet, WellFormed, live_page_texts

URL = re.compile(r"https?://[^\s)\]>」]+")
DOC = "l1_feishu_doc.md"
BRIEF = "z1_bilingual_brief.txt"
RULE = "-" * 50

HELDOUT16 = LabelledSet(
    "heldout16",
    by_report={
        DOC: {"verified": 17, "contradicted": 13, "unverified": 7},
        BRIEF: {"verified": 13, "contradicted": 11, "unverified": 9},
    },
    verdicts={"verified": 30, "contradicted": 24, "unverified": 16},
    kinds={"money": 24, "percent": 14, "date": 12, "count": 9, "fact": 9, "version": 2},
    live=10,
    url=URL,
    empty_pages={
        "https://finance.sina.com.cn/tech/2026-11-27/doc-inhxkvqa5128734.shtml": "您访问的页面不存在或已被删除",
        "https://www.bloomberg.com/news/articles/2026-11-26/halden-semiconductor-weighs-sale-of-test-equipment-unit": (
            "Subscribe now to continue reading"
        ),
    },
)

CJK = re.compile(r"[\u4e00-\u9fff]")


class TestHeldout16WellFormed(WellFormed):
    SET = HELDOUT16

    def test_the_feishu_doc_has_its_export_shape(self, reports: dict[str, str]) -> None:
        doc = reports[DOC]
        lines = doc.splitlines()
        assert lines[0].startswith("# ") and lines[0].count("#") == 1  # one title
        assert len(set(re.findall(r"@[\u4e00-\u9fff]{2,3}", doc))) >= 3  # @mentions of colleagues
        sections = re.findall(r"^## ([一二三四五六七八九十])、", doc, flags=re.M)
        assert sections == list("一二三四五六七")  # numbered sections 一、二、三 …
        # 高亮块 callouts rendered as quoted blocks opening with an emoji
        callouts = [line for line in lines if line.startswith("> ") and not line.startswith("> 参考：")]
        assert len(callouts) >= 4 and all(
            not line[2].isascii() and not CJK.match(line[2]) for line in callouts
        )
        # a 多维表格 pasted as a markdown table, its units in the header only
        header = next(line for line in lines if line.startswith("| 公司 |"))
        assert "营收（亿元）" in header and "归母净利润（亿元）" in header
        rows = [line for line in lines if line.startswith("| ") and not line.startswith(("| 公司", "| ---"))]
        assert len(rows) == 4 and not any("亿" in row or "万" in row for row in rows)
        # every paragraph of sections 一–六 is followed (after a blank line) by its own 参考： line of links,
        # the table by one 参考： line with two links, each callout with a figure by a 参考： line inside it
        body = doc[doc.index("## 一、") : doc.index("## 七、")]
        blocks = [b.strip() for b in re.split(r"\n\s*\n", body) if b.strip()]
        paragraphs = [i for i, b in enumerate(blocks) if CJK.match(b) and not b.startswith("参考：")]
        assert len(paragraphs) == 9
        for i in paragraphs:
            assert blocks[i + 1].startswith("参考：["), blocks[i][:40]
        table = next(i for i, b in enumerate(blocks) if b.startswith("| 公司 |"))
        assert blocks[table + 1].count("](https://") == 2
        refs = [line for line in lines if line.startswith(("参考：", "> 参考："))]
        assert len(refs) == 11 and all(
            re.fullmatch(r"(> )?参考：(\[[^\]]+\]\(https://[^)\s]+\)、?)+", r) for r in refs
        )
        # the 待确认 list cites nothing
        todo = doc.split("## 七、待确认", 1)[1]
        assert not URL.search(todo) and len(re.findall(r"^- \[ \] ", todo, flags=re.M)) == 4

    def test_the_bilingual_brief_pairs_english_and_chinese(self, reports: dict[str, str]) -> None:
        brief = reports[BRIEF]
        assert "#" not in brief and "](" not in brief and "**" not in brief  # plain text, no markdown
        body = brief.split("=" * 50 + "\n", 1)[1].rsplit("\n" + "=" * 50 + "\n", 1)
        items, closing = body[0].split(f"\n{RULE}\n"), body[1].strip()
        assert len(items) == 8
        for item in items:
            blocks = [b for b in item.strip("\n").split("\n\n") if b.strip()]
            # a bilingual headline, an English paragraph, its Chinese translation, one Link / 链接 line
            assert len(blocks) == 4, item
            title, english, chinese, link = blocks
            assert re.match(r"\d\. .+ / .+", title) and CJK.search(title)
            assert not CJK.search(english) and len(CJK.findall(chinese)) > 20
            assert re.fullmatch(r"Link / 链接: https://\S+", link)
            assert len(URL.findall(item)) == 1
        # the closing editor's note (English, then Chinese) cites nothing
        assert closing.startswith("Editor's note:") and "编者按：" in closing and not URL.search(closing)

    def test_labels_quote_both_languages_of_the_brief(self, labels: list[dict]) -> None:
        quotes = [i["quote"] for i in labels if i["report"] == BRIEF]
        assert sum(bool(CJK.search(q)) for q in quotes) >= 10
        assert sum(not CJK.search(q) for q in quotes) >= 10

    def test_pages_carry_the_formats_the_labels_rely_on(self, manifest: dict[str, dict]) -> None:
        texts = live_page_texts(manifest, self.SET.sources)
        joined = "\n".join(texts.values())
        assert "单位：万元 币种：人民币" in joined  # the quarterly table's unit is its caption, not the cells
        assert "拟支持金额（万元）" in joined  # a table whose unit is in the header
        assert "Input (USD per 1M tokens)" in joined  # a price table whose unit is in the header
        assert "【更正】" in joined and "12000P" in joined  # a correction note revising a figure
        assert (
            "the three partners Nordvik Grid, Caldera Fiber and Ostrava Compute" in joined
        )  # a complete list
        assert sum(len(CJK.findall(t)) > 300 for t in texts.values()) >= 3  # at least three Chinese pages
