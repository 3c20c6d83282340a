"""Well-formedness of the heldout24 held-out set (tests/fixtures/heldout24/), checked without the engine.

The set was written blind to the engine. ``WellFormed`` checks its labels against its reports and its
archive (one dead URL, one soft 404, one paywall stub); the tests here check the shapes of its two reports
(a Traditional-Chinese Facebook fan-page post exported as text, an English Wikipedia-style wikitext article
section), that each label rests on exactly the URLs its report's citation scope gives it, and that the pages
carry the formats the labels rely on. Only totals of this set are ever printed elsewhere.
"""

from __future__ import annotations

import re

from tests.generalisation.labelled_set import LabelledSet, WellFormed, live_page_texts, page_languages

URL = re.compile(r"https?://[^\s|\[\]{}<>「」，。、（）]+")

POST = "f1_fanpage_post_tc.txt"
WIKI = "w2_wikitext_en.txt"
SOFT_404 = "https://www.bnext.com.tw/article/89214/taiwan-ai-startups-funding-2026"
PAYWALL = "https://www.ft.com/content/6d2a91c4-3b7e-4f0a-9c85-1e2f7a4b9d03"
DEAD = "https://www.quillmere.ai/newsroom/quillmere-opens-tokyo-office"
KR_PAGE = "https://36kr.com/p/3051872946312194"
TC_PAGE = "https://techcrunch.com/2026/11/24/quillmere-raises-1-25b-series-c-led-by-bramwell-capital/"
BW_PAGE = (
    "https://www.businesswire.com/news/home/20261119005318/en/"
    "Veradyne-Semiconductor-Reports-Third-Quarter-Fiscal-2027-Financial-Results"
)

HELDOUT24 = LabelledSet(
    "heldout24",
    by_report={
        POST: {"verified": 16, "contradicted": 13, "unverified": 9},
        WIKI: {"verified": 17, "contradicted": 12, "unverified": 8},
    },
    verdicts={"verified": 33, "contradicted": 25, "unverified": 17},
    kinds={"money": 20, "count": 17, "date": 13, "fact": 11, "percent": 11, "version": 3},
    live=12,
    url=URL,
    empty_pages={
        SOFT_404: "很抱歉，您要找的頁面不存在或已被移除。",  # soft 404 answering 200
        PAYWALL: "Subscribe to unlock this article",  # paywall stub
    },
)

# --- the fan-page post -------------------------------------------------------------------------------------
MARKS = ("📌", "🔹", "💰")
LINK_LINE = re.compile(r"🔗 (https://\S+)")
INLINE = re.compile(r"👉 (https://\S+)$")
HASHTAGS = re.compile(r"#\S+(?: #\S+)+")
FOOTER = re.compile(r"按讚 \d{1,3}(?:,\d{3})* · 留言 \d+ · 分享 \d+")
DATE_LINE = "2026年12月5日 · 🌏"


def _post_blocks(post: str) -> list[list[str]]:
    """The post's blank-line separated blocks after the page name and date lines: the intro, the bullets,
    the hashtag line and the footer."""
    return [block.splitlines() for block in post.split("\n", 3)[3].strip("\n").split("\n\n")]


def _bullet_urls(block: list[str]) -> list[str]:
    """A bullet's own links: its 🔗 lines and an inline 👉 link closing one of its lines."""
    urls = []
    for line in block:
        if (m := LINK_LINE.fullmatch(line)) or (m := INLINE.search(line)):
            urls.append(m.group(1))
    return urls


# --- the wikitext article ----------------------------------------------------------------------------------
REF = re.compile(
    r'<ref(?: name="(?P<reuse>[^"]+)")?\s*/>|<ref(?: name="(?P<name>[^"]+)")?>(?P<body>.*?)</ref>'
)
CITE = re.compile(r"\{\{cite (?:web|news) (\|[^{}]*(?:\{\{[^{}]*\}\}[^{}]*)*)\}\}")
CITE_URL = re.compile(r"\|url=(https://\S+)")
CITATION_NEEDED = re.compile(r"\{\{citation needed\|date=[A-Z][a-z]+ \d{4}\}\}")
END = re.compile(r"(?<!Pte)\.((?:\x01\d+\x02)*)(\{\{citation needed\|[^{}]*\}\})?(?=\s|$)")
MARKER = re.compile(r"\x01(\d+)\x02")


