"""Well-formedness of the heldout19 held-out set (tests/fixtures/heldout19/), checked without the engine.

The set was written blind to the engine. ``WellFormed`` checks its labels against its reports and its
archive (one dead URL, one soft 404, one paywall stub); the tests here check the shapes of its two reports
(a PTT BBS post in Traditional Chinese copied as text, an English industry brief in LaTeX source), that every
label sits where the README's scope rules put it, and that the pages carry the formats the labels rely on.
Nothing here prints a label: the set is held out, and only its totals are ever looked at.
"""

from __future__ import annotations

import datetime as dt
import re

from tests.generalisation.labelled_set import LabelledSet, WellFormed, live_page_texts

# The post's own address (※ 文章網址) is not a source: it is neither in the manifest nor ever cited by a label,
# so the pattern that finds cited URLs skips it.
URL = re.compile(r"https?://(?!www\.ptt\.cc/)[^\s{}\\)\]>〉」|]+")
PTT_ARTICLE = re.compile(r"https://www\.ptt\.cc/bbs/(\w+)/M\.(\d{10})\.A\.[0-9A-F]{3}\.html")
LINK_LINE = re.compile(r"(原文連結|新聞來源)：(https://\S+)")
PUSH = re.compile(r"(推|噓|→) [A-Za-z][A-Za-z0-9_]*: \S.*? +(\d\d)/(\d\d) (\d\d):(\d\d)")
HREF = re.compile(r"\\href\{(https://[^{}\s]+)\}\{[^{}]+\}")
FOOTNOTE = re.compile(r"\\footnote\{((?:\\url\{https://[^{}\s]+\}(?:; )?)+)\}")
FOOT_URL = re.compile(r"\\url\{(https://[^{}\s]+)\}")

SOFT_404 = "https://www.digitimes.com/news/a20261126PD208/hongsuo-texas-plant.html"
PAYWALL = "https://www.bloomberg.com/news/articles/2026-11-25/hongsuo-weighs-major-mexico-expansion-as-ai-server-orders-swell"
DEAD = "https://www.ctee.com.tw/news/20261125700456-430501"

PTT = "y1_ptt_tc.txt"
TEX = "y2_latex_en.txt"

HELDOUT19 = LabelledSet(
    "heldout19",
    by_report={
        PTT: {"verified": 16, "contradicted": 13, "unverified": 8},
        TEX: {"verified": 16, "contradicted": 12, "unverified": 9},
    },
    verdicts={"verified": 32, "contradicted": 25, "unverified": 17},
    kinds={"money": 22, "percent": 14, "date": 12, "fact": 12, "count": 10, "version": 4},
    live=11,
    url=URL,
    empty_pages={
        SOFT_404: "Sorry, the page you requested could not be found",  # soft 404 answering 200
        PAYWALL: "Subscribe now to continue reading",  # paywall stub
    },
)


def _blocks(text: str) -> list[tuple[int, str]]:
    """Blank-line separated blocks of ``text`` with their offsets."""
    out, pos = [], 0
    for part in re.split(r"(\n[ \t]*\n)", text):
        if part.strip() and not re.fullmatch(r"\n[ \t]*\n", part):
            out.append((pos, part))
        pos += len(part)
    return out


def _ptt_parts(post: str) -> tuple[list[str], str, list[str], str, list[str]]:
    """Header lines, body (up to 心得), the 心得 paragraph, the footer lines, the push lines."""
    lines = post.splitlines()
    header = lines[:5]
    body_and_rest = "\n".join(lines[5:])
    body, rest = body_and_rest.split("\n心得：", 1)
    thoughts, tail = rest.split("\n--\n", 1)
    tail_lines = tail.splitlines()
    footer = tail_lines[:2]
    pushes = [line for line in tail_lines[2:] if line.strip()]
    return header, body, "心得：" + thoughts, "\n".join(footer), pushes


