"""Well-formedness of the heldout18 set (tests/fixtures/heldout18/), checked without the engine.

The set was written blind to the engine. ``WellFormed`` checks its labels against its reports and its
archive (one dead URL, one soft 404, one paywall stub); the tests here check the shapes of its two reports
(MediaWiki wikitext with <ref> citations, a Telegram channel exported as plain text), that every label rests
on exactly the citations its report format gives it, and that the pages carry what the labels rely on.
"""

from __future__ import annotations

import re

from tests.generalisation.labelled_set import LabelledSet, WellFormed, live_page_texts

# a URL in a {{cite web |url=...}} field ends at the space before the next "|"; in a post it ends the line
URL = re.compile(r"https?://[^\s|}<>\]]+")
WIKI = "w1_wikitext_tc.txt"
CHANNEL = "w2_telegram_en.txt"

HELDOUT18 = LabelledSet(
    "heldout18",
    by_report={
        WIKI: {"verified": 16, "contradicted": 13, "unverified": 9},
        CHANNEL: {"verified": 16, "contradicted": 12, "unverified": 8},
    },
    verdicts={"verified": 32, "contradicted": 25, "unverified": 17},
    kinds={"money": 24, "fact": 15, "count": 13, "percent": 12, "date": 8, "version": 2},
    live=10,
    url=URL,
    empty_pages={
        "https://www.ctee.com.tw/news/20261122700215-430501": "您要找的頁面不存在或已移除",  # soft 404 answering 200
        "https://www.theinformation.com/articles/cloudvane-in-talks-to-supply-inference-chips-to-corvid-labs": (
            "Subscribe to read the full story"
        ),
    },
)

REF = re.compile(r'<ref(?: name="([^"]+)")?\s*(/>|>(.*?)</ref>)', re.S)
HEADER = re.compile(r"AI Wire Daily, \[\d\d\.\d\d\.\d\d \d\d:\d\d\]")


def named_refs(wiki: str) -> dict[str, str]:
    """The URL of each named ref, from its first (defining) occurrence."""
    found: dict[str, str] = {}
    for name, _, body in REF.findall(wiki):
        if name and body and name not in found:
            found[name] = URL.search(body).group(0)
    return found


def trailing_refs(wiki: str, at: int, names: dict[str, str]) -> list[str]:
    """The URLs of the refs closing the sentence (or infobox field) that holds position ``at``: one sentence
    a line, its refs directly after its 。; an infobox field's refs on its own line."""
    line_end = wiki.find("\n", at)
    rest = wiki[at : line_end if line_end != -1 else len(wiki)]
    stop = rest.find("。")
    if stop != -1:
        rest = rest[stop + 1 :]
        assert not REF.sub("", rest).strip(), rest  # nothing but refs after the sentence
    return [URL.search(body).group(0) if body else names[name] for name, _, body in REF.findall(rest)]


def posts(channel: str) -> list[str]:
    """The posts of the channel export, separated by blank lines."""
    return channel.strip("\n").split("\n\n")


