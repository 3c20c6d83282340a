"""Well-formedness of the tune19 development set (tests/fixtures/tune19/), checked without the engine.

The set was written blind to the engine. ``WellFormed`` checks its labels against its reports and its
archive (one dead URL, one soft 404, one paywall stub); the tests here check the shapes of its two reports
(a Xiaohongshu note copied from the app as Simplified-Chinese text, an English AsciiDoc "market notes" memo)
and that the pages carry the formats the labels rely on.
"""

from __future__ import annotations

import re

from tests.generalisation.labelled_set import LabelledSet, WellFormed, live_page_texts, page_languages

URL = re.compile(r"https?://[^\s\[\]]+")
KEYCAP = re.compile(r"([1-9])\ufe0f\u20e3 \S")  # 1️⃣ … 9️⃣ opening a numbered point
LINK_LINE = re.compile(r"🔗原文：https://\S+")
SUB_LINE = ("✅ ", "📈 ", "💰 ")
HASHTAG = re.compile(r"#[^#\s]+#")
MACRO = re.compile(r"(link:)?(https://[^\s\[\]]+)\[([^\[\]]+)\]")  # link:https://…[label] or https://…[label]
AUTHOR = re.compile(r"[A-Z][\w'-]+(?: [A-Z][\w'-]+)+ <[^@\s<>]+@[^@\s<>]+>")

SOFT_404 = "https://www.thepaper.cn/newsDetail_forward_31472586"
PAYWALL = "https://www.bloomberg.com/news/articles/2026-11-26/kestrel-compute-in-talks-for-debt-to-fund-ohio-ai-campus"
DEAD = "https://www.kestrelcompute.com/newsroom/kestrel-signs-ridgeway-ppa"

TUNE19 = LabelledSet(
    "tune19",
    by_report={
        "x1_xiaohongshu_sc.txt": {"verified": 17, "contradicted": 13, "unverified": 9},
        "x2_asciidoc_en.txt": {"verified": 16, "contradicted": 12, "unverified": 8},
    },
    verdicts={"verified": 33, "contradicted": 25, "unverified": 17},
    kinds={"money": 23, "fact": 13, "percent": 12, "date": 12, "count": 12, "version": 3},
    live=11,
    url=URL,
    empty_pages={
        SOFT_404: "抱歉，您访问的页面不存在或已被删除",  # soft 404 answering 200
        PAYWALL: "Subscribe now to continue reading",  # paywall stub
    },
)


def _points(note: str) -> list[list[str]]:
    """The numbered points of the note: each its keycap line and the lines under it, up to the 💡 paragraph."""
    body = note.split("\n💡 我的看法：", 1)[0]
    start = next(m.start() for m in re.finditer(r"(?m)^[1-9]\ufe0f\u20e3 ", body))
    return [block.splitlines() for block in body[start:].strip("\n").split("\n\n")]


def _sections(memo: str) -> dict[str, str]:
    """The memo's ``== `` sections by title, each up to the next ``== `` heading."""
    parts = re.split(r"(?m)^== (.+)$", memo)
    return {parts[i].strip(): parts[i + 1] for i in range(1, len(parts), 2)}