def _infobox(wiki: str) -> list[str]:
    lines = wiki.splitlines()
    start = lines.index("{{Infobox company")
    return lines[start : lines.index("}}", start) + 1]


def _refs(wiki: str) -> list[str]:
    """The URL each <ref> in the article stands for, in order; a reused named ref stands for its definition's."""
    named: dict[str, str] = {}
    urls = []
    for m in REF.finditer(wiki):
        if m.group("body") is None:
            assert m.group("reuse") in named, f"<ref name={m.group('reuse')!r} /> before its definition"
            urls.append(named[m.group("reuse")])
            continue
        found = CITE_URL.findall(m.group("body"))
        assert len(found) == 1, m.group(0)
        if m.group("name"):
            assert m.group("name") not in named, f"ref {m.group('name')!r} defined twice"
            named[m.group("name")] = found[0]
        urls.append(found[0])
    return urls


def _sentences(wiki: str) -> list[tuple[str, list[str], bool]]:
    """The article's sentences after the infobox: (text up to its full stop, URLs of the refs directly after
    it, whether a {{citation needed}} follows it)."""
    urls = _refs(wiki)
    counter = iter(range(len(urls)))
    marked = REF.sub(lambda _: f"\x01{next(counter)}\x02", wiki)
    body = marked.split("\n}}\n", 1)[1]
    sentences = []
    for para in body.splitlines():
        if not para or para.startswith(("==", "{{Reflist")):
            continue
        start = 0
        for m in END.finditer(para):
            text = para[start : m.start() + 1].strip()
            refs = [urls[int(i)] for i in MARKER.findall(m.group(1))]
            sentences.append((text, refs, bool(m.group(2))))
            start = m.end()
        assert not para[start:].strip(), para[start:]  # every paragraph ends with a full sentence
    return sentences


