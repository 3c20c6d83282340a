"""Well-formedness of the heldout13 held-out set (tests/fixtures/heldout13/), checked without the engine.

The set was written blind to the engine and is held out: whoever tunes the engine looks only at its totals,
never at its reports, labels or pages. ``WellFormed`` checks its labels against its reports and its archive
(one dead URL, one soft 404, one paywall stub, one truncated link that is no URL); the tests here check the
shapes of its two reports (a Facebook fan-page post copied as text, a Hacker News thread copied as text)
and that the pages carry the formats the labels rely on.
"""

from __future__ import annotations

import re

from tests.generalisation.labelled_set import LabelledSet, WellFormed, live_page_texts

URL = re.compile(r"https?://[^\s)\]>〉」]+")
# Hacker News shows a long link as its first characters and "..."; copied as text, that is no URL
TRUNCATED = "https://www.sec.gov/Archives/edgar/data/1873402/0001873402260001..."
POST = "x1_fb_post_tc.txt"
THREAD = "x2_hn_thread_en.txt"

HELDOUT13 = LabelledSet(
    "heldout13",
    by_report={
        POST: {"verified": 15, "contradicted": 13, "unverified": 8},
        THREAD: {"verified": 13, "contradicted": 13, "unverified": 9},
    },
    verdicts={"verified": 28, "contradicted": 26, "unverified": 17},
    kinds={"money": 30, "percent": 14, "fact": 10, "date": 9, "count": 7, "version": 1},
    live=10,
    url=URL,
    empty_pages={
        "https://news.cnyes.com/news/id/5937264": "找不到頁面",  # soft 404 answering 200
        "https://www.bloomberg.com/news/articles/2026-11-29/meridian-labs-is-said-to-weigh-ipo-as-soon-as-2027": (
            "Subscribe to unlock this article"
        ),
    },
    malformed=frozenset({TRUNCATED}),
)

HN_HEADER = re.compile(
    r"(?P<indent> *)(?P<user>[A-Za-z0-9_-]+) (?P<age>\d+) (?:minute|minutes|hour|hours) ago"
    r" \| (?:parent \| )?(?:prev \| )?(?:next )?\[–\]"
)


def _comments(thread: str) -> list[tuple[int, str, list[str]]]:
    """(indent, user, body lines without indentation) for every comment of the copied thread (the page
    footer, from "Guidelines | FAQ" on, is no comment's)."""
    lines = thread.split("\nGuidelines | FAQ", 1)[0].splitlines()
    heads = [i for i, line in enumerate(lines) if HN_HEADER.fullmatch(line)]
    out = []
    for n, i in enumerate(heads):
        m = HN_HEADER.fullmatch(lines[i])
        assert m
        end = heads[n + 1] if n + 1 < len(heads) else len(lines)
        indent = len(m["indent"])
        body = [line[indent:] if line.startswith(" " * indent) else line for line in lines[i + 1 : end]]
        out.append((indent, m["user"], body))
    return out