class TestTune19WellFormed(WellFormed):
    SET = TUNE19

    def test_the_note_is_a_title_a_hook_numbered_points_with_their_links_a_view_and_hashtags(
        self, reports: dict[str, str]
    ) -> None:
        note = reports["x1_xiaohongshu_sc.txt"]
        # plain text copied from the app: no markdown, no html, no link labels
        assert (
            "](" not in note and "**" not in note and "<" not in note and not re.search(r"(?m)^#{1,6} ", note)
        )
        lines = note.splitlines()
        title, hook = lines[0], lines[2]
        assert title.startswith("🔥") and "｜" in title and not URL.search(title)
        assert lines[1] == "" and hook and not URL.search(hook) and lines[3] == ""
        assert KEYCAP.match(lines[4])
        points = _points(note)
        assert len(points) == 8
        assert [int(KEYCAP.match(p[0]).group(1)) for p in points] == list(range(1, 9))  # type: ignore[union-attr]
        for point in points:
            head, rest = point[0], point[1:]
            assert not URL.search(head) and "🔗" not in head, point
            subs = [line for line in rest if not line.startswith("🔗")]
            links = [line for line in rest if line.startswith("🔗")]
            # sub-lines opening on ✅ / 📈 / 💰, then the point's own 🔗原文 line(s), nothing after them
            assert 1 <= len(subs) <= 4 and rest == subs + links, point
            assert all(line.startswith(SUB_LINE) for line in subs), point
            assert not any(URL.search(line) for line in subs), point
            assert links and all(LINK_LINE.fullmatch(line) for line in links), point
        assert (
            sum(len([x for x in p if x.startswith("🔗")]) == 2 for p in points) == 1
        )  # one point, two links
        # every URL of the note sits on a 🔗原文 line of a point
        linked = {URL.search(line).group() for p in points for line in p if line.startswith("🔗")}  # type: ignore[union-attr]
        assert set(URL.findall(note)) == linked and len(linked) == 9
        # the closing 💡 我的看法 paragraph cites nothing; then a hashtag line and a 点赞/收藏 call
        assert note.count("💡 我的看法：") == 1
        tail = [line for line in note.split("\n💡 我的看法：", 1)[1].splitlines() if line]
        view, hashtags, call = tail[0], tail[1], tail[2]
        assert len(tail) == 3 and not URL.search(view) and re.search(r"\d", view)
        tags = hashtags.split()
        assert len(tags) >= 3 and all(HASHTAG.fullmatch(t) for t in tags) and "#AI芯片#" in tags
        assert "点赞" in call and "收藏" in call and not URL.search(call)
        # the number and date forms the labels rely on
        for form in ("亿元", "万元", "亿美元", "同比", "环比", "2026年11月25日", "11.24", "11.19"):
            assert form in note, form

    def test_the_memo_is_asciidoc_with_links_in_macros_admonitions_a_footnote_and_a_captioned_table(
        self, reports: dict[str, str]
    ) -> None:
        memo = reports["x2_asciidoc_en.txt"]
        assert (
            "](" not in memo and "**" not in memo and not re.search(r"(?m)^#", memo)
        )  # AsciiDoc, not markdown
        lines = memo.splitlines()
        # document header: = Title, author line, attribute entries, then a blank line
        assert lines[0].startswith("= ") and not lines[0].startswith("==")
        assert AUTHOR.fullmatch(lines[1]), lines[1]
        header = lines[2 : lines.index("")]
        assert header and all(re.fullmatch(r":[\w-]+:( .*)?", line) for line in header)
        assert ":revdate: 2026-11-28" in header and ":toc:" in header
        # sections: == headings, the last one the Outlook, which cites nothing
        sections = _sections(memo)
        titles = list(sections)
        assert len(titles) >= 4 and titles[-1] == "Outlook"
        assert sum(line.startswith("= ") for line in lines) == 1
        assert not URL.search(sections["Outlook"]) and re.search(r"\d", sections["Outlook"])
        # every URL is written as a macro with a label, both as link:https://…[label] and bare https://…[label]
        found = MACRO.findall(memo)
        assert sorted(URL.findall(memo)) == sorted(url for _, url, _ in found)
        assert any(prefix for prefix, _, _ in found) and any(not prefix for prefix, _, _ in found)
        # one footnote:[…] macro holding a source link
        notes = re.findall(r"footnote:\[([^\n]*?https://[^\s\[\]]+\[[^\[\]]+\])\]", memo)
        assert len(notes) == 1 and memo.count("footnote:[") == 1
        # NOTE: / TIP: / WARNING: admonition paragraphs, each one line holding figures and its own link
        for label in ("NOTE: ", "TIP: ", "WARNING: "):
            body = [line for line in lines if line.startswith(label)]
            assert len(body) == 1, label
            assert MACRO.search(body[0]) and re.search(r"\d", MACRO.sub("", body[0])), label
        # a table between |=== lines, its unit in the .Title caption above it, one link per row
        caption = lines.index(".Revenue (USD millions)")
        assert lines[caption + 1].startswith('[cols="') and lines[caption + 2] == "|==="
        end = lines.index("|===", caption + 3)
        head, rows = lines[caption + 3], [line for line in lines[caption + 4 : end] if line]
        cells = [c.strip() for c in head[1:].split("|")]
        assert cells == ["Company", "Period", "Revenue", "Source"]
        assert len(rows) == 3
        for row in rows:
            row_cells = [c.strip() for c in row[1:].split("|")]
            assert row.startswith("|") and len(row_cells) == len(cells), row
            assert re.fullmatch(r"\d+(\.\d+)?", row_cells[2]), row  # no unit of its own: it is in the caption
            assert MACRO.fullmatch(row_cells[3]) and len(MACRO.findall(row)) == 1, row
        # every bullet outside the Outlook carries a link of its own
        bullets = [line for line in lines if line.startswith("* ")]
        assert len(bullets) >= 8 and all(MACRO.search(line) for line in bullets)

    def test_pages_carry_the_formats_the_labels_rely_on(self, manifest: dict[str, dict]) -> None:
        texts = live_page_texts(manifest, self.SET.sources)
        joined = "\n".join(texts.values())
        assert "（单位：亿元）" in joined and "收入 186.42 131.05 42.25%" in joined  # unit in a caption
        assert "Correction, Nov. 24, 2026" in joined and "The agreement covers 1.4 GW, not 1.2 GW." in joined
        assert "three cloud partners: Stratus Cloud, Kestrel Compute and Northwind Data" in joined  # a list
        assert "Halden Cloud will add the model in early 2027 and is not a launch partner" in joined
        assert "首批接入市算力调度平台的智算中心共三家，分别为" in joined  # a complete list in Chinese
        assert (
            "AI服务器业务收入121.6亿元" in joined and "通用服务器收入48.3亿元" in joined
        )  # two subjects side by side
        assert "Total revenue 2,418 2,239 1,904" in joined  # an English table in millions
        # about half the captured pages are in Chinese, one of them in Traditional characters
        sources = self.SET.sources
        langs = page_languages(manifest, sources)
        assert sum(lang.startswith("zh") for lang in langs.values()) == 6
        assert list(langs.values()).count("zh-Hant-TW") == 1
        # the dead URL has no capture; the soft 404 and the paywall say nothing of the claims resting on them
        assert manifest[DEAD]["status"] == 404 and "file" not in manifest[DEAD]
        assert "30亿港元" not in texts[SOFT_404] and "知微" not in texts[SOFT_404]
        assert "$7 billion" not in texts[PAYWALL] and "dozen" not in texts[PAYWALL]
