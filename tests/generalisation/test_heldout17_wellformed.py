"""Well-formedness of the heldout17 set (tests/fixtures/heldout17/), checked without the engine.

The set is HELD OUT: whoever tunes the engine may look only at its totals, never at which items are missed.
It was written blind to the engine. ``WellFormed`` checks its labels against its reports and its archive
(one dead URL, one soft 404, one paywall stub); the tests here check the shapes of its two reports (a PTT
BBS post copied as text, a newsletter e-mail's plain-text alternative) and that the pages carry the formats
the labels rely on.
"""

from __future__ import annotations

import re

from tests.generalisation.labelled_set import LabelledSet, WellFormed, live_page_texts

# The URLs a report cites. Not sources, so not matched: the PTT post's own address (※ 文章網址) and the
# mailing's own chrome ("View this email in your browser", Unsubscribe, Update your preferences).
URL = re.compile(r"https?://(?!www\.ptt\.cc/|mailchi\.mp/|[\w.]*list-manage\.com/)[^\s<>]+")
ANY_URL = re.compile(r"https?://[^\s<>]+")
PUSH = re.compile(r"(推|噓|→) (\w+): (.*?)\s{2,}(\d\d/\d\d \d\d:\d\d)")

HELDOUT17 = LabelledSet(
    "heldout17",
    by_report={
        "t1_ptt_post.txt": {"verified": 13, "contradicted": 10, "unverified": 7},
        "g1_newsletter_plain.txt": {"verified": 19, "contradicted": 15, "unverified": 10},
    },
    verdicts={"verified": 32, "contradicted": 25, "unverified": 17},
    kinds={"money": 26, "percent": 21, "fact": 10, "count": 9, "date": 7, "version": 1},
    live=10,
    url=URL,
    empty_pages={
        "https://tw.stock.yahoo.com/news/yuheng-liquid-cooling-013512345.html": "您要找的頁面不存在",  # soft 404
        "https://www.theinformation.com/articles/skyforge-weighs-acquisition-of-power-startup-gridwell": (
            "Subscribe to read the full article"
        ),
    },
)

PTT = "t1_ptt_post.txt"
MAIL = "g1_newsletter_plain.txt"


def _section(text: str, title: str) -> str:
    """The body of an ALL-CAPS newsletter section, up to the next rule of dashes."""
    return text.split(f"\n{title}\n", 1)[1].split("\n" + "-" * 60, 1)[0]


