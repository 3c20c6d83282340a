"""Well-formedness of the tune28 development set (tests/fixtures/tune28/), checked without the engine.

The set was written blind to the engine. ``WellFormed`` checks its labels against its reports and its
archive (one dead URL, one soft 404, one paywall stub); the tests here check the shapes of its two reports
(a Simplified-Chinese wiki article as MediaWiki source, an English phpBB forum thread copied as BBCode), that
each label rests on exactly the URLs its report's citation scope gives it, and that the pages carry the
formats the labels rely on.
"""

from __future__ import annotations

import datetime as dt
import re

from tests.generalisation.labelled_set import LabelledSet, WellFormed, live_page_texts, page_languages

URL = re.compile(r"https?://[^\s\[\]()<>|，；。]+")

WIKI = "w1_wiki_sc.txt"
FORUM = "f1_forum_thread_en.txt"
SOFT_404 = "https://finance.sina.com.cn/tech/2023-11-21/doc-imzxkqpa5617204.shtml"
PAYWALL = "https://www.theinformation.com/articles/kestrel-compute-readies-successor-to-kx-9-as-local-ai-demand-grows"
DEAD = "https://www.kestrelcompute.com/support/kx-9-preorder-faq"
TW_PAGE = "https://www.digitimes.com.tw/iot/article.asp?id=0000712384_K4X7P2LM9QWE3"
SHARED = "https://techcrunch.com/2026/12/08/chinas-moju-launches-mj-4-a-trillion-parameter-model-priced-to-undercut-rivals/"

TUNE28 = LabelledSet(
    "tune28",
    by_report={
        WIKI: {"verified": 17, "contradicted": 13, "unverified": 8},
        FORUM: {"verified": 16, "contradicted": 12, "unverified": 9},
    },
    verdicts={"verified": 33, "contradicted": 25, "unverified": 17},
    kinds={"money": 21, "fact": 13, "percent": 13, "date": 13, "count": 12, "version": 3},
    live=12,
    url=URL,
    empty_pages={
        SOFT_404: "抱歉，您访问的页面不存在或已被删除！",  # soft 404 answering 200
        PAYWALL: "Subscribe to read the full story",  # paywall stub
    },
)

# ---------------------------------------------------------------- the wiki article (MediaWiki source)

REF = re.compile(r'<ref(?: name="([^"]+)")?\s*/>|<ref(?: name="([^"]+)")?>(.*?)</ref>', re.S)
NEEDED = re.compile(r"\{\{来源请求\|time=\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00\}\}")
TOKEN = re.compile(
    r'<ref(?: name="[^"]+")?\s*/>|<ref(?: name="[^"]+")?>.*?</ref>|\{\{来源请求[^{}]*\}\}|.', re.S
)
HEADING = re.compile(r"(={2,3}) (\S+) \1")
PARAM = re.compile(r"\| ([a-z_]+) +=(?: (.*))?")
CITE = re.compile(
    r"\{\{cite web \|url=(\S+) \|title=[^|]+ \|publisher=[^|]+ (?:\|author=[^|]+ )?\|date=(\d{4}-\d\d-\d\d) \|access-date=(\d{4}-\d\d-\d\d)(?: \|language=en)?\}\}"
)


def _definitions(wiki: str) -> dict[str, set[str]]:
    """Named refs: name -> the URLs of the one <ref name="…">…</ref> that defines it."""
    defs: dict[str, set[str]] = {}
    for m in REF.finditer(wiki):
        if m.group(2):
            assert m.group(2) not in defs, f"ref {m.group(2)} defined twice"
            defs[m.group(2)] = set(URL.findall(m.group(3)))
    return defs


def _ref_urls(text: str, defs: dict[str, set[str]]) -> set[str]:
    """The URLs of the ref marks in ``text`` (a reused <ref name="…" /> resolves to its definition)."""
    urls: set[str] = set()
    for m in REF.finditer(text):
        urls |= defs[m.group(1)] if m.group(1) else set(URL.findall(m.group(3)))
    return urls


def _sentences(line: str) -> list[str]:
    """A prose line cut into sentences: each ends at 。 and keeps the ref marks (or {{来源请求}}) right after it."""
    out, cur, closed = [], "", False
    for m in TOKEN.finditer(line):
        tok = m.group(0)
        if closed and not tok.startswith(("<ref", "{{来源请求")):
            out.append(cur)
            cur, closed = "", False
        cur += tok
        closed = closed or tok == "。"
    if cur.strip():
        out.append(cur)
    return out


