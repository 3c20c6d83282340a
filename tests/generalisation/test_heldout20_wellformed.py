"""Well-formedness of the heldout20 held-out set (tests/fixtures/heldout20/), checked without the engine.

The set was written blind to the engine and is never read when tuning it. ``WellFormed`` checks its labels
against its reports and its archive (one dead URL, one soft 404, one paywall stub); the tests here check the
shapes of its two reports (an English reStructuredText "AI market brief", a Simplified-Chinese WeChat group
chat export), that each label rests on exactly the URLs its README's citation scope gives it, and that the
pages carry the formats the labels rely on.
"""

from __future__ import annotations

import re

from tests.generalisation.labelled_set import LabelledSet, WellFormed, live_page_texts, page_languages

URL = re.compile(r"https?://[^\s<>`]+")

# reStructuredText
NAMED_REF = re.compile(r"`([^`<>]+)`_(?!_)")  # `Name`_ (not an anonymous `…`__)
ANON_LINK = re.compile(r"`([^`<>]+) <(https?://[^\s<>`]+)>`__")
TARGET = re.compile(r"(?m)^\.\. _([^:]+): (https?://\S+)$")
FOOTNOTE_REF = "[#]_"
FOOTNOTE_BODY = re.compile(r"(?m)^\.\. \[#\] (https?://\S+)$")

# WeChat export
HEADER = re.compile(r"(\S+) (2026/11/(?:29|30)) ([0-2]\d:[0-5]\d)")  # 昵称 2026/11/29 21:05
QUOTE_LINE = re.compile(r"「引用 ([^：]+)：(.+?)…」")
RECALL = re.compile(r"(\S+)撤回了一条消息")

SOFT_404 = "https://techcrunch.com/2026/11/24/lumenfold-signs-distribution-deal-with-stratavault/"
PAYWALL = "https://www.caixin.com/2026-11-27/102386419.html"
DEAD = "https://www.northbeaminfra.com/news/northbeam-announces-amarillo-ai-campus"

RST = "r1_rst_en.txt"
CHAT = "w1_wechat_group_sc.txt"

HELDOUT20 = LabelledSet(
    "heldout20",
    by_report={
        RST: {"verified": 16, "contradicted": 12, "unverified": 8},
        CHAT: {"verified": 17, "contradicted": 13, "unverified": 9},
    },
    verdicts={"verified": 33, "contradicted": 25, "unverified": 17},
    kinds={"money": 23, "fact": 13, "percent": 13, "date": 12, "count": 10, "version": 4},
    live=12,
    url=URL,
    empty_pages={
        SOFT_404: "Sorry, the page you are looking for does not exist.",  # soft 404 answering 200
        PAYWALL: "本文为财新付费内容，订阅财新通后可阅读全文",  # paywall stub
    },
)


# --- the reStructuredText brief ------------------------------------------------------------------------


def _rst_sections(brief: str) -> list[tuple[str, str, int, int]]:
    """Every section title of the brief with its underline character and the span of its body."""
    lines = brief.splitlines(keepends=True)
    starts, offset = [], 0
    for i, line in enumerate(lines):
        if i + 1 < len(lines) and line.strip():
            under = lines[i + 1].rstrip("\n")
            if under and len(set(under)) == 1 and under[0] in "=-~" and len(under) >= len(line.rstrip("\n")):
                starts.append((line.rstrip("\n"), under[0], offset))
        offset += len(line)
    spans = []
    for n, (title, char, start) in enumerate(starts):
        end = len(brief)
        for _, other, later in starts[n + 1 :]:
            if "=-~".index(other) <= "=-~".index(char):
                end = later
                break
        spans.append((title, char, start, end))
    return spans


def _blocks(text: str) -> list[tuple[int, str]]:
    """Blank-line separated blocks with their offsets."""
    out, pos = [], 0
    for part in re.split(r"(\n[ \t]*\n)", text):
        if part.strip() and not re.fullmatch(r"\n[ \t]*\n", part):
            out.append((pos, part))
        pos += len(part)
    return out


def _rst_unit(brief: str, at: int) -> str:
    """The text whose links a claim at offset ``at`` rests on: its paragraph; the row of a list-table; the
    body of a note / warning directive; for a literal block, the paragraph introducing it (ending in ``::``)."""
    blocks = _blocks(brief)
    index = max(i for i, (start, _) in enumerate(blocks) if start <= at)
    start, block = blocks[index]
    if block.startswith("   * - "):  # the rows of the list-table: the row holding the claim
        rows = [(m.start(), m.end()) for m in re.finditer(r"(?ms)^   \* - .*?(?=^   \* - |\Z)", block)]
        return next(block[a:b] for a, b in rows if start + a <= at < start + b)
    if block.startswith("    ") and blocks[index - 1][1].rstrip().endswith("::"):
        return blocks[index - 1][1]  # a literal block rests on the paragraph introducing it
    return block