def _tex_units(tex: str) -> list[tuple[int, int, str]]:
    """The citation units of the brief (start, end, text): a table row, an \\item, or else a paragraph."""
    units: list[tuple[int, int, str]] = []
    for start, block in _blocks(tex):
        if "\\begin{tabular}" in block or "\\begin{itemize}" in block:
            pos = start
            for line in block.splitlines(keepends=True):
                if "&" in line and line.rstrip().endswith("\\\\"):
                    units.append((pos, pos + len(line), line))
                pos += len(line)
            for m in re.finditer(r"\\item (.*?)(?=\\item |\\end\{itemize\})", block, flags=re.S):
                units.append((start + m.start(), start + m.end(), m.group()))
        else:
            units.append((start, start + len(block), block))
    return units


class TestHeldout19WellFormed(WellFormed):
    SET = HELDOUT19

    def test_the_post_has_a_header_paragraphs_with_their_links_a_thoughts_paragraph_a_footer_and_pushes(
        self, reports: dict[str, str], manifest: dict[str, dict]
    ) -> None:
        post = reports[PTT]
        assert "](" not in post and "**" not in post and "<" not in post  # plain BBS text, no markdown or html
        header, body, thoughts, footer, pushes = _ptt_parts(post)
        # 作者 / 看板 / 標題 / 時間, then the ─── rule
        assert re.fullmatch(r"作者 [A-Za-z][A-Za-z0-9_]* \(.+\)", header[0])
        assert header[1] == "看板 Tech_Job"
        assert header[2].startswith("標題 [情報] ") and not URL.search(header[2])
        stamp = dt.datetime.strptime(header[3], "時間 %a %b %d %H:%M:%S %Y")
        assert set(header[4]) == {"─"} and len(header[4]) >= 40
        # the intro paragraph cites nothing; then numbered paragraphs, each ending on its own link line(s)
        blocks = [b for _, b in _blocks(body)]
        intro, paragraphs = blocks[0], blocks[1:]
        assert not URL.search(intro)
        assert [p.split(". ", 1)[0] for p in paragraphs] == [str(i) for i in range(1, len(paragraphs) + 1)]
        assert len(paragraphs) == 9
        linked: set[str] = set()
        for paragraph in paragraphs:
            lines = paragraph.splitlines()
            notes = [line for line in lines if not LINK_LINE.fullmatch(line)]
            links = [line for line in lines if LINK_LINE.fullmatch(line)]
            assert 1 <= len(links) <= 2 and lines == notes + links, paragraph
            assert not any(URL.search(line) for line in notes), paragraph
            linked |= {LINK_LINE.fullmatch(line).group(2) for line in links}  # type: ignore[union-attr]
        assert sum(len([x for x in p.splitlines() if LINK_LINE.fullmatch(x)]) == 2 for p in paragraphs) == 2
        assert set(URL.findall(body)) == linked
        # 心得 cites nothing
        assert post.count("\n心得：") == 1 and not URL.search(thoughts) and not PTT_ARTICLE.search(thoughts)
        # the footer: 發信站 and 文章網址; the article URL is the post itself, dated by its 時間 line
        origin, address = footer.splitlines()
        assert re.fullmatch(r"※ 發信站: 批踢踢實業坊\(ptt\.cc\), 來自: \d{1,3}(\.\d{1,3}){3} \(臺灣\)", origin)
        m = PTT_ARTICLE.fullmatch(address.removeprefix("※ 文章網址: "))
        assert m and m.group(1) == "Tech_Job"
        taipei = dt.timezone(dt.timedelta(hours=8))
        assert int(m.group(2)) == int(stamp.replace(tzinfo=taipei).timestamp())
        assert m.group() not in manifest and not URL.findall(footer)
        # push lines: 推 / 噓 / →, "userid: text", then the month/day and time, after the post's time
        assert len(pushes) >= 10 and {p[0] for p in pushes} == {"推", "噓", "→"}
        for push in pushes:
            pm = PUSH.fullmatch(push)
            assert pm, push
            month, day, hour, minute = map(int, pm.groups()[1:])
            assert (month, day) == (stamp.month, stamp.day) and (hour, minute) >= (stamp.hour, stamp.minute)
            assert not URL.search(push)
        # the post writes amounts in 億元 / 萬美元, growth as 年增 / 年減 / 季增, and 民國 and 2026/11/25 dates
        for form in ("億元", "萬美元", "年增", "年減", "季增", "115年", "116年", "2026/11/25"):
            assert form in body + thoughts, form

    def test_labels_of_the_post_rest_on_their_paragraph_or_on_the_posts_own_pages(
        self, labels: list[dict], reports: dict[str, str]
    ) -> None:
        post = reports[PTT]
        thoughts_at = post.index("\n心得：")
        footer_at = post.index("\n--\n")
        blocks = _blocks(post[:thoughts_at])
        cited = set(URL.findall(post))
        for item in (i for i in labels if i["report"] == PTT):
            at = post.index(item["quote"])
            assert at < footer_at, "pushes, the footer and the header are not labelled"
            assert at > post.index("─"), "the header is not labelled"
            if at > thoughts_at:  # 心得: devset rule 2
                assert set(item["source_urls"]) <= cited
                assert bool(item["source_urls"]) == (item["verdict"] != "unverified")
                continue
            start, block = next((s, b) for s, b in blocks if s <= at < s + len(b))
            assert at + len(item["quote"]) <= start + len(block)
            assert sorted(item["source_urls"]) == sorted(URL.findall(block)), item["key"]

    def test_the_brief_is_latex_with_hrefs_a_two_url_footnote_a_table_an_itemize_comments_and_an_outlook(
        self, reports: dict[str, str]
    ) -> None:
        tex = reports[TEX]
        lines = tex.splitlines()
        assert lines[0].startswith("\\documentclass") and "\\usepackage{hyperref}" in lines
        preamble, document = tex.split("\\begin{document}", 1)
        assert "\\title{" in preamble and "\\date{November 27, 2026}" in preamble and not URL.search(preamble)
        assert document.rstrip().endswith("\\end{document}") and "\\maketitle" in document
        # sections: numbered ones, then the unnumbered Outlook last, which cites nothing
        sections = re.findall(r"\\section(\*?)\{([^}]*)\}", document)
        assert len(sections) >= 4 and sections[-1] == ("*", "Outlook")
        assert all(star == "" for star, _ in sections[:-1]) and "\\subsection*{" in document
        outlook = document.split("\\section*{Outlook}", 1)[1]
        assert not URL.search(outlook) and re.search(r"\d\\%", outlook)
        # every URL is an \href target or a \url inside a \footnote; exactly one footnote cites two URLs
        body = "\n".join(line for line in document.splitlines() if not line.lstrip().startswith("%"))
        footnotes = FOOTNOTE.findall(body)
        foot_urls = [FOOT_URL.findall(f) for f in footnotes]
        assert len(footnotes) >= 2 and sorted(len(u) for u in foot_urls)[-2:] == [1, 2]
        assert sum(len(u) == 2 for u in foot_urls) == 1
        assert sorted(URL.findall(body)) == sorted(HREF.findall(body) + [u for us in foot_urls for u in us])
        # LaTeX number forms
        for form in ("\\$", "\\,billion", "\\%", "{,}", "\\textasciitilde{}"):
            assert form in body, form
        # the table: a caption with the unit, \hline rules, & columns, one \href per data row, bare numbers
        table = body.split("\\begin{table}", 1)[1].split("\\end{table}", 1)[0]
        caption = re.search(r"\\caption\{(.*)\}", table).group(1)  # type: ignore[union-attr]
        assert "Revenue, US\\$ millions" in caption
        tabular = table.split("\\begin{tabular}", 1)[1].split("\\end{tabular}", 1)[0]
        assert tabular.count("\\hline") >= 3
        rows = [line.strip() for line in tabular.splitlines() if "&" in line]
        head, data = rows[0], rows[1:]
        assert head.split(" & ")[2] == "Revenue" and head.split(" & ")[-1].startswith("Source")
        assert len(data) == 4
        for row in data:
            cells = row.removesuffix("\\\\").strip().split(" & ")
            assert len(cells) == 4 and len(HREF.findall(row)) == 1 and HREF.fullmatch(cells[3]), row
            assert re.fullmatch(r"\d{1,3}(\{,\}\d{3})*", cells[2]), row  # the unit is in the caption
        # an itemize whose items each carry a link
        itemize = body.split("\\begin{itemize}", 1)[1].split("\\end{itemize}", 1)[0]
        items = [i for i in itemize.split("\\item ")[1:]]
        assert len(items) >= 3 and all(HREF.search(i) for i in items)
        # comments hold (stale) figures but no URL
        comments = [line for line in lines if line.lstrip().startswith("%")]
        assert len(comments) >= 3 and not any(URL.search(c) for c in comments)
        assert sum(bool(re.search(r"\d", c)) for c in comments) >= 3

    def test_labels_of_the_brief_rest_on_their_paragraph_item_or_row_or_on_the_briefs_own_pages(
        self, labels: list[dict], reports: dict[str, str]
    ) -> None:
        tex = reports[TEX]
        begin = tex.index("\\begin{document}")
        outlook_at = tex.index("\\section*{Outlook}")
        comment_spans = [m.span() for m in re.finditer(r"(?m)^\s*%.*$", tex)]
        units = _tex_units(tex)
        cited = set(URL.findall(tex))
        for item in (i for i in labels if i["report"] == TEX):
            at = tex.index(item["quote"])
            end = at + len(item["quote"])
            assert at > begin, "the preamble is not labelled"
            assert not any(s <= at < e for s, e in comment_spans), "comments are not claims"
            if at > outlook_at:  # Outlook: devset rule 2
                assert set(item["source_urls"]) <= cited
                assert bool(item["source_urls"]) == (item["verdict"] != "unverified")
                continue
            holding = [u for u in units if u[0] <= at and end <= u[1]]
            unit = min(holding, key=lambda u: u[1] - u[0])[2]  # a row or an item before its block
            assert sorted(item["source_urls"]) == sorted(set(URL.findall(unit))), item["key"]

    def test_pages_carry_the_formats_the_labels_rely_on(self, manifest: dict[str, dict]) -> None:
        texts = live_page_texts(manifest, self.SET.sources)
        joined = "\n".join(texts.values())
        assert "鴻碩科技第三季財務概況 （單位：億元）" in joined and "營收 1,286.4 1,104.7 952.1 35.1%" in joined
        assert "115年度第一梯次核定名單（單位：新臺幣萬元）" in joined  # unit caption of a 萬元 table
        assert "更正說明（11月26日）：本文原稱第一期IT負載為36MW" in joined  # a correction note
        assert "另有三家跟投者，分別為：鼎峰資本、和瀚創投及星澄科技" in joined  # complete lists
        assert "第一批核定名單共三家業者" in joined
        assert "three launch server partners: Hongsuo Technology, Aldervane Systems and Brightfold Computer" in joined
        assert "three sites: Abilene, Texas; Quincy, Washington; and Kajaani, Finland" in joined
        assert "同業凌鈺（3529）10月營收27.43億元，年增24.1%" in joined  # another company's figure, same paragraph
        assert "Rival Calder Semiconductor last week reported data center revenue up 62%" in joined
        sources = self.SET.sources
        chinese = [u for u, e in manifest.items() if "file" in e and 'lang="zh' in (sources / e["file"]).read_text(encoding="utf-8")]
        assert len(chinese) >= 5 and any("lang=\"zh-CN\"" in (sources / manifest[u]["file"]).read_text(encoding="utf-8") for u in chinese)
        assert manifest[DEAD]["status"] == 404 and "file" not in manifest[DEAD]
        # the soft 404 and the paywall say nothing of the claims resting on them
        assert "Texas" not in texts[SOFT_404] and "billion" not in texts[SOFT_404].replace("US$72.36 billion", "")
        assert "2 billion" not in texts[PAYWALL] and "12,000" not in texts[PAYWALL] and "Jalisco" in texts[PAYWALL]
        # pages are full captures: 3 to 8 KB of visible text, except the two empty pages
        for url, text in texts.items():
            size = len(text.encode("utf-8"))
            if url in (SOFT_404, PAYWALL):
                assert size >= 1000, url
            else:
                assert 3000 <= size <= 8000, (url, size)