class TestHeldout24WellFormed(WellFormed):
    SET = HELDOUT24

    def test_the_post_is_a_fan_page_export_with_emoji_bullets_links_hashtags_and_a_footer(
        self, reports: dict[str, str]
    ) -> None:
        post = reports[POST]
        lines = post.splitlines()
        # the page name, the date line with the audience globe, a blank line
        assert lines[0] and not URL.search(lines[0]) and not re.search(r"\d", lines[0])
        assert lines[1] == DATE_LINE and lines[2] == ""
        blocks = _post_blocks(post)
        intro, bullets, hashtags, footer = blocks[0], blocks[1:-2], blocks[-2], blocks[-1]
        # the intro: one paragraph, citing nothing
        assert len(intro) == 1 and intro[0].startswith("【") and not URL.search(intro[0])
        # a line of #hashtags citing nothing, then the reactions footer
        assert len(hashtags) == 1 and HASHTAGS.fullmatch(hashtags[0]) and not URL.search(hashtags[0])
        assert len(footer) == 1 and FOOTER.fullmatch(footer[0])
        # emoji bullets, each with its own link(s): 🔗 lines closing the bullet, or an inline 👉 at its end
        assert len(bullets) == 7 and {b[0][0] for b in bullets} == set(MARKS)
        for block in bullets:
            assert block[0].startswith(MARKS), block
            links = [line for line in block if LINK_LINE.fullmatch(line)]
            inline = [line for line in block if INLINE.search(line)]
            assert bool(links) != bool(inline), block  # one way or the other, not both
            if links:
                assert block[-len(links) :] == links, block  # 🔗 lines close the bullet
            else:
                assert inline == [block[-1]], block  # the 👉 link closes the bullet's last line
            assert not any(line.startswith(MARKS) for line in block[1:]), block  # one mark, on the first line
        assert sum(len(_bullet_urls(b)) > 1 for b in bullets) == 1  # one bullet rests on two links
        assert sum(bool(INLINE.search(b[-1])) for b in bullets) == 2
        # every URL of the post sits in a bullet
        assert set(URL.findall(post)) == {u for b in bullets for u in _bullet_urls(b)}
        # full-width punctuation and 「」 quotes; no half-width parentheses or commas after Chinese
        for mark in ("，", "。", "「", "」", "：", "（", "）", "；", "、"):
            assert mark in post, mark
        assert "(" not in post and ")" not in post
        assert not re.search(r"[\u4e00-\u9fff][,.;:]", post)

    def test_post_labels_rest_on_their_own_bullets_links(
        self, labels: list[dict], reports: dict[str, str]
    ) -> None:
        post = reports[POST]
        blocks = _post_blocks(post)
        intro, bullets = blocks[0], blocks[1:-2]
        cited = set(URL.findall(post))
        seen_intro = 0
        for item in labels:
            if item["report"] != POST:
                continue
            assert len(item["source_urls"]) == len(set(item["source_urls"])), item
            owners = [b for b in blocks if item["quote"] in "\n".join(b)]
            assert len(owners) == 1, item["quote"]
            if owners[0] is intro:  # the intro cites nothing: the post's own pages or nothing
                seen_intro += 1
                assert set(item["source_urls"]) <= cited, item
                assert item["source_urls"] or item["verdict"] == "unverified", item
            else:  # a bullet's own 🔗 / 👉 links, never another bullet's
                assert any(owners[0] is b for b in bullets), item
                assert set(item["source_urls"]) == set(_bullet_urls(owners[0])), item
        assert seen_intro == 4

    def test_the_article_is_wikitext_with_an_infobox_headings_and_cite_refs(
        self, reports: dict[str, str]
    ) -> None:
        wiki = reports[WIKI]
        lines = wiki.splitlines()
        assert lines[0].startswith("{{Short description|") and lines[1].startswith("{{Use dmy dates|")
        # the infobox: "| field = value" lines, no refs and no URLs (it cites nothing)
        box = _infobox(wiki)
        assert box[0] == "{{Infobox company" and box[-1] == "}}"
        fields = [line.split(" = ", 1)[0][2:] for line in box[1:-1]]
        assert all(line.startswith("| ") and " = " in line for line in box[1:-1])
        assert {"name", "revenue", "operating_income", "num_employees", "founded"} <= set(fields)
        assert not any("<ref" in line or URL.search(line) for line in box)
        # a '''bold''' lead straight after the infobox
        lead = lines[lines.index("}}") + 1]
        assert lead.startswith("'''Quillmere AI Pte. Ltd.'''") and "<ref" in lead
        # headings: == History == (with === sub-sections ===), == Funding ==, == References == and {{Reflist}}
        heads = [line for line in lines if line.startswith("==")]
        tops = [h for h in heads if not h.startswith("===")]
        assert tops == ["== History ==", "== Funding ==", "== References =="]
        assert sum(h.startswith("=== ") and h.endswith(" ===") for h in heads) == 2
        assert lines[-1] == "{{Reflist}}" and lines[-2] == "== References =="
        # [[internal links]], [[Link|label]], {{As of}} templates and one {{citation needed}}
        assert re.search(r"\[\[[^\[\]|]+\]\]", wiki) and re.search(r"\[\[[^\[\]|]+\|[^\[\]|]+\]\]", wiki)
        assert "{{As of|2026|12}}" in wiki and "{{As of|2026|11|24}}" in wiki
        assert len(CITATION_NEEDED.findall(wiki)) == 1
        # refs: {{cite web}} / {{cite news}} with one url, a title and a date; named refs defined once, reused
        bodies = [m.group("body") for m in REF.finditer(wiki) if m.group("body") is not None]
        for body in bodies:
            cite = CITE.fullmatch(body)
            assert cite, body
            assert "|title=" in body and "|date=" in body and ("|website=" in body or "|work=" in body), body
        names = re.findall(r'<ref name="([^"]+)">', wiki)
        reuses = re.findall(r'<ref name="([^"]+)" />', wiki)
        assert len(names) == len(set(names)) == 5 and set(reuses) == set(names)
        assert "<ref>" in wiki  # anonymous refs too
        refs = _refs(wiki)
        assert set(URL.findall(wiki)) == set(refs)  # every URL of the article is a ref's url
        # refs sit only directly after a sentence's full stop (or after another ref)
        marked = REF.sub("\x01\x02", wiki)
        assert not re.search(r"[^.\x02]\x01", marked)
        # every sentence after the infobox ends with a full stop; all but the lead's first cite or are tagged
        sentences = _sentences(wiki)
        unsourced = [text for text, urls, tagged in sentences if not urls]
        assert len(unsourced) == 2 and unsourced[0].startswith("'''Quillmere AI Pte. Ltd.'''")
        assert [tagged for text, urls, tagged in sentences if not urls] == [False, True]

    def test_wiki_labels_rest_on_the_refs_after_their_sentence(
        self, labels: list[dict], reports: dict[str, str]
    ) -> None:
        wiki = reports[WIKI]
        box = "\n".join(_infobox(wiki))
        sentences = _sentences(wiki)
        cited = set(URL.findall(wiki))
        in_box = 0
        for item in labels:
            if item["report"] != WIKI:
                continue
            assert len(item["source_urls"]) == len(set(item["source_urls"])), item
            if item["quote"] in box:  # the infobox cites nothing: the article's own pages or nothing
                in_box += 1
                assert set(item["source_urls"]) <= cited, item
                assert item["source_urls"] or item["verdict"] == "unverified", item
                continue
            owners = [(text, urls, tagged) for text, urls, tagged in sentences if item["quote"] in text]
            assert len(owners) == 1, item["quote"]
            _, urls, tagged = owners[0]
            if urls:  # the refs (defined or reused) directly after the sentence, and no others
                assert set(item["source_urls"]) == set(urls), item
            else:  # a {{citation needed}} sentence: the article's own pages or nothing
                assert tagged and set(item["source_urls"]) <= cited, item
        assert in_box == 3

    def test_pages_carry_the_formats_the_labels_rely_on(
        self, manifest: dict[str, dict], reports: dict[str, str]
    ) -> None:
        texts = live_page_texts(manifest, self.SET.sources)
        joined = "\n".join(texts.values())
        # two tables whose unit is only in the caption, a third with units in its headers
        assert "表：启钧智芯主要财务数据（单位：万元）" in joined
        assert "营业收入 184,600.35 59,090.03 97,420.66" in joined
        assert "Quillmere's funding rounds (US$ million)" in joined
        assert "Series A Jun 2023 85 Northgale Partners 410" in joined
        assert "算力規模（PFLOPS）" in joined and "$ in millions, except per-share data" in joined
        # a correction note carrying the pre-correction figure
        assert "would have a total planned capacity of 280 MW" in joined
        assert "the planned capacity is 380 MW" in joined
        # a complete list with a name said to be left off it
        assert "合格算力服務業者共三家，分別為" in joined
        assert "另宏穎資通股份有限公司因部分文件尚待補正" in joined
        # 同比 next to 环比, nine months next to the quarter, another subject's figure in the same sentence
        assert "同比增长246.8%，环比增长31.5%" in joined and "前三季度实现营业收入18.46亿元" in joined
        assert "first nine months of fiscal 2027 was $12.35 billion" in joined
        assert "穹序-4-Air总参数320亿" in joined and "of which 64 billion are active for each token" in joined
        assert "Serantau Data, which will hold 30 per cent" in joined
        # relative dates on pages and in the post
        assert "fourth quarter of next year" in joined and "second quarter of next year" in joined
        # pages that say they do not give a figure a label asks for
        for said in (
            "公司未披露本轮融资中老股转让的比例",
            "公司未披露QJ-500的具体量产时间",
            "宇騰依慣例不公布伺服器出貨台數",
            "第二批審查時程將另行公告",
            "Veradyne does not disclose unit shipments of its accelerators.",
            "We do not disclose the number or type of accelerators used to train Mere-3.",
            "The companies did not say how many of the chips would be delivered in 2027.",
        ):
            assert said in joined, said
        # half the pages in Chinese (Simplified and Traditional), half in English; the reports cite across
        langs = page_languages(manifest, self.SET.sources)
        assert sum(lang.startswith("zh") for lang in langs.values()) == 6
        assert list(langs.values()).count("zh-Hant-TW") == 3 and list(langs.values()).count("zh-CN") == 3
        assert langs[KR_PAGE] == "zh-CN" and KR_PAGE in reports[WIKI]
        assert langs[TC_PAGE].startswith("en") and langs[BW_PAGE].startswith("en")
        assert TC_PAGE in reports[POST] and BW_PAGE in reports[POST]
        # the dead URL has no capture; the soft 404 and the paywall say nothing of the claims resting on them
        assert manifest[DEAD]["status"] == 404 and "file" not in manifest[DEAD]
        assert "312" not in texts[SOFT_404] and "41%" not in texts[SOFT_404]
        assert not re.search(r"\b2 ?bn|\b2 billion|2027|first half", texts[PAYWALL])
