"""Well-formedness of the heldout11 set (tests/fixtures/heldout11/), checked without the engine.

The set was written blind to the engine. ``WellFormed`` checks its labels against its reports and its
archive (one dead URL, one soft 404, one paywall stub); the tests here check the shapes of its two reports
(a Simplified-Chinese Weibo long post exported as text, and an English HTML newsletter as ``lynx -dump``
renders it) and that the pages carry the formats the labels rely on.

The newsletter's own links (view in browser, forward, preferences, unsubscribe, on inferenceletter.com)
sit in its References list but cite nothing, so ``URL`` does not find them and they are not captured.
"""

from __future__ import annotations

import re

from tests.generalisation.labelled_set import LabelledSet, WellFormed, live_page_texts

OWN = "inferenceletter.com/"  # the newsletter's own links: not citations
URL = re.compile(r"https?://(?!inferenceletter\.com/)[^\s)）\]>〉」]+")
ANY_URL = re.compile(r"https?://[^\s)）\]>〉」]+")
WEIBO = "w1_weibo_sc.txt"
LYNX = "e2_lynx_en.txt"

HELDOUT11 = LabelledSet(
    "heldout11",
    by_report={
        WEIBO: {"verified": 15, "contradicted": 14, "unverified": 9},
        LYNX: {"verified": 15, "contradicted": 13, "unverified": 9},
    },
    verdicts={"verified": 30, "contradicted": 27, "unverified": 18},
    kinds={"money": 27, "count": 16, "percent": 12, "fact": 11, "date": 8, "version": 1},
    live=10,
    url=URL,
    empty_pages={
        "https://www.jiemian.com/article/11873905.html": "抱歉，您访问的页面不存在",  # soft 404 answering 200
        "https://www.theinformation.com/articles/halden-labs-in-talks-to-raise-new-funding-from-gulf-investors": (
            "Subscribe to read the full story"
        ),
    },
)


def weibo_blocks(post: str) -> tuple[str, list[tuple[str, str]]]:
    """The lead (before the first 【…】 title line) and each item as (title line, body up to the next title)."""
    lines = post.splitlines()
    starts = [i for i, line in enumerate(lines) if line.startswith("【") and line.endswith("】")]
    lead = "\n".join(lines[: starts[0]])
    items = []
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(lines)
        items.append((lines[start], "\n".join(lines[start + 1 : end])))
    return lead, items


def lynx_parts(dump: str) -> tuple[str, list[tuple[int, str]]]:
    """The body and the numbered References (number, URL) of a ``lynx -dump``."""
    body, refs = dump.split("\nReferences\n\n", 1)
    numbered = []
    for line in refs.splitlines():
        if line.strip():
            m = re.fullmatch(r"( *)(\d+)\. (https?://\S+)", line)
            assert m, line
            assert len(m.group(1)) + len(m.group(2)) == 4, line  # numbers right-aligned in four columns
            numbered.append((int(m.group(2)), m.group(3)))
    return body, numbered


