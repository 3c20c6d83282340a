"""Well-formedness of the heldout25 held-out set (tests/fixtures/heldout25/), checked without the engine.

The set was written blind to the engine and is held out: whoever tunes the engine does not read it, and only
its totals are ever printed. ``WellFormed`` checks its labels against its reports and its archive (one dead
URL, one soft 404, one paywall stub); the tests here check the shapes of its two reports (Traditional-Chinese
podcast show notes with a chapter timeline, an English forum post in BBCode), that each label rests on
exactly the URLs its report's citation scope gives it, and that the pages carry the formats the labels rely
on.
"""

from __future__ import annotations

import re

from tests.generalisation.labelled_set import LabelledSet, WellFormed, live_page_texts, page_languages

URL = re.compile(r"https?://[^\s\[\]()<>，；。、]+")
CHAPTER = re.compile(r"(\d\d):(\d\d):(\d\d) (\S.*)")
LINKS = re.compile(r"參考連結：(https://\S+)(?: (https://\S+))?")
BBURL = re.compile(r"\[url=(https://[^\]\s]+)\]([^\[\]]+)\[/url\]")
TAG = re.compile(r"\[(/?)(b|i|list|quote|url|\*)(?:=[^\]]*)?\]")

SHOW = "a1_podcast_notes_tc.txt"
FORUM = "b1_forum_post_en.txt"
SOFT_404 = "https://www.jiemian.com/article/11928374.html"
PAYWALL = "https://www.theinformation.com/articles/nimbra-labs-in-talks-for-new-funding"
DEAD = "https://blog.halcyra.ai/posts/series-c-announcement"
TW_PAGE = "https://money.udn.com/money/story/5612/8391247"
QBIT_PAGE = "https://www.qbitai.com/2026/11/318452.html"
TC_PAGE = "https://techcrunch.com/2026/12/02/halcyra-raises-640m-series-c-ai-agents-back-office/"
REUTERS_PAGE = "https://www.reuters.com/markets/deals/gpu-cloud-strathmore-compute-prices-us-ipo-top-range-2026-12-02/"
SIGNATURE_RULE = "_________________"

HELDOUT25 = LabelledSet(
    "heldout25",
    by_report={
        SHOW: {"verified": 16, "contradicted": 12, "unverified": 9},
        FORUM: {"verified": 17, "contradicted": 13, "unverified": 8},
    },
    verdicts={"verified": 33, "contradicted": 25, "unverified": 17},
    kinds={"money": 28, "percent": 13, "fact": 13, "count": 12, "date": 7, "version": 2},
    live=12,
    url=URL,
    empty_pages={
        SOFT_404: "抱歉，您访问的页面不存在或已被删除",  # soft 404 answering 200
        PAYWALL: "This article is for subscribers only.",  # paywall stub
    },
)


# ---------------------------------------------------------------- the podcast show notes


def _show_parts(show: str) -> tuple[list[str], list[str], list[tuple[str, str, list[str]]], list[str]]:
    """The show notes split into: header lines (節目資訊), 本集重點 bullets, chapters (timestamp line,
    paragraph, URLs of its 參考連結 line) and the closing lines (主持人／來賓, 訂閱)."""
    blocks = [b.splitlines() for b in show.strip("\n").split("\n\n")]
    header, summary, timeline, closing = blocks[0], blocks[1], blocks[2:-2], blocks[-2:]
    assert summary[0] == "本集重點", summary
    assert timeline[0][0] == "時間軸", timeline[0]
    timeline[0] = timeline[0][1:]
    chapters: list[tuple[str, str, list[str]]] = []
    for block in timeline:
        assert len(block) == 3, block  # timestamp + title, its paragraph, its 參考連結 line
        links = LINKS.fullmatch(block[2])
        assert links, block[2]
        chapters.append((block[0], block[1], [u for u in links.groups() if u]))
    return header, summary[1:], chapters, [line for b in closing for line in b]