class TestHeldout17WellFormed(WellFormed):
    SET = HELDOUT17

    def test_the_ptt_post_has_its_header_sections_footer_and_pushes(self, reports: dict[str, str]) -> None:
        post = reports[PTT]
        lines = post.splitlines()
        assert lines[0] == "作者 chipwatcher (晶片觀察)" and lines[1] == "看板 Stock"
        assert lines[2].startswith("標題 [新聞] ")
        assert re.fullmatch(r"時間 Mon Nov 30 \d\d:\d\d:\d\d 2026", lines[3])
        body, footer = post.split("\n--\n", 1)
        # the three parts of a Stock-board news post, in order
        at = [body.index(h) for h in ("1.原文連結：", "2.原文內容：", "3.心得/評論：")]
        assert at == sorted(at)
        links = body.split("1.原文連結：", 1)[1].split("2.原文內容：", 1)[0].split()
        assert links == ["https://money.udn.com/money/story/5612/8461207"]
        # the 原文內容 and the 心得 carry no link of their own
        assert not ANY_URL.search(body.split("2.原文內容：", 1)[1])
        # footer: 發信站 and the post's own address, which is not a source
        flines = footer.splitlines()
        assert re.fullmatch(r"※ 發信站: 批踢踢實業坊\(ptt\.cc\), 來自: [\d.]+ \(臺灣\)", flines[0])
        own = re.fullmatch(r"※ 文章網址: (https://www\.ptt\.cc/bbs/Stock/M\.\d{10}\.A\.[0-9A-F]{3}\.html)", flines[1])
        assert own and not URL.search(flines[1])
        pushes = [line for line in flines if line[:1] in {"推", "噓", "→"}]
        assert len(pushes) >= 12 and all(PUSH.fullmatch(line) for line in pushes), pushes
        assert all(PUSH.fullmatch(p).group(4).startswith("11/30 ") for p in pushes)  # type: ignore[union-attr]
        # some pushes carry their own link (each at most one), some carry figures and no link
        linked = [p for p in pushes if URL.search(p)]
        assert len(linked) >= 7 and all(len(URL.findall(p)) == 1 for p in linked)
        assert any(not URL.search(p) and re.search(r"\d", PUSH.fullmatch(p).group(3)) for p in pushes)  # type: ignore[union-attr]

    def test_ptt_labels_rest_on_their_own_push(self, labels: list[dict], reports: dict[str, str]) -> None:
        post = reports[PTT]
        for item in labels:
            if item["report"] != PTT:
                continue
            line = next(line for line in post.splitlines() if item["quote"] in line)
            if PUSH.fullmatch(line):  # a push rests only on the link(s) of its own line
                assert set(item["source_urls"]) <= set(URL.findall(line)), item

    def test_the_newsletter_is_gmail_plain_text(self, reports: dict[str, str]) -> None:
        mail = reports[MAIL]
        lines = mail.splitlines()
        assert re.fullmatch(r"View this email in your browser <https://\S+>", lines[0])
        assert "](" not in mail and "**" not in mail and "<a " not in mail  # plain text, no markdown or html
        # every link is written inline in angle brackets after its anchor text
        assert all(mail[m.start() - 1] == "<" and mail[m.end()] == ">" for m in ANY_URL.finditer(mail))
        headers = [line for line in lines if line and line == line.upper() and re.search(r"[A-Z]{4}", line)]
        for title in ("TOP STORY: A GRID OF THEIR OWN", "THE CAPEX CLIMB", "FUNDING", "ASIA",
                      "SPONSORED BY NORTHBEAM CLOUD", "ONE LAST THING"):
            assert title in headers, title
        # the sponsor block has figures and exactly one link of its own; the closing section cites nothing
        sponsor = _section(mail, "SPONSORED BY NORTHBEAM CLOUD")
        assert len(URL.findall(sponsor)) == 1 and "$2.49" in sponsor
        assert not ANY_URL.search(_section(mail, "ONE LAST THING"))
        # footer: Unsubscribe link and a postal address, neither of them a source
        assert re.search(r"^Unsubscribe <https://\S+list-manage\.com/unsubscribe\?\S+>", mail, re.M)
        assert re.search(r"^Portland, OR \d{5}$", mail, re.M)
        assert not URL.search(lines[0]) and not URL.search(mail.split("Unsubscribe <", 1)[1])

    def test_newsletter_labels_rest_on_their_own_paragraph(self, labels: list[dict], reports: dict[str, str]) -> None:
        mail = reports[MAIL]
        for item in labels:
            if item["report"] != MAIL:
                continue
            paragraph = next(p for p in mail.split("\n\n") if item["quote"] in p)
            cited = set(URL.findall(paragraph))
            if cited:
                assert set(item["source_urls"]) <= cited, item
            else:  # the unsourced closing paragraph: the report's own cited pages, or nothing
                assert set(item["source_urls"]) <= set(URL.findall(mail)), item

    def test_pages_carry_the_formats_the_labels_rely_on(self, manifest: dict[str, dict]) -> None:
        joined = "\n".join(live_page_texts(manifest, self.SET.sources).values())
        assert "（單位：新臺幣百萬元；每股盈餘單位：新臺幣元）" in joined  # unit in a caption, not the cells
        assert "營業收入 15,482 13,107 9,964 18.1% 55.4%" in joined
        assert "Capital expenditure, 2026 estimate and 2027 guidance (US$ billion)" in joined
        assert "【更正】" in joined and "正確金額為45億元" in joined  # a correction note revising a figure
        assert "Correction, November 26, 2026" in joined
        assert "the three partners, Corvane Systems, Eastmere Energy and Pryor Utilities" in joined  # complete list
        assert "Vantor Power, which took part in early feasibility studies, is not a member" in joined
        texts = live_page_texts(manifest, self.SET.sources).values()
        assert sum(len(re.findall(r"[\u4e00-\u9fff]", t)) > 100 for t in texts) >= 4  # pages in Chinese