def _rst_urls(brief: str, unit: str) -> set[str]:
    """The URLs a unit of the brief references: named references resolved through their targets, the
    auto-numbered footnote references resolved in order to the footnote bodies, anonymous links."""
    targets = dict(TARGET.findall(brief))
    bodies = FOOTNOTE_BODY.findall(brief)
    urls = {targets[name] for name in NAMED_REF.findall(unit)}
    urls |= {url for _, url in ANON_LINK.findall(unit)}
    if FOOTNOTE_REF in unit:
        before = brief.count(FOOTNOTE_REF, 0, brief.index(unit))
        urls |= {bodies[before + n] for n in range(unit.count(FOOTNOTE_REF))}
    return urls


# --- the WeChat chat ---------------------------------------------------------------------------------


def _messages(chat: str) -> list[dict]:
    """The messages of the chat in order: sender, date, time, text (the lines under the header line)."""
    out = []
    for start, block in _blocks(chat):
        lines = block.strip("\n").splitlines()
        head = HEADER.fullmatch(lines[0])
        if head:
            out.append(
                {
                    "sender": head[1],
                    "date": head[2],
                    "time": head[3],
                    "text": "\n".join(lines[1:]),
                    "at": start,
                }
            )
    return out


def _chat_scope(messages: list[dict], index: int) -> set[str] | None:
    """The URLs a claim in message ``index`` rests on (None for the opinion message, which cites nothing):
    its own links; a quote-reply, the quoted message's; a correction, the corrected message's."""
    message = messages[index]
    text = message["text"]
    if text.startswith("个人看法"):
        return None
    quoted = QUOTE_LINE.search(text)
    if quoted:
        sender, prefix = quoted[1], quoted[2]
        source = next(
            m for m in reversed(messages[:index]) if m["sender"] == sender and m["text"].startswith(prefix)
        )
        return set(URL.findall(source["text"]))
    if text.startswith("更正：上面那条"):
        return set(URL.findall(messages[index - 1]["text"]))
    return set(URL.findall(text))


