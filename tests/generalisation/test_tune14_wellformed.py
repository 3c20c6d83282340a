"""Well-formedness of the tune14 development set (tests/fixtures/tune14/), checked without the engine.

The set was written blind to the engine. ``WellFormed`` checks its labels against its reports and its
archive (one dead URL, one soft 404, one paywall stub); the tests here check the shapes of its two reports
(a WeChat 公众号 article copied as text, a Google Doc downloaded as .txt) and that the pages carry the formats
the labels rely on.
"""

from __future__ import annotations

import re

from tests.generalisation.labelled_set import LabelledSet, WellFormed, live_page_texts

URL = re.compile(r"https?://[^\s)\]>〉」]+")
SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹"
WECHAT = "u1_wechat_sc.txt"
GDOC = "u2_gdoc_en.txt"

TUNE14 = LabelledSet(
    "tune14",
    by_report={
        WECHAT: {"verified": 15, "contradicted": 13, "unverified": 10},
        GDOC: {"verified": 14, "contradicted": 13, "unverified": 9},
    },
    verdicts={"verified": 29, "contradicted": 26, "unverified": 19},
    kinds={"money": 18, "count": 17, "percent": 16, "fact": 12, "date": 9, "version": 2},
    live=10,
    url=URL,
    empty_pages={
        "https://www.datacenterdynamics.com/en/news/tallis-cloud-signs-norway-hydro-ppa/": "Page not found",  # soft 404
        "https://www.caixin.com/2026-11-27/102391846.html": "本文为财新网付费内容",  # paywall stub
    },
)


