"""Well-formedness of the heldout27 held-out set (tests/fixtures/heldout27/), checked without the engine.

The set was written blind to the engine. ``WellFormed`` checks its labels against its reports and its
archive (one dead URL, one soft 404, one paywall stub); the tests here check the shapes of its two reports
(a Traditional-Chinese Hugo blog post in source form, an English media-monitoring clipping digest), that
each label rests on exactly the URLs its report's citation scope gives it, that each report cites pages in
the other language, and that the pages carry the formats the labels rely on. Nothing here prints an item.
"""

from __future__ import annotations

import datetime as dt
import re

from tests.generalisation.labelled_set import LabelledSet, WellFormed, live_page_texts, page_languages

URL = re.compile(r"https?://[^\s\[\]()<>，；。]+")
FOOTREF = re.compile(r"\[\^(\d+)\](?!:)")
FOOTDEF = re.compile(r"\[\^(\d+)\]: (.+)")
SHORTCODE = re.compile(r"\{\{< (\w+)( [^{}]*)? >\}\}")
REF_LINK = re.compile(r"\[[^\[\]]+\]\(\{\{< ref \"[^\"]+\.md\" >\}\}\)")
CLIP_HEAD = re.compile(r"\[(\d+)\] (\[Translated\] )?(.+)")
FIELDS = re.compile(
    r"Outlet: (.+?) \| Date: (\d{2}) Dec 2026 \| Reach: (\d+\.\d)M \| "
    r"Sentiment: (Positive|Neutral|Negative) \| AVE: \$([\d,]+)"
)
CJK = re.compile(r"[\u4e00-\u9fff]")

HUGO = "h1_hugo_tc.md"
DIGEST = "c1_clippings_en.txt"
SOFT_404 = "https://siliconangle.com/2026/12/11/strata-compute-wins-sovereign-ai-cloud-contract/"
PAYWALL = "https://www.theinformation.com/articles/nimbrel-systems-in-talks-to-buy-photonics-startup-quarrow"
DEAD = (
    "https://www.prnewswire.com/news-releases/"
    "lumenfold-signs-power-purchase-agreement-with-kestrel-harbor-energy-302641785.html"
)
TW_PAGE = "https://money.udn.com/money/story/5612/9187346"
HK_PAGE = "https://inews.hket.com/article/4012873"

HELDOUT27 = LabelledSet(
    "heldout27",
    by_report={
        HUGO: {"verified": 17, "contradicted": 12, "unverified": 9},
        DIGEST: {"verified": 16, "contradicted": 13, "unverified": 8},
    },
    verdicts={"verified": 33, "contradicted": 25, "unverified": 17},
    kinds={"money": 25, "fact": 15, "count": 13, "percent": 11, "date": 9, "version": 2},
    live=12,
    url=URL,
    empty_pages={
        SOFT_404: "Sorry, the page you are looking for does not exist",  # soft 404 answering 200
        PAYWALL: "Subscribe to unlock this article",  # paywall stub
    },
)


# ---- the Hugo post -------------------------------------------------------------------------------------


def _split_hugo(post: str) -> tuple[list[str], str, dict[int, str]]:
    """(front-matter lines, body without footnote definitions, footnote number -> URL)."""
    lines = post.splitlines()
    assert lines[0] == "---"
    end = lines.index("---", 1)
    defs: dict[int, str] = {}
    body: list[str] = []
    for line in lines[end + 1 :]:
        m = FOOTDEF.fullmatch(line)
        if m:
            urls = URL.findall(m.group(2))
            assert len(urls) == 1, line  # one URL per footnote definition
            defs[int(m.group(1))] = urls[0]
        else:
            assert not defs or not line.strip(), "footnote definitions close the post"
            body.append(line)
    return lines[1:end], "\n".join(body).strip("\n"), defs


def _blocks(body: str) -> list[str]:
    return [b for b in body.split("\n\n") if b.strip()]


def _summary_blocks(body: str) -> list[str]:
    blocks = _blocks(body)
    return blocks[blocks.index("## 小結") + 1 :]