class TestHeldout20WellFormed(WellFormed):
    SET = HELDOUT20

    def test_the_brief_is_restructuredtext_with_sections_targets_footnotes_a_table_and_directives(
        self, reports: dict[str, str]
    ) -> None:
        brief = reports[RST]
        assert "](" not in brief and "**" not in brief and not re.search(r"(?m)^#", brief)  # not markdown
        lines = brief.splitlines()
        # a title underlined with ====, then a field list holding :Date:
        assert lines[1] == "=" * len(lines[1]) and len(lines[1]) >= len(lines[0]) and lines[2] == ""
        fields = lines[3 : lines.index("", 3)]
        assert ":Date: 2026-11-30" in fields and all(re.fullmatch(r":[A-Z][\w ]*: \S.*", f) for f in fields)
        # sections underlined ---- and subsections ~~~~; the last section the Outlook, citing nothing
        sections = _rst_sections(brief)
        assert [c for _, c, _, _ in sections].count("=") == 1
        tops = [(t, s, e) for t, c, s, e in sections if c == "-"]
        assert len(tops) == 5 and sum(c == "~" for _, c, _, _ in sections) >= 6
        title, start, end = tops[-1]
        outlook = brief[start:end]
        assert title == "Outlook" and end == len(brief)
        assert not URL.search(outlook) and "`_" not in outlook and FOOTNOTE_REF not in outlook
        assert re.search(r"\d", outlook)
        # every named reference has its target at the end of its own ---- section, and every target is used
        for title, start, end in tops[:-1]:
            section = brief[start:end]
            names = set(NAMED_REF.findall(section))
            targets = dict(TARGET.findall(section))
            assert names == set(targets), title
            tail = section[max(section.index(f".. _{n}:") for n in targets) :] if targets else ""
            assert not NAMED_REF.search(tail), title  # the targets come after the paragraphs using them
            first_target = min(section.index(f".. _{n}:") for n in targets)
            assert not re.search(r"(?m)^[A-Za-z]", section[first_target:].split("\n", 1)[1]), title
        # one anonymous link, two auto-numbered footnotes with URL bodies
        assert len(ANON_LINK.findall(brief)) == 1 and brief.count("`__") == 1
        assert brief.count(FOOTNOTE_REF) == 2 and len(FOOTNOTE_BODY.findall(brief)) == 2
        # every URL of the brief is a target, a footnote body or the anonymous link
        written = {u for _, u in TARGET.findall(brief)} | set(FOOTNOTE_BODY.findall(brief))
        written |= {u for _, u in ANON_LINK.findall(brief)}
        assert set(URL.findall(brief)) == written and len(written) == 10
        # a list-table whose unit is only in its title, with a header row and a Source cell per row
        table = lines.index(".. list-table:: Quarterly revenue (USD millions)")
        assert lines[table + 1] == "   :header-rows: 1" and lines[table + 2].startswith("   :widths:")
        block = brief.split(".. list-table::", 1)[1].split("\n\n", 2)[1]
        rows = [
            [c.strip() for c in re.split(r"\n\s+- ", row.strip())]
            for row in re.split(r"(?m)^   \* - ", block)[1:]
        ]
        assert rows[0] == ["Company", "Quarter", "Revenue", "Source"] and len(rows) == 4
        for row in rows[1:]:
            assert len(row) == 4 and re.fullmatch(r"\d+(\.\d+)?", row[2]), (
                row
            )  # a bare number: unit in the title
            assert NAMED_REF.fullmatch(row[3]), row
        # a note and a warning directive, each holding a figure and its own reference
        for name in ("note", "warning"):
            assert brief.count(f".. {name}::") == 1, name
            body = brief.split(f".. {name}::", 1)[1].split("\n\n", 2)[1]
            assert all(line.startswith("   ") for line in body.splitlines()), name
            assert re.search(r"\d", body) and (NAMED_REF.search(body) or FOOTNOTE_REF in body), name
        # a literal block quoting a line with a figure, after a paragraph ending in ::
        literal = re.search(r"::\n\n((?:    .+\n)+)", brief)
        assert literal and re.search(r"\$\d", literal[1])

    def test_the_chat_is_a_wechat_export_of_dated_messages_with_links_quotes_a_correction_and_a_recall(
        self, reports: dict[str, str]
    ) -> None:
        chat = reports[CHAT]
        assert chat.startswith("群聊：AI产业投研交流群\n\n")
        assert "](" not in chat and "**" not in chat and "<" not in chat  # plain text, no markup
        blocks = [b.strip("\n") for _, b in _blocks(chat)][1:]
        messages = _messages(chat)
        # every block is a message (a header line, then its text) or a one-line recall notice
        system = [b for b in blocks if not HEADER.fullmatch(b.splitlines()[0])]
        assert len(system) == 1 and RECALL.fullmatch(system[0]) and not re.search(r"\d", system[0])
        assert len(messages) == len(blocks) - 1 >= 15 and all(m["text"].strip() for m in messages)
        assert len({m["sender"] for m in messages}) >= 7
        stamps = [(m["date"], m["time"]) for m in messages]
        assert stamps == sorted(stamps)  # in order of time
        # links sit in the messages; the set's chat cites nine URLs, each once
        urls = URL.findall(chat)
        assert len(urls) == len(set(urls)) == 9
        assert sum(bool(URL.search(m["text"])) for m in messages) == 9
        # quote-replies: a 「引用 昵称：…」 line naming an earlier message by its opening words, no link of their own
        quoting = [m for m in messages if QUOTE_LINE.search(m["text"])]
        assert len(quoting) == 2
        for n, message in enumerate(messages):
            if message in quoting:
                assert not URL.search(message["text"])
                scope = _chat_scope(messages, n)
                assert scope and len(scope) == 1
        # a correction by the same sender, right after the message it corrects, with no link of its own
        fixes = [n for n, m in enumerate(messages) if m["text"].startswith("更正：上面那条是")]
        assert len(fixes) == 1
        fix = messages[fixes[0]]
        assert messages[fixes[0] - 1]["sender"] == fix["sender"] and not URL.search(fix["text"])
        assert re.fullmatch(r"更正：上面那条是同比([\d.]+%)不是([\d.]+%)，.*", fix["text"])
        # an opinion message citing nothing, with figures
        views = [m for m in messages if m["text"].startswith("个人看法")]
        assert len(views) == 1 and not URL.search(views[0]["text"]) and re.search(r"\d", views[0]["text"])
        assert sum(m["text"] == "[图片]" for m in messages) == 1
        # emoji, and the number, date and time forms the labels and the README rely on
        assert sum(bool(re.search("[\U0001f300-\U0001faff]", m["text"])) for m in messages) >= 10
        for form in (
            "亿元",
            "万元",
            "亿美元",
            "港元",
            "新台币",
            "同比",
            "环比",
            "不到",
            "超过",
            "近八成",
            "倍",
            "翻番",
            "11月27日",
            "11.27",
            "11.26",
            "下周三",
            "21:00",
        ):
            assert form in chat, form

    def test_each_label_rests_on_the_urls_of_its_citation_scope(
        self, labels: list[dict], reports: dict[str, str], manifest: dict[str, dict]
    ) -> None:
        brief, chat = reports[RST], reports[CHAT]
        messages = _messages(chat)
        outlook = brief[brief.index("Outlook\n-------") :]
        cited = {r: {u for u in URL.findall(t) if manifest[u]["status"] == 200} for r, t in reports.items()}
        for item in labels:
            text = reports[item["report"]]
            at = text.index(item["quote"]) + item["quote"].index(item["key"])
            urls = set(item["source_urls"])
            if item["report"] == RST:
                scope = None if at >= brief.index(outlook) else _rst_urls(brief, _rst_unit(brief, at))
            else:
                index = max(n for n, m in enumerate(messages) if m["at"] <= at)
                scope = _chat_scope(messages, index)
            if scope is None:  # the Outlook / the opinion message: the report's own pages, or nothing
                assert urls <= cited[item["report"]], item
                assert bool(urls) == (item["verdict"] == "verified"), item
            else:
                assert urls == scope, (item["key"], urls, scope)

    def test_pages_carry_the_formats_the_labels_rely_on(self, manifest: dict[str, dict]) -> None:
        texts = live_page_texts(manifest, self.SET.sources)
        joined = "\n".join(texts.values())
        # tables with the unit only in a caption or the header
        assert "（单位：亿元）" in joined and "总收入 52.38 36.12 45.0%" in joined
        assert (
            "(in millions, except per-share amounts; unaudited)" in joined
            and "Revenue 1,236 1,134 896" in joined
        )
        # a correction note
        assert "The campus is planned at 1.1 GW, not 900 MW." in joined
        # complete lists, English and Chinese, each with the name that is not on it
        assert "three cloud partners: Corvane Cloud, Stratavault and Pinecrest Cloud" in joined
        assert (
            "Meridia Cloud will add Kairo 3 in the first quarter of 2027 and is not a launch partner"
            in joined
        )
        assert (
            "首批算力券服务机构共三家，分别为：前海智算中心、光明科学城算力平台和坪山星河智算基地" in joined
        )
        assert "南山深湾智算中心因申报材料需补正，将纳入第二批评审" in joined
        # two subjects side by side; a figure of another period next to the right one
        assert "云服务收入31.64亿元" in joined and "智能终端收入14.21亿元" in joined
        assert "$538 million in the nine months ended Sept. 30, from $301 million a year earlier" in joined
        assert "10月合併營收新台幣842.6億元" in joined and "累計前10月營收6,915.2億元" in joined
        # what the unverified items' pages do and do not say
        assert "深曜方面未披露毛利率数据" in joined and "云衍未披露灵犀-5训练所使用的加速卡数量" in joined
        assert "Lone Mesa did not disclose the cost of the new generation." in joined
        assert "Northbeam has not said when construction will start" in joined
        assert "Kairo 4" not in joined and "customers" not in texts["https://www.lumenfold.ai/blog/kairo-3"]
        # about half the captured pages are in Chinese, one of them in Traditional characters
        sources = self.SET.sources
        langs = page_languages(manifest, sources)
        assert sum(lang.startswith("zh") for lang in langs.values()) == 6
        assert list(langs.values()).count("zh-Hant-TW") == 1
        # every page has its chrome: a cookie banner, a footer and an inline script
        for url, entry in manifest.items():
            if "file" in entry:
                raw = (sources / entry["file"]).read_text(encoding="utf-8")
                assert "<footer>" in raw and "<script>" in raw and re.search(r"(?i)cookie", raw), url
        # the dead URL has no capture; the soft 404 and the paywall say nothing of the claims resting on them
        assert manifest[DEAD]["status"] == 404 and "file" not in manifest[DEAD]
        assert "Stratavault" not in texts[SOFT_404] and "$400" not in texts[SOFT_404]
        assert "50亿" not in texts[PAYWALL] and "华岳" not in texts[PAYWALL] and "300亿" not in texts[PAYWALL]