def _wiki_units(wiki: str) -> list[tuple[str, str, str]]:
    """The article's claim-bearing units in order: (kind, text, fallback text whose refs apply when the unit
    has none). Kinds: "infobox" (one parameter line), "row" (one table row; fallback: the caption), "sentence"."""
    lines = wiki.splitlines()
    start = lines.index("{{Infobox company")
    end = lines.index("}}", start)
    units = [("infobox", line, "") for line in lines[start + 1 : end]]
    i = end + 1
    while i < len(lines):
        line = lines[i]
        if line.startswith("{|"):
            close = lines.index("|}", i)
            table = lines[i + 1 : close]
            caption = next(t for t in table if t.startswith("|+ "))
            rows: list[list[str]] = []
            for t in table:
                if t == "|-":
                    rows.append([])
                elif rows:
                    rows[-1].append(t)
            units += [("row", "\n".join(r), caption) for r in rows if not r[0].startswith("!")]
            i = close + 1
            continue
        if (
            line
            and not HEADING.fullmatch(line)
            and not line.startswith(("{{", "[[Category:", "* ", "|", "}}"))
        ):
            units += [("sentence", s, "") for s in _sentences(line)]
        i += 1
    return units


def test_wiki_sentences_split_at_the_full_stop_and_keep_the_refs_after_it() -> None:
    line = (
        'A1。<ref name="x" />B2<ref>[https://a.example/ t]</ref>，c。<ref name="y" />D3。{{来源请求|time=x}}'
    )
    assert _sentences(line) == [
        'A1。<ref name="x" />',
        'B2<ref>[https://a.example/ t]</ref>，c。<ref name="y" />',
        "D3。{{来源请求|time=x}}",
    ]


# ---------------------------------------------------------------- the forum thread (phpBB BBCode)

HEADER = re.compile(
    r"Post by (\S+) » (Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Dec) (\d{1,2}), (\d{4}) (\d{1,2}):(\d\d) (am|pm)"
)
SIG = "_________________"
EDITED = re.compile(
    r"Last edited by (\S+) on (\w{3} \w{3} \d{1,2}, \d{4} \d{1,2}:\d\d [ap]m), edited (\d+) times? in total\."
)
QUOTE_OPEN = re.compile(r'\[quote="([^"]+)"(?: post_id=(\d+) time=(\d+) user_id=(\d+))?\]')
QUOTE_BLOCK = re.compile(r'\[quote="[^"]+"[^\]]*\](.*?)\[/quote\]', re.S)
BB_URL = re.compile(r"\[url=(https?://[^\]]+)\][^\[]+\[/url\]|\[url\](https?://[^\[]+)\[/url\]")
BOARD_TZ = dt.timezone(dt.timedelta(hours=-5))  # the board shows times in US Eastern (EST)


def _when(text: str) -> dt.datetime:
    return dt.datetime.strptime(text, "%a %b %d, %Y %I:%M %p").replace(tzinfo=BOARD_TZ)


def _posts(thread: str) -> list[dict]:
    """The thread's posts: author, time, body (before any edit line and signature), edit line, signature."""
    chunks = re.split(r"\n(?=Post by )", thread)
    posts = []
    for chunk in chunks[1:]:
        head, rest = chunk.split("\n", 1)
        m = HEADER.fullmatch(head)
        assert m, head
        when = _when(head.split(" » ", 1)[1])
        assert when.strftime("%a") == m.group(2), head  # the weekday agrees with the date
        content, _, signature = rest.partition("\n" + SIG + "\n")
        lines = content.strip("\n").splitlines()
        edit = lines[-1] if lines and lines[-1].startswith("Last edited by ") else ""
        body = "\n".join(lines[:-1] if edit else lines)
        posts.append(
            {
                "author": m.group(1),
                "when": when,
                "head": head,
                "body": body,
                "edit": edit,
                "signature": signature.strip("\n"),
            }
        )
    return posts


def _own_urls(body: str) -> set[str]:
    """The URLs a post cites itself: its [url] links outside any [quote] block."""
    outside = QUOTE_BLOCK.sub("", body)
    return {a or b for a, b in BB_URL.findall(outside)}


