"""Well-formedness of the heldout28 held-out set (tests/fixtures/heldout28/), checked without the engine.

The set was written blind to the engine, and its developers do not read its reports, labels, pages or
README. ``WellFormed`` checks its labels against its reports and its archive (one dead URL, one soft 404, one
paywall stub); the tests here check the shapes of its two reports (a Traditional-Chinese PTT post copied from a
terminal client, an English investment-committee memo converted from Word to Markdown by pandoc), that each
label rests on exactly the URLs its report's citation scope gives it, and that the pages carry the formats the
labels rely on.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime, timedelta, timezone

from tests.generalisation.labelled_set import LabelledSet, WellFormed, live_page_texts, page_languages

# the PTT article-address line names the post itself and cites nothing: it is not a URL the report cites
URL = re.compile(r"https?://(?!www\.ptt\.cc/)[^\s\[\]()<>，；。]+")
PTT_ADDRESS = re.compile(r"※ 文章網址: https://www\.ptt\.cc/bbs/Tech_Job/M\.(\d{10})\.A\.[0-9A-F]{3}\.html")
HEADER_AUTHOR = re.compile(r"作者  ([A-Za-z0-9]+) \(([^()]+)\) +看板  Tech_Job")
HEADER_TIME = re.compile(r"時間  (Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Dec) (\d\d) (\d\d:\d\d:\d\d) (2026)")
FROM_LINE = re.compile(r"※ 發信站: 批踢踢實業坊\(ptt\.cc\), 來自: (\d{1,3}(?:\.\d{1,3}){3}) \(臺灣\)")
EDIT_LINE = re.compile(
    r"※ 編輯: ([A-Za-z0-9]+) \((\d{1,3}(?:\.\d{1,3}){3}) 臺灣\), (\d\d)/(\d\d)/(\d{4}) \d\d:\d\d:\d\d"
)
PUSH = re.compile(r"(推|→|噓) ([A-Za-z0-9]+): (.*?) +(\d\d)/(\d\d) (\d\d:\d\d)")
QUOTE_HEAD = re.compile(r"※ 引述《([A-Za-z0-9]+) \(([^()]+)\)》之銘言：")
FIELDS = ("1.新聞網址︰", "2.新聞來源︰", "3.完整新聞標題︰", "4.完整新聞內文︰", "5.附註、心得、想法︰")

NOTE_REF = re.compile(r"\[\^(\d+)\]")
NOTE_DEF = re.compile(r"\[\^(\d+)\]: ")
AUTOLINK = re.compile(r"<(https://[^<>\s]+)>")
SENTENCE_END = re.compile(r"[.!?](?:\[\^\d+\])*(?=\s+[A-Z“]|$)")
GRID_BORDER = re.compile(r"\+(?:-+\+)+")
GRID_HEADER_RULE = re.compile(r"\+(?:=+\+)+")

PTT = "p1_ptt_tc.txt"
MEMO = "d1_memo_en.md"
NEWS = "https://money.udn.com/money/story/5612/8471936"
BNEXT = "https://www.bnext.com.tw/article/86417/kaiteng-taichung-ai-server-2027-hiring"
REUTERS = "https://www.reuters.com/technology/northgate-cloud-raises-ai-spending-plan-taps-taiwan-rack-makers-2026-12-16/"
CNYES = "https://news.cnyes.com/news/id/6027415"
SOFT_404 = "https://technews.tw/2026/12/18/duoyu-bonus-2026/"
SHORT_LINK = "https://reurl.cc/Q4mXpA"
TECHCRUNCH = (
    "https://techcrunch.com/2025/10/14/quillon-compute-raises-120m-to-rent-out-inference-by-the-token/"
)
PRNEWSWIRE = (
    "https://www.prnewswire.com/news-releases/"
    "tallyhurst-research-worldwide-ai-inference-infrastructure-spending-to-reach-312-billion-in-2027-302641187.html"
)
KR36 = "https://36kr.com/p/3091847265031170"
PAYWALL = "https://www.ft.com/content/4b7e19d2-8c3a-4f6e-9a1d-2e5c7b0f93a6"
DEAD = "https://www.quilloncompute.com/blog/breaking-ground-in-reno"
TAIPEI = timezone(timedelta(hours=8))

HELDOUT28 = LabelledSet(
    "heldout28",
    by_report={
        PTT: {"verified": 16, "contradicted": 13, "unverified": 9},
        MEMO: {"verified": 17, "contradicted": 12, "unverified": 8},
    },
    verdicts={"verified": 33, "contradicted": 25, "unverified": 17},
    kinds={"money": 22, "fact": 14, "percent": 12, "date": 12, "count": 12, "version": 3},
    live=12,
    url=URL,
    empty_pages={
        SOFT_404: "抱歉，您要找的頁面不存在或已被移除。",  # soft 404 answering 200
        PAYWALL: "Subscribe to unlock this article",  # paywall stub
    },
)


def _width(text: str, terminal: bool = False) -> int:
    """Display columns: CJK wide and fullwidth characters take two; in a CJK terminal (``terminal``) so do
    the ambiguous-width symbols such as → and ─."""

    def cols(c: str) -> int:
        eaw = unicodedata.east_asian_width(c)
        return 2 if eaw in "WF" or (terminal and eaw == "A" and ord(c) > 0x2000) else 1

    return sum(cols(c) for c in text)


# --- the PTT post -------------------------------------------------------------------------------------


def _ptt_parts(post: str) -> dict[str, list[str]]:
    """The post split into its parts: header, the five fields, the signature block and the push lines."""
    lines = post.splitlines()
    starts = [lines.index(f) for f in FIELDS]
    sig = lines.index("--")
    first_push = next(i for i in range(sig, len(lines)) if PUSH.fullmatch(lines[i]))
    parts = {"header": lines[: starts[0]], "signature": lines[sig:first_push], "pushes": lines[first_push:]}
    for n, (a, b) in enumerate(zip(starts, starts[1:] + [sig], strict=True), 1):
        parts[f"field{n}"] = lines[a + 1 : b]
    return parts


def _insight(parts: dict[str, list[str]]) -> tuple[list[str], list[str]]:
    """The 心得 field: the poster's own lines, and the quoted lines (the 引述 head and ``: `` lines)."""
    own, quoted = [], []
    for line in parts["field5"]:
        (quoted if line.startswith(": ") or QUOTE_HEAD.fullmatch(line) else own).append(line)
    return own, quoted