class TestHeldout13WellFormed(WellFormed):
    SET = HELDOUT13

    def test_the_post_is_a_copied_facebook_page_post(self, reports: dict[str, str]) -> None:
        post = reports[POST]
        assert "](" not in post and "**" not in post and "\n#" in post  # plain text; only hashtags use #
        lines = post.splitlines()
        assert lines[0] == "AI供應鏈觀察室"
        assert re.fullmatch(r"\d{1,2}月\d{1,2}日 (?:上午|下午)\d{1,2}:\d{2} · 🌏", lines[1])
        assert post.count("…… 顯示更多") == 1  # the expansion artifact, left in by copying
        body, _, comments = post.partition("\n最相關 ▾\n")
        head, _, reactions = body.partition("\n👍❤️ ")
        assert re.match(r"[\d,]+ · \d+ 則留言 · \d+ 次分享\n", reactions)
        # five 🔹 items, each closed by one or more 👉 lines holding one URL each; one item has two links
        items = [block for block in head.split("\n\n") if block.startswith("🔹")]
        assert len(items) == 5
        for item in items:
            item_lines = item.splitlines()
            links = [line for line in item_lines if line.startswith("👉")]
            assert links and item_lines[-len(links) :] == links, item
            assert all(len(URL.findall(line)) == 1 for line in links)
            assert not any(URL.search(line) for line in item_lines[: -len(links)])
        assert sum(len([x for x in item.splitlines() if x.startswith("👉")]) == 2 for item in items) == 1
        # the intro and the 📌 小編觀點 cite nothing; hashtags sit on one line
        intro = head.split("\n🔹", 1)[0]
        editorial = next(block for block in head.split("\n\n") if block.startswith("📌"))
        assert not URL.search(intro) and not URL.search(editorial)
        assert any(line.split() and all(w.startswith("#") for w in line.split()) for line in head.splitlines())
        # every URL of the post proper is on a 👉 line (the link-preview card shows a domain only)
        assert all(line.startswith("👉") for line in head.splitlines() if URL.search(line))
        # two pasted comments, each closed by its 讚 · 回覆 line; one carries a link on a line of its own
        pasted = [c for c in comments.strip().split("\n\n") if "讚 · 回覆" in c]
        assert len(pasted) == 2
        assert [len(URL.findall(c)) for c in pasted] == [1, 0]
        assert all(re.search(r"\d", c.split("讚 · 回覆")[0]) for c in pasted)  # each with its own figures

    def test_the_thread_is_a_copied_hacker_news_page(self, reports: dict[str, str]) -> None:
        thread = reports[THREAD]
        lines = thread.splitlines()
        assert lines[0].startswith("Hacker News new | past | comments")
        title = lines[2]
        assert re.fullmatch(r".+ \([a-z0-9.-]+\.[a-z]+\)", title) and not URL.search(title)  # domain only
        assert re.fullmatch(r"\d+ points by \S+ \d+ hours ago \| hide \| \d+ comments", lines[3])
        assert "Guidelines | FAQ" in thread
        comments = _comments(thread)
        assert len(comments) >= 15
        depth = -2
        for indent, _, body in comments:
            assert indent % 2 == 0 and indent <= depth + 2  # a reply is indented one step under its parent
            depth = indent
            assert [line for line in body if line.strip()][-1] == "reply"
        assert comments[0][0] == 0 and sum(indent > 0 for indent, _, _ in comments) >= 8
        # one comment quotes another with "> ", and the quoted words are the earlier comment's
        quoted = [line for _, _, body in comments for line in body if line.startswith("> ")]
        assert len(quoted) == 1
        before = thread.split(quoted[0])[0]
        assert quoted[0][2:] in before
        # one correction reply: "Actually the filing says …" with a link to the filing
        fixes = [(indent, body) for indent, _, body in comments if any("Actually the filing says" in x for x in body)]
        assert len(fixes) == 1 and fixes[0][0] > 0
        assert any("sec.gov" in u for u in URL.findall("\n".join(fixes[0][1])))
        # links sit inline in the comments; one is the truncated display text of a long link
        found = URL.findall(thread)
        assert len(found) >= 9 and [u for u in found if u.endswith("...")] == [TRUNCATED]

    def test_pages_carry_the_formats_the_labels_rely_on(self, manifest: dict[str, dict]) -> None:
        joined = "\n".join(live_page_texts(manifest, self.SET.sources).values())
        assert "單位：新台幣百萬元" in joined  # the results table's unit is in its caption
        assert "單位：新臺幣億元" in joined and "115年12月15日" in joined  # 民國 years, unit in a caption
        assert "(USD per 1M tokens)" in joined and "(In millions, except per share amounts)" in joined
        assert "An earlier version of this story said" in joined  # a correction note revising a figure
        assert "The three partners, Ostrava Compute, Brazos Power Cooperative and Kelmarsh" in joined
        assert "台鈺科技第三季營業利益61.8億元" in joined  # another company's figure in a related box