class TestHeldout18WellFormed(WellFormed):
    SET = HELDOUT18

    def test_the_wiki_article_is_wikitext(self, reports: dict[str, str]) -> None:
        wiki = reports[WIKI]
        assert wiki.startswith("{{Infobox company\n")
        infobox, body = wiki.split("\n}}\n", 1)
        fields = infobox.splitlines()[1:]
        assert fields and all(re.match(r"\| \S+ = ", line) for line in fields), fields
        assert sum("<ref" in line for line in fields) >= 4  # infobox fields hold figures with their own refs
        headings = re.findall(r"^(=+) (.+?) \1$", body, re.M)
        assert ("==", "評價") in headings and ("==", "參考資料") in headings and len(headings) >= 8
        assert body.split("== 參考資料 ==\n", 1)[1].startswith("{{reflist}}")
        assert "'''雲衡科技股份有限公司'''" in body and "'''雲衡'''" in body  # bold
        links = re.findall(r"\[\[([^\]]+)\]\]", wiki)
        assert len(links) >= 10 and not any("http" in link for link in links)  # internal links, no URLs
        assert "](" not in wiki and "**" not in wiki  # not markdown
        # every URL sits in a {{cite web |url=...}} inside a <ref>
        cite = re.compile(r'<ref(?: name="[^"]+")?>\{\{cite web \|url=https://')
        assert len(URL.findall(wiki)) == len(cite.findall(wiki))
        # both unnamed and named refs, named refs reused, every reuse defined earlier
        defined: set[str] = set()
        unnamed = reused = 0
        for match in REF.finditer(wiki):
            name, tail, _ = match.groups()
            if not name:
                unnamed += 1
            elif tail == "/>":
                assert name in defined, f"<ref name={name!r} /> before its definition"
                reused += 1
            else:
                assert name not in defined, name
                defined.add(name)
        assert unnamed >= 2 and reused >= 10 and len(defined) >= 6

    def test_every_wiki_sentence_but_the_evaluation_ends_with_refs(self, reports: dict[str, str]) -> None:
        body = reports[WIKI].split("\n}}\n", 1)[1]
        sections = re.split(r"^== (.+?) ==$", body, flags=re.M)
        for title, text in zip(sections[1::2], sections[2::2], strict=True):
            lines = [p for p in text.splitlines() if p.strip()]
            paragraphs = [p for p in lines if not p.startswith(("=", "{{", "[[Category"))]
            if title == "評價":  # the one paragraph citing nothing
                assert len(paragraphs) == 1 and "<ref" not in paragraphs[0]
                continue
            for paragraph in paragraphs:
                prose = REF.sub("", paragraph)
                assert prose.endswith("。") and prose.count("。") == 1, paragraph  # one sentence a line
                assert paragraph.rstrip().endswith(("</ref>", "/>")), paragraph

    def test_wiki_labels_rest_on_the_refs_closing_their_sentence(
        self, labels: list[dict], reports: dict[str, str]
    ) -> None:
        wiki = reports[WIKI]
        names = named_refs(wiki)
        evaluation = wiki.split("== 評價 ==", 1)[1].split("==", 1)[0]
        cited = set(URL.findall(wiki))
        for item in (i for i in labels if i["report"] == WIKI):
            if item["quote"] in evaluation:  # unsourced: the article's own pages, or nothing
                assert set(item["source_urls"]) <= cited, item
                assert item["source_urls"] or item["verdict"] == "unverified", item
                continue
            urls = trailing_refs(wiki, wiki.find(item["quote"]), names)
            assert urls and item["source_urls"] == urls, (item["key"], urls)

    def test_the_channel_is_posts_with_headers_and_their_own_links(self, reports: dict[str, str]) -> None:
        channel = reports[CHANNEL]
        assert "](" not in channel and "**" not in channel and "<" not in channel  # plain text
        found = posts(channel)
        assert len(found) == 11
        for post in found:
            lines = post.splitlines()
            assert HEADER.fullmatch(lines[0]), lines[0]  # the header: channel, [dd.mm.yy HH:MM]
        recap = [p for p in found if "WEEKLY RECAP" in p]
        assert len(recap) == 1 and "📌 Pinned" in recap[0] and not URL.search(recap[0])  # cites nothing
        for post in found:
            if post in recap:
                continue
            last = post.splitlines()[-1]
            assert re.fullmatch(r"(🔗 )?https://\S+", last), last  # the post's link closes it
            assert len(URL.findall(post)) == 1, post
        lasts = [p.splitlines()[-1] for p in found if p not in recap]
        assert any(x.startswith("🔗 ") for x in lasts) and any(x.startswith("https://") for x in lasts)
        assert sum("\n[Forwarded from " in p for p in found) == 2
        assert len(re.findall(r"(?<!\w)#\w+", channel)) >= 6  # hashtags

    def test_the_reply_quotes_an_earlier_post(self, reports: dict[str, str]) -> None:
        found = posts(reports[CHANNEL])
        replies = [n for n, p in enumerate(found) if p.splitlines()[1] == "[In reply to AI Wire Daily]"]
        assert len(replies) == 1
        n = replies[0]
        quoted = found[n].splitlines()[2]
        assert quoted.startswith("> ")
        excerpt = quoted[2:].rstrip("…")
        assert excerpt and any(excerpt in p for p in found[:n])  # an earlier post's words
        assert URL.findall(found[n])  # the reply has its own link, on which its claims rest

    def test_channel_labels_rest_on_their_posts_links(
        self, labels: list[dict], reports: dict[str, str]
    ) -> None:
        found = posts(reports[CHANNEL])
        cited = set(URL.findall(reports[CHANNEL]))
        for item in (i for i in labels if i["report"] == CHANNEL):
            (post,) = [p for p in found if item["quote"] in p]
            assert not any(line.startswith("> ") and item["quote"] in line for line in post.splitlines())
            # the header's date and time stamp are not figures
            assert not HEADER.search(item["quote"]) and "[" not in item["quote"]
            if "WEEKLY RECAP" in post:  # unsourced: the channel's own pages, or nothing
                assert set(item["source_urls"]) <= cited, item
                assert item["source_urls"] or item["verdict"] == "unverified", item
                continue
            assert item["source_urls"] == URL.findall(post), item["key"]

    def test_pages_carry_the_formats_the_labels_rely_on(self, manifest: dict[str, dict]) -> None:
        texts = live_page_texts(manifest, self.SET.sources)
        joined = "\n".join(texts.values())
        assert "單位：新臺幣百萬元（每股盈餘為新臺幣元）" in joined  # the results table's unit is a caption
        assert "營業利益 3,905 3,012 1,874" in joined  # a table row read as text
        assert "【更正】" in joined and "正確金額為240億元" in joined  # a correction note revising a figure
        assert "three founding partners — Halden Grid, Cloudvane Technologies and Marisol Power" in joined
        assert "is not part of the consortium" in joined  # the complete list's non-member
        assert "biggest gain among the top five" in joined
        chinese = [u for u, t in texts.items() if len(re.findall(r"[\u4e00-\u9fff]", t)) > 200]
        assert len(chinese) >= 4
        # every capture keeps its cookie banner
        assert all("cookie" in text.lower() for text in texts.values())