class TestHeldout11WellFormed(WellFormed):
    SET = HELDOUT11

    def test_the_weibo_post_has_its_header_items_and_counters(self, reports: dict[str, str]) -> None:
        post = reports[WEIBO]
        lines = post.splitlines()
        assert re.fullmatch(r"\S+ 发布于 2026-11-29 08:30 来自 微博网页版", lines[0])
        assert lines[-1] == "转发 1.2万 | 评论 3456 | 赞 8.9万"  # counters, not claims
        assert "](" not in post and "**" not in post and "<a" not in post  # exported text, no markup
        assert len(set(re.findall(r"#[^#\s]+#", post))) >= 4  # #话题# hashtags
        assert len(re.findall(r"@[\w\u4e00-\u9fff]+", post)) >= 8  # @mentions
        lead, items = weibo_blocks(post)
        assert not URL.search(lead)  # the lead cites nothing
        titles = [title for title, _ in items]
        assert len(titles) == 10 and titles[-1] == "【写在最后】"
        assert all(re.match(r"【[一二三四五六七八九]、", t) for t in titles[:9])
        # items citing nothing: the rumour item and the closing one
        uncited = [title for title, body in items if not URL.search(body)]
        assert uncited == [titles[8], titles[9]]
        assert sum(len(URL.findall(body)) == 2 for _, body in items) == 1  # one item cites two links

    def test_weibo_links_are_written_as_webpage_links(self, reports: dict[str, str]) -> None:
        post = reports[WEIBO]
        urls = ANY_URL.findall(post)
        assert urls
        styles = set()
        for url in urls:
            if f"网页链接（{url}）" in post:
                styles.add("full-width")
            elif f"网页链接({url})" in post:
                styles.add("half-width")
            elif f"网页链接\n{url}\n" in post:
                styles.add("own line")
            else:
                raise AssertionError(f"{url} is not written after 网页链接")
        assert styles == {"full-width", "half-width", "own line"}

    def test_the_newsletter_is_a_lynx_dump_with_numbered_references(self, reports: dict[str, str]) -> None:
        dump = reports[LYNX]
        body, refs = lynx_parts(dump)
        assert body.splitlines()[0] == "   [1]View this email in your browser"
        assert [n for n, _ in refs] == list(range(1, len(refs) + 1))
        # each link marker appears once in the body, numbered in order of appearance
        markers = [int(n) for n in re.findall(r"\[(\d+)\]", body)]
        assert markers == list(range(1, len(refs) + 1))
        assert not ANY_URL.search(body)  # URLs only in the References list
        for line in body.splitlines():
            assert not line or (line.startswith("   ") and len(line) <= 78), line  # wrapped, indented
        assert re.search(r"^   ={20,}$", body, re.M) and re.search(r"^   -{20,}$", body, re.M)
        # the newsletter's own links (view in browser; forward, preferences, unsubscribe) cite nothing
        own = [n for n, url in refs if OWN in url]
        assert own == [1, len(refs) - 2, len(refs) - 1, len(refs)]
        assert not URL.findall("\n".join(url for n, url in refs if n in own))
        # one page is cited twice, under two numbers, as lynx numbers each link
        urls = [url for _, url in refs]
        assert len(urls) - len(set(urls)) == 1

    def test_newsletter_intro_and_take_cite_nothing(self, reports: dict[str, str]) -> None:
        body, _ = lynx_parts(reports[LYNX])
        paragraphs = [p for p in body.split("\n\n") if p.strip()]
        intro = next(p for p in paragraphs if p.strip().startswith("Good morning."))
        take = paragraphs[[p.strip() for p in paragraphs].index("THE TAKE") + 1]
        assert not re.search(r"\[\d+\]", intro) and not re.search(r"\[\d+\]", take)
        headers = [p.strip() for p in paragraphs if re.fullmatch(r"[A-Z ]{4,}", p.strip())]
        assert headers == ["THE INFERENCE LETTER", "MONEY", "MODELS", "CHIPS", "INFRASTRUCTURE", "THE TAKE"]

    def test_pages_carry_the_formats_the_labels_rely_on(self, manifest: dict[str, dict]) -> None:
        texts = live_page_texts(manifest, self.SET.sources)
        joined = "\n".join(texts.values())
        assert "（单位：亿元）" in joined and "（单位：元/百万tokens）" in joined  # units in captions
        assert "(in millions, except per share data)" in joined
        assert "【更正】" in joined and "现已更正为41.3%" in joined  # a correction note revising a figure
        assert "Update, November 25:" in joined and "The correct price is $1.60" in joined
        assert "not $30 billion" in joined
        # a complete list
        assert (
            "The joint venture has three partners: Caldera Digital, Northgate Energy and Brightline Capital."
            in joined
        )
        assert "由华拓云计算、陇能电力和星桥光网三家单位共同投资建设" in joined
        chinese = [u for u, t in texts.items() if len(re.findall(r"[\u4e00-\u9fff]", t)) > 200]
        assert len(chinese) >= 3