class TestTune28WellFormed(WellFormed):
    SET = TUNE28

    def test_the_wiki_is_mediawiki_source_with_an_infobox_refs_a_table_and_a_reflist(
        self, reports: dict[str, str]
    ) -> None:
        wiki = reports[WIKI]
        lines = wiki.splitlines()
        assert "<p>" not in wiki and "](" not in wiki and "**" not in wiki and not re.search(r"(?m)^#", wiki)
        # {{NoteTA}} then the {{Infobox company}} at the top, one "| param = value" line each
        assert lines[0] == "{{NoteTA" and lines[4] == "{{Infobox company"
        end = lines.index("}}", 4)
        params = [PARAM.fullmatch(line) for line in lines[5:end]]
        assert all(params) and len(params) >= 12
        names = [p.group(1) for p in params if p]
        assert {"name", "founded", "revenue", "num_employees", "website"} <= set(names)
        for template in ("{{Start date and age|2022|3|14}}", "{{increase}}", "{{ubl|", "{{URL|", "{{CHN}}"):
            assert template in "\n".join(lines[5:end]), template
        # the bold lead right after the infobox, then == / === headings, 参考资料 with {{reflist}} near the end
        assert lines[end + 1].startswith("'''墨矩科技'''（{{lang-en|Moju Technology}}）")
        heads = [HEADING.fullmatch(line) for line in lines if line.startswith("==")]
        assert all(heads) and {len(h.group(1)) for h in heads if h} == {2, 3}
        ref_list = lines.index("== 参考资料 ==")
        assert lines[ref_list + 1] == "{{reflist|2}}" and lines[-1].startswith("[[Category:")
        assert sum(line.startswith("[[Category:") for line in lines) >= 3
        # refs: every <ref> closed; cite web templates with url/title/publisher/date/access-date
        assert wiki.count("<ref>") + len(re.findall(r'<ref name="[^"]+">', wiki)) == wiki.count("</ref>")
        cites = CITE.findall(wiki)
        assert len(cites) == 5 and len(re.findall(r"\{\{cite web", wiki)) == 5
        for _, date, accessed in cites:
            assert "2026-11-27" <= date <= accessed <= "2026-12-20"
        # named refs: each defined once and reused as <ref name="…" /> (the infobox uses one before its definition)
        defs = _definitions(wiki)
        assert set(defs) == {"reuters-ipo", "36kr-d", "tc-mj4", "dcd", "sheitc"}
        for name in defs:
            assert len(defs[name]) == 1 and wiki.count(f'<ref name="{name}" />') >= 1, name
        assert wiki.index('<ref name="36kr-d" />') < wiki.index('<ref name="36kr-d">')
        # exactly one bare <ref>[https://… 标题]</ref>
        bare = re.findall(r"<ref>\[(https://\S+) [^\]]+\]</ref>", wiki)
        assert bare == [SOFT_404] and wiki.count("<ref>") == 1
        # the wikitable: caption with a ref, ! header cells, |- rows, || cells, one row with its own ref
        start = lines.index('{| class="wikitable"')
        close = lines.index("|}", start)
        table = lines[start + 1 : close]
        assert table[0].startswith("|+ ") and "<ref" in table[0] and table[1] == "|-"
        assert table[2].startswith("! ") and table[2].count(" !! ") == 2
        rows = [t for t in table[3:] if t != "|-"]
        assert len(rows) == 4 and table[3:].count("|-") == 4
        assert all(r.startswith("| ") and r.count(" || ") == 2 for r in rows)
        assert sum("<ref" in r for r in rows) == 1
        # one {{来源请求}} mark, closing a sentence that has no ref
        assert len(NEEDED.findall(wiki)) == 1 and wiki.count("{{来源请求") == 1
        flagged = [s for kind, s, _ in _wiki_units(wiki) if kind == "sentence" and "{{来源请求" in s]
        assert len(flagged) == 1 and "<ref" not in flagged[0]
        # every URL sits in a ref: a cite web |url= or the bare ref's [https://… title]
        assert set(URL.findall(wiki)) == {c[0] for c in cites} | set(bare)

    def test_wiki_labels_rest_on_the_refs_of_their_own_line_row_or_sentence(
        self, labels: list[dict], reports: dict[str, str]
    ) -> None:
        wiki = reports[WIKI]
        defs = _definitions(wiki)
        units = _wiki_units(wiki)
        cited = set(URL.findall(wiki))
        kinds_seen = set()
        for item in labels:
            if item["report"] != WIKI:
                continue
            owners = [(kind, text, fallback) for kind, text, fallback in units if item["quote"] in text]
            assert len(owners) == 1, item["quote"]
            kind, text, fallback = owners[0]
            kinds_seen.add(kind)
            own = _ref_urls(text, defs) or _ref_urls(fallback, defs)  # a row without refs: the caption's
            if own:
                assert set(item["source_urls"]) == own, item
            else:  # an infobox line or sentence without refs: unsourced (devset rule 2)
                assert set(item["source_urls"]) <= cited, item
                assert bool(item["source_urls"]) == (item["verdict"] == "verified"), item
        assert kinds_seen == {"infobox", "row", "sentence"}
        # the B row rests on its own ref (the soft 404), the other rows on the caption's 36氪 ref
        rows = [(t, f) for k, t, f in units if k == "row"]
        assert [_ref_urls(t, defs) for t, _ in rows if "<ref" in t] == [{SOFT_404}]
        assert {u for _, f in rows for u in _ref_urls(f, defs)} == {"https://36kr.com/p/3091847261"}

    def test_the_forum_thread_is_a_phpbb_copy_in_bbcode(self, reports: dict[str, str]) -> None:
        thread = reports[FORUM]
        lines = thread.splitlines()
        # a topic title line, a blank line, then posts each opened by "Post by user » Day Mon DD, YYYY h:mm am"
        assert lines[1] == "" and lines[0].startswith("Kestrel KX-9") and not URL.search(lines[0])
        assert "<" not in thread and "](" not in thread and "[table]" not in thread and "[code]" not in thread
        posts = _posts(thread)
        assert len(posts) == 11 and posts[0]["head"] == "Post by hwfan88 » Sat Dec 19, 2026 9:14 pm"
        times = [p["when"] for p in posts]
        assert times == sorted(times) and times[-1].date() == dt.date(2026, 12, 20)
        assert len({p["author"] for p in posts}) == 6
        for post in posts:
            body = post["body"]
            # balanced BBCode
            for tag in ("quote", "list", "b", "i", "url"):
                opened = len(re.findall(rf"\[{tag}(?:=[^\]]*| [^\]]*)?\]", body))
                assert opened == body.count(f"[/{tag}]"), (post["head"], tag)
            # every link is [url=…]label[/url] or [url]…[/url]
            assert len(URL.findall(body)) == len(BB_URL.findall(body)), post["head"]
            # signatures: after a _________________ line, no links
            assert not URL.search(post["signature"])
        assert sum(bool(p["signature"]) for p in posts) == 10
        assert any(re.search(r"\d+ GB RAM", p["signature"]) for p in posts)
        assert {"[list]", "[*]", "[b]", "[i]", "[url]"} <= {t for t in re.findall(r"\[\*\]|\[\w+\]", thread)}
        # quotes: of an earlier post by that user, verbatim; post_id/time/user_id when present match its time
        quoted = 0
        for n, post in enumerate(posts):
            for m in QUOTE_OPEN.finditer(post["body"]):
                who, _, stamp, _ = m.groups()
                earlier = [p for p in posts[:n] if p["author"] == who]
                text = QUOTE_BLOCK.search(post["body"][m.start() :]).group(1)  # type: ignore[union-attr]
                assert earlier and any(text in p["body"] for p in earlier), text
                if stamp:
                    assert any(int(stamp) == int(p["when"].timestamp()) for p in earlier), stamp
                quoted += 1
        assert quoted == 4 and thread.count(" post_id=") == 3  # three with phpBB 3.2 attributes, one plain
        # a quoted block carries a link of the quoted post (not the quoting post's)
        assert any(BB_URL.search(q) for q in QUOTE_BLOCK.findall(thread))
        # edit lines name the post's own author and a time after the post's, before the signature
        edits = [p for p in posts if p["edit"]]
        assert len(edits) == 2
        for post in edits:
            m = EDITED.fullmatch(post["edit"])
            assert m and m.group(1) == post["author"] and _when(m.group(2)) > post["when"], post["edit"]
        assert {EDITED.fullmatch(p["edit"]).group(3) for p in edits} == {"1", "2"}  # type: ignore[union-attr]
        # figures aligned with spaces, no [table]
        aligned = [line for line in lines if re.search(r"\S {4,}\S", line)]
        assert len(aligned) == 2 and all(re.search(r"\d", line) for line in aligned)

    def test_forum_labels_rest_on_the_links_of_their_own_post(
        self, labels: list[dict], reports: dict[str, str]
    ) -> None:
        thread = reports[FORUM]
        posts = _posts(thread)
        cited = set(URL.findall(thread))
        unsourced = 0
        for item in labels:
            if item["report"] != FORUM:
                continue
            owners = [p for p in posts if item["quote"] in p["body"]]
            assert len(owners) == 1, item["quote"]
            post = owners[0]
            # never inside a quoted block, a signature or an edit line
            assert not any(item["quote"] in q for q in QUOTE_BLOCK.findall(post["body"])), item
            assert item["quote"] not in post["signature"] and item["quote"] not in post["edit"]
            own = _own_urls(post["body"])
            if own:
                assert set(item["source_urls"]) == own, item
            else:  # a post without links: unsourced (devset rule 2)
                unsourced += 1
                assert set(item["source_urls"]) <= cited, item
                assert bool(item["source_urls"]) == (item["verdict"] == "verified"), item
        assert unsourced == 1
        # the post quoting the DigiTimes post cites TechCrunch only
        quoting = next(p for p in posts if '[quote="li_wei_sz"' in p["body"])
        assert _own_urls(quoting["body"]) == {SHARED} and TW_PAGE in quoting["body"]

    def test_pages_carry_the_formats_the_labels_rely_on(
        self, manifest: dict[str, dict], reports: dict[str, str]
    ) -> None:
        texts = live_page_texts(manifest, self.SET.sources)
        joined = "\n".join(texts.values())
        # a correction note revising a figure
        assert (
            "Correction, December 11, 2026: An earlier version of this article said the campus would cost 18 billion yuan ($2.5bn)."
            in joined
        )
        assert "Moju says the total investment is 15 billion yuan ($2.1bn)" in joined
        # a table whose unit is only in a header cell; another batch's count beside this batch's
        assert (
            "拟支持金额（万元）" in joined
            and "1 MJ-4大模型训练算力补贴 上海墨矩智能科技有限公司 算力补贴 3,200" in joined
        )
        assert "拟对以下12个项目予以支持" in joined and "共支持14个项目，支持资金合计1.92亿元" in joined
        # a complete list with a name said not to be on it
        assert "they were the only other investors in the round" in joined and "did not participate" in joined
        # two periods, two products, two prices side by side
        assert (
            "In the first nine months of 2026, revenue was 590 million yuan" in joined
            and "from 910 million yuan" in joined
        )
        assert "Board power averaged 287 W across our LLM runs, against 264 W for the Arcfire A70" in joined
        assert (
            "Nimbus Labs' Veyra-2 (1,380)" in joined and "8 yuan ($1.10) per million output tokens" in joined
        )
        assert (
            "月增5.1%，年增38.7%" in joined
            and "KX-9 ships with KestrelRT 3.2" in joined
            and "KestrelRT 3.1" in joined
        )
        # pages that say they do not give what a label asks for
        for said in (
            "Moju declined to say how many accelerators it used",
            "Moju didn't share usage figures",
            "Moju did not name the contractor",
            "did not say how it would split the proceeds",
            "declined to comment on the timing of any initial public offering",
            "would not disclose gross margins",
            "昱嘉依規定不對單季營運做財務預測",
            "Arcfire did not comment on pricing",
            "金额未披露",
        ):
            assert said in joined, said
        # Chinese pages: three Simplified, one Traditional; the rest English
        langs = page_languages(manifest, self.SET.sources)
        assert sorted(langs.values()).count("zh-CN") == 3 and langs[TW_PAGE] == "zh-Hant-TW"
        assert sum(lang.startswith("en") for lang in langs.values()) == 8
        assert "新台幣42.6億元" in texts[TW_PAGE] and "獨家代工" in texts[TW_PAGE]
        # the dead URL has no capture; the soft 404 and the paywall say nothing of the claims resting on them
        assert manifest[DEAD]["status"] == 404 and "file" not in manifest[DEAD]
        assert (
            "墨矩" not in texts[SOFT_404] and "6.5亿" not in texts[SOFT_404] and "星岸" not in texts[SOFT_404]
        )
        assert "192" not in texts[PAYWALL] and "KX-10" not in texts[PAYWALL] and "2027" not in texts[PAYWALL]
        # one page is cited by both reports; each report cites only its own others
        wiki, forum = set(URL.findall(reports[WIKI])), set(URL.findall(reports[FORUM]))
        assert wiki & forum == {SHARED} and len(wiki) == 6 and len(forum) == 8