def _hugo_scope(body: str, defs: dict[int, str], quote: str) -> set[str] | None:
    """The URLs a claim rests on (None: the unsourced 小結 section).

    A claim rests on the footnotes of its own sentence (up to and including its 。！？); a sentence without
    a footnote rests on the footnotes of its paragraph; a table cell rests on the footnotes of the
    *資料來源：…* line directly below the table."""
    blocks = _blocks(body)
    owners = [i for i, b in enumerate(blocks) if quote in b]
    assert len(owners) == 1, quote
    block = blocks[owners[0]]
    if block in _summary_blocks(body):
        assert not FOOTREF.search(block)
        return None
    if block.startswith("|"):
        source = blocks[owners[0] + 1]
        assert source.startswith("*資料來源：") and source.endswith("*"), source
        return {defs[int(n)] for n in FOOTREF.findall(source)}
    sentences = [s for s in re.split(r"(?<=[。！？])", block) if s]
    own = [s for s in sentences if quote in s]
    assert len(own) == 1, quote  # a quote never spans two sentences
    refs = FOOTREF.findall(own[0]) or FOOTREF.findall(block)
    assert refs, quote
    return {defs[int(n)] for n in refs}


# ---- the clipping digest -------------------------------------------------------------------------------


def _clips(digest: str) -> list[dict]:
    """Each clip: number, translated, headline, outlet, day, reach, sentiment, ave, link, excerpt."""
    clips = []
    for chunk in digest.split("\n\n"):
        lines = chunk.splitlines()
        head = CLIP_HEAD.fullmatch(lines[0])
        if not head:
            continue
        fields = FIELDS.fullmatch(lines[1])
        assert fields, lines[1]
        assert lines[2].startswith("Link: ") and URL.fullmatch(lines[2][6:]), lines[2]
        clips.append(
            {
                "n": int(head.group(1)),
                "translated": bool(head.group(2)),
                "headline": head.group(3),
                "outlet": fields.group(1),
                "day": int(fields.group(2)),
                "reach": float(fields.group(3)),
                "sentiment": fields.group(4),
                "ave": int(fields.group(5).replace(",", "")),
                "link": lines[2][6:],
                "excerpt": "\n".join(lines[3:]),
            }
        )
    return clips


def _analyst_summary(digest: str) -> str:
    tail = digest.split("ANALYST SUMMARY\n", 1)[1]
    return tail.split("\n\n", 1)[0]


