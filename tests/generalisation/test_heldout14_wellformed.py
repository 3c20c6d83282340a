"""Well-formedness of the heldout14 held-out set (tests/fixtures/heldout14/), checked without the engine.

The set was written blind to the engine and is held out: whoever tunes the engine looks only at its totals.
``WellFormed`` checks its labels against its reports and its archive (one dead URL, one soft 404, one paywall
stub); the tests here check the shapes of its two reports (a 小红书 note copied as text, a LinkedIn post copied
as text) and that the pages carry the formats the labels rely on.
"""

from __future__ import annotations

import re

from tests.generalisation.labelled_set import LabelledSet, WellFormed, live_page_texts

# full-width ）and 」 close a citation in the note; lnkd.in short links have no scheme and are not found
URL = re.compile(r"https?://[^\s)\]>〉」）]+")
NOTE = "y1_xiaohongshu_note.txt"
POST = "y2_linkedin_post.txt"
KEYCAPS = ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣"]

HELDOUT14 = LabelledSet(
    "heldout14",
    by_report={
        NOTE: {"verified": 15, "contradicted": 15, "unverified": 8},
        POST: {"verified": 15, "contradicted": 12, "unverified": 9},
    },
    verdicts={"verified": 30, "contradicted": 27, "unverified": 17},
    kinds={"money": 33, "fact": 15, "date": 9, "percent": 8, "count": 8, "version": 1},
    live=10,
    url=URL,
    empty_pages={
        "https://www.yicai.com/news/102938475.html": "您访问的页面不存在",  # soft 404 answering 200
        "https://www.theinformation.com/articles/corvane-weighs-designing-its-own-inference-chip": (
            "This article is for subscribers only"
        ),
    },
)


class TestHeldout14WellFormed(WellFormed):
    SET = HELDOUT14

    def test_the_note_is_a_copied_xiaohongshu_note(self, reports: dict[str, str]) -> None:
        note = reports[NOTE]
        assert "](" not in note and "**" not in note and not re.search(r"^#+ ", note, re.M)  # copied text, no markdown
        lines = note.splitlines()
        assert lines[0].startswith("🔥") and "｜" in lines[0]  # title line with emoji
        assert lines[2] and lines[3] == "关注"  # author line, then the follow button's text
        # eight numbered items, each closed by exactly one source line in one of the two styles
        starts = [i for i, line in enumerate(lines) if line[:3] in KEYCAPS or line[:2] in KEYCAPS]
        assert [lines[i][: len(k)] for i, k in zip(starts, KEYCAPS, strict=True)] == KEYCAPS
        styles = set()
        for i in starts:
            block = lines[i : lines.index("", i)]
            cites = [line for line in block if URL.search(line)]
            assert len(cites) == 1 and cites[0] == block[-1], block
            if re.fullmatch(r"👉原文：https://\S+", cites[0]):
                styles.add("原文")
            else:
                assert re.fullmatch(r"（来源：\S+ https://[^\s）]+）", cites[0]), cites[0]
                styles.add("来源")
            assert all(line[:1] in "✅📍💡" for line in block[1:-1]), block
        assert styles == {"原文", "来源"}
        # the 💬 opinion paragraph cites nothing
        opinion = next(line for line in lines if line.startswith("💬"))
        assert not URL.search(opinion)
        # casual figures as a note writes them
        for casual in ("个亿", "1.3k+", "85w+", "近千万", "翻了3倍"):
            assert casual in note, casual
        # topic tags, the edit line and the counts at the end
        assert len(re.findall(r"#[^#\s\[]+\[话题\]#", note)) >= 5
        tail = [line for line in lines if line][-4:]
        assert tail[0] == "编辑于 11-30 上海"
        assert re.fullmatch(r"赞 [\d.]+万", tail[1]) and re.fullmatch(r"收藏 [\d.]+万", tail[2])
        assert re.fullmatch(r"评论 \d+", tail[3])

    def test_the_post_is_a_copied_linkedin_post(self, reports: dict[str, str]) -> None:
        post = reports[POST]
        assert "](" not in post and "**" not in post  # copied text, no markdown
        lines = post.splitlines()
        assert lines[0] == "Daniel Whitmore" and " | " in lines[1] and lines[2] == "1d • Edited • 🌐"
        body, sources = post.split("\nSources:\n", 1)
        # no full URL in the body; its links are lnkd.in short links, which are no usable citation
        assert not URL.search(body)
        short = re.findall(r"🔗 (lnkd\.in/\w+)", body)
        assert len(short) == 3 and all(not URL.search(s) for s in short)
        assert sum(line.startswith("→ ") for line in lines) >= 20
        # numbered sources, each marked in the body, each marker resolved
        listed = re.findall(r"^\((\d+)\) (https://\S+)$", sources, re.M)
        assert [int(n) for n, _ in listed] == list(range(1, len(listed) + 1)) and len(listed) == 10
        markers = {int(n) for n in re.findall(r"\((\d+)\)", body)}
        assert markers == set(range(1, 11))
        assert any(len(re.findall(r"\(\d+\)", block)) == 2 for block in body.split("\n\n"))  # one block cites two
        # the take cites nothing
        take = body.split("My take:\n", 1)[1]
        assert not re.search(r"\(\d+\)", take) and "lnkd.in" not in take
        # hashtags and the social footer
        tail = [line for line in lines if line][-3:]
        assert tail[0].startswith("#") and all(w.startswith("#") for w in tail[0].split())
        assert tail[1] == "Like · Comment · Repost" and tail[2] == "1,024 reactions · 87 comments"
        for figure in ("$2.1B", "3x+", "40%+"):
            assert figure in body, figure

    def test_pages_carry_the_formats_the_labels_rely_on(self, manifest: dict[str, dict]) -> None:
        joined = "\n".join(live_page_texts(manifest, self.SET.sources).values())
        assert "（单位：万元）" in joined  # the voucher table's unit is in its caption, not the cells
        assert "Revenue ($M)" in joined  # the results table's unit is in its column header
        assert "输入（元/百万tokens）" in joined  # the price table's unit is in its header
        assert "更正：本文早前版本称曜石-MoE 2总参数为1.2万亿" in joined  # a correction note revising a figure
        assert "The three partners Northspan AI, Vireo Power and Calder Fibre" in joined  # a complete list
        assert "is not part of the consortium" in joined