def _references(article: str) -> dict[int, str]:
    """The 参考资料 list: ``[n] title`` lines, each followed by its URL line."""
    block = article.split("\n参考资料：\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert len(block) % 2 == 0, block
    refs: dict[int, str] = {}
    for title, url in zip(block[::2], block[1::2], strict=True):
        m = re.fullmatch(r"\[(\d+)\] \S.*", title)
        assert m and re.fullmatch(r"https://\S+", url), (title, url)
        refs[int(m.group(1))] = url
    return refs


class TestTune14WellFormed(WellFormed):
    SET = TUNE14

    def test_the_article_is_a_wechat_copy_with_a_reference_list(self, reports: dict[str, str]) -> None:
        article = reports[WECHAT]
        assert "#" not in article and "**" not in article and "](" not in article  # plain text, no markdown
        lines = article.splitlines()
        # title, 原创 line, account name, 发表于 date and city, the follow prompt
        assert lines[1].startswith("原创 ") and lines[2] == "算力前哨"
        assert re.fullmatch(r"2026年11月30日 \d\d:\d\d 发表于\S+", lines[3])
        assert lines[4] == "点击上方蓝字关注我们"
        assert article.count("[图片]") >= 5
        headings = [line for line in lines if line.startswith("▌")]
        assert len(headings) == 5 and headings[-1].endswith("写在最后")
        # inline markers [n] and superscripts; each resolves in the 参考资料 list (title line + URL line)
        refs = _references(article)
        assert sorted(refs) == list(range(1, 9))
        body = article.split("\n参考资料：\n", 1)[0]
        bracketed = {int(n) for n in re.findall(r"\[(\d+)\]", body)}
        raised = {SUPERSCRIPT.index(c) for c in body if c in SUPERSCRIPT}
        assert bracketed | raised == set(refs) and raised == {8}
        assert not URL.search(body)  # the body cites only through markers
        # the lead paragraph and the closing 写在最后 cite nothing
        lead = body.split("[图片]", 1)[1].split("▌", 1)[0]
        closing = body.split("写在最后", 1)[1]
        assert "41亿元" in lead and not re.search(r"\[\d+\]", lead + closing)
        # after the list: the 阅读原文 link line, 往期推荐 (no citations) and the 点赞/在看 chrome
        tail = article.split("\n参考资料：\n", 1)[1]
        assert re.search(r"^阅读原文：https://\S+$", tail, re.M)
        recommended = tail.split("往期推荐\n", 1)[1].split("点个", 1)[0]
        assert (
            "[图片]" in recommended and not re.search(r"\[\d+\]", recommended) and not URL.search(recommended)
        )
        assert "在看" in tail and "轻点两下取消赞" in tail and "\u00a0" in article

    def test_the_article_has_one_tab_separated_table_with_its_unit_in_the_caption(
        self, reports: dict[str, str]
    ) -> None:
        article = reports[WECHAT]
        rows = [line.split("\t") for line in article.splitlines() if "\t" in line]
        assert len(rows) == 7 and {len(r) for r in rows} == {5}
        caption = article.split("\n" + "\t".join(rows[0]), 1)[0].splitlines()[-1]
        assert caption.startswith("表1") and "单位：万片" in caption
        below = article.split("\t".join(rows[-1]) + "\n", 1)[1].splitlines()[0]
        assert below.startswith("数据来源：Counterpoint⁸")  # the table rests on this line's marker

    def test_the_doc_is_a_google_docs_text_export(self) -> None:
        raw = (TUNE14.folder / GDOC).read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Google Docs writes
        assert raw.count(b"\r\n") == raw.count(b"\n")  # CRLF line endings throughout
        doc = raw.decode("utf-8-sig").replace("\r\n", "\n")
        assert "#" not in doc and "**" not in doc and "](" not in doc
        lines = doc.splitlines()
        assert lines[1] == "Last updated: Nov 30, 2026"
        bullets = [line for line in lines if line.startswith("* ")]
        nested = [line for line in lines if line.startswith("   ○ ")]
        assert len(bullets) >= 15 and len(nested) >= 10
        assert all(
            line.startswith(("* ", "   ○ "))
            for line in lines
            if line.lstrip().startswith(("*", "○", "-", "•"))
        )
        # comment-style markers [a]… in the text, their list at the very bottom as "[x] https://…"
        body, _, notes = doc.rstrip("\n").rpartition("\n\n\n")
        entries = notes.splitlines()
        assert all(re.fullmatch(r"\[[a-z]\] https://\S+", line) for line in entries)
        letters = [line[1] for line in entries]
        assert letters == sorted(letters) == list("abcdefg")
        assert set(re.findall(r"\[([a-z])\]", body)) == set(letters)
        assert not URL.search(body)
        # nested bullets carry no marker of their own: they rest on their parent's
        assert not any(re.search(r"\[[a-z]\]", line) for line in nested)
        # the TL;DR cites nothing
        tldr = body.split("TL;DR\n", 1)[1].split("\n\n", 1)[0]
        assert tldr.count("* ") == 4 and not re.search(r"\[[a-z]\]", tldr)

    def test_the_doc_has_one_tab_separated_table(self) -> None:
        doc = (TUNE14.folder / GDOC).read_text(encoding="utf-8-sig")
        rows = [line.split("\t") for line in doc.splitlines() if "\t" in line]
        assert len(rows) == 6 and {len(r) for r in rows} == {3}
        caption = doc.split("\n" + "\t".join(rows[0]), 1)[0].splitlines()[-1]
        assert caption.startswith("Table 1:") and "(USD millions)[a]" in caption

    def test_pages_carry_the_formats_the_labels_rely_on(self, manifest: dict[str, dict]) -> None:
        texts = live_page_texts(manifest, self.SET.sources)
        joined = "\n".join(texts.values())
        assert "单位：元 币种：人民币" in joined  # the quarterly report's table is in 元
        assert "（单位：万元）" in joined  # the 算力券 list's unit is in its caption
        assert "(thousand units)" in joined and "(in millions, except per share data)" in joined
        assert "更正说明" in joined and "has been corrected" in joined  # two correction notes
        # a complete list
        assert "The three partners - Tallis Cloud, Meridian Grid and Okafor Capital" in joined
        assert "合资公司由上述三方共同出资设立，目前无其他股东" in joined  # and a Chinese one
        chinese = [t for t in texts.values() if len(re.findall(r"[\u4e00-\u9fff]", t)) > 200]
        assert len(chinese) >= 3