class TestHeldout27WellFormed(WellFormed):
    SET = HELDOUT27

    def test_reports_are_the_stated_size(self) -> None:
        for name in self.SET.reports:
            size = len((self.SET.folder / name).read_bytes())
            assert 3500 <= size <= 5000, (name, size)
        for page in sorted((self.SET.sources / "pages").glob("p*.html")):
            assert 4000 <= len(page.read_bytes()) <= 9000, page.name

    def test_the_post_is_hugo_source_with_front_matter_shortcodes_and_footnotes(
        self, reports: dict[str, str]
    ) -> None:
        post = reports[HUGO]
        front, body, defs = _split_hugo(post)
        fields = dict(line.split(": ", 1) for line in front)
        assert {"title", "date", "tags", "categories", "draft", "summary"} <= set(fields)
        assert fields["date"] == "2026-12-18T09:30:00+08:00" and fields["draft"] == "false"
        assert fields["tags"].startswith("[") and fields["categories"].startswith("[")
        # the summary field holds a figure (metadata, not labelled)
        assert re.search(r"\d", fields["summary"])
        # shortcodes: a figure with src and caption, ref links to other posts (no URL), a tweet embed
        names = [m.group(1) for m in SHORTCODE.finditer(body)]
        assert names.count("figure") == 1 and names.count("tweet") == 1 and names.count("ref") >= 2
        figure = next(m.group(0) for m in SHORTCODE.finditer(body) if m.group(1) == "figure")
        assert 'src="/images/' in figure and "caption=" in figure
        assert len(REF_LINK.findall(body)) == names.count("ref")
        # the <!--more--> marker once, before the first section
        assert body.count("<!--more-->") == 1 and body.index("<!--more-->") < body.index("\n## ")
        # footnotes: every reference defined, every definition used, numbered in order of first use
        used = [int(n) for n in FOOTREF.findall(body)]
        first = list(dict.fromkeys(used))
        assert first == sorted(defs) == list(range(1, len(defs) + 1))
        # every URL of the post is in a footnote definition
        assert not URL.search(body) and set(URL.findall(post)) == set(defs.values())
        assert len(set(defs.values())) == len(defs)
        # one Markdown table, its unit only in a row header, its source line directly below it
        tables = [b for b in _blocks(body) if b.startswith("|")]
        assert len(tables) == 1
        rows = tables[0].splitlines()
        assert set(rows[1]) <= set("|-:") and len(rows) == 6
        assert all(row.count("|") == rows[0].count("|") for row in rows)
        assert "（億美元）" in tables[0]
        # the closing 小結 section cites nothing
        summary = _summary_blocks(body)
        assert summary and not any(FOOTREF.search(b) for b in summary)

    def test_post_labels_rest_on_their_sentence_paragraph_or_table_footnotes(
        self, labels: list[dict], reports: dict[str, str]
    ) -> None:
        post = reports[HUGO]
        front, body, defs = _split_hugo(post)
        cited = set(defs.values())
        kinds_of_scope = set()
        for item in labels:
            if item["report"] != HUGO:
                continue
            assert not any(item["quote"] in line for line in front), item  # front matter is not labelled
            assert "{{<" not in item["quote"], item  # shortcodes are not labelled
            scope = _hugo_scope(body, defs, item["quote"])
            if scope is None:  # the unsourced 小結: the post's own pages or nothing
                assert set(item["source_urls"]) <= cited, item
                kinds_of_scope.add("summary")
            else:
                assert set(item["source_urls"]) == scope, item
                kinds_of_scope.add("table" if item["quote"].startswith("|") else "text")
        assert kinds_of_scope == {"summary", "table", "text"}
        # some claims rest on their paragraph's footnotes (their sentence has none)
        fallback = [
            item
            for item in labels
            if item["report"] == HUGO
            and not item["quote"].startswith("|")
            and not any(
                FOOTREF.search(s)
                for b in _blocks(body)
                if item["quote"] in b
                for s in re.split(r"(?<=[。！？])", b)
                if item["quote"] in s
            )
            and item["source_urls"]
        ]
        assert fallback

    def test_the_digest_is_a_clipping_service_export(self, reports: dict[str, str]) -> None:
        digest = reports[DIGEST]
        lines = digest.splitlines()
        assert "DIGEST" in lines[0] and not URL.search("\n".join(lines[:10]))
        period = next(line for line in lines[:6] if line.startswith("Period: "))
        assert period == "Period: 8-16 Dec 2026 | Delivered: Thu 17 Dec 2026 07:00 PT"
        assert dt.date(2026, 12, 17).strftime("%a") == "Thu"
        clips = _clips(digest)
        assert [c["n"] for c in clips] == list(range(1, len(clips) + 1)) and len(clips) == 8
        # the header's own metrics agree with the clips (they are not claims)
        m = re.search(
            r"Clips: (\d+) \((\d+) translated\) \| Total reach: ([\d.]+)M \| Total AVE: \$([\d,]+)", digest
        )
        assert m and int(m.group(1)) == len(clips)
        assert int(m.group(2)) == sum(c["translated"] for c in clips)
        assert abs(float(m.group(3)) - sum(c["reach"] for c in clips)) < 0.05
        assert int(m.group(4).replace(",", "")) == sum(c["ave"] for c in clips)
        s = re.search(r"Sentiment: Positive (\d+) \| Neutral (\d+) \| Negative (\d+)", digest)
        assert s and [int(g) for g in s.groups()] == [
            sum(c["sentiment"] == k for c in clips) for k in ("Positive", "Neutral", "Negative")
        ]
        assert re.search(r"Share of voice: (\w[\w ]* \d+% \| )+Other \d+%", digest)
        # clip dates fall in the period; translated clips name a Chinese outlet; one Link a clip, distinct
        assert all(8 <= c["day"] <= 16 for c in clips)
        for c in clips:
            assert bool(CJK.search(c["outlet"])) == c["translated"], c["outlet"]
            assert c["excerpt"] and not URL.search(c["excerpt"] + c["headline"])
        assert len({c["link"] for c in clips}) == len(clips)
        assert set(URL.findall(digest)) == {c["link"] for c in clips}
        # the closing analyst summary cites nothing
        summary = _analyst_summary(digest)
        assert summary and not URL.search(summary)

    def test_digest_labels_rest_on_their_own_clips_link(
        self, labels: list[dict], reports: dict[str, str]
    ) -> None:
        digest = reports[DIGEST]
        clips = _clips(digest)
        summary = _analyst_summary(digest)
        cited = {c["link"] for c in clips}
        for item in labels:
            if item["report"] != DIGEST:
                continue
            owners = [c for c in clips if item["quote"] in c["excerpt"]]
            if owners:  # a clip's excerpt: its own Link field, never another clip's
                assert len(owners) == 1 and item["source_urls"] == [owners[0]["link"]], item
            else:  # the analyst summary: the digest's own pages or nothing
                assert item["quote"] in summary, item
                assert set(item["source_urls"]) <= cited, item
            assert not any(item["quote"] in c["headline"] for c in clips), item

    def test_each_report_cites_pages_in_the_other_language(
        self, reports: dict[str, str], manifest: dict[str, dict]
    ) -> None:
        langs = page_languages(manifest, self.SET.sources)
        post_urls = set(URL.findall(reports[HUGO]))
        digest_urls = set(URL.findall(reports[DIGEST]))
        assert len([u for u in post_urls if langs.get(u, "").startswith("en")]) >= 3
        assert len([u for u in digest_urls if langs.get(u, "").startswith("zh")]) >= 4
        assert len(post_urls & digest_urls) == 3  # some pages are cited by both reports
        for c in _clips(reports[DIGEST]):  # a [Translated] clip links a Chinese page, the others English ones
            assert langs[c["link"]].startswith("zh" if c["translated"] else "en"), c["link"]

    def test_pages_carry_the_formats_the_labels_rely_on(self, manifest: dict[str, dict]) -> None:
        texts = live_page_texts(manifest, self.SET.sources)
        joined = "\n".join(texts.values())
        # tables whose unit is only in a caption or header
        assert "衡川信息主要财务数据（单位：亿元）" in joined and "营业收入 86.42 56.04 54.21%" in joined
        assert "总投资（万元） 拟补助金额（万元）" in joined and "杭州市 8,000 2,400" in joined
        assert (
            "(in thousands, except per share data)" in joined
            and "Revenue 1,482,316 1,300,278 866,852" in joined
        )
        # a correction note revising a figure
        assert (
            "Correction, December 15, 2026: An earlier version of this article put Hanwei's Mexico" in joined
        )
        assert "The company's figure is US$1.5 billion." in joined
        # a complete list and a name said not to be on it
        assert "本批拟支持项目共五个，分别为：" in joined and "暂不列入本批名单" in joined
        # 同比 vs 环比, 月增 vs 年增, another subject's figure in the same sentence, a swapped pair
        assert "同比增长61.3%，环比增长12.8%" in joined and "月增8.4%，年增63.1%" in joined
        assert "份额第一的朗拓科技中标金额约29.3亿元" in joined
        assert "GAAP gross margin of 38.6%; non-GAAP gross margin of 41.2%" in joined
        # figures the companies decline to give
        for declined in (
            "Ivers declined to say whether Lumenfold is profitable or to share gross margins.",
            "She also would not comment on the timing of a possible IPO.",
            "但未披露训练所用加速卡的数量和训练成本",
            "不便单独披露",
            "未给出时间表",
            "Hanwei declined to identify the customer",
            "Lumenfold declined to say how many GPUs the site would host",
        ):
            assert declined in joined, declined
        # about half the pages in Chinese: Simplified, and Traditional from Taiwan and Hong Kong
        langs = page_languages(manifest, self.SET.sources)
        assert sorted(langs.values()).count("zh-CN") == 4
        assert langs[TW_PAGE] == "zh-Hant-TW" and langs[HK_PAGE] == "zh-Hant-HK"
        assert sum(lang.startswith("en") for lang in langs.values()) == 6
        # the dead URL has no capture; the soft 404 and the paywall say nothing of the claims on them
        assert manifest[DEAD]["status"] == 404 and "file" not in manifest[DEAD]
        soft = texts[SOFT_404]
        assert "Strata" not in soft and "750" not in soft and "24,000" not in soft
        paywall = texts[PAYWALL]
        assert "Quarrow" in paywall and "billion" not in paywall and "million" not in paywall
        assert "2027" not in paywall and "quarter" not in paywall

    def test_stated_weekdays_are_right(self, manifest: dict[str, dict]) -> None:
        texts = live_page_texts(manifest, self.SET.sources)
        weekdays = "一二三四五六日"
        for text in texts.values():
            for y, mo, d, w in re.findall(r"(\d{4})-(\d{2})-(\d{2}) \d{2}:\d{2} 星期(.)", text):
                assert weekdays[dt.date(int(y), int(mo), int(d)).weekday()] == w
            pairs = re.findall(r"12月(\d+)日（下周(.)）", text)
            pairs += [(d, w) for w, d in re.findall(r"本周(.)（(\d+)日）", text)]
            for d, w in pairs:
                assert weekdays[dt.date(2026, 12, int(d)).weekday()] == w, (d, w)
            for w, d in re.findall(r"(Monday|Tuesday|Wednesday|Thursday|Friday) (\d+) December 2026", text):
                assert dt.date(2026, 12, int(d)).strftime("%A") == w
        hk = texts[HK_PAGE]
        assert "本周五（18日）" in hk and "12月23日（下周三）" in hk and "12月22日（下周二）" in hk
        assert dt.date(2026, 12, 18).weekday() == 4 and dt.date(2026, 12, 23).weekday() == 2