def _push_units(pushes: list[str]) -> list[tuple[str, list[str]]]:
    """Pushes as units: a line and the → lines of the same user directly under it, as (user, lines)."""
    units: list[tuple[str, list[str]]] = []
    for line in pushes:
        m = PUSH.fullmatch(line)
        assert m, line
        tag, user = m.group(1), m.group(2)
        if units and tag == "→" and units[-1][0] == user:
            units[-1][1].append(line)
        else:
            units.append((user, [line]))
    return units


# --- the pandoc memo ----------------------------------------------------------------------------------


def _memo_blocks(memo: str) -> list[tuple[str, str]]:
    """The memo body's blocks in order, as (section heading, block text): paragraphs, list items (each its
    own block), grid tables and table captions; the YAML block and the footnote definitions are left out."""
    body = memo.split("\n---\n", 1)[1]
    body = body[: body.index("\n[^1]: ")]
    section, out = "", []
    for chunk in body.strip("\n").split("\n\n"):
        if chunk.startswith("# "):
            section = chunk[2:]
            continue
        if chunk.startswith("-   "):
            items = re.split(r"\n(?=-   )", chunk)
            out += [(section, item) for item in items]
        else:
            out.append((section, chunk))
    return out


def _notes(memo: str) -> dict[str, str]:
    """Footnote number -> the URL it cites (an ``Ibid.`` note cites the URL of the note before it)."""
    defs = memo[memo.index("\n[^1]: ") + 1 :]
    urls: dict[str, str] = {}
    for chunk in defs.strip("\n").split("\n\n"):
        m = NOTE_DEF.match(chunk)
        assert m, chunk
        n = m.group(1)
        text = chunk[m.end() :]
        if text == "Ibid.":
            urls[n] = urls[str(int(n) - 1)]
        else:
            links = AUTOLINK.findall(text)
            assert len(links) == 1, chunk
            urls[n] = links[0]
    return urls


def _sentences(paragraph: str) -> list[str]:
    text = " ".join(line.strip() for line in paragraph.splitlines())
    text = text[4:] if text.startswith("-   ") else text
    out, start = [], 0
    for m in SENTENCE_END.finditer(text):
        out.append(text[start : m.end()].strip())
        start = m.end()
    if text[start:].strip():
        out.append(text[start:].strip())
    return out