def _forum_units(post: str) -> list[tuple[str, str]]:
    """The forum post's citation units in order, each as (where, text): a paragraph (a blank-line separated
    block), a list item ([*] line) of a [list] block, a [quote=…] block, the TL;DR items, the title and
    'Posted by' lines, the signature and the edit note."""
    units: list[tuple[str, str]] = []
    for block in post.strip("\n").split("\n\n"):
        lines = block.splitlines()
        if lines[0].startswith("[b]TL;DR[/b]"):
            units += [("tldr", line) for line in lines if line.startswith("[*]")]
        elif "[list]" in lines:
            assert lines[lines.index("[list]") :][-1] == "[/list]", block
            units += [("item", line) for line in lines if line.startswith("[*]")]
            units += [("head", line) for line in lines[: lines.index("[list]")]]
        elif lines[0].startswith("[quote="):
            units.append(("quote", block))
        elif lines[0] == SIGNATURE_RULE:
            units.append(("signature", block))
        elif lines[0].startswith("Last edited by "):
            units.append(("edit", block))
        elif lines[0].startswith("Posted by ") or (len(lines) == 2 and lines[1].startswith("Posted by ")):
            units.append(("title", block))
        else:
            units.append(("paragraph", block))
    return units


class TestHeldout25WellFormed(WellFormed):
    SET = HELDOUT25

    def test_the_show_notes_have_a_header_highlights_a_timeline_hosts_and_a_footer(
        self, reports: dict[str, str]
    ) -> None:
        show = reports[SHOW]
        assert "<" not in show and "](" not in show and "[url" not in show and "**" not in show
        header, summary, chapters, closing = _show_parts(show)
        # 節目資訊 header: programme name, episode, release date, length; no links, not claims
        assert header[0] == "節目資訊"
        assert header[1].startswith("節目名稱：") and header[2].startswith("集數：EP.")
        assert "上架日期：2026年12月7日" in header and any(re.fullmatch(r"節目長度：\d\d:\d\d:\d\d", h) for h in header)
        assert not URL.search("\n".join(header))
        # 本集重點: four ・ bullets citing nothing
        assert len(summary) == 4 and all(b.startswith("・") for b in summary)
        assert not URL.search("\n".join(summary))
        # 時間軸: 'hh:mm:ss 章節標題' lines in increasing time, titles without figures or links,
        # each followed by its own paragraph (no link in it) and a 參考連結 line with one or two URLs
        assert len(chapters) >= 8
        seconds = []
        for stamp, paragraph, urls in chapters:
            m = CHAPTER.fullmatch(stamp)
            assert m, stamp
            h, mi, s, title = m.groups()
            seconds.append(int(h) * 3600 + int(mi) * 60 + int(s))
            assert not re.search(r"\d", title) and not URL.search(title), title
            assert not URL.search(paragraph) and not paragraph.startswith("參考連結"), paragraph
            assert 1 <= len(urls) <= 2
        assert seconds == sorted(seconds) and len(set(seconds)) == len(seconds)
        assert any(len(urls) == 2 for _, _, urls in chapters) and any(len(urls) == 1 for _, _, urls in chapters)
        # every URL of the report sits on a 參考連結 line
        assert set(URL.findall(show)) == {u for _, _, urls in chapters for u in urls}
        # a 主持人／來賓 line and a 訂閱 footer, neither with a link
        assert len(closing) == 2 and re.fullmatch(r"主持人：\S+｜來賓：\S+", closing[0]), closing
        assert closing[1].startswith("訂閱｜") and not URL.search("\n".join(closing))
        # Traditional characters (Taiwan usage), not Simplified
        assert "參考連結" in show and "兆" in show and "億" in show and "亿" not in show and "参考" not in show

    def test_show_labels_rest_on_their_own_chapter(self, labels: list[dict], reports: dict[str, str]) -> None:
        show = reports[SHOW]
        header, summary, chapters, closing = _show_parts(show)
        cited = set(URL.findall(show))
        for item in labels:
            if item["report"] != SHOW:
                continue
            assert 8 <= len(item["quote"]) <= 60, item["quote"]
            assert not any(item["quote"] in line for line in header + closing), item
            assert not any(item["quote"] in stamp for stamp, _, _ in chapters), item  # titles are not claims
            in_summary = [b for b in summary if item["quote"] in b]
            owners = [urls for _, paragraph, urls in chapters if item["quote"] in paragraph]
            assert len(in_summary) + len(owners) == 1, item["quote"]
            if in_summary:  # 本集重點 cites nothing: the show's own pages (verified) or nothing (unverified)
                assert set(item["source_urls"]) <= cited, item
                assert bool(item["source_urls"]) == (item["verdict"] == "verified"), item
            else:  # exactly the URLs on its chapter's 參考連結 line
                assert sorted(item["source_urls"]) == sorted(owners[0]), item

    # ------------------------------------------------------------ the forum post

    def test_the_forum_post_is_bbcode_with_lists_a_quote_a_signature_and_an_edit_note(
        self, reports: dict[str, str]
    ) -> None:
        post = reports[FORUM]
        assert "<" not in post and "](" not in post and "**" not in post and not re.search(r"(?m)^#", post)
        lines = post.splitlines()
        assert re.fullmatch(r"\[b\][^\[\]]+\[/b\]", lines[0]) and not URL.search(lines[0])
        assert re.fullmatch(r"Posted by \w+ » \w{3} Dec 07, 2026 \d{1,2}:\d\d [ap]m", lines[1])
        # BBCode tags balanced, and nested properly ([*] has no closing tag)
        stack: list[str] = []
        for m in TAG.finditer(post):
            closing, name = m.groups()
            if name == "*":
                assert stack and stack[-1] == "list", m.group(0)
            elif closing:
                assert stack and stack.pop() == name, m.group(0)
            else:
                stack.append(name)
        assert not stack
        for tag in ("[b]", "[i]", "[list]", "[*]", "[quote=", "[url="):
            assert tag in post, tag
        # every link is [url=https://…]label[/url] with a plain label; no bare URLs
        links = BBURL.findall(post)
        assert len(links) == post.count("[url=") == post.count("[/url]")
        assert all(not URL.search(label) for _, label in links)
        assert sorted(URL.findall(post)) == sorted(u for u, _ in links)
        units = _forum_units(post)
        kinds = [k for k, _ in units]
        # the TL;DR list cites nothing; exactly one quote block, quoting another member, with its own link
        tldr = [t for k, t in units if k == "tldr"]
        assert len(tldr) == 4 and not URL.search("\n".join(tldr))
        quotes = [t for k, t in units if k == "quote"]
        assert len(quotes) == 1 and re.match(r"\[quote=(\w+)\]", quotes[0])
        assert not quotes[0].startswith("[quote=tensor_tinker]") and len(BBURL.findall(quotes[0])) == 1
        assert quotes[0].endswith("[/quote]")
        # list items each carry their own link(s); at least one paragraph holds two claims' links at once
        items = [t for k, t in units if k == "item"]
        assert len(items) >= 7 and all(BBURL.search(t) for t in items)
        # a signature (rule line, then an [i] line) and a 'Last edited by' note close the post, citing nothing
        assert kinds[-2:] == ["signature", "edit"]
        signature, edit = units[-2][1], units[-1][1]
        assert re.fullmatch(r"_+\n\[i\][^\[\]]+\[/i\]", signature)
        assert re.fullmatch(r"Last edited by \w+ on .+, edited \d+ times? in total\.", edit)
        assert not URL.search(signature + edit)

    def test_forum_labels_rest_on_their_own_paragraph_item_or_quote(
        self, labels: list[dict], reports: dict[str, str]
    ) -> None:
        post = reports[FORUM]
        units = _forum_units(post)
        cited = set(URL.findall(post))
        for item in labels:
            if item["report"] != FORUM:
                continue
            assert 8 <= len(item["quote"]) <= 60, item["quote"]
            owners = [(k, t) for k, t in units if item["quote"] in t]
            assert len(owners) == 1, item["quote"]
            where, text = owners[0]
            # never the title, the 'Posted by' line, the signature or the edit note
            assert where in {"tldr", "item", "quote", "paragraph"}, item
            assert "[url=" not in item["quote"] and "[/" not in item["quote"], item  # quotes are plain text
            if where == "tldr":  # the TL;DR cites nothing: the post's own pages (verified) or nothing
                assert set(item["source_urls"]) <= cited, item
                assert bool(item["source_urls"]) == (item["verdict"] == "verified"), item
            else:  # exactly the [url] links of its own paragraph, list item or quote block
                assert sorted(set(item["source_urls"])) == sorted({u for u, _ in BBURL.findall(text)}), item

    # ------------------------------------------------------------ both reports and the archive

    def test_reports_size_languages_and_cross_language_citations(
        self, reports: dict[str, str], manifest: dict[str, dict]
    ) -> None:
        for name in (SHOW, FORUM):
            assert 4000 <= len(reports[name].encode("utf-8")) <= 6000, name
        langs = page_languages(manifest, self.SET.sources)
        show_urls, forum_urls = set(URL.findall(reports[SHOW])), set(URL.findall(reports[FORUM]))
        # the Chinese show notes cite English pages; the English post cites Chinese pages
        assert sum(langs[u].startswith("en") for u in show_urls) >= 3
        assert sum(langs[u].startswith("zh") for u in forum_urls if u in langs) >= 2
        assert langs[TW_PAGE] == "zh-Hant-TW" and TW_PAGE in show_urls & forum_urls
        assert {QBIT_PAGE, TC_PAGE} <= show_urls & forum_urls
        # the soft 404 is cited by the show notes only; the paywall and the dead URL by the post only
        assert SOFT_404 in show_urls - forum_urls
        assert {PAYWALL, DEAD} <= forum_urls - show_urls

    def test_pages_carry_the_formats_the_labels_rely_on(self, manifest: dict[str, dict]) -> None:
        sources = self.SET.sources
        texts = live_page_texts(manifest, sources)
        joined = "\n".join(texts.values())
        # every page declares its language; about half Chinese (one Traditional), half English
        langs = page_languages(manifest, sources)
        assert len(langs) == 12 and all(langs.values())
        assert sum(lang.startswith("zh") for lang in langs.values()) == 6
        assert sum(lang.startswith("en") for lang in langs.values()) == 6
        assert list(langs.values()).count("zh-Hant-TW") == 1
        assert "創單月歷史新高" in texts[TW_PAGE] and "新台幣412.6億元" in texts[TW_PAGE]
        # tables: a benchmark table with the unit in a header, a financial table, a spec table, a subsidy table
        assert "SWE-bench Verified（%）" in joined and "言川-5 82.4 71.9 68.3 74.6" in joined
        assert "(in millions, except per share amounts; unaudited)" in joined
        assert "Revenue 3,420 3,138 2,375 9,150 6,583" in joined
        assert "Memory bandwidth 12 TB/s 8 TB/s" in joined
        assert "单个企业年度上限（万元）" in joined and "模型券 大模型API调用、模型微调、行业模型定制 30% 500" in joined
        # a correction note revising a figure
        assert "更正说明（11月27日）" in joined and "误写为1.5万P，现更正为1.2万P" in joined
        # a complete list with a name said not to be on it
        assert "首批模型券服务商共四家，分别为：" in joined and "北辰智语等申报单位的材料尚需补充完善，将纳入第二批评审" in joined
        # figures of two subjects, two periods or two frames side by side
        assert "每个token激活参数370亿" in joined and "言川-5-Mini总参数为300亿" in joined
        assert "Client Computing revenue was $512 million, down 12%" in joined
        assert "up 44% from the same period a year ago and up 9% sequentially" in joined
        assert "GAAP gross margin was 58.6% and non-GAAP gross margin was 61.2%." in joined
        assert "net loss narrowed to $145 million from $211 million" in joined
        assert "by the end of fiscal 2027, which ends in March 2028" in joined
        assert "Kestrel skipped the KX-8 name entirely" in joined
        # pages that say they do not give a figure a label asks for
        assert "深言科技未披露训练所用算力规模和加速卡数量" in joined and "崴銳依慣例不提供財務預測" in joined
        assert "declined to say how many paying customers" in joined and "would not discuss gross margins" in joined
        assert "Kestrel declined to share pricing" in joined and "Sorabe declined to disclose its valuation." in joined
        # the dead URL has no capture; the soft 404 and the paywall say nothing of the claims resting on them
        assert manifest[DEAD]["status"] == 404 and "file" not in manifest[DEAD]
        assert "北辰" not in texts[SOFT_404] and "铭川" not in texts[SOFT_404] and "20亿港元" not in texts[SOFT_404]
        assert "billion" not in texts[PAYWALL] and "valuation" not in texts[PAYWALL]
        # the NYSE is the venue; "Nasdaq" on the Reuters page is only an index in the market strip
        assert "Nasdaq Composite" in texts[REUTERS_PAGE] and "New York Stock Exchange" in texts[REUTERS_PAGE]
        assert texts[REUTERS_PAGE].count("Nasdaq") == 1