class TestHeldout28WellFormed(WellFormed):
    SET = HELDOUT28

    def test_the_post_is_a_ptt_news_post_copied_from_a_terminal(self, reports: dict[str, str]) -> None:
        post = reports[PTT]
        lines = post.splitlines()
        # header block: author (nickname) and board on one line, the [新聞] title, the post time, a rule
        author = HEADER_AUTHOR.fullmatch(lines[0])
        assert author and _width(lines[0], terminal=True) == 79
        assert lines[1].startswith("標題  [新聞] ")
        when = HEADER_TIME.fullmatch(lines[2])
        assert when
        posted = datetime.strptime(" ".join(when.groups()), "%a %b %d %H:%M:%S %Y").replace(tzinfo=TAIPEI)
        assert posted.strftime("%a") == when.group(1) == "Mon"  # 21 December 2026 is a Monday
        assert set(lines[3]) == {"─"} and lines[4] == ""
        parts = _ptt_parts(post)
        assert parts["header"] == lines[:5]
        # the five template fields in order, each with the board's ※ hint line left in under it
        assert [line for line in lines if line in FIELDS] == list(FIELDS)
        for n in range(1, 6):
            assert parts[f"field{n}"][0].startswith("※ "), n
        # 1.新聞網址 holds exactly the news URL, the first URL of the post; 2.新聞來源 the outlet
        assert [u for line in parts["field1"] for u in URL.findall(line)] == [NEWS] == URL.findall(post)[:1]
        assert parts["field2"][1] == "經濟日報"
        # 3.完整新聞標題 repeats the header's title; 4.完整新聞內文 opens with the byline and cites nothing
        assert parts["field3"][1] == lines[1].removeprefix("標題  [新聞] ")
        assert parts["field4"][1] == "經濟日報 記者陳宥蓁／台北即時報導"
        assert not any(URL.search(line) for line in parts["field4"])
        # the pasted article is hard-wrapped by the client at 72 columns, breaking words and stranding 。
        body = [line for line in parts["field4"][2:] if line]
        assert all(_width(line, terminal=True) <= 72 for line in body)
        assert max(_width(line, terminal=True) for line in body) >= 70
        assert "。" in body and "其" in [line[-1] for line in body]  # 其 / 中研發 broken over two lines
        # 5.心得: two URLs of the poster's own, and a quoted block of another user's post with no URL
        own, quoted = _insight(parts)
        assert len([u for line in own for u in URL.findall(line)]) == 2
        assert len(quoted) == 4 and QUOTE_HEAD.fullmatch(quoted[0])
        assert all(line.startswith(": ") for line in quoted[1:]) and not any(URL.search(q) for q in quoted)
        # signature block: --, 發信站 with an IP, the article address (its id is the post time), an edit line
        sig = parts["signature"]
        assert sig[0] == "--" and FROM_LINE.fullmatch(sig[1])
        address = PTT_ADDRESS.fullmatch(sig[2])
        assert address and int(address.group(1)) == int(posted.timestamp())
        assert not URL.search(sig[2])  # the article address cites nothing
        edit = EDIT_LINE.fullmatch(sig[3])
        assert edit and edit.group(1) == author.group(1) and len(sig) == 4
        # push lines: 推 / → / 噓, user, text, the date and time right-aligned at column 79, in time order
        pushes = parts["pushes"]
        matches = [PUSH.fullmatch(line) for line in pushes]
        assert all(matches) and {m.group(1) for m in matches if m} == {"推", "→", "噓"}
        assert all(_width(line, terminal=True) == 79 for line in pushes)
        stamps = [(m.group(4), m.group(5), m.group(6)) for m in matches if m]
        assert all(month == "12" and day == "21" for month, day, _ in stamps)
        assert [t for _, _, t in stamps] == sorted(t for _, _, t in stamps) and stamps[0][2] >= "09:12"
        # some pushes cite a URL, on the push line or on the same user's → line under it
        units = _push_units(pushes)
        cited = [lines_ for _, lines_ in units if any(URL.search(x) for x in lines_)]
        assert len(cited) == 4
        assert any(not URL.search(lines_[0]) and len(lines_) > 1 for lines_ in cited)
        # a short link, as the board's hint line asks for long URLs
        assert any(u == SHORT_LINK for line in pushes for u in URL.findall(line))

    def test_post_labels_rest_on_their_part_of_the_post(
        self, labels: list[dict], reports: dict[str, str]
    ) -> None:
        post = reports[PTT]
        parts = _ptt_parts(post)
        cited = set(URL.findall(post))
        own, quoted = _insight(parts)
        insight_urls = {u for line in own for u in URL.findall(line)}
        assert insight_urls == {BNEXT, REUTERS}
        units = _push_units(parts["pushes"])
        scopes = {"news": 0, "insight": 0, "push": 0, "unsourced push": 0}
        for item in labels:
            if item["report"] != PTT:
                continue
            quote, urls = item["quote"], set(item["source_urls"])
            holders = [line for line in post.splitlines() if quote in line]
            assert len(holders) == 1, quote
            line = holders[0]
            # never in the header, a hint line, the title, a quoted line or the signature block
            assert line not in parts["header"] + parts["signature"] + quoted, item
            assert not line.startswith("※ ") and line not in parts["field3"], item
            if line in parts["field4"]:  # the news fields rest on the 新聞網址 URL
                assert urls == {NEWS}, item
                scopes["news"] += 1
            elif line in own:  # the 心得 rests on the URLs written in it
                assert urls == insight_urls, item
                scopes["insight"] += 1
            else:  # a push rests on the URLs of its own unit
                unit = next(lines_ for _, lines_ in units if line in lines_)
                unit_urls = {u for x in unit for u in URL.findall(x)}
                if unit_urls:
                    assert urls == unit_urls, item
                    scopes["push"] += 1
                else:  # a push citing nothing: the post's own pages confirm it, or it is unverified
                    assert urls <= cited and bool(urls) == (item["verdict"] == "verified"), item
                    scopes["unsourced push"] += 1
        assert scopes == {"news": 13, "insight": 10, "push": 11, "unsourced push": 4}

    def test_the_memo_is_a_word_document_converted_by_pandoc(self, reports: dict[str, str]) -> None:
        memo = reports[MEMO]
        lines = memo.splitlines()
        # a YAML title block, keys in pandoc's alphabetical order
        end = lines.index("---", 1)
        assert lines[0] == "---" and end > 1
        keys = [line.split(":")[0] for line in lines[1:end] if not line.startswith("- ")]
        assert keys == sorted(keys) == ["author", "date", "subtitle", "title"]
        assert "date: 22 December 2026" in lines[1:end]
        assert datetime(2026, 12, 22).strftime("%A") == "Tuesday"
        assert datetime(2026, 12, 23).strftime("%A") == "Wednesday" and "Wednesday 23 December 2026" in memo
        # "# " headings, the executive summary first; pandoc's escapes, spans, smart quotes and list markers
        heads = [line[2:] for line in lines if line.startswith("# ")]
        assert heads[0] == "Executive summary" and len(heads) == 7
        assert "\\$" in memo and not re.search(r"(?<!\\)\$", memo)
        assert "\\*" in memo and memo.count("]{.underline}") == 2
        assert "’" in memo and "“" in memo and "”" in memo and '"' not in memo.split("---", 2)[2]
        assert sum(line.startswith("-   ") for line in lines) == 7
        # paragraphs hard-wrapped at 72 columns (a URL, which cannot break, may run over)
        assert all(_width(line) <= 72 for line in lines if "http" not in line)
        # two grid tables: +---+ borders, one +===+ header rule, cells wrapping over several lines
        tables = [b for _, b in _memo_blocks(memo) if b.startswith("+-")]
        assert len(tables) == 2
        for table in tables:
            rows = table.splitlines()
            assert len({len(r) for r in rows}) == 1 and GRID_BORDER.fullmatch(rows[0])
            assert sum(bool(GRID_HEADER_RULE.fullmatch(r)) for r in rows) == 1
            bodies = "\n".join(rows).split("\n+")
            assert any(chunk.count("\n|") >= 2 for chunk in bodies[1:])  # a body cell wraps
        # each table is followed by its ": Table n." caption carrying its footnotes
        blocks = [b for _, b in _memo_blocks(memo)]
        for n, table in enumerate(tables, 1):
            caption = blocks[blocks.index(table) + 1]
            assert caption.startswith(f": Table {n}. ") and NOTE_REF.search(caption)
        # Word footnotes: numbered in order, each referenced once, defined at the end with one URL or Ibid.
        refs = NOTE_REF.findall(memo[: memo.index("\n[^1]: ")])
        assert refs == [str(n) for n in range(1, len(refs) + 1)] and len(refs) == 22
        notes = _notes(memo)
        assert list(notes) == refs
        assert sum(chunk.endswith("]: Ibid.") for chunk in memo.split("\n\n")) == 3
        assert set(URL.findall(memo)) == set(notes.values())
        # the executive summary cites nothing
        summary = [b for s, b in _memo_blocks(memo) if s == "Executive summary"]
        assert summary and not any(NOTE_REF.search(b) or URL.search(b) for b in summary)

    def test_memo_labels_rest_on_the_footnotes_of_their_sentence(
        self, labels: list[dict], reports: dict[str, str]
    ) -> None:
        memo = reports[MEMO]
        notes = _notes(memo)
        cited = set(notes.values())
        blocks = _memo_blocks(memo)
        scopes = {"summary": 0, "table": 0, "sentence": 0, "paragraph": 0}
        for item in labels:
            if item["report"] != MEMO:
                continue
            quote, urls = item["quote"], set(item["source_urls"])
            holders = [(i, s, b) for i, (s, b) in enumerate(blocks) if quote in b]
            assert len(holders) == 1, quote
            i, section, block = holders[0]
            if section == "Executive summary":  # unsourced: the memo's own pages confirm it, or unverified
                assert urls <= cited and bool(urls) == (item["verdict"] == "verified"), item
                scopes["summary"] += 1
            elif block.startswith("+-"):  # a table cell rests on the footnotes of the table's caption
                caption = blocks[i + 1][1]
                assert urls == {notes[n] for n in NOTE_REF.findall(caption)}, item
                scopes["table"] += 1
            else:
                sentence = next(s for s in _sentences(block) if quote in s)
                own = NOTE_REF.findall(sentence)
                if own:  # the footnotes of its own sentence
                    assert urls == {notes[n] for n in own}, item
                    scopes["sentence"] += 1
                else:  # a sentence without a footnote rests on the footnotes of its paragraph
                    assert NOTE_REF.search(block), item
                    assert urls == {notes[n] for n in NOTE_REF.findall(block)}, item
                    scopes["paragraph"] += 1
        assert scopes == {"summary": 4, "table": 5, "sentence": 27, "paragraph": 1}
        # outside the executive summary, a block without a footnote holds no labelled claim
        quotes = [item["quote"] for item in labels if item["report"] == MEMO]
        for section, block in blocks:
            if section != "Executive summary" and not NOTE_REF.search(block) and not block.startswith("+-"):
                assert not any(q in block for q in quotes), block

    def test_pages_carry_the_formats_the_labels_rely_on(self, manifest: dict[str, dict]) -> None:
        texts = live_page_texts(manifest, self.SET.sources)
        joined = "\n".join(texts.values())
        # a correction note revising a figure (the memo uses the stale one)
        correction = "Correction, October 15, 2025: An earlier version of this article misstated the size of the round."
        assert correction in texts[TECHCRUNCH]
        assert "Quillon raised $112 million, not $120 million." in texts[TECHCRUNCH]
        # a complete list with a name said not to be on it
        assert (
            "picked three Taiwanese manufacturers" in texts[REUTERS] and "was not selected" in texts[REUTERS]
        )
        # a table whose unit is only in its caption, and two segments' figures side by side
        assert "Spending by Segment, 2025–2027 (US$ billions)" in texts[PRNEWSWIRE]
        assert "Inference cloud services 48.2 79.6 121.4 41.3%" in texts[PRNEWSWIRE]
        assert "On-premises inference servers 61.5 84.0 103.7 19.8%" in texts[PRNEWSWIRE]
        assert "（單位：人）" in joined and "鐸宇科技 1,100 未公布" in joined
        # another period's and another company's figures next to the right ones
        assert "今年資本支出約260億元" in texts[NEWS] and "上看400億元" in texts[NEWS]
        assert "完成4亿元B轮融资" in texts[KR36] and "曜石算力于10月完成5亿元B轮融资" in texts[KR36]
        assert "fiscal 2027, which ends in May" in texts[REUTERS] and "calendar 2027" in texts[REUTERS]
        # pages that say they do not give a figure a label asks for
        assert "不便透露月數" in joined and "不評論個別客戶" in texts[CNYES]
        assert (
            "Kaiteng Computer declined to say whether it would raise starting salaries" in texts[SHORT_LINK]
        )
        # five captures in Chinese (four Traditional, one Simplified), the rest in English
        langs = page_languages(manifest, self.SET.sources)
        assert sum(lang.startswith("zh") for lang in langs.values()) == 5
        assert list(langs.values()).count("zh-Hant-TW") == 4 and langs[KR36] == "zh-CN"
        assert langs[NEWS] == "zh-Hant-TW" and langs[SHORT_LINK] == "en"
        # the dead URL has no capture; the soft 404 and the paywall say nothing of the claims resting on them
        assert manifest[DEAD]["status"] == 404 and "file" not in manifest[DEAD]
        assert not any(word in texts[SOFT_404] for word in ("鐸宇", "年終", "7個月"))
        assert "Goldbridge" not in texts[PAYWALL] and "$8 billion" not in texts[PAYWALL]
        # every capture is dated on the day its report was written or the day after
        for entry in manifest.values():
            assert entry["captured_at"][:10] in {"2026-12-21", "2026-12-22"}, entry
